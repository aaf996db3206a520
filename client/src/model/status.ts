/**
 * Segment status (strong / weak / missing / bottleneck) as the server's gap diagnosis gives
 * it. The client never derives a status or counts one: the figures every screen shows come
 * with the map and the gap diagnosis (`figures`), from one server function.
 */
import type { ChainMap } from "../../../server/model/api";
import type { Translate } from "../i18n/I18nProvider";

export const SEGMENT_STATUSES = ["strong", "weak", "missing", "bottleneck"] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

export interface SegmentDiagnosis {
  status: SegmentStatus;
  /** No local firm: a bottleneck without one is missing as well, and shown so. */
  withoutFirms: boolean;
}

/** Each segment's status, by id, as the map carries it. */
export function segmentStatuses(map: Pick<ChainMap, "segments">): Map<string, SegmentDiagnosis> {
  return new Map(map.segments.map((s) => [s.id, { status: s.status, withoutFirms: s.localFirmCount === 0 }]));
}

/** 卡点 for a bottleneck with local firms, 卡点·缺链 for one without: it is missing as well. */
export function statusLabel(t: Translate, status: SegmentStatus, localFirmCount: number): string {
  return status === "bottleneck" && localFirmCount === 0 ? t("status.bottleneckMissing") : t(`status.${status}`);
}
