/**
 * A closed parent decides nothing (docs/decisions/042-firm-standing.md): a branch operating in
 * a gap gives way to its parent in a ranking, unless the parent is closed — then the parent
 * is never the target, on the Cypher path and from memory alike, first and kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { computeRanking, rankChainTargets, TargetFilters } from "../../server/services/targets.js";
import { miniGraph, withCandidates, withTitanium } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
const today = new Date("2026-12-01T00:00:00Z");
const filters = TargetFilters.parse({ limit: 50 });

const graph = withTitanium(withCandidates(miniGraph()));

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
