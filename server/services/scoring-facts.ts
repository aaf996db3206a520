/**
 * The facts a target ranking weighs, for every firm, kept in memory on the embedded graph:
 * a firm's place, capital, staff, revenue, tags, data date and name (a branch is told by
 * it), and its segment links with their confidence. A ranking computed afresh (after any
 * write) then walks memory for the gap segments' ≈ 2 million firm × segment rows at a
 * million firms (≈ 900,000 firms), instead of asking the graph for them with every
 * display column (tens of seconds).
 * The rules stay where they are (target-scoring.ts); this only supplies their facts.
 *
 * Contract — `scoringFacts(store)` answers as of the graph's version token it read:
 * - It catches up through the store's CommitLog. The firms the writes since its own
 *   version name (by the query each step runs, FIRM_WRITES below) are read again by id;
 *   a bulk load of firms or segment links reads the firms past the last place it holds
 *   (Kùzu's node offsets are never reused, so a new firm always lands past them).
 * - A write it cannot place — one by another process, one too large for the log, a query
 *   that rewrites many firms at once — reads every firm again.
 * - Every Cypher file that writes is either in FIRM_WRITES or in FIRM_NEUTRAL (a unit test
 *   walks cypher/), so a new write cannot slip past it.
 * - A bulk load of segment links carries only links of the firms it loads (as imports
 *   do): links of firms already held are written by steps, which name them.
 * - Only one refresh runs at a time; a write during it is seen by the next call. The firm
 *   table changes in place (each firm replaced in one synchronous step): a caller walks it
 *   synchronously, right after the await. A firm the table gives is an object of its own,
 *   never changed: a write replaces the firm held, and `firmsBefore` gives the firms a
 *   catch-up replaced as they were held, so a weighing kept from an earlier version can be
 *   corrected (target-weighing.ts).
 * - The firms are held in a compact layout (scoring-table.ts): their ids and a few dozen
 *   objects for the garbage collector to mark instead of ten million.
 * Neo4j has no node offsets and may be written by other instances: there the ranking reads
 * its candidates with Cypher (targets.ts), and this module is not used.
 */
import type { GraphStore, Row } from "../graph/store.js";
import { firmsWrittenBetween, keptInMemory, type FirmParam } from "./kept-in-memory.js";
import { ScoringTable, type ScoringFirm } from "./scoring-table.js";
import { LINKS_BETWEEN_FIRMS, WRITES_BESIDE_FIRMS } from "./writes-beside-firms.js";

/** Queries that change firms' scoring facts or segment links: the parameter naming the firm, or "all". */
export const FIRM_WRITES: Record<string, FirmParam> = {
  "firms/create-firm": "id",
  "firms/update-firm": "id",
  "firms/upsert-firm": "id",
  "firms/delete-firm": "id",
  "imports/update-firm": "id",
  // A firm's 登记状态: a closed firm is no candidate (model/standing.ts).
  "firms/set-standing": "id",
  "firms/link-segment": "firmId",
  "firms/create-segment-link": "firmId",
  "firms/update-segment-link": "firmId",
  "firms/delete-segment-link": "firmId",
  "firms/convert-capital": "all",
  "firms/forget-capital": "all",
  "admin/delete-all": "all",
};

/** Queries that write but change no firm's scoring facts and no segment link. */
export const FIRM_NEUTRAL = new Set([
  ...WRITES_BESIDE_FIRMS,
  // Leads, parents, supply ties and zones are kept apart (link-facts.ts) or read from the graph.
  ...LINKS_BETWEEN_FIRMS,
]);

/** Tables whose bulk load adds firms or segment links (read past the last place held). */
const FIRM_TABLES = new Set(["Firm", "OPERATES_IN"]);

export type { ScoringFirm, ScoringLink } from "./scoring-table.js";

export interface ScoringFacts {
  version: string;
  /** The firms by id, laid out for the garbage collector (scoring-table.ts): each firm read is built anew. */
  firms: ScoringTable;
  /** Each catch-up since the last full read, oldest first (see firmsBefore). */
  readonly changes: readonly FactsChange[];
}

/** One catch-up: from one version to the next, the firms it replaced as they were held before (undefined: not held). */
interface FactsChange {
  from: string;
  to: string;
  before: Map<string, ScoringFirm | undefined>;
}

interface State extends ScoringFacts {
  /** The first node-table place past every firm read. */
  nextPlace: number;
  changes: FactsChange[];
}

/** How far back firmsBefore can look: catch-ups kept, and firms they replaced in all. */
export const FACTS_CHANGES = { catchUps: 1000, firms: 200_000 };

