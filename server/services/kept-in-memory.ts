/**
 * Facts kept in memory beside the embedded graph (scoring-facts.ts, link-facts.ts): one copy
 * per store, as of the graph's version token. A call whose version the copy holds answers at
 * once; otherwise it waits for the one refresh under way (never two at once) and, when a
 * write landed meanwhile, catches up with that too.
 */
import type { GraphStore, WriteStep } from "../graph/store.js";
import { graphVersion } from "./read-cache.js";

export function keptInMemory<T extends { version: string }>(
  refresh: (store: GraphStore, old: T | null, version: string) => Promise<T>,
): (store: GraphStore) => Promise<T> {
  const holders = new WeakMap<GraphStore, { state: T | null; refreshing: Promise<T> | null }>();
  return async function current(store: GraphStore): Promise<T> {
    let holder = holders.get(store);
    if (!holder) holders.set(store, (holder = { state: null, refreshing: null }));
    const h = holder;
    const version = await graphVersion(store);
    if (h.state?.version === version) return h.state;
    h.refreshing ??= refresh(store, h.state, version)
      .then((state) => (h.state = state))
      .finally(() => (h.refreshing = null));
    const state = await h.refreshing;
    return state.version === version ? state : current(store);
  };
}

/** Which parameter of a write's rows names the firm it changes, or "all" (it may change any). */
export type FirmParam = "id" | "firmId" | "all";

/**
 * The firms the writes between two versions named (by the parameter `writes` gives for
 * each query; a query in `neutral` names none), and whether a bulk load put rows into one of
 * `tables` (new places to read); "all" when the log cannot tell or a write may change any.
 */
export function firmsWrittenBetween(
  store: GraphStore,
  from: string,
  to: string,
  writes: Readonly<Record<string, FirmParam>>,
  neutral: ReadonlySet<string>,
  tables: ReadonlySet<string>,
): { ids: Set<string>; appended: boolean } | "all" {
  const commits = store.commits.between(from, to);
  if (!commits) return "all";
  const ids = new Set<string>();
  let appended = false;
  for (const commit of commits) {
    if (!commit.steps) return "all";
    if (commit.tables.some((t) => tables.has(t))) appended = true;
    for (const step of commit.steps) {
      const named = firmsOf(step, writes, neutral);
      if (named === "all") return "all";
      for (const id of named) ids.add(id);
    }
  }
  return { ids, appended };
}

function firmsOf(step: WriteStep, writes: Readonly<Record<string, FirmParam>>, neutral: ReadonlySet<string>): string[] | "all" {
  const key = writes[step.query];
  if (key === undefined) return neutral.has(step.query) ? [] : "all";
  if (key === "all") return "all";
  return step.rows.map((row) => String(row[key]));
}
