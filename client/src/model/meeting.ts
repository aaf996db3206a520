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

export interface MeetingPlan {
  foldSides: boolean;
  /** Stages on each page, in order; one page with all three when the map fits whole. */
  pages: Stage[][];
}

/**
 * The plan for one map on one screen. `boundsOf` lays the map out as it would be shown
 * (sides folded or not, the given stages only) for the screen's proportions.
 */
export function planMeeting(
  boundsOf: (foldSides: boolean, stages: readonly Stage[]) => Box,
  screen: ScreenSize,
  fontSize: number,
): MeetingPlan {
  const fits = (foldSides: boolean, stages: readonly Stage[]) => fitZoom(boundsOf(foldSides, stages), screen) * fontSize >= MIN_SCREEN_FONT;
  if (fits(false, STAGES)) return { foldSides: false, pages: [[...STAGES]] };
  if (fits(true, STAGES)) return { foldSides: true, pages: [[...STAGES]] };
  // Consecutive stages share a page while they fit; a stage alone always gets one.
  const pages: Stage[][] = [];
  for (const stage of STAGES) {
    const current = pages[pages.length - 1];
    if (current && fits(true, [...current, stage])) current.push(stage);
    else pages.push([stage]);
  }
  return { foldSides: true, pages };
}
