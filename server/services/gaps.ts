/** The gap diagnosis of a chain in a zone, and planners' bottleneck flags. */
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import type { ChainGaps } from "../model/api.js";
import type { GapThresholds } from "../model/domain.js";
import { getZoneRecord, loadChainFacts } from "./chain-facts.js";
import { diagnose } from "./gap-rules.js";
import { cached } from "./read-cache.js";
import { getGapThresholds, type PartialGapThresholds } from "./settings.js";

/** Diagnoses with the saved thresholds, or with some of them overridden for this request. */
export function getChainGaps(store: GraphStore, zoneId: string, chainId: string, override: PartialGapThresholds = {}): Promise<ChainGaps> {
  return cached(store, `gaps:${zoneId}:${chainId}:${JSON.stringify(override)}`, async () => {
    const [facts, saved] = await Promise.all([loadChainFacts(store, zoneId, chainId), getGapThresholds(store)]);
    const thresholds: GapThresholds = { ...saved, ...override };
    return diagnose(facts, thresholds);
  });
}

export async function flagBottleneck(
  store: GraphStore,
  flag: { zoneId: string; segmentId: string; note: string; flaggedBy: string },
  now: Date = new Date(),
): Promise<void> {
  await requireSegment(store, flag.zoneId, flag.segmentId);
  await store.write([{ query: "gaps/set-flag", rows: [{ ...flag, flaggedAt: now.toISOString() }] }]);
}

export async function unflagBottleneck(store: GraphStore, zoneId: string, segmentId: string): Promise<void> {
  await requireSegment(store, zoneId, segmentId);
  await store.write([{ query: "gaps/delete-flag", rows: [{ zoneId, segmentId }] }]);
}

async function requireSegment(store: GraphStore, zoneId: string, segmentId: string) {
  await getZoneRecord(store, zoneId);
  const [row] = await store.read("chains/get-segment", { id: segmentId });
  if (!row) throw new NotFound("segment", segmentId);
}
