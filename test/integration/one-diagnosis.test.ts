/**
 * One diagnosis per zone × chain's rows (server/services/chain-diagnosis.ts): the map, the
 * gaps, the ranking and the overview of one zone × chain show the figures of one diagnosis
 * — the same objects, not equal ones computed each on its own — and a write that does not
 * reach the rows (a firm outside the zone) leaves that diagnosis standing; one that does
 * (a zone's firm) makes a new one, which every screen then shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore } from "../../server/graph/store.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { readChainDiagnosis } from "../../server/services/chain-diagnosis.js";
import { updateFirm } from "../../server/services/editing/firms.js";
import { getChainGaps } from "../../server/services/gaps.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { getChainMap } from "../../server/services/maps.js";
import { readFirm } from "../../server/services/firms.js";
import { rankWithEffects } from "../../server/services/simulation.js";
import { rankChainTargets, TargetFilters } from "../../server/services/targets.js";
import { listZones } from "../../server/services/zones.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let store: GraphStore;
const today = new Date("2026-12-01T00:00:00Z");
const filters = TargetFilters.parse({ limit: 20 });

beforeAll(async () => {
  t = await openTestStore();
  store = t.store;
  await store.write([...regionSteps(ALL_REGIONS), ...recordSteps(withCandidates(miniGraph()))]);
});
afterAll(() => t.close());

/** What each screen shows of 凌源 × 钢铁. */
async function screens() {
  const [map, gaps, ranking, effects, zones, diagnosis] = await Promise.all([
    getChainMap(store, "lingyuan", "steel"),
    getChainGaps(store, "lingyuan", "steel"),
    rankChainTargets(store, "lingyuan", "steel", filters, today),
    rankWithEffects(store, "lingyuan", "steel", filters, "score", today),
    listZones(store),
    readChainDiagnosis(store, "lingyuan", "steel"),
  ]);
  const overview = zones.find((z) => z.id === "lingyuan")!.chains.find((c) => c.id === "steel")!;
  return { map, gaps, ranking, effects, overview, diagnosis };
}

async function edit(firmId: string) {
  const firm = await readFirm(store, firmId);
  await updateFirm(store, firmId, { version: firm!.version, capital: (firm!.capital ?? 0) + 1 }, "tester");
}

describe("one diagnosis per zone × chain's rows", () => {
  it("is what the map, the gaps, the ranking, its 补链效果 and the overview show", async () => {
    const s = await screens();
    expect(s.gaps).toBe(s.diagnosis.kept.gaps);
    expect(s.map.figures).toBe(s.gaps.figures);
    expect(s.overview.figures).toBe(s.gaps.figures);
    expect(s.effects.figures).toBe(s.gaps.figures);
    expect(s.ranking.targetSegments.map((x) => x.id)).toEqual(s.gaps.segments.filter((x) => x.status !== "strong").map((x) => x.segmentId));
  });

  it("stands through a write outside the zone and is made again once after a zone's firm is written", async () => {
    const before = await screens();
    // A candidate of the ranking, tied to no firm of the zone.
    expect(before.ranking.results.map((r) => r.firm.id)).toContain("bj-scrap");
    await edit("bj-scrap");
    const kept = await screens();
    expect(kept.gaps).toBe(before.gaps);
    expect(kept.diagnosis).toBe(before.diagnosis);
    expect(kept.ranking).not.toBe(before.ranking);
    expect(kept.effects.figures).toBe(before.gaps.figures);

    await edit("lingang");
    const after = await screens();
    expect(after.diagnosis).not.toBe(before.diagnosis);
    expect(after.gaps).toBe(after.diagnosis.kept.gaps);
    expect(after.map.figures).toBe(after.gaps.figures);
    expect(after.overview.figures).toBe(after.gaps.figures);
    expect(after.effects.figures).toBe(after.gaps.figures);
  });

  it("reads the zone's firms and the thresholds once for all its chains after an edit of one of them", async () => {
    await Promise.all([getChainMap(store, "lingyuan", "steel"), getChainMap(store, "lingyuan", "coal")]);
    await edit("ore-one");
    const read = store.read.bind(store);
    const queries: string[] = [];
    store.read = (query, params) => (queries.push(query), read(query, params));
    try {
      const [steel, coal] = await Promise.all([getChainMap(store, "lingyuan", "steel"), getChainMap(store, "lingyuan", "coal")]);
      expect(steel.firms.find((f) => f.id === "ore-one")).toBeDefined();
      expect(coal.zone.id).toBe("lingyuan");
    } finally {
      store.read = read;
    }
    expect(queries.filter((q) => q === "maps/local-firms")).toHaveLength(1);
    expect(queries.filter((q) => q === "maps/local-parents")).toHaveLength(1);
    // The thresholds too: kept for the graph's version.
    expect(queries.filter((q) => q === "settings/get-setting")).toHaveLength(1);
  });
});
