import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProfileList, TargetRanking } from "../../server/model/api.js";
import { DEFAULT_SCORING_PROFILE } from "../../server/model/domain.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { startApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  const graph = withCandidates(miniGraph());
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]), { logError: console.error });
});
afterAll(() => app.close());

const call = async (path: string, init?: RequestInit) => {
  const res = await app.fetch(path, { headers: { "content-type": "application/json" }, ...init });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const rank = async (query = "") => {
  const res = await call(`/api/zones/lingyuan/chains/steel/targets${query}`);
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  return TargetRanking.parse(res.body);
};
const ids = (r: TargetRanking) => r.results.map((t) => t.firm.id);

describe("target ranking API", () => {
  it("ranks firms outside the zone in the chain's gap segments, explained", async () => {
    const r = await rank();
    // 炼铁 and 炼钢 are the leader's own: no targets there (its competitors).
    expect(r.targetSegments.map((s) => s.id)).toEqual(["steel-scrap", "steel-strip"]);
    expect(ids(r).sort()).toEqual(["bj-scrap", "js-strip", "sy-strip", "tangsteel"]);
    // 唐钢 already supplies the leader and sits in 京津冀: first.
    expect(ids(r)[0]).toBe("tangsteel");
    expect(r.results[0]!.reason).toContain("已向链主凌钢供货");
    for (const t of r.results) {
      expect(t.reason.length).toBeGreaterThan(4);
      expect(Object.keys(t.components)).toHaveLength(7);
    }
  });

  it("keeps to a region group, explicit regions (a province covers its cities), tags and capital", async () => {
    expect(ids(await rank("?regionGroup=jingjinji")).sort()).toEqual(["bj-scrap", "tangsteel"]);
    expect(ids(await rank("?regions=320000"))).toEqual(["js-strip"]);
    expect(ids(await rank("?regions=320500,210100")).sort()).toEqual(["js-strip", "sy-strip"]);
    expect(ids(await rank("?tags=上市")).sort()).toEqual(["js-strip", "tangsteel"]);
    expect(ids(await rank("?minCapital=1000")).sort()).toEqual(["js-strip", "tangsteel"]);
    expect(ids(await rank("?segment=steel-scrap"))).toEqual(["bj-scrap"]);
    expect(ids(await rank("?limit=1"))).toHaveLength(1);
    expect((await rank("?limit=1")).candidateCount).toBe(4);
  });

  it("gives the same order on every call", async () => {
    const first = ids(await rank());
    for (let i = 0; i < 3; i++) expect(ids(await rank())).toEqual(first);
  });

  it("ranks by a saved profile, and profiles can be listed, edited and deleted", async () => {
    const capitalOnly = { ...DEFAULT_SCORING_PROFILE, name: "只看规模", weights: { segmentFit: 0, size: 100, quality: 0, ties: 0, region: 0, distance: 0, freshness: 0 } };
    expect((await call("/api/profiles/size-only", { method: "PUT", body: JSON.stringify(capitalOnly) })).status).toBe(200);
    expect(ids(await rank("?profile=size-only"))[0]).toBe("tangsteel");
    expect(ProfileList.parse((await call("/api/profiles")).body).map((p) => p.id)).toEqual(["default", "size-only"]);
    expect((await call("/api/profiles/size-only", { method: "DELETE" })).status).toBe(204);
    expect((await call("/api/zones/lingyuan/chains/steel/targets?profile=size-only")).status).toBe(404);
    expect((await call("/api/profiles/default", { method: "DELETE" })).status).toBe(409);
  });

  it.each([
    ["?regions=999999", "query.regions"],
    ["?tags=最好的", "query.tags.0"],
    ["?limit=0", "query.limit"],
    ["?minCapital=-5", "query.minCapital"],
  ])("rejects %s naming %s", async (query, field) => {
    const res = await call(`/api/zones/lingyuan/chains/steel/targets${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it("rejects a profile whose weights are all zero, naming the field", async () => {
    const res = await call("/api/profiles/zero", { method: "PUT", body: JSON.stringify({ ...DEFAULT_SCORING_PROFILE, weights: { segmentFit: 0, size: 0, quality: 0, ties: 0, region: 0, distance: 0, freshness: 0 } }) });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe("body.weights");
  });

  it("an unknown region group or segment is a 404", async () => {
    expect((await call("/api/zones/lingyuan/chains/steel/targets?regionGroup=mars")).status).toBe(404);
    expect((await call("/api/zones/lingyuan/chains/steel/targets?segment=coal-coke")).status).toBe(404);
  });
});
