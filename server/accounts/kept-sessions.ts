/**
 * Sessions as every API request asks for them, kept in memory on the embedded graph: a
 * request then knows who asks without a read of the graph. Under a team's load both read
 * connections are often busy computing an answer afresh, and a session read queued behind
 * them held every request, kept answers included.
 *
 * Contract — `keptSession(store, id, read)`:
 * - Answers the row `read` gives for a session id (its hash), or null for none, as the graph
 *   holds it now: what is kept is dropped whole by every write of `ACCOUNT_WRITES` (a unit
 *   test checks every writing query that names a Session or a User is in it), a bulk load of
 *   Session or User (a restore) and a failed write that may have committed.
 * - A read that a write overtook is answered but not kept.
 * - Expiry is the caller's to check, on every request, as before.
 * - A session answered from memory counts as a read for the embedded graph's idle
 *   checkpoint (`GraphStore.inUse`): people browsing kept answers keep a due checkpoint
 *   waiting, as their session reads did (docs/decisions/011).
 * Neo4j may be written by other instances, which no CommitLog hears: there every request
 * reads the graph (the session's id is its key).
 */
import type { CommittedWrite, GraphStore } from "../graph/store.js";

/** Writes that create, end or change a session or its user. */
export const ACCOUNT_WRITES = new Set([
  "accounts/create-session",
  "accounts/delete-session",
  "accounts/delete-user-sessions",
  "accounts/delete-expired-sessions",
  "accounts/create-user",
  "accounts/update-user",
  "admin/delete-all",
]);

const ACCOUNT_TABLES = new Set(["Session", "User"]);

/** Sessions kept at most: past it, all are dropped (unknown tokens are kept too, as null). */
const MAX_KEPT = 10_000;

interface Kept<T> {
  rows: Map<string, T | null>;
  /** Counts the drops: a read begun before one is not kept. */
  drops: number;
}

const kept = new WeakMap<GraphStore, Kept<unknown>>();

const changesAccounts = (write: CommittedWrite) =>
  write.uncertain === true || write.steps.some((s) => ACCOUNT_WRITES.has(s.query)) || write.tables.some((t) => ACCOUNT_TABLES.has(t));

function keptOf<T>(store: GraphStore): Kept<T> {
  let k = kept.get(store) as Kept<T> | undefined;
  if (!k) {
    const fresh: Kept<T> = { rows: new Map(), drops: 0 };
    store.commits.follow((write) => {
      if (!changesAccounts(write)) return;
      fresh.rows.clear();
      fresh.drops++;
    });
    kept.set(store, (k = fresh));
  }
  return k;
}

/** The session row of `id` (null: none), read by `read` only when not kept. */
export async function keptSession<T>(store: GraphStore, id: string, read: () => Promise<T | null>): Promise<T | null> {
  if (store.engine !== "kuzu") return read();
  const k = keptOf<T>(store);
  const held = k.rows.get(id);
  if (held !== undefined) {
    // Still someone using the graph, for its checkpoints: they wait for no one to have read for a while (GraphStore.inUse).
    store.inUse?.();
    return held;
  }
  const drops = k.drops;
  const row = await read();
  if (k.drops === drops) {
    if (k.rows.size >= MAX_KEPT) k.rows.clear();
    k.rows.set(id, row);
  }
  return row;
}
