import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainDetail, ChainMap, FirmDetail, Health, RegionList, SearchResults, ZoneDetail, ZoneList } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { startApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS.filter((r) => r.code.startsWith("21") || r.code.startsWith("13"))), ...recordSteps(miniGraph())]));
});
afterAll(() => app.close());

async function get(path: string) {
  const res = await app.fetch(path);
  return { status: res.status, body: (await res.json()) as any };
}

describe("read API", () => {
  it("names the engine in /api/health", async () => {
    const { status, body } = await get("/api/health");
    expect(status).toBe(200);
    expect(Health.parse(body).engine).toBe(process.env.NEO4J_URI ? "neo4j" : "kuzu");
  });

  it("lists zones with each leading chain's coverage and leader", async () => {
    const zones = ZoneList.parse((await get("/api/zones")).body);
    expect(zones.map((z) => z.id)).toEqual(["beipiao", "lingyuan"]);
    const steel = zones.find((z) => z.id === "lingyuan")!.chains[0]!;
    // steel has 5 segments; 铁精粉, 炼铁 and 炼钢 have local firms.
    expect(steel).toMatchObject({ id: "steel", rank: 1, segmentCount: 5, coveredCount: 3, completeness: 0.6 });
    expect(steel.leaders).toEqual([{ id: "lingang", name: "凌钢" }]);
  });

  it("returns one zone with its totals", async () => {
    const zone = ZoneDetail.parse((await get("/api/zones/lingyuan")).body);
    expect(zone).toMatchObject({ firmCount: 3, projectCount: 1, countyCode: "211382" });
    const other = ZoneDetail.parse((await get("/api/zones/beipiao")).body);
    expect(other).toMatchObject({ firmCount: 0, projectCount: 0 });
    expect(other.chains[0]).toMatchObject({ id: "coal", segmentCount: 1, coveredCount: 0, leaders: [] });
  });

  it("returns a chain with segments in stage order and its FEEDS links, including other chains' inputs", async () => {
    const chain = ChainDetail.parse((await get("/api/chains/steel")).body);
    expect(chain.segments.map((s) => s.id)).toEqual(["steel-ore", "steel-scrap", "steel-iron", "steel-steel", "steel-strip"]);
    expect(chain.links).toContainEqual(expect.objectContaining({ source: "coal-coke", target: "steel-iron", sourceChainId: "coal" }));
    expect(chain.links).toHaveLength(5);
  });

  it("returns everything a chain map needs in one request", async () => {
    const map = ChainMap.parse((await get("/api/zones/lingyuan/chains/steel/map")).body);
    expect(map.completeness).toBe(0.6);
    const byId = Object.fromEntries(map.segments.map((s) => [s.id, s]));
    expect(byId["steel-ore"]).toMatchObject({ localFirmCount: 2, leader: false, projectCount: 0 });
    expect(byId["steel-iron"]).toMatchObject({ localFirmCount: 1, leader: true });
    expect(byId["steel-strip"]).toMatchObject({ localFirmCount: 0, projectCount: 1 });
    expect(map.links).toHaveLength(4);
    expect(map.externalLinks).toEqual([expect.objectContaining({ source: "coal-coke", target: "steel-iron" })]);
    // Only the zone's own firms: 唐钢 in Tangshan is not local.
    expect(map.firms.map((f) => f.id).sort()).toEqual(["lingang", "ore-one", "ore-two"]);
    expect(map.firms.find((f) => f.id === "lingang")).toMatchObject({ isLeader: true, capital: 100.5 });
    expect(map.projects).toEqual([expect.objectContaining({ id: "p-strip", status: "在建", investment: 52000.5 })]);
    expect(map.projects[0]!.segmentIds.sort()).toEqual(["steel-steel", "steel-strip"]);
  });

  it("returns a firm with its segments, zone, ties, projects and the chains it leads", async () => {
    const firm = FirmDetail.parse((await get("/api/firms/lingang")).body);
    expect(firm.zone?.id).toBe("lingyuan");
    expect(firm.region.path).toBe("辽宁省 朝阳市 凌源市");
    expect(firm.attributes).toEqual({ 经营范围: "钢铁冶炼、压延加工" });
    expect(firm.segments.map((s) => s.segmentId)).toEqual(["steel-iron", "steel-steel"]);
    expect(firm.ties).toEqual([expect.objectContaining({ direction: "buys", otherId: "ore-one", product: "铁精粉" })]);
    expect(firm.leads).toEqual([{ chainId: "steel", chainName: "钢铁冶金", zoneId: "lingyuan" }]);
    expect(firm.projects.map((p) => p.id)).toEqual(["p-strip"]);
    expect(firm.parent).toBeNull();
    expect(firm.children).toEqual([{ id: "ore-one", name: "凌源铁矿有限公司", kind: "subsidiary", source: expect.any(String) }]);
  });

  it("names a subsidiary's parent firm", async () => {
    const firm = FirmDetail.parse((await get("/api/firms/ore-one")).body);
    expect(firm.parent).toMatchObject({ id: "lingang", name: "凌源钢铁集团有限责任公司", kind: "subsidiary" });
    expect(firm.children).toEqual([]);
  });

  it("lists regions by level and parent", async () => {
    const cities = RegionList.parse((await get("/api/regions?level=city&parent=210000")).body);
    expect(cities.map((c) => c.name)).toContain("朝阳市");
    expect(cities.every((c) => c.level === "city" && c.parentCode === "210000")).toBe(true);
  });

  it.each([
    ["lg", "lingang"],
    ["linggang", "lingang"],
    ["凌钢", "lingang"],
    ["tg", "tangsteel"],
    ["唐山钢铁", "tangsteel"],
  ])("search %s finds %s first", async (q, id) => {
    const results = SearchResults.parse((await get(`/api/search?q=${encodeURIComponent(q)}`)).body);
    expect(results.firms[0]?.id).toBe(id);
  });

  it("search finds segments by keyword pinyin and chains by name", async () => {
    const results = SearchResults.parse((await get(`/api/search?q=${encodeURIComponent("jiaohua")}`)).body);
    expect(results.segments.map((s) => s.id)).toEqual(["coal-coke"]);
    const chains = SearchResults.parse((await get(`/api/search?q=${encodeURIComponent("钢铁")}`)).body);
    expect(chains.chains.map((c) => c.id)).toEqual(["steel"]);
  });
});