/**
 * The firms whose facts changed between `version` (one these facts held) and theirs, each as
 * held at `version` (undefined: not held then, a firm added since). Every other firm's facts
 * are as they were. Null when the facts cannot tell: read afresh since, or `version` is
 * further back than the catch-ups kept.
 */
export function firmsBefore(facts: ScoringFacts, version: string): ReadonlyMap<string, ScoringFirm | undefined> | null {
  if (version === facts.version) return new Map();
  const start = facts.changes.findIndex((c) => c.from === version);
  if (start < 0) return null;
  const before = new Map<string, ScoringFirm | undefined>();
  for (let i = start; i < facts.changes.length; i++) {
    const change = facts.changes[i]!;
    for (const [id, firm] of change.before) if (!before.has(id)) before.set(id, firm);
    if (change.to === facts.version) return before;
  }
  return null;
}

/**
 * Firms read per query. Kùzu scans the whole table for each (the place is no index), so a
 * full read takes one query: ≈ 6 s for a million firms, and as much for their links.
 */
export const SCORING_FACTS = { chunk: Number.MAX_SAFE_INTEGER };

/** The scoring facts as of the graph's current version (Kùzu only). */
export const scoringFacts: (store: GraphStore) => Promise<ScoringFacts> = keptInMemory<State>(refresh);

/** Every firm's scoring facts read afresh: what the facts kept and caught up must equal. */
export async function readScoringFacts(store: GraphStore): Promise<ScoringTable> {
  const state: State = { version: "", firms: new ScoringTable(), nextPlace: 0, changes: [] };
  await readPlaces(store, state);
  return state.firms;
}

/** What the writes between two versions changed: some firms (and new places), or anything. */
export function changedFirms(store: GraphStore, from: string, to: string): { ids: Set<string>; appended: boolean } | "all" {
  return firmsWrittenBetween(store, from, to, FIRM_WRITES, FIRM_NEUTRAL, FIRM_TABLES);
}

async function refresh(store: GraphStore, old: State | null, version: string): Promise<State> {
  const change = old ? changedFirms(store, old.version, version) : "all";
  if (change !== "all") {
    // The maps are changed in place, each firm's removal and return in one synchronous
    // step, so a ranking scanning them (synchronously) never sees a firm half-changed.
    const state: State = { ...old!, version };
    const before = new Map<string, ScoringFirm | undefined>();
    if (change.ids.size) {
      const ids = [...change.ids];
      const read = (query: string) => Promise.all(ids.map((id) => store.read(query, { id }))).then((rows) => rows.flat());
      const [firmRows, linkRows] = await Promise.all([read("targets/scoring-firm"), read("targets/scoring-firm-links")]);
      for (const id of ids) before.set(id, state.firms.get(id));
      for (const id of ids) state.firms.delete(id);
      state.firms.put(firmRows, linkRows);
    }
    if (change.appended) await readPlaces(store, state, before);
    keepChange(state, { from: old!.version, to: version, before });
    return state;
  }
  const state: State = { version, firms: new ScoringTable(), nextPlace: 0, changes: [] };
  await readPlaces(store, state);
  return state;
}

/** Records a catch-up, forgetting the oldest past the bounds (FACTS_CHANGES). */
function keepChange(state: State, change: FactsChange): void {
  state.changes.push(change);
  let firms = state.changes.reduce((n, c) => n + c.before.size, 0);
  while (state.changes.length > FACTS_CHANGES.catchUps || (firms > FACTS_CHANGES.firms && state.changes.length > 1)) firms -= state.changes.shift()!.before.size;
  if (firms > FACTS_CHANGES.firms) state.changes.length = 0;
}

/** Reads the firms from `state.nextPlace` on, in chunks, with their links (noting in `before` what each replaced). */
async function readPlaces(store: GraphStore, state: State, before?: Map<string, ScoringFirm | undefined>): Promise<void> {
  const [row] = await store.read("targets/scoring-last-place");
  const last = row?.last === null || row?.last === undefined ? -1 : Number(row.last);
  for (let from = state.nextPlace; from <= last; from += SCORING_FACTS.chunk) {
    const params = { from, to: Math.min(Number.MAX_SAFE_INTEGER, from + SCORING_FACTS.chunk) };
    const [firmRows, linkRows] = await Promise.all([store.read("targets/scoring-firms", params), store.read("targets/scoring-links", params)]);
    if (before) for (const id of firmRows.map((r) => r.id as string)) if (!before.has(id)) before.set(id, state.firms.get(id));
    state.firms.put(firmRows, linkRows);
    state.nextPlace = Math.min(last + 1, params.to);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
