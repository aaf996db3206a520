/**
 * What every edit shares: a write guarded inside its transaction (versions, uniqueness,
 * "still unused"), and, when the guard trips, a second look to say why — gone (404),
 * changed meanwhile (409 with the current record) or something more specific.
 */
import type { GraphStore, WriteStep } from "../../graph/store.js";
import { PreconditionFailed } from "../../graph/store.js";
import { Conflict } from "../../errors.js";

/**
 * Runs the steps in one transaction. When a guarded step matched nothing, `explain` reads
 * the graph again and throws the error that fits; should it find nothing wrong (the
 * record changed back meanwhile), the caller gets a plain conflict.
 */
export async function guardedWrite(store: GraphStore, steps: WriteStep[], explain: () => Promise<void>): Promise<void> {
  try {
    await store.write(steps);
  } catch (error) {
    if (!(error instanceof PreconditionFailed)) throw error;
    await explain();
    throw new Conflict("记录刚被他人修改，请刷新后再试");
  }
}

/** 409 for a stale version, carrying the record as it is now so the editor can rebase. */
export function stale(what: string, current: unknown): Conflict {
  return new Conflict(`${what}已被他人修改，请查看当前内容后再保存`, { current });
}

/** Provenance of a fact entered by hand. */
export const enteredBy = (actor: string) => `entered by ${actor}`;

/** The fields of `change` that are given (PATCH: an absent field keeps its value). */
export function given<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Whether two plain records hold the same values (a change that changes nothing writes nothing). */
export function sameRecord(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
