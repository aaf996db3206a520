/**
 * 补链模拟 against the real thing: firms simulated on a hand-built graph, then really landed
 * (located in the zone, as editing a firm does), give exactly the same map and diagnosis.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainReport, LandingSimulation, RankedTargets, ScenarioList } from "../../server/model/api.js";
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
  // A small trader far down the ranking by score that alone closes more gaps than any firm above it.
  graph.firms.push({ ...graph.firms.find((f) => f.id === "sy-strip")!, id: "sy-trade", name: "沈阳钢材回收贸易有限公司", capital: 10, tags: [] });
  for (const segmentId of ["steel-scrap", "steel-strip"]) graph.operatesIn.push({ firmId: "sy-trade", segmentId, products: "废钢、冷轧板", capacity: "", confidence: 0.3, source: "test fixture", evidence: "" });
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

  it("leaves out firms unknown, local or off-chain and names them; refuses too many", async () => {
    const { status, body } = await call("/api/zones/lingyuan/chains/steel/simulation?firms=bj-scrap,no-such-firm,ore-one");
    expect(status).toBe(200);
    const sim = LandingSimulation.parse(body);
    expect(sim.firms.map((f) => f.id)).toEqual(["bj-scrap"]);
    expect(sim.skipped).toEqual([
      { firmId: "no-such-firm", name: null, reason: "deleted", how: [] },
      { firmId: "ore-one", name: "凌源铁矿有限公司", reason: "landed", how: [] },
    ]);
    // What is left lands as it would alone.
    const alone = await simulateChain(app.store, "lingyuan", "steel", ["bj-scrap"]);
    expect([sim.after, sim.closedGaps]).toEqual([alone.after, alone.closedGaps]);
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
    expect(byEffect.orderedAmong).toBe(byEffect.candidateCount);
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

  it("orders by 补链效果 over every candidate, not only the first by score, each keeping its rank", async () => {
    const all = RankedTargets.parse((await call("/api/zones/lingyuan/chains/steel/targets?limit=500")).body);
    const best = [...all.results].sort((a, b) => b.effect.closedGaps.length - a.effect.closedGaps.length || a.rank - b.rank)[0]!;
    // The trader closes most, and ranks last by score: beyond a list of the first five.
    expect([best.firm.id, best.rank, all.candidateCount]).toEqual(["sy-trade", 6, 6]);
    const byEffect = RankedTargets.parse((await call("/api/zones/lingyuan/chains/steel/targets?order=effect&limit=5")).body);
    expect(byEffect.results.map((r) => r.firm.id)[0]).toBe("sy-trade");
    expect(byEffect.results[0]!.rank).toBe(6);
    expect(byEffect.results).toHaveLength(5);
    expect([byEffect.order, byEffect.orderedAmong, byEffect.candidateCount]).toEqual(["effect", 6, 6]);
    // By score the same five are the first five by score, and the order names every candidate.
    const byScore = RankedTargets.parse((await call("/api/zones/lingyuan/chains/steel/targets?limit=5")).body);
    expect(byScore.results.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(byScore.orderedAmong).toBe(6);
  });

  it("exports the ranking in the order asked, with each candidate's 补链效果", async () => {
    const res = await app.fetch("/api/zones/lingyuan/chains/steel/targets/export?format=csv&order=effect&limit=5");
    expect(res.status).toBe(200);
    const [header, first] = (await res.text()).replace(/^\uFEFF/, "").split("\r\n");
    const columns = header!.split(",");
    expect(columns).toEqual(expect.arrayContaining(["补链效果(补上缺口数)", "补上的缺口", "落地后完整度"]));
    const cells = first!.split(",");
    expect(cells[columns.indexOf("企业名称")]).toBe("沈阳钢材回收贸易有限公司");
    expect(cells[columns.indexOf("补链效果(补上缺口数)")]).toBe("3");
    expect(cells[columns.indexOf("落地后完整度")]).toBe("80% → 100%");
    const xlsx = await app.fetch("/api/zones/lingyuan/chains/steel/targets/export?format=xlsx");
    expect(xlsx.status).toBe(200);
  });

  describe("a saved scenario whose firms have since landed", () => {
    let scenarioId = "";
    beforeAll(async () => {
      const created = await call("/api/zones/lingyuan/chains/steel/scenarios", { method: "POST", body: JSON.stringify({ name: "冷轧两家", firmIds: ["bj-scrap", "js-strip", "sy-strip"] }) });
      expect(created.status).toBe(201);
      scenarioId = created.body.id;
      // Since saved: 江苏冷轧 has moved into the zone.
      await updateFirm(app.store, "js-strip", { version: (await readFirm(app.store, "js-strip"))!.version, zoneId: "lingyuan" }, "editor");
    });
    afterAll(async () => {
      await updateFirm(app.store, "js-strip", { version: (await readFirm(app.store, "js-strip"))!.version, zoneId: null }, "editor");
    });

    it("simulates the rest on the graph as it is now and says which firm it left out", async () => {
      const { status, body } = await call("/api/zones/lingyuan/chains/steel/simulation?firms=bj-scrap,js-strip,sy-strip");
      expect(status).toBe(200);
      const sim = LandingSimulation.parse(body);
      expect(sim.skipped).toEqual([{ firmId: "js-strip", name: "江苏冷轧板材股份有限公司", reason: "landed", how: [] }]);
      expect(sim.firms.map((f) => f.id)).toEqual(["bj-scrap", "sy-strip"]);
      // The landed firm is in the "before" now: its segment is no longer missing, so nobody closes that gap again.
      expect(sim.before.completeness).toBe(1);
      expect(sim.closedGaps.some((g) => g.kind === "missing")).toBe(false);
    });

    it("prints with the report: the firms, the gaps closed, completeness before and after, and the firm left out", async () => {
      const { status, body } = await call(`/api/zones/lingyuan/chains/steel/report?scenario=${scenarioId}`);
      expect(status).toBe(200);
      const report = ChainReport.parse(body);
      const sim = await simulateChain(app.store, "lingyuan", "steel", ["bj-scrap", "js-strip", "sy-strip"]);
      expect(report.scenario).toEqual({ id: scenarioId, name: "冷轧两家", firms: sim.firms.map((f) => ({ id: f.id, name: f.name })), closedGaps: sim.closedGaps, openedGaps: sim.openedGaps, before: sim.before, after: sim.after, skipped: sim.skipped });
      expect(report.scenario!.skipped.map((s) => s.reason)).toEqual(["landed"]);
      // Without one, none; one of another chain or unknown is an error naming it.
      expect(ChainReport.parse((await call("/api/zones/lingyuan/chains/steel/report")).body).scenario).toBeNull();
      expect((await call("/api/zones/lingyuan/chains/steel/report?scenario=scn-none")).status).toBe(404);
    });

    it("still refuses to save a new scenario with a firm already in the zone", async () => {
      const refused = await call("/api/zones/lingyuan/chains/steel/scenarios", { method: "POST", body: JSON.stringify({ name: "已落地", firmIds: ["js-strip"] }) });
      expect([refused.status, refused.body.error.message]).toEqual([400, expect.stringContaining("江苏冷轧板材股份有限公司")]);
    });
  });

  // Last: signing makes a project in the zone, which the other tests' maps do not expect.
  it("leaves out a firm signed for the zone since, saying how it was won", async () => {
    const list = await call("/api/lists", { method: "POST", body: JSON.stringify({ name: "冷轧清单", zoneId: "lingyuan", chainId: "steel", firmIds: ["sy-strip"] }) });
    expect(list.status).toBe(201);
    const entry = list.body.entries[0];
    const signed = await call(`/api/lists/${list.body.id}/entries/${entry.id}`, { method: "PATCH", body: JSON.stringify({ version: entry.version, status: "已签约" }) });
    expect(signed.status).toBe(200);
    const sim = LandingSimulation.parse((await call("/api/zones/lingyuan/chains/steel/simulation?firms=sy-strip,bj-scrap")).body);
    expect(sim.skipped).toEqual([{ firmId: "sy-strip", name: "沈阳冷轧有限公司", reason: "signed", how: expect.arrayContaining(["清单「冷轧清单」已签约"]) }]);
    expect(sim.firms.map((f) => f.id)).toEqual(["bj-scrap"]);
  });
});
