/**
 * The chain-level gap view: which segments to show in the gap table, most urgent first,
 * and the figures of its header. The diagnosis itself is the server's; this only orders it.
 */
import type { ChainGaps, SegmentDiagnosis } from "../../../server/model/api";
import { STAGES } from "../../../server/model/domain";
import type { GapKind, SegmentStatus } from "../../../server/model/domain";

/** Most urgent first: a choke point on the leader's supply path, then a missing link, then a weak one. */
export const STATUS_URGENCY: readonly SegmentStatus[] = ["bottleneck", "missing", "weak", "strong"];

/**
 * The gap segments — every segment whose status is not strong, so there are exactly as
 * many rows as the figures' `gapSegments` — most urgent first, then in chain order.
 */
export function gapRows(gaps: Pick<ChainGaps, "segments">): SegmentDiagnosis[] {
  const order = new Map(gaps.segments.map((s, i) => [s.segmentId, i]));
  return gaps.segments
    .filter((s) => s.status !== "strong")
    .sort(
      (a, b) =>
        STATUS_URGENCY.indexOf(a.status) - STATUS_URGENCY.indexOf(b.status) ||
        STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
        order.get(a.segmentId)! - order.get(b.segmentId)!,
    );
}

/** The kinds of gap a segment has, each once, in the order of the header. */
export function gapKinds(segment: Pick<SegmentDiagnosis, "gaps">): GapKind[] {
  const kinds = new Set(segment.gaps.map((g) => g.kind));
  return (["bottleneck", "missing", "weak", "leader-dependency"] as const).filter((k) => kinds.has(k));
}

/** A planner's flag the diagnosis does not already put in words (its reasons quote the note when it does). */
export function flagUnsaid(segment: Pick<SegmentDiagnosis, "flag" | "gaps">): boolean {
  return segment.flag !== null && !segment.gaps.some((g) => g.reason.includes(segment.flag!.note));
}
