/**
 * Facts kept in memory beside the embedded graph (scoring-facts.ts, link-facts.ts): one copy
 * per store, as of the graph's version token. A call whose version the copy holds answers at
 * once; otherwise it waits for the one refresh under way (never two at once) and, when a
 * write landed meanwhile, catches up with that too.
 */
import type { GraphStore } from "../graph/store.js";
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
