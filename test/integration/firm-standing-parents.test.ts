/**
 * A closed parent decides nothing (docs/decisions/042-firm-standing.md): a branch operating in
 * a gap gives way to its parent in a ranking, unless the parent is closed — then the parent
 * is never the target, on the Cypher path and from memory alike, first and kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { computeRanking, rankChainTargets, TargetFilters } from "../../server/services/targets.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
const src = "test fixture";
const today = new Date("2026-12-01T00:00:00Z");
const filters = TargetFilters.parse({ limit: 50 });

const graph = withCandidates(miniGraph());
graph.chains.push({ id: "ti", name: "钛材", nameEn: "Titanium", description: "", source: src });
graph.segments.push(
  { id: "ti-sponge", chainId: "ti", name: "海绵钛", stage: "upstream", position: 0, industryCodes: ["C3216"], keywords: ["海绵钛"], description: "", source: src },
  { id: "ti-ingot", chainId: "ti", name: "钛锭", stage: "midstream", position: 0, industryCodes: ["C3216"], keywords: ["钛锭"], description: "", source: src },
);
graph.feeds.push({ from: "ti-sponge", to: "ti-ingot", source: src });
graph.zoneChains.push({ zoneId: "beipiao", chainId: "ti", rank: 2 });
const firmOf = (id: string, name: string, regionCode: string, zoneId: string | null = null) => ({
  id, name, regionCode, uscc: null, aliases: [], zoneId, capital: 1000, capitalSource: null, capitalAsOf: null, capitalAmount: null, capitalCurrency: null, foundedOn: null, staff: null, revenue: null, tags: [], sample: true, source: src, asOf: null, attributes: {},
});
const linkOf = (firmId: string, segmentId: string) => ({ firmId, segmentId, products: "", capacity: "", confidence: 0.9, source: src, evidence: "" });
graph.firms.push(
  firmOf("bp-sponge", "北票海绵钛有限公司", "211381", "beipiao"),
  firmOf("bj-ti", "北京钛锭有限公司", "110105"),
  firmOf("ti-group", "中国钛业集团有限公司", "110108"),
  firmOf("ti-group-cd", "中国钛业集团有限公司成都分公司", "510104"),
);
graph.operatesIn.push(linkOf("bp-sponge", "ti-sponge"), linkOf("bj-ti", "ti-ingot"), linkOf("ti-group-cd", "ti-ingot"));
graph.belongsTo.push({ from: "ti-group-cd", to: "ti-group", kind: "branch", source: src });

beforeAll(async () => {
  t = await openTestStore();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
}, 120_000);
afterAll(async () => t?.close());

const ids = (r: { results: { firm: { id: string } }[] }) => r.results.map((x) => x.firm.id).sort();
const setStanding = (id: string, standing: string | null) =>
  t.store.write([{ query: "firms/set-standing", rows: [{ id, standing, standingText: standing === "closed" ? "注销" : standing ? "存续" : null, standingOn: "2026-12-01" }], mustMatch: true }]);

describe("a branch whose parent is closed", () => {
  it("is no longer ranked through its parent: the parent is never the target, on every path", async () => {
    const rank = () => rankChainTargets(t.store, "beipiao", "ti", filters, today);
    expect(ids(await rank())).toContain("ti-group");
    await setStanding("ti-group", "closed");
    const paths = await Promise.all([rank(), computeRanking(t.store, "beipiao", "ti", filters, today, "cypher"), computeRanking(t.store, "beipiao", "ti", filters, today, "memory")]);
    for (const r of paths) expect(ids(r)).not.toContain("ti-group");
    expect(ids(paths[1])).toEqual(ids(paths[2]));
    expect(ids(paths[0])).toEqual(ids(paths[1]));
    expect(ids(await rank())).not.toContain("ti-group"); // kept
    await setStanding("ti-group", "active");
    expect(ids(await rank())).toContain("ti-group");
  });

  it("a closed candidate is left out on the Cypher path as from memory", async () => {
    await setStanding("bj-ti", "closed");
    const [cypher, memory, kept] = await Promise.all([computeRanking(t.store, "beipiao", "ti", filters, today, "cypher"), computeRanking(t.store, "beipiao", "ti", filters, today, "memory"), rankChainTargets(t.store, "beipiao", "ti", filters, today)]);
    for (const r of [cypher, memory, kept]) expect(ids(r)).not.toContain("bj-ti");
    expect(cypher.candidateCount).toBe(memory.candidateCount);
    await setStanding("bj-ti", null);
    expect(ids(await rankChainTargets(t.store, "beipiao", "ti", filters, today))).toContain("bj-ti");
  });
});
