/**
 * A stale write (409 "conflict"): someone changed the record after the person opened it.
 * The person's edits are never dropped: they are applied again on top of the current
 * record, and the fields both sides changed are named so the person can choose.
 */

/** Equal as values: arrays and objects by content, undefined as null, text without outer spaces. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.trim();
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, normalise(v)]);
    return Object.fromEntries(entries);
  }
  return value;
}

export interface Rebased<T> {
  /** The current record with the person's own changes applied again: what the form shows now. */
  draft: T;
  /** Fields the person changed from what they had loaded. */
  mine: (keyof T)[];
  /** Fields someone else changed meanwhile. */
  theirs: (keyof T)[];
  /** Fields both changed, to different values. The draft keeps the person's value. */
  clashes: (keyof T)[];
}

/**
 * Applies the person's edits (`edited` against the `base` they loaded) to the `current`
 * record. Fields the person did not touch take the current value.
 */
export function rebaseEdits<T extends object>(base: T, edited: T, current: T, fields: readonly (keyof T)[]): Rebased<T> {
  const draft = { ...current };
  const mine: (keyof T)[] = [];
  const theirs: (keyof T)[] = [];
  const clashes: (keyof T)[] = [];
  for (const field of fields) {
    const changedByMe = !sameValue(base[field], edited[field]);
    const changedByThem = !sameValue(base[field], current[field]);
    if (changedByMe) {
      mine.push(field);
      draft[field] = edited[field];
    }
    if (changedByThem) theirs.push(field);
    if (changedByMe && changedByThem && !sameValue(edited[field], current[field])) clashes.push(field);
  }
  return { draft, mine, theirs, clashes };
}

/** The current record a 409 "conflict" carries in `details.current`, or null for any other error. */
export function conflictCurrent(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return null;
  const { status, code, details } = error as { status?: unknown; code?: unknown; details?: unknown };
  if (status !== 409 || code !== "conflict") return null;
  if (typeof details !== "object" || details === null || !("current" in details)) return null;
  return (details as { current: unknown }).current ?? null;
}
