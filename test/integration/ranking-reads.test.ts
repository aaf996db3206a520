/**
 * A ranking computed afresh reads the shown firms' rows by key (server/services/targets.ts
 * readByFirm) a couple at a time: queued all at once — hundreds at a million firms — they
 * stood ahead of every other request's reads for the two read connections.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { computeRanking, TargetFilters } from "../../server/services/targets.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(withCandidates(miniGraph()))]);
});
afterAll(() => t.close());

describe("a ranking's reads of the firms it shows", () => {
  it("has at most two of each under way at once, and gives the ranking the Cypher path gives", async () => {
    const store = t.store;
    const read = store.read.bind(store);
    const underWay = new Map<string, number>();
    const most = new Map<string, number>();
    const count = new Map<string, number>();
    store.read = async (query, params) => {
      if (!query.startsWith("targets/firm-")) return read(query, params);
      underWay.set(query, (underWay.get(query) ?? 0) + 1);
      most.set(query, Math.max(most.get(query) ?? 0, underWay.get(query)!));
      count.set(query, (count.get(query) ?? 0) + 1);
      try {
        return await read(query, params);
      } finally {
        underWay.set(query, underWay.get(query)! - 1);
      }
    };
    const filters = TargetFilters.parse({ limit: 20 });
    const today = new Date("2026-12-01T00:00:00Z");
    try {
      const ranking = await computeRanking(store, "lingyuan", "steel", filters, today, "memory");
      expect(count.get("targets/firm-columns")).toBeGreaterThan(4);
      expect(most.get("targets/firm-columns")).toBeLessThanOrEqual(2);
      expect(most.get("targets/firm-links")).toBeLessThanOrEqual(2);
      const reference = await computeRanking(store, "lingyuan", "steel", filters, today, "cypher");
      expect(ranking.results).toEqual(reference.results);
    } finally {
      store.read = read;
    }
  });
});
