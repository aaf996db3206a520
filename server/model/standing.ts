/**
 * A firm's standing by its 登记状态 (docs/decisions/042-firm-standing.md), and the one rule
 * every answer asks of it: a closed firm (注销, 吊销, 撤销, 迁出, 清算 …) is no 招商目标 and
 * no zone's local cover; a suspended one (停业, 歇业) is ranked, with a note. A firm whose
 * standing was never said (null) is taken as active.
 */
export const STANDINGS = ["active", "suspended", "closed"] as const;
export type Standing = (typeof STANDINGS)[number];

/** A standing as the graph stores it (text), or null when it holds none or none of these. */
export function asStanding(value: unknown): Standing | null {
  return (STANDINGS as readonly unknown[]).includes(value) ? (value as Standing) : null;
}

/** The firm may no longer trade: never a target, never a zone's cover. */
export function isClosed(standing: string | null | undefined): boolean {
  return standing === "closed";
}

/** The firm exists but has stopped trading for now: ranked, with a note. */
export function isSuspended(standing: string | null | undefined): boolean {
  return standing === "suspended";
}

/** The standing's name as the pages write it. */
export const STANDING_LABELS: Record<Standing, string> = { active: "存续", suspended: "停业", closed: "已注销/吊销" };