describe("read API errors", () => {
  it.each([
    ["/api/zones/nowhere", "zone"],
    ["/api/chains/nochain", "chain"],
    ["/api/firms/nobody", "firm"],
    ["/api/zones/nowhere/chains/steel/map", "zone"],
    ["/api/zones/lingyuan/chains/nochain/map", "chain"],
  ])("GET %s is a 404 naming the unknown %s", async (path, what) => {
    const { status, body } = await get(path);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain(what);
  });

  it.each([
    ["/api/search", "query.q"],
    ["/api/search?q=%20%20", "query.q"],
    ["/api/search?q=lg&limit=0", "query.limit"],
    ["/api/regions?level=planet", "query.level"],
    ["/api/regions?parent=21", "query.parent"],
    ["/api/firms/Not%20An%20Id", "params.firmId"],
  ])("GET %s is a 400 naming %s", async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it("an unknown API route is a JSON 404", async () => {
    const { status, body } = await get("/api/nothing-here");
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("every answer carries a Content-Security-Policy and no framework banner", async () => {
    const res = await app.fetch("/api/health");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("malformed JSON is a 400 without a stack trace", async () => {
    const res = await app.fetch("/api/search?q=x", { method: "POST", headers: { "content-type": "application/json" }, body: "{bad" });
    const body = (await res.json()) as any;
    expect(res.status).toBe(400);
    expect(JSON.stringify(body)).not.toMatch(/node_modules|at .*\(/);
  });
});
