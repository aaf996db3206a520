/**
 * The firms a 补链模拟 left out, one line per reason: "已落地，已跳过：甲、乙". A scenario
 * saved before its firms landed still opens; these lines say which of them it no longer lands.
 */
import type { SkippedFirm } from "../../../server/model/api";

export type SkippedKey = "simulation.skippedLanded" | "simulation.skippedSigned" | "simulation.skippedDeleted" | "simulation.skippedOutside" | "simulation.skippedClosed";
type Translate = (key: SkippedKey, params?: Record<string, string | number>) => string;

const KEYS: Record<SkippedFirm["reason"], SkippedKey> = {
  landed: "simulation.skippedLanded",
  signed: "simulation.skippedSigned",
  deleted: "simulation.skippedDeleted",
  "outside-chain": "simulation.skippedOutside",
  closed: "simulation.skippedClosed",
};

export function skippedLines(skipped: readonly SkippedFirm[], t: Translate): string[] {
  return (Object.keys(KEYS) as SkippedFirm["reason"][]).flatMap((reason) => {
    const firms = skipped.filter((s) => s.reason === reason);
    if (!firms.length) return [];
    // A deleted firm is known by its id alone; a signed one says how it was won.
    const names = firms.map((s) => `${s.name ?? s.firmId}${s.how.length ? `（${s.how.join("；")}）` : ""}`).join("、");
    return [t(KEYS[reason], { names })];
  });
}
