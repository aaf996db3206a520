/**
 * 招商地图 on a hand-built graph: per province and map unit, the count and the best firm are
 * those of the ranking's own rows with the same filters; a firm the divisions do not place is
 * counted as 未知地区; the map's area narrows the table as it narrows the map; signed projects
 * sit at their firms' home regions; a target list's map counts its entries by status.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ListGeography, TargetGeography, TargetListDetail, TargetRanking } from "../../server/model/api.js";
import { ALL_REGIONS, mapUnitsOf } from "../../server/regions/divisions.js";
import { regionPoint } from "../../server/regions/geo.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { startApp, type RunningApp } from "../support/sample-app.js";

const src = "test";
let app: RunningApp;
beforeAll(async () => {
  const graph = withCandidates(miniGraph());
  const firm = (id: string, name: string, regionCode: string, capital: number) => ({
    id, name, regionCode, capital, uscc: null, aliases: [], zoneId: null, capitalSource: null, capitalAsOf: null, capitalAmount: null, capitalCurrency: null,
    foundedOn: null, staff: null, revenue: null, tags: [], sample: false, source: src, asOf: null, attributes: {},
  });
  const link = (firmId: string, segmentId: string, confidence = 0.9) => ({ firmId, segmentId, products: "", capacity: "", confidence, source: src, evidence: "" });
  graph.firms.push(
    // A second 江苏 city, so one province holds two map units.
    firm("wx-strip", "无锡冷轧有限公司", "320205", 2000),
    // A code the divisions do not know (a retired or mistyped one): 未知地区, not dropped.
    firm("lost-strip", "某冷轧有限公司", "990101", 5000),
    // Signed for the zone: a project's home region, never a target.
    firm("hz-strip", "杭州冷轧有限公司", "330106", 8000),
    // Small and far, but in two gap segments: first by 补链效果, last by score.
    firm("xj-both", "乌鲁木齐钢材回收加工有限公司", "650102", 10),
  );
  graph.operatesIn.push(
    link("wx-strip", "steel-strip", 0.7), link("lost-strip", "steel-strip", 0.6), link("hz-strip", "steel-strip"),
    link("xj-both", "steel-strip", 0.5), link("xj-both", "steel-scrap", 0.5),
  );
  graph.projects.push({ id: "p-hz", name: "杭州冷轧落户项目", firmId: "hz-strip", zoneId: "lingyuan", segmentIds: ["steel-strip"], investment: 1000, status: "签约", statusOn: "2025-09-01", description: "", source: src });
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]), { logError: console.error });
});
afterAll(() => app.close());

const get = async (path: string) => {
  const res = await app.fetch(path);
  return { status: res.status, body: (await res.json()) as any };
};
const BASE = "/api/zones/lingyuan/chains/steel/targets";
const ranking = async (query: string) => TargetRanking.parse((await get(`${BASE}?${query}`)).body);
const geography = async (query: string) => {
  const res = await get(`${BASE}/geography?${query}`);
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return TargetGeography.parse(res.body);
};

/** The counts and best firms the ranking's rows give, worked out here from the rows alone. */
function expectedTallies(r: TargetRanking) {
  const tallies = new Map<string, { count: number; best: { firmId: string; rank: number; score: number } }>();
  for (const row of r.results) {
    const units = mapUnitsOf(row.firm.regionCode);
    for (const code of units ? [units.province.code, units.city?.code] : ["unknown"]) {
      if (!code) continue;
      const tally = tallies.get(code);
      const best = { firmId: row.firm.id, rank: row.rank, score: row.total };
      if (!tally) tallies.set(code, { count: 1, best });
      else {
        tally.count++;
        // The highest score (the map's dot), in whatever order the table shows its rows.
        if (row.rank < tally.best.rank) tally.best = best;
      }
    }
  }
  return tallies;
}

function tallied(g: TargetGeography) {
  return new Map(
    [...g.provinces, ...g.cities, ...(g.unknown ? [g.unknown] : [])].map((t) => [t.code ?? "unknown", { count: t.count, best: t.best && { firmId: t.best.firmId, rank: t.best.rank, score: t.best.score } }]),
  );
}

