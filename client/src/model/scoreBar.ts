/**
 * A target's score as a bar split into its parts: each component's points (weights
 * normalised to 100) as one coloured piece, in a fixed order so bars compare down a
 * column. The breakdown behind the popover lists every component, even those adding 0.
 */
import type { TargetResult } from "../../../server/model/api";
import { SCORE_COMPONENTS } from "../../../server/model/domain";
import type { ScoreComponent } from "../../../server/model/domain";

/** Tableau 10: tells seven parts apart on screen and in print. */
export const SCORE_COLORS: Record<ScoreComponent, string> = {
  segmentFit: "#4e79a7",
  size: "#f28e2b",
  quality: "#e15759",
  ties: "#59a14f",
  region: "#76b7b2",
  distance: "#edc948",
  freshness: "#b07aa1",
};

export interface ScorePart {
  component: ScoreComponent;
  /** Points this part adds to the total (0–100 overall). */
  points: number;
  /** Left edge and width of the piece, in % of a bar that stands for 100 points. */
  offset: number;
  width: number;
  color: string;
}

/** The pieces of the bar, left to right; parts adding nothing (or left out for want of data) take no room. */
export function scoreParts(contributions: Record<ScoreComponent, number | null>): ScorePart[] {
  const parts: ScorePart[] = [];
  let offset = 0;
  for (const component of SCORE_COMPONENTS) {
    const points = Math.max(0, contributions[component] ?? 0);
    if (points <= 0) continue;
    const width = Math.min(points, 100 - offset);
    parts.push({ component, points, offset, width, color: SCORE_COLORS[component] });
    offset += width;
  }
  return parts;
}

export interface ScoreRow {
  component: ScoreComponent;
  /** The component's own value, 0–1; null when the firm's data does not say (left out). */
  value: number | null;
  /** The weight as the profile gives it. */
  weight: number;
  /**
   * The weight's share of the weights of the components the data gives, 0–1 (the most points
   * the component can add is 100 × this); 0 for a component left out.
   */
  weightShare: number;
  points: number | null;
}

export function scoreBreakdown(result: Pick<TargetResult, "components" | "weights" | "contributions">): ScoreRow[] {
  const known = SCORE_COMPONENTS.filter((c) => result.components[c] !== null);
  const sum = known.reduce((total, c) => total + Math.max(0, result.weights[c]), 0);
  return SCORE_COMPONENTS.map((component) => ({
    component,
    value: result.components[component],
    weight: result.weights[component],
    weightShare: sum > 0 && result.components[component] !== null ? Math.max(0, result.weights[component]) / sum : 0,
    points: result.contributions[component],
  }));
}

/** 12.345 → "12.3"; whole numbers without a decimal. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
