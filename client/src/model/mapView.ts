/**
 * What a chain-map view shows beyond the map itself (selection, expanded segments,
 * filters, search hits, meeting mode, the day changes are marked since), kept in the
 * URL's query so that any view can be shared and reopens the same. Defaults are left out,
 * and lists are sorted, so the same view always has the same URL.
 */
import type { Stage } from "../../../server/model/domain";
import { STAGES } from "../../../server/model/domain";
import type { SegmentStatus } from "./status";
import { SEGMENT_STATUSES } from "./status";

export interface MapView {
  /** Selected node: a segment id, or `in:`/`out:` + a segment of another chain. */
  selected: string | null;
  expanded: string[];
  /** Null: every stage. */
  stages: Stage[] | null;
  /** Null: every status. */
  statuses: SegmentStatus[] | null;
  /** Search hits to centre on and highlight. */
  focus: string[];
  meeting: boolean;
  /** Meeting mode: the stage page shown (1 = the first), when a map is split into pages. */
  page: number;
  /** 对比日期: mark what changed since this day (YYYY-MM-DD); null: no comparison. */
  since: string | null;
}

export const DEFAULT_MAP_VIEW: MapView = {
  selected: null,
  expanded: [],
  stages: null,
  statuses: null,
  focus: [],
  meeting: false,
  page: 1,
  since: null,
};

const ID = /^[a-z0-9]+(?:[-.:][a-z0-9]+)*$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function parseMapView(query: URLSearchParams): MapView {
  const list = (key: string) =>
    (query.get(key) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => ID.test(s));
  const subset = <T extends string>(key: string, allowed: readonly T[]): T[] | null => {
    if (!query.has(key)) return null;
    return allowed.filter((value) => list(key).includes(value));
  };
  const selected = query.get("segment");
  return {
    selected: selected && ID.test(selected) ? selected : null,
    expanded: [...new Set(list("expand"))].sort(),
    stages: subset("stage", STAGES),
    statuses: subset("status", SEGMENT_STATUSES),
    focus: [...new Set(list("focus"))].sort(),
    meeting: query.get("meeting") === "1",
    page: /^[1-9]\d{0,2}$/.test(query.get("page") ?? "") ? Number(query.get("page")) : 1,
    since: DAY.test(query.get("since") ?? "") ? query.get("since") : null,
  };
}

export function writeMapView(view: Partial<MapView>): URLSearchParams {
  const query = new URLSearchParams();
  if (view.selected) query.set("segment", view.selected);
  if (view.expanded?.length) query.set("expand", [...new Set(view.expanded)].sort().join(","));
  // A filter that lets everything through is no filter.
  if (view.stages && view.stages.length < STAGES.length) query.set("stage", STAGES.filter((s) => view.stages!.includes(s)).join(","));
  if (view.statuses && view.statuses.length < SEGMENT_STATUSES.length)
    query.set("status", SEGMENT_STATUSES.filter((s) => view.statuses!.includes(s)).join(","));
  if (view.focus?.length) query.set("focus", [...new Set(view.focus)].sort().join(","));
  if (view.meeting) query.set("meeting", "1");
  if (view.meeting && view.page && view.page > 1) query.set("page", String(view.page));
  if (view.since) query.set("since", view.since);
  return query;
}

export function toggleExpanded(view: MapView, segmentId: string): MapView {
  const expanded = view.expanded.includes(segmentId)
    ? view.expanded.filter((id) => id !== segmentId)
    : [...view.expanded, segmentId].sort();
  return { ...view, expanded };
}