describe("招商地图 of a ranking", () => {
  it.each(["limit=50", "regionGroup=jingjinji", "tags=上市", "limit=2", "segment=steel-strip&minCapital=1000", "profile=default&limit=3"])(
    "counts and best scores per region are the ranking's rows (%s)",
    async (query) => {
      const [r, g] = await Promise.all([ranking(query), geography(query)]);
      expect(tallied(g)).toEqual(expectedTallies(r));
      expect(g.shown).toBe(r.results.length);
      expect(g.candidateCount).toBe(r.candidateCount);
    },
  );

  it("counts the table's rows when it is ordered by 补链效果, not the first by score", async () => {
    const query = "order=effect&limit=2";
    const [byEffect, byScore, g] = await Promise.all([ranking(query), ranking("limit=2"), geography(query)]);
    // The two orders show different firms here, so the map must follow the order.
    expect(byEffect.results.map((r) => r.firm.id).sort()).not.toEqual(byScore.results.map((r) => r.firm.id).sort());
    expect(tallied(g)).toEqual(expectedTallies(byEffect));
    expect(g).toMatchObject({ order: "effect", orderedAmong: byEffect.candidateCount, shown: 2, candidateCount: byEffect.candidateCount });
    expect((await geography("limit=2")).order).toBe("score");
  });

  it("counts a firm the divisions do not place as 未知地区, and every row once per level", async () => {
    const g = await geography("");
    expect(g.unknown).toMatchObject({ code: null, name: "未知地区", count: 1, best: { firmId: "lost-strip" } });
    expect(g.provinces.reduce((n, p) => n + p.count, 0) + g.unknown!.count).toBe(g.shown);
    const jiangsu = g.provinces.find((p) => p.code === "320000")!;
    expect(jiangsu).toMatchObject({ name: "江苏省", level: "province", count: 2, best: { firmId: "js-strip" }, point: regionPoint("320000") });
    expect(g.cities.filter((c) => c.parentCode === "320000").map((c) => [c.code, c.count])).toEqual([
      ["320200", 1],
      ["320500", 1],
    ]);
    // 北京's map draws its districts: the district is the unit.
    expect(g.cities.find((c) => c.parentCode === "110000")).toMatchObject({ code: "110105", name: "朝阳区", count: 1 });
  });

  it("marks the zone, the profile's near and far distances, and the signed projects' home regions", async () => {
    const g = await geography("");
    expect(g.zone).toMatchObject({ id: "lingyuan", countyCode: "211382", point: regionPoint("211382") });
    expect(g.profile).toMatchObject({ id: "default", nearKm: 150, farKm: 1500 });
    // Signed or further along (在建 is): the zone's own firm's project sits at home.
    expect(g.projects).toEqual([
      expect.objectContaining({ id: "p-hz", status: "签约", firmName: "杭州冷轧有限公司", regionCode: "330106", provinceCode: "330000", cityCode: "330100", point: regionPoint("330106") }),
      expect.objectContaining({ id: "p-strip", status: "在建", firmName: "凌钢", provinceCode: "210000", cityCode: "211300" }),
    ]);
  });

  it("narrows the map and the table alike to a region, with the way back up", async () => {
    const province = await geography("area=320000");
    expect(province.area).toEqual({ code: "320000", name: "江苏省", level: "province" });
    expect(province.trail.map((t) => t.name)).toEqual(["江苏省"]);
    expect(province.provinces.map((p) => p.code)).toEqual(["320000"]);
    expect((await ranking("area=320000")).results.map((r) => r.firm.id).sort()).toEqual(["js-strip", "wx-strip"]);

    const city = await geography("area=320500");
    expect(city.trail.map((t) => t.code)).toEqual(["320000", "320500"]);
    expect(city.cities.map((c) => [c.code, c.count])).toEqual([["320500", 1]]);

    const district = await geography("area=110105");
    expect(district.trail.map((t) => t.name)).toEqual(["北京市", "朝阳区"]);
    expect(district.shown).toBe(1);

    // The area lies within the other region filters: 江苏 is outside 京津冀.
    expect((await ranking("regionGroup=jingjinji&area=320000")).results).toEqual([]);
    expect((await ranking("regions=110000,320000&area=320000")).results.map((r) => r.firm.id).sort()).toEqual(["js-strip", "wx-strip"]);
  });

  it("refuses an area the map does not draw, saying what to give", async () => {
    const county = await get(`${BASE}/geography?area=320583`);
    expect(county.status).toBe(400);
    expect(county.body.error.details[0]).toMatchObject({ field: "query.area" });
    expect((await get(`${BASE}/geography?area=999999`)).status).toBe(400);
    expect((await get(`${BASE}?area=abc`)).status).toBe(400);
  });
});

describe("招商地图 of a target list", () => {
  it("counts the list's entries by region and status, and narrows to an area", async () => {
    const created = await app.fetch("/api/lists", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "全国冷轧", zoneId: "lingyuan", chainId: "steel", top: 10, filters: { regionGroup: undefined, segment: "steel-strip" } }),
    });
    const list = TargetListDetail.parse(await created.json());
    const entry = list.entries.find((e) => e.firm.id === "js-strip")!;
    await app.fetch(`/api/lists/${list.id}/entries/${entry.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ version: entry.version, status: "洽谈中" }) });

    const g = ListGeography.parse((await get(`/api/lists/${list.id}/geography`)).body);
    expect(g.list).toEqual({ id: list.id, name: "全国冷轧" });
    expect(g.entryCount).toBe(list.entries.length);
    const jiangsu = g.provinces.find((p) => p.code === "320000")!;
    expect(jiangsu.count).toBe(2);
    expect(jiangsu.statuses).toMatchObject({ 洽谈中: 1, 待接触: 1 });
    expect(g.unknown).toMatchObject({ name: "未知地区", count: 1, statuses: expect.objectContaining({ 待接触: 1 }) });

    const suzhou = ListGeography.parse((await get(`/api/lists/${list.id}/geography?area=320500`)).body);
    expect(suzhou.entryCount).toBe(1);
    expect(suzhou.cities).toEqual([expect.objectContaining({ code: "320500", count: 1, statuses: expect.objectContaining({ 洽谈中: 1 }) })]);
  });
});
