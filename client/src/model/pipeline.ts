/**
 * The pipeline board of a target list: one column per status, 待接触 → 已对接 → 洽谈中 →
 * 已签约 → 已落地, with 已放弃 set apart. Pure, so grouping, ordering and the optimistic
 * move are tested without a browser.
 */
import type { ListEntry, TargetListSummary } from "../../../server/model/api";
import { ENTRY_STATUSES } from "../../../server/model/domain";
import type { EntryStatus } from "../../../server/model/domain";

/** The way forward, in board order. */
export const PIPELINE_STATUSES = ["待接触", "已对接", "洽谈中", "已签约", "已落地"] as const satisfies readonly EntryStatus[];
export const GIVEN_UP: EntryStatus = "已放弃";
/** Every column, 已放弃 last. */
export const BOARD_STATUSES: readonly EntryStatus[] = ENTRY_STATUSES;

/** Statuses from which the entry has become a project in its segment (the map shows it filling). */
export const SIGNED_STATUSES: readonly EntryStatus[] = ["已签约", "已落地"];

export type BoardColumns = Record<EntryStatus, ListEntry[]>;

/**
 * Entries by status. Within a column: the soonest next contact first (none last), then the
 * higher ranking score, then the firm's name, so a team sees what is due at the top.
 */
export function groupByStatus(entries: readonly ListEntry[]): BoardColumns {
  const columns = Object.fromEntries(BOARD_STATUSES.map((s) => [s, [] as ListEntry[]])) as BoardColumns;
  for (const entry of entries) columns[entry.status].push(entry);
  for (const column of Object.values(columns)) column.sort(compareEntries);
  return columns;
}

function compareEntries(a: ListEntry, b: ListEntry): number {
  if (a.nextContactOn !== b.nextContactOn) {
    if (a.nextContactOn === null) return 1;
    if (b.nextContactOn === null) return -1;
    return a.nextContactOn < b.nextContactOn ? -1 : 1;
  }
  return (b.score ?? -1) - (a.score ?? -1) || a.firm.name.localeCompare(b.firm.name, "zh-CN") || a.id.localeCompare(b.id);
}

/** The board right after a card moved, before the server answers; the answer replaces it. */
export function moveEntry(entries: readonly ListEntry[], entryId: string, status: EntryStatus): ListEntry[] {
  return entries.map((e) => (e.id === entryId ? { ...e, status } : e));
}

/** Puts the server's copy of one entry in place of ours. */
export function replaceEntry(entries: readonly ListEntry[], updated: ListEntry): ListEntry[] {
  return entries.map((e) => (e.id === updated.id ? updated : e));
}

/** A next contact date before today is overdue (dates compare as YYYY-MM-DD text). */
export function isOverdue(nextContactOn: string | null, today: string): boolean {
  return nextContactOn !== null && nextContactOn < today;
}

/** How many entries stand at each status. */
export function countByStatus(entries: readonly Pick<ListEntry, "status">[]): Record<EntryStatus, number> {
  const counts = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

/** Status counts summed over lists: the report's pipeline summary. */
export function sumStatusCounts(lists: readonly Pick<TargetListSummary, "statusCounts">[]): Record<EntryStatus, number> {
  const total = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;
  for (const list of lists) for (const status of ENTRY_STATUSES) total[status] += list.statusCounts[status] ?? 0;
  return total;
}

/** Where a drop lands: a status column, or nowhere for anything else (text dragged in, say). */
export function parseDropStatus(value: string | null | undefined): EntryStatus | null {
  return value && (ENTRY_STATUSES as readonly string[]).includes(value) ? (value as EntryStatus) : null;
}
