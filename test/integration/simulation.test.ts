/**
 * 补链模拟 against the real thing: firms simulated on a hand-built graph, then really landed
 * (located in the zone, as editing a firm does), give exactly the same map and diagnosis.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LandingSimulation, RankedTargets, ScenarioList } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { updateFirm } from "../../server/services/editing/firms.js";
import { readFirm } from "../../server/services/firms.js";
import { getChainGaps } from "../../server/services/gaps.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { getChainMap } from "../../server/services/maps.js";
import { simulateChain } from "../../server/services/simulation.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { startApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  const graph = withCandidates(miniGraph());
  // A subsidiary of the chain leader outside the zone, in the scrap segment: landed, it is the leader's own capacity.
  graph.firms.push({ ...graph.firms.find((f) => f.id === "bj-scrap")!, id: "lg-scrap", name: "凌钢再生资源有限公司", capital: 5000, tags: [] });
  graph.operatesIn.push({ firmId: "lg-scrap", segmentId: "steel-scrap", products: "废钢", capacity: "", confidence: 0.9, source: "test fixture", evidence: "" });
  graph.belongsTo.push({ from: "lg-scrap", to: "lingang", kind: "subsidiary", source: "test fixture" });
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS.filter((r) => /^(11|13|21|32)/.test(r.code))), ...recordSteps(graph)]));
});
afterAll(() => app.close());

const call = async (path: string, init?: RequestInit) => {
  const res = await app.fetch(path, { headers: { "content-type": "application/json" }, ...init });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};

/** Lands the firms for real, reads the map and diagnosis, and moves them back out. */
async function landForReal(firmIds: string[]) {
  for (const id of firmIds) await updateFirm(app.store, id, { version: (await readFirm(app.store, id))!.version, zoneId: "lingyuan" }, "editor");
  const [map, gaps] = await Promise.all([getChainMap(app.store, "lingyuan", "steel"), getChainGaps(app.store, "lingyuan", "steel")]);
  for (const id of firmIds) await updateFirm(app.store, id, { version: (await readFirm(app.store, id))!.version, zoneId: null }, "editor");
  return { map, gaps };
}

