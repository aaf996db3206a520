/** The gap diagnosis of a chain in a zone, and planners' bottleneck flags. */
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { auditStep } from "../audit/audit.js";
import type { ChainGaps } from "../model/api.js";
import { BottleneckFlag } from "../model/domain.js";
import { getZoneRecord } from "./chain-facts.js";
import { readChainDiagnosis } from "./chain-diagnosis.js";
import { cached } from "./read-cache.js";
import { parseRows } from "./rows.js";
import type { PartialGapThresholds } from "./settings.js";

/** Diagnoses with the saved thresholds, or with some of them overridden for this request. */
export function getChainGaps(store: GraphStore, zoneId: string, chainId: string, override: PartialGapThresholds = {}): Promise<ChainGaps> {
  return cached(store, `gaps:${zoneId}:${chainId}:${JSON.stringify(override)}`, async () => (await readChainDiagnosis(store, zoneId, chainId, override)).kept.gaps, {
    zoneId,
    chainId,
    candidates: false,
  });
}

/** Flags (or re-flags with a new note) a segment as a bottleneck; `actor` is who flagged it. */
export async function flagBottleneck(store: GraphStore, flag: { zoneId: string; segmentId: string; note: string }, actor: string, now: Date = new Date()): Promise<void> {
  const { zone, segmentName } = await requireSegment(store, flag.zoneId, flag.segmentId);
  const before = await readFlag(store, flag.zoneId, flag.segmentId);
  const after: BottleneckFlag = { ...flag, flaggedBy: actor, flaggedAt: now.toISOString() };
  await store.write([
    { query: "gaps/set-flag", rows: [after] },
    auditStep(actor, { action: "flag.set", entity: "flag", entityId: `${flag.zoneId}|${flag.segmentId}`, summary: `${zone.shortName}：标记「${segmentName}」为卡点（${flag.note}）`, before: before ?? null, after }),
  ]);
}

export async function unflagBottleneck(store: GraphStore, zoneId: string, segmentId: string, actor: string): Promise<void> {
  const { zone, segmentName } = await requireSegment(store, zoneId, segmentId);
  const before = await readFlag(store, zoneId, segmentId);
  if (!before) return;
  await store.write([
    { query: "gaps/delete-flag", rows: [{ zoneId, segmentId }] },
    auditStep(actor, { action: "flag.unset", entity: "flag", entityId: `${zoneId}|${segmentId}`, summary: `${zone.shortName}：取消「${segmentName}」的卡点标记`, before, after: null }),
  ]);
}

async function readFlag(store: GraphStore, zoneId: string, segmentId: string): Promise<BottleneckFlag | undefined> {
  return parseRows(BottleneckFlag, await store.read("gaps/get-flag", { zoneId, segmentId }))[0];
}

async function requireSegment(store: GraphStore, zoneId: string, segmentId: string) {
  const zone = await getZoneRecord(store, zoneId);
  const [row] = await store.read("chains/get-segment", { id: segmentId });
  if (!row) throw new NotFound("segment", segmentId);
  return { zone, segmentName: String(row.name) };
}
