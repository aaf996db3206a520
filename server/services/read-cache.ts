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
 *
 * One computation of an answer at a time: a request that needs a newer answer than the
 * one being computed waits for it to end, then shares one computation with every other
 * request that came meanwhile (docs/decisions/026-readers-beside-writes.md). Edits
 * arriving faster than an answer computes then cost one computation after another, not
 * one more beside the others for each edit, all slowed by each other.
 */
import type { GraphStore } from "../graph/store.js";
import { stillHolds, type AnswerScope } from "./write-reach.js";

const MAX_ENTRIES = 500;

interface Entry {
  version: string;
  value: Promise<unknown>;
  scope: AnswerScope | null;
}

interface Cache {
  entries: Map<string, Entry>;
  /** The computation under way, by key. */
  running: Map<string, Promise<unknown>>;
  /** The computation that starts when the one under way ends, by key: those asking meanwhile share it. */
  queued: Map<string, Promise<unknown>>;
}

const caches = new WeakMap<GraphStore, Cache>();

/**
 * The graph's version token. The embedded graph's sole writer knows it once read (its own
 * writes set it: CommitLog.current), so a kept answer is handed out without a round trip
 * to the graph; otherwise it is read.
 */
export async function graphVersion(store: GraphStore): Promise<string> {
  const known = store.commits.current;
  if (known !== null) return known;
  const mark = store.commits.mark();
  const [row] = await store.read("settings/get-setting", { key: "graph-version" });
  const version = typeof row?.value === "string" ? row.value : "";
  store.commits.learn(version, mark);
  return version;
}

/**
 * The kept answer for `key` if the graph has not changed since — or, for an answer with a
 * scope, if no write since reaches it — else a fresh one.
 */
export async function cached<T>(store: GraphStore, key: string, compute: () => Promise<T>, scope: AnswerScope | null = null): Promise<T> {
  let c = caches.get(store);
  if (!c) caches.set(store, (c = { entries: new Map(), running: new Map(), queued: new Map() }));
  const { entries: cache, running, queued } = c;
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
  const under = running.get(key);
  if (under) {
    // The answer being computed is older than this request: the next one, started once it
    // ends (reading the version then, no older than this request's), is shared.
    let next = queued.get(key) as Promise<T> | undefined;
    if (!next) {
      next = under.then(after, after);
      queued.set(key, next);
    }
    return next;
  }
  const value = compute();
  cache.set(key, { version, value, scope });
  running.set(key, value);
  value.then(done, done);
  value.catch(() => cache.delete(key));
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;

  function done() {
    if (running.get(key) === value) running.delete(key);
  }
  function after(): Promise<T> {
    queued.delete(key);
    return cached(store, key, compute, scope);
  }
}
