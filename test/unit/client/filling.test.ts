import { describe, expect, it } from "vitest";
import { fileNameOf } from "../../../client/src/api/client";
import { buildMapElements } from "../../../client/src/model/elements";
import { MEETING_PALETTE, STANDARD_PALETTE, fillingBadgeUri } from "../../../client/src/model/palette";
import { segmentStatuses } from "../../../client/src/model/status";
import { renderMapSvg } from "../../../client/src/model/svg";
import { steelMap } from "./map-fixture";

const laneLabels = { inputs: "来自其他链", upstream: "上游", midstream: "中游", downstream: "下游", outputs: "流向其他链" };

function fillingMap() {
  const map = steelMap();
  map.segments = map.segments.map((s) => ({ ...s, filling: s.id === "cold-rolled" }));
  return map;
}

describe("a segment being filled (补链中)", () => {
  it("when a signed project fills a segment, then its node carries the mark and the others do not", () => {
    const map = fillingMap();
    const { nodes } = buildMapElements(map, segmentStatuses(map), { laneLabels });
    const cold = nodes.find((n) => n.data.id === "cold-rolled")!;
    expect(cold.classes).toContain("filling");
    expect(cold.data.filling).toBe(true);
    expect(nodes.filter((n) => n.classes.includes("filling"))).toHaveLength(1);
  });

  it("draws the badge in the SVG export and the print view, and names it in the legend", () => {
    const map = fillingMap();
    const elements = buildMapElements(map, segmentStatuses(map), { laneLabels });
    const svg = renderMapSvg(elements, {
      palette: STANDARD_PALETTE,
      legend: { status: { strong: "强", weak: "弱", missing: "缺", bottleneck: "卡点" }, leader: "链主", external: "外链", filling: "补链中" },
    });
    expect(svg.match(/data-mark="filling"/g)).toHaveLength(1);
    expect(svg).toContain("补链中");
    const plain = renderMapSvg(buildMapElements(steelMap(), segmentStatuses(steelMap()), { laneLabels }), { palette: STANDARD_PALETTE });
    expect(plain).not.toContain('data-mark="filling"');
  });

  it("gives the canvas the badge as an image it can load without a request", () => {
    for (const palette of [STANDARD_PALETTE, MEETING_PALETTE]) {
      const uri = fillingBadgeUri(palette);
      expect(uri.startsWith("data:image/svg+xml;utf8,")).toBe(true);
      expect(decodeURIComponent(uri)).toContain(palette.filling.fill);
    }
  });
});

describe("download file names", () => {
  it("takes the UTF-8 name the server gives, so Chinese names survive", () => {
    const header = `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent("凌源经开区-现代钢铁冶金-清单-2026-11-22.xlsx")}`;
    expect(fileNameOf(header)).toBe("凌源经开区-现代钢铁冶金-清单-2026-11-22.xlsx");
    expect(fileNameOf('attachment; filename="export.csv"')).toBe("export.csv");
    expect(fileNameOf(null)).toBeNull();
  });
});