describe("补链模拟", () => {
  // 唐钢 supplies the leader from outside (its dependency goes); 北京废钢 fills the scrap bottleneck
  // alone; 江苏/沈阳冷轧 the missing strip segment; 凌钢再生 is the leader's own subsidiary.
  const cases = [["tangsteel"], ["bj-scrap"], ["lg-scrap"], ["js-strip", "sy-strip"], ["bj-scrap", "js-strip", "sy-strip", "tangsteel", "ts-ore", "lg-scrap"]];

  it.each(cases)("gives the figures, statuses and map a real landing gives (%s …)", async (...firmIds) => {
    const before = await getChainGaps(app.store, "lingyuan", "steel");
    const simulated = await simulateChain(app.store, "lingyuan", "steel", firmIds);
    const real = await landForReal(firmIds);
    expect(simulated.before).toEqual(before.figures);
    expect(simulated.after).toEqual(real.gaps.figures);
    expect(simulated.map).toEqual(real.map);
    expect(simulated.remainingGaps).toEqual(real.gaps.segments.filter((s) => s.status !== "strong").map((s) => ({ segmentId: s.segmentId, name: s.name, status: s.status, kinds: [...new Set(s.gaps.map((g) => g.kind))] })));
    // And the graph is as it was: a simulation writes nothing.
    expect((await getChainGaps(app.store, "lingyuan", "steel")).figures).toEqual(before.figures);
  });

  it("says which gaps close and which ties to the leader the landing makes", async () => {
    const { body, status } = await call("/api/zones/lingyuan/chains/steel/simulation?firms=bj-scrap,tangsteel");
    expect(status).toBe(200);
    const sim = LandingSimulation.parse(body);
    expect(sim.closedGaps).toEqual(expect.arrayContaining([{ segmentId: "steel-scrap", name: "废钢", kind: "bottleneck" }, { segmentId: "steel-strip", name: "冷轧带钢", kind: "missing" }, { segmentId: "steel-strip", name: "冷轧带钢", kind: "leader-dependency" }]));
    expect(sim.changed).toEqual(expect.arrayContaining([{ segmentId: "steel-scrap", name: "废钢", before: "bottleneck", after: "strong" }]));
    expect(sim.after.completeness).toBe(1);
    expect(sim.before.completeness).toBe(0.8);
    expect(sim.leaderTies).toEqual([expect.objectContaining({ firmId: "bj-scrap", segmentId: "steel-scrap", leaderSegmentIds: ["steel-steel"] })]);
    expect(sim.map.firms.map((f) => f.id)).toEqual(expect.arrayContaining(["bj-scrap", "tangsteel"]));
  });

  it("refuses unknown, local and off-chain firms and too many, naming them", async () => {
    const unknown = await call("/api/zones/lingyuan/chains/steel/simulation?firms=bj-scrap,no-such-firm");
    expect([unknown.status, unknown.body.error.message]).toEqual([404, expect.stringContaining("no-such-firm")]);
    const local = await call("/api/zones/lingyuan/chains/steel/simulation?firms=ore-one");
    expect([local.status, local.body.error.message]).toEqual([400, expect.stringContaining("凌源铁矿有限公司")]);
    const many = await call(`/api/zones/lingyuan/chains/steel/simulation?firms=${Array.from({ length: 51 }, (_, i) => `f${i}`).join(",")}`);
    expect([many.status, many.body.error.message]).toEqual([400, expect.stringContaining("At most 50")]);
    const none = await call("/api/zones/lingyuan/chains/steel/simulation");
    expect(none.status).toBe(400);
  });

  it("shows each ranked candidate's own effect, orders by it, and recommends a set", async () => {
    const byScore = RankedTargets.parse((await call("/api/zones/lingyuan/chains/steel/targets")).body);
    const effectOf = (id: string) => byScore.results.find((r) => r.firm.id === id)!.effect;
    const alone = await simulateChain(app.store, "lingyuan", "steel", ["bj-scrap"]);
    expect(effectOf("bj-scrap")).toEqual({ closedGaps: alone.closedGaps, completenessAfter: alone.after.completeness, gapSegmentsAfter: alone.after.gapSegments });
    const byEffect = RankedTargets.parse((await call("/api/zones/lingyuan/chains/steel/targets?order=effect")).body);
    const closed = byEffect.results.map((r) => r.effect.closedGaps.length);
    expect(closed).toEqual([...closed].sort((a, b) => b - a));
    // The set closes what it says, checked by simulating it.
    const set = await simulateChain(app.store, "lingyuan", "steel", byScore.recommended.firmIds);
    expect(byScore.recommended.after).toEqual(set.after);
    expect(byScore.recommended.closedGaps).toEqual(set.closedGaps);
    expect(byScore.recommended.firmIds.length).toBeGreaterThan(0);
  });

  it("saves a named scenario with an audit entry, lists it and deletes it", async () => {
    const created = await call("/api/zones/lingyuan/chains/steel/scenarios", { method: "POST", body: JSON.stringify({ name: "废钢＋冷轧", firmIds: ["bj-scrap", "js-strip"] }) });
    expect(created.status).toBe(201);
    const list = ScenarioList.parse((await call("/api/zones/lingyuan/chains/steel/scenarios")).body);
    expect(list.map((s) => [s.name, s.firmIds])).toEqual([["废钢＋冷轧", ["bj-scrap", "js-strip"]]]);
    const refused = await call("/api/zones/lingyuan/chains/steel/scenarios", { method: "POST", body: JSON.stringify({ name: "本地", firmIds: ["ore-one"] }) });
    expect(refused.status).toBe(400);
    expect((await call(`/api/scenarios/${created.body.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await call("/api/zones/lingyuan/chains/steel/scenarios")).body).toEqual([]);
    const audit = (await call("/api/audit?entity=scenario")).body;
    expect(JSON.stringify(audit)).toContain("scenario.delete");
  });
});
