import { describe, expect, it } from "vitest";
import type { TargetGeography } from "../../../server/model/api";
import { distanceKm } from "../../../server/regions/geo";
import { countBins, drillTarget, geoMapOption, GEO_STYLE, parentArea, regionsShown, ringPath, unplacedCount, withinArea } from "../../../client/src/model/geoMap";

const tally = (code: string, count: number, parentCode: string | null = null) => ({
  code,
  name: code,
  level: parentCode ? ("city" as const) : ("province" as const),
  parentCode,
  point: [117, 39] as [number, number],
  count,
  best: { firmId: `f${code}`, name: "f", rank: 1, score: 60 },
  statuses: null,
});

const geography: TargetGeography = {
  zone: { id: "z", name: "Z", shortName: "Z区", countyCode: "211382", point: [119.4, 41.2] },
  chain: { id: "c", name: "C" },
  area: null,
  trail: [],
  provinces: [tally("130000", 3), tally("110000", 1)],
  cities: [tally("130200", 2, "130000"), tally("110105", 1, "110000")],
  unknown: { ...tally("x", 1), code: null, name: "未知地区", level: null },
  profile: { id: "default", name: "默认", nearKm: 150, farKm: 1500 },
  candidateCount: 9,
  order: "score",
  orderedAmong: 9,
  shown: 5,
  projects: [],
};

describe("招商地图 model", () => {
  it("draws rings at the profile's distances around the zone", () => {
    for (const km of [150, 1500]) {
      const ring = ringPath([119.4, 41.2], km);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      // Each point lies at the distance asked, as the ranking measures it (km, great circle).
      for (const [lng, lat] of ring.filter((_, i) => i % 20 === 0)) {
        const d = 2 * 6371 * Math.asin(Math.sqrt(Math.sin(((lat - 41.2) * Math.PI) / 360) ** 2 + Math.cos((41.2 * Math.PI) / 180) * Math.cos((lat * Math.PI) / 180) * Math.sin(((lng - 119.4) * Math.PI) / 360) ** 2));
        expect(Math.abs(d - km)).toBeLessThan(km * 0.002 + 0.5);
      }
    }
    expect(distanceKm("211382", "211382")).toBe(0);
  });

  it("drills China → province → city and back up", () => {
    expect(regionsShown(geography).map((r) => r.code)).toEqual(["130000", "110000"]);
    expect(drillTarget(geography, "130000")).toBe("130000");
    expect(drillTarget(geography, "南海诸岛")).toBeNull();
    const province = { ...geography, area: { code: "130000", name: "河北省", level: "province" as const }, trail: [{ code: "130000", name: "河北省", level: "province" as const }] };
    expect(regionsShown(province).map((r) => r.code)).toEqual(["130200"]);
    expect(unplacedCount(province)).toBe(1);
    expect(drillTarget(province, "130200")).toBe("130200");
    expect(parentArea(province.trail)).toBeNull();
    const city = { ...province, area: { code: "130200", name: "唐山市", level: "city" as const }, trail: [...province.trail, { code: "130200", name: "唐山市", level: "city" as const }] };
    expect(drillTarget(city, "130200")).toBeNull();
    expect(parentArea(city.trail)).toBe("130000");
    expect(unplacedCount(geography)).toBe(1);
    expect(withinArea("130203", "130000")).toBe(true);
    expect(withinArea("130203", "130200")).toBe(true);
    expect(withinArea("110106", "110105")).toBe(false);
  });

  it("shades every outline, the empty ones too, with bins up to the largest count", () => {
    expect(countBins(3)).toEqual([{ min: 1, max: 1 }, { min: 2, max: 2 }, { min: 3 }]);
    expect(countBins(11).at(-1)).toEqual({ min: 11 });
    const words = { title: "T", subtitle: "S", countLegend: "N", bins: () => "", best: "B", entries: "E", signed: "G", zone: "Z", near: () => "near", far: () => "far", projects: "P", regionLabel: () => "", tooltip: () => "", projectTooltip: () => "" };
    const option = geoMapOption({ geography, map: "china", outlines: new Map([["130000", "河北省"], ["110000", "北京市"], ["650000", "新疆维吾尔自治区"]]), style: GEO_STYLE, words, fontFamily: "x" });
    expect(option.series[0]).toMatchObject({ type: "map", data: [{ name: "130000", value: 3 }, { name: "110000", value: 1 }, { name: "650000", value: 0 }] });
    expect(option.series.map((s) => (s as { name: string }).name)).toEqual(["N", "B", "near", "far", "Z", "P"]);
    expect(option.legend.data).toEqual(["B", "near", "far", "Z", "P"]);
    expect(option.title.text).toBe("T");
    // The top bin is open, given as gte: as a bare min, ECharts shaded no region in it.
    expect(option.visualMap.pieces.map((p) => [p.gte, "lte" in p ? p.lte : null])).toEqual([[1, 1], [2, 2], [3, null]]);
  });
});
