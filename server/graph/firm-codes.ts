/**
 * The key table of 统一社会信用代码 (FirmCode: one node per code, keyed by it, naming its
 * firm). Kùzu indexes nothing but primary keys, so finding a code's holder among the
 * firms is a scan of every firm; by this table it is one lookup (docs/decisions/024).
 * Every write that gives a firm a code, changes it or deletes the firm keeps the table in
 * the same transaction; a graph made before the table (or restored from a backup without
 * it) gets it filled when opened.
 */
import type { GraphStore, WriteStep } from "./store.js";

/**
 * The steps that move a firm's key from code `was` to code `next` (either null: none), to
 * run first in the firm's write. Taking a code another firm holds matches nothing, so the
 * write fails as a stale one (PreconditionFailed) before it has changed a row — Kùzu
 * 0.11.3 may fail the next write after rolling back an updated row (docs/decisions/010) —
 * and the caller's second look says which firm holds it.
 */
export function codeSteps(firmId: string, was: string | null, next: string | null): WriteStep[] {
  if (was === next) return [];
  return [
    ...(next ? [{ query: "firms/claim-code", rows: [{ uscc: next, id: firmId }], mustMatch: true }] : []),
    ...(was ? [{ query: "firms/release-code", rows: [{ uscc: was, id: firmId }] }] : []),
  ];
}

/** The id of the firm holding a code, if any: a lookup by key. */
export async function codeHolder(store: GraphStore, uscc: string): Promise<string | undefined> {
  const [row] = await store.read("firms/find-by-uscc", { uscc });
  return typeof row?.id === "string" ? row.id : undefined;
}

/**
 * Fills an empty key table from the firms: a graph made before it, or restored from a
 * backup without it. Does nothing when the table holds keys or no firm has a code, so it
 * is safe on every open. Returns how many codes it took.
 */
export async function fillFirmCodes(store: GraphStore): Promise<number> {
  const [count] = await store.read("firms/count-codes");
  if (Number(count?.keys ?? 0) > 0) return 0;
  if ((await store.read("firms/any-coded-firm")).length === 0) return 0;
  await store.write([{ query: "firms/fill-codes", rows: [{}] }], { keepsCaches: true });
  const [filled] = await store.read("firms/count-codes");
  return Number(filled?.keys ?? 0);
}
