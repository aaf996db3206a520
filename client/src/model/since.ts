/**
 * What changed since a day, in one sentence: "自 2026-10-01 以来：补齐 2 个环节，完整度
 * 18% → 29%，新签约 3 个项目，4.2 亿元". Parts with nothing to say are left out; with no
 * snapshot from before the day, the completeness comparison says so instead of guessing.
 */
import type { ChainChanges, ProjectTotals, SinceChange, SinceSummary } from "../../../server/model/progress";
import { formatMoney, formatPercent } from "./format";
import type { Locale } from "./locale";

type Translate = (key: SinceKey, params?: Record<string, string | number>) => string;
export type SinceKey =
  | "since.lead"
  | "since.filled"
  | "since.lost"
  | "since.completeness"
  | "since.noBaseline"
  | "since.signed"
  | "since.signedAmount"
  | "since.nothing"
  | "since.separator"
  | "cockpit.investmentPartly"
  | "cockpit.investmentUnknown"
  | `mapSince.legend.${SinceMark}`;

/**
 * The investment of some projects in words, as every screen says it: the sum of the known
 * figures, with how many are unknown beside it (4.2 亿元（2 个未知）), or 投资额未知 when none is
 * known — never a sum that reads as the whole when it is not. Null for no projects.
 */
export function investmentWords(totals: ProjectTotals, t: Translate, locale: Locale): string | null {
  if (totals.count === 0) return null;
  if (totals.withInvestment === 0) return t("cockpit.investmentUnknown");
  const sum = formatMoney(totals.investment, locale);
  return totals.withInvestment < totals.count ? t("cockpit.investmentPartly", { sum, count: totals.count - totals.withInvestment }) : sum;
}

/** The changes the map marks on a segment (the rest — unchanged, added, unrecorded — carry no mark). */
export const SINCE_MARKS = ["filled", "improved", "worse"] as const satisfies readonly SinceChange[];
export type SinceMark = (typeof SINCE_MARKS)[number];

export function isSinceMark(change: SinceChange | undefined): change is SinceMark {
  return (SINCE_MARKS as readonly string[]).includes(change ?? "");
}

/** Each changed segment by its id, as the map's elements take them (none without a comparison). */
export function changesBySegment(changes: ChainChanges | null): Map<string, ChainChanges["segments"][number]> | undefined {
  return changes ? new Map(changes.segments.map((s) => [s.id, s])) : undefined;
}

export function sinceSentence(summary: SinceSummary, t: Translate, locale: Locale): string {
  const parts: string[] = [];
  if (summary.filledSegments.length) parts.push(t("since.filled", { count: summary.filledSegments.length }));
  if (summary.lostSegments.length) parts.push(t("since.lost", { count: summary.lostSegments.length }));
  if (summary.completenessThen === null) parts.push(t("since.noBaseline", { percent: formatPercent(summary.completenessNow) }));
  else if (Math.round(summary.completenessThen * 100) !== Math.round(summary.completenessNow * 100))
    parts.push(t("since.completeness", { from: formatPercent(summary.completenessThen), to: formatPercent(summary.completenessNow) }));
  const signed = summary.newlySigned;
  if (signed.count)
    parts.push(signed.withInvestment ? t("since.signedAmount", { count: signed.count, amount: investmentWords(signed, t, locale)! }) : t("since.signed", { count: signed.count }));
  return `${t("since.lead", { date: summary.since })}${parts.length ? parts.join(t("since.separator")) : t("since.nothing")}`;
}

/** The legend's words for each mark, with how many segments carry it: "自 2026-10-01 起补齐 2". */
export function sinceLegend(changes: ChainChanges, t: Translate): Record<SinceMark, string> {
  const label = (mark: SinceMark) => `${t(`mapSince.legend.${mark}`, { date: changes.since.since })} ${changes.counts[mark]}`;
  return { filled: label("filled"), improved: label("improved"), worse: label("worse") };
}
