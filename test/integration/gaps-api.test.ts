import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainGaps, ChainMap, ZoneList } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { startApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  const graph = miniGraph();
  // 凌钢 also buys strip steel from 唐钢 outside the zone.
  graph.supplies.push({ from: "tangsteel", to: "lingang", product: "冷轧板", source: "test fixture" });
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS.filter((r) => r.code.startsWith("13"))), ...recordSteps(graph)]));
});
afterAll(() => app.close());

const call = async (path: string, init?: RequestInit) => {
  const res = await app.fetch(path, { headers: { "content-type": "application/json" }, ...init });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const gaps = async (query = "") => ChainGaps.parse((await call(`/api/zones/lingyuan/chains/steel/gaps${query}`)).body);
const status = (g: ChainGaps, id: string) => g.segments.find((s) => s.segmentId === id)!.status;

describe("gap diagnosis API", () => {
  it("diagnoses every segment of the chain in the zone, with reasons", async () => {
    const g = await gaps();
    expect(g.segments.map((s) => [s.segmentId, s.status])).toEqual([
      ["steel-ore", "strong"],
      ["steel-scrap", "bottleneck"],
      // 凌钢, the chain leader, is the only local firm making iron and steel: its own capacity covers them.
      ["steel-iron", "strong"],
      ["steel-steel", "strong"],
      ["steel-strip", "missing"],
    ]);
    expect(g.segments.find((s) => s.segmentId === "steel-iron")!.coverage).toContain("链主凌钢自有产能");
    expect(g.figures).toMatchObject({ completeness: 0.6, byStatus: { strong: 3, weak: 0, missing: 1, bottleneck: 1 }, gapSegments: 2, leaderOwn: 2 });
    expect(g.segments.every((s) => s.gaps.every((gap) => gap.reason.length > 5))).toBe(true);
    // The strip project is under construction: that gap is being filled.
    expect(g.segments.find((s) => s.segmentId === "steel-strip")!.filling.map((p) => p.id)).toEqual(["p-strip"]);
  });

  it("lists what the leader buys from outside the zone", async () => {
    const g = await gaps();
    expect(g.leaderDependencies).toEqual([
      expect.objectContaining({ leaderId: "lingang", supplierId: "tangsteel", product: "冷轧板", segmentIds: ["steel-strip"] }),
    ]);
    expect(g.segments.find((s) => s.segmentId === "steel-strip")!.gaps.map((x) => x.kind)).toEqual(["missing", "leader-dependency"]);
  });

  it("takes thresholds from the request, and saved thresholds change every later answer", async () => {
    expect(status(await gaps("?minFirms=1&minCapital=100"), "steel-iron")).toBe("strong");
    expect((await call("/api/settings/gap-thresholds", { method: "PUT", body: JSON.stringify({ minFirms: 3, minCapital: 0 }) })).status).toBe(200);
    // Two ore firms are fewer than three, but one is 凌钢's subsidiary: the leader's own capacity, not weak.
    const saved = await gaps();
    expect(status(saved, "steel-ore")).toBe("strong");
    expect(saved.segments.find((s) => s.segmentId === "steel-ore")!.coverage).toBe("链主凌钢自有产能（经凌源铁矿有限公司，20 万元），另有凌源矿业有限公司（注册资本未知）；不招引链主的同业竞争者。");
    expect(saved.figures.leaderOwn).toBe(3);
    expect(saved.thresholds).toEqual({ minFirms: 3, minCapital: 0 });
    expect((await call("/api/settings/gap-thresholds")).body).toEqual({ minFirms: 3, minCapital: 0 });
    await call("/api/settings/gap-thresholds", { method: "PUT", body: JSON.stringify({ minFirms: 2, minCapital: 5000 }) });
  });

  it("only an admin saves thresholds: an editor gets 403 and nothing changes", async () => {
    const editor = await app.as("editor");
    const res = await editor("/api/settings/gap-thresholds", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ minFirms: 9, minCapital: 0 }) });
    expect(res.status).toBe(403);
    expect((await call("/api/settings/gap-thresholds")).body).toEqual({ minFirms: 2, minCapital: 5000 });
  });

  it("a planner's flag makes a segment a bottleneck, and removing it undoes that", async () => {
    // Who flagged it is the logged-in user, whatever the body says.
    const editor = await app.as("editor");
    const flag = await editor("/api/zones/lingyuan/segments/steel-ore/flag", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ note: "品位低", flaggedBy: "招商局" }) });
    expect(flag.status).toBe(204);
    const flagged = await gaps();
    expect(status(flagged, "steel-ore")).toBe("bottleneck");
    expect(flagged.segments[0]!.flag).toMatchObject({ note: "品位低", flaggedBy: "editor" });
    expect((await call("/api/zones/lingyuan/segments/steel-ore/flag", { method: "DELETE" })).status).toBe(204);
    expect(status(await gaps(), "steel-ore")).toBe("strong");
  });

  it("the map and the overview show the same statuses and counts", async () => {
    const g = await gaps();
    const map = ChainMap.parse((await call("/api/zones/lingyuan/chains/steel/map")).body);
    expect(map.segments.map((s) => s.status)).toEqual(g.segments.map((s) => s.status));
    expect(map.segments.find((s) => s.id === "steel-strip")!.filling).toBe(true);
    const overview = ZoneList.parse((await call("/api/zones")).body);
    // One figure everywhere: the overview and the map carry the diagnosis' own.
    expect(overview.find((z) => z.id === "lingyuan")!.chains[0]!.figures).toEqual(g.figures);
    expect(map.figures).toEqual(g.figures);
    expect(g.figures).toMatchObject({ completeness: 0.6, gapSegments: 2 });
  });

  it.each([
    ["/api/zones/lingyuan/chains/steel/gaps?minFirms=0", "GET", undefined, 400, "query.minFirms"],
    ["/api/zones/lingyuan/segments/steel-ore/flag", "PUT", {}, 400, "body.note"],
    ["/api/settings/gap-thresholds", "PUT", { minFirms: "two", minCapital: 1 }, 400, "body.minFirms"],
  ])("%s (%s) with bad input is a %i naming %s", async (path, method, body, expected, field) => {
    const res = await call(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(res.status).toBe(expected);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it("flagging an unknown segment or zone is a 404 and writes nothing", async () => {
    const body = JSON.stringify({ note: "x" });
    expect((await call("/api/zones/lingyuan/segments/nope/flag", { method: "PUT", body })).status).toBe(404);
    expect((await call("/api/zones/nowhere/segments/steel-ore/flag", { method: "PUT", body })).status).toBe(404);
    expect((await gaps()).segments.every((s) => s.flag === null)).toBe(true);
  });
});
