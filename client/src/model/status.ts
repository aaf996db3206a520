/**
 * Segment status (strong / weak / missing / bottleneck) and the reasons behind it.
 *
 * The gap-diagnosis feature will compute status on the server; until the API carries it,
 * the client derives it here, in this one function. When a segment arrives with a
 * `status` of its own, that figure wins, so the swap needs no change elsewhere.
 */
import type { ChainMap, MapSegment } from "../../../server/model/api";

export const SEGMENT_STATUSES = ["strong", "weak", "missing", "bottleneck"] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

export type StatusReason =
  | { code: "noLocalFirm" }
  | { code: "oneLocalFirm" }
  | { code: "severalLocalFirms"; count: number }
  /** Feeds a segment the chain leader works in, with ≤1 local supplier: a 卡点 on the leader's supply path. */
  | { code: "feedsLeader"; leaderSegmentNames: string[] }
  | { code: "fromServer" };

export interface SegmentDiagnosis {
  status: SegmentStatus;
  reasons: StatusReason[];
}

/** A supplier segment with at most this many local firms is a choke point for the leader. */
export const BOTTLENECK_MAX_LOCAL_FIRMS = 1;

type DiagnosisInput = Pick<ChainMap, "segments" | "links">;
type SegmentWithServerStatus = MapSegment & { status?: SegmentStatus };

export function diagnoseSegments(map: DiagnosisInput): Map<string, SegmentDiagnosis> {
  const byId = new Map(map.segments.map((segment) => [segment.id, segment]));
  const leaderTargetsOf = new Map<string, string[]>();
  for (const { source, target } of map.links) {
    const to = byId.get(target);
    if (!to?.leader || !byId.has(source)) continue;
    const names = leaderTargetsOf.get(source) ?? [];
    names.push(to.name);
    leaderTargetsOf.set(source, names);
  }

  const result = new Map<string, SegmentDiagnosis>();
  for (const segment of map.segments as SegmentWithServerStatus[]) {
    if (segment.status) {
      result.set(segment.id, { status: segment.status, reasons: [{ code: "fromServer" }] });
      continue;
    }
    const countReason: StatusReason =
      segment.localFirmCount === 0
        ? { code: "noLocalFirm" }
        : segment.localFirmCount === 1
          ? { code: "oneLocalFirm" }
          : { code: "severalLocalFirms", count: segment.localFirmCount };
    const leaderTargets = leaderTargetsOf.get(segment.id);
    if (leaderTargets && segment.localFirmCount <= BOTTLENECK_MAX_LOCAL_FIRMS) {
      result.set(segment.id, {
        status: "bottleneck",
        reasons: [{ code: "feedsLeader", leaderSegmentNames: leaderTargets }, countReason],
      });
      continue;
    }
    const status: SegmentStatus =
      segment.localFirmCount === 0 ? "missing" : segment.localFirmCount === 1 ? "weak" : "strong";
    result.set(segment.id, { status, reasons: [countReason] });
  }
  return result;
}

/** Counts per status, for the map header (缺链 n, 卡点 n) and the legend. */
export function countStatuses(diagnosis: ReadonlyMap<string, SegmentDiagnosis>): Record<SegmentStatus, number> {
  const counts: Record<SegmentStatus, number> = { strong: 0, weak: 0, missing: 0, bottleneck: 0 };
  for (const { status } of diagnosis.values()) counts[status] += 1;
  return counts;
}
