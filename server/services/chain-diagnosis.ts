/**
 * One diagnosis of a zone × chain's rows for each thresholds, kept with the rows: the map,
 * the gap diagnosis, the ranking's target segments and supply roles, the 补链效果's starting
 * point and the overview all stand on it. The rows are read once per graph version and
 * kept through writes that do not reach them (chain-facts.ts readChainRows, read-cache.ts),
 * so an edit that drops them costs one diagnosis, not one per screen that shows it; and a
 * write elsewhere (a candidate's facts) costs none
 * (docs/decisions/036-work-per-read-done-once.md).
 *
 * What is kept is never changed in place: every screen gets the same objects.
 */
import type { GraphStore } from "../graph/store.js";
import type { GapThresholds } from "../model/domain.js";
import { assembleChainFacts, readChainRows, type ChainFacts, type ChainRows } from "./chain-facts.js";
import { keptDiagnosis, supplyRoles, type KeptDiagnosis } from "./gap-rules.js";
import { getGapThresholds, type PartialGapThresholds } from "./settings.js";

export interface ChainDiagnosis {
  facts: ChainFacts;
  kept: KeptDiagnosis;
  /** What each segment feeds, for a target's 为何推荐 (gap-rules.ts supplyRole). */
  supplyRole: (segmentId: string) => string | null;
}

/** Thresholds asked for per rows at most (a request may override them): the oldest go past that. */
const MAX_THRESHOLDS = 16;
const diagnoses = new WeakMap<ChainRows, Map<string, ChainDiagnosis>>();

/** The diagnosis of these rows with these thresholds, made once while the rows are kept. */
export function diagnoseRows(rows: ChainRows, thresholds: GapThresholds): ChainDiagnosis {
  let byThresholds = diagnoses.get(rows);
  if (!byThresholds) diagnoses.set(rows, (byThresholds = new Map()));
  const key = JSON.stringify(thresholds);
  let found = byThresholds.get(key);
  if (!found) {
    const facts = assembleChainFacts(rows);
    const kept = keptDiagnosis(facts, thresholds);
    let roles: ((segmentId: string) => string | null) | null = null;
    found = { facts, kept, supplyRole: (segmentId) => (roles ??= supplyRoles(facts, kept.gaps))(segmentId) };
    if (byThresholds.size >= MAX_THRESHOLDS) byThresholds.delete(byThresholds.keys().next().value!);
    byThresholds.set(key, found);
  }
  return found;
}

/** A zone × chain's diagnosis now, with the saved thresholds or some of them overridden. */
export async function readChainDiagnosis(store: GraphStore, zoneId: string, chainId: string, override: PartialGapThresholds = {}): Promise<ChainDiagnosis> {
  const [rows, saved] = await Promise.all([readChainRows(store, zoneId, chainId), getGapThresholds(store)]);
  return diagnoseRows(rows, { ...saved, ...override });
}
