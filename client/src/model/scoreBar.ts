/**
 * A target's score as a bar split into its parts: each component's points (weights
 * normalised to 100) as one coloured piece, in a fixed order so bars compare down a
 * column. The breakdown behind the popover lists every component, even those adding 0.
 */
import type { TargetResult } from "../../../server/model/api";
import { SCORE_COMPONENTS } from "../../../server/model/domain";
import type { ScoreComponent } from "../../../server/model/domain";
import { formatMoney } from "./format";
import type { Locale } from "./locale";

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

export type BasisKey =
  | "score.basis.segments"
  | "score.basis.staff"
  | "score.basis.sizeUnknown"
  | "score.basis.partsUnknown"
  | "score.basis.noTags"
  | "score.basis.ties"
  | "score.basis.noTies"
  | "score.basis.km"
  | "score.basis.noKm"
  | "score.basis.asOf"
  | "score.basis.noAsOf";
type BasisTranslate = (key: BasisKey, params?: Record<string, string | number>) => string;

/**
 * What each component was scored on, from the facts the result carries: the gap segments
 * and the best confidence, the size measures known (and those not), the tags, the ties, the
 * place, the distance, the data's date — so a breakdown's value can be checked by eye.
 */
export function scoreBasis(
  result: Pick<TargetResult, "firm" | "segments" | "ties" | "region" | "distanceKm">,
  t: BasisTranslate,
  locale: Locale,
): Record<ScoreComponent, string> {
  const { firm } = result;
  const best = Math.max(0, ...result.segments.map((s) => s.confidence));
  const known = [
    firm.capital !== null ? formatMoney(firm.capital, locale) : null,
    firm.staff !== null ? t("score.basis.staff", { count: firm.staff }) : null,
    firm.revenue !== null ? formatMoney(firm.revenue, locale) : null,
  ];
  const labels = locale === "en" ? ["capital", "staff", "revenue"] : ["注册资本", "人数", "营收"];
  const unknown = labels.filter((_, i) => known[i] === null);
  const size = known.every((k) => k === null)
    ? t("score.basis.sizeUnknown")
    : [...labels.flatMap((label, i) => (known[i] !== null ? [`${label} ${known[i]}`] : [])), ...(unknown.length ? [t("score.basis.partsUnknown", { parts: unknown.join(locale === "en" ? ", " : "、") })] : [])].join(locale === "en" ? "; " : "；");
  return {
    segmentFit: t("score.basis.segments", { count: result.segments.length, best: Math.round(best * 100) }),
    size,
    quality: firm.tags.length ? firm.tags.join(locale === "en" ? ", " : "、") : t("score.basis.noTags"),
    ties: result.ties.length ? t("score.basis.ties", { count: result.ties.length }) : t("score.basis.noTies"),
    region: result.region,
    distance: result.distanceKm !== null ? t("score.basis.km", { km: result.distanceKm }) : t("score.basis.noKm"),
    freshness: firm.asOf ? t("score.basis.asOf", { date: firm.asOf }) : t("score.basis.noAsOf"),
  };
}
