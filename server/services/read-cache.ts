/**
 * Answers that are costly to compute (maps, gaps, the overview, rankings) are kept until
 * the graph changes. Every write gives the graph a new version token (store.ts,
 * versionStep), so one cheap read tells whether a kept answer still holds — in this app
 * instance or any other sharing the graph.
 *
 * An answer about one zone × chain says so (its scope): when the token has moved only by
 * this process's own writes and none of them reaches that zone or chain
 * (write-reach.ts), the answer is kept through them. An edit in one chain leaves the
 * other chains' answers standing; a write from elsewhere still drops every answer.
 */
import type { GraphStore } from "../graph/store.js";
import { stillHolds, type AnswerScope } from "./write-reach.js";

const MAX_ENTRIES = 500;

interface Entry {
  version: string;
  value: Promise<unknown>;
  scope: AnswerScope | null;
}

const caches = new WeakMap<GraphStore, Map<string, Entry>>();

export async function graphVersion(store: GraphStore): Promise<string> {
  const [row] = await store.read("settings/get-setting", { key: "graph-version" });
  return typeof row?.value === "string" ? row.value : "";
}

/**
 * The kept answer for `key` if the graph has not changed since — or, for an answer with a
 * scope, if no write since reaches it — else a fresh one.
 */
export async function cached<T>(store: GraphStore, key: string, compute: () => Promise<T>, scope: AnswerScope | null = null): Promise<T> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const version = await graphVersion(store);
  const entry = cache.get(key);
  if (entry && entry.version !== version && entry.scope && (await stillHolds(store, entry.scope, entry.version, version))) {
    // Checked from this version on next time. (Another request may have moved it further meanwhile.)
    if (cache.get(key) === entry && store.commits.between(entry.version, version)) entry.version = version;
  }
  if (entry && entry.version === version) {
    // Most recently used last, so the oldest goes first when the cache is full.
    cache.delete(key);
    cache.set(key, entry);
    return entry.value as Promise<T>;
  }
  const value = compute();
  cache.set(key, { version, value, scope });
  value.catch(() => cache.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
