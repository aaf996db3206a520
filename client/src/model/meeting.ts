/**
 * How meeting mode fits a map to the screen it is shown on. Type is never shrunk below
 * what reads from the back of a room: when the whole map would need smaller type, the
 * sides (other chains) fold into one summary node each, and if that is not enough the
 * stages go on pages of their own (↑/↓), each page as large as the screen allows.
 */
import type { Stage } from "../../../server/model/domain";
import { STAGES } from "../../../server/model/domain";
import type { Box } from "./layout";

/** The smallest label on a projected map, in screen px. */
export const MIN_SCREEN_FONT = 18;
/** Never zoom a small map in further than this when fitting: huge boxes read worse. */
export const MAX_FIT_ZOOM = 1.6;
export const FIT_PADDING = 24;

export interface ScreenSize {
  width: number;
  height: number;
}

/** The zoom at which a map of these bounds fills the screen (as the canvas fits it). */
export function fitZoom(bounds: Box, screen: ScreenSize): number {
  if (!bounds.width || !bounds.height || !screen.width || !screen.height) return 1;
  return Math.min(MAX_FIT_ZOOM, (screen.width - 2 * FIT_PADDING) / bounds.width, (screen.height - 2 * FIT_PADDING) / bounds.height);
}

export interface MeetingPage {
  stages: Stage[];
  /** When one stage is too long for a page: its segments on this page, and which part it is. */
  segmentIds?: string[];
  part?: { index: number; total: number };
}

export interface MeetingPlan {
  foldSides: boolean;
  /** One page with all three stages when the map fits whole. */
  pages: MeetingPage[];
}

/**
 * The plan for one map on one screen. `boundsOf` lays the map out as it would be shown
 * (sides folded or not, the given page only) for the screen's proportions; `segmentsOf`
 * gives a stage's segments in their order, for a stage too long for one page.
 */
export function planMeeting(
  boundsOf: (foldSides: boolean, page: MeetingPage) => Box,
  segmentsOf: (stage: Stage) => string[],
  screen: ScreenSize,
  fontSize: number,
): MeetingPlan {
  const fits = (foldSides: boolean, page: MeetingPage) => fitZoom(boundsOf(foldSides, page), screen) * fontSize >= MIN_SCREEN_FONT;
  const whole = { stages: [...STAGES] };
  if (fits(false, whole)) return { foldSides: false, pages: [whole] };
  if (fits(true, whole)) return { foldSides: true, pages: [whole] };
  // Consecutive stages share a page while they fit.
  const groups: Stage[][] = [];
  for (const stage of STAGES) {
    const current = groups[groups.length - 1];
    if (current && fits(true, { stages: [...current, stage] })) current.push(stage);
    else groups.push([stage]);
  }
  // A stage too long even alone goes on as many pages as it takes, its segments in order.
  const pages: MeetingPage[] = [];
  for (const stages of groups) {
    const ids = stages.length === 1 ? segmentsOf(stages[0]!) : [];
    if (stages.length > 1 || fits(true, { stages })) {
      pages.push({ stages });
      continue;
    }
    let parts = 2;
    const split = (n: number) => Array.from({ length: n }, (_, i) => ids.slice(Math.round((i * ids.length) / n), Math.round(((i + 1) * ids.length) / n)));
    while (parts < ids.length && !split(parts).every((segmentIds) => fits(true, { stages, segmentIds }))) parts++;
    split(parts).forEach((segmentIds, i) => pages.push({ stages, segmentIds, part: { index: i + 1, total: parts } }));
  }
  return { foldSides: true, pages };
}
