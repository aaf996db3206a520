/**
 * The graph's firms by their keys (known-firms.ts), as an import matches its rows to them,
 * kept in memory on the embedded graph between imports. Reading them afresh means a scan of
 * every firm and building the keys of each (≈ 8 s at a million firms on a loaded machine,
 * docs/decisions/021): kept, an import into a large graph starts at once.
 *
 * Contract — `firmKeys(store)` answers as of the graph's version token it read (as
 * services/scoring-facts.ts does):
 * - It catches up through the store's CommitLog. The firms the writes since its own version
 *   name (by the query each step runs, KEY_WRITES below) are read again by id; a bulk load
 *   of firms reads the firms past the last place it holds (Kùzu's node offsets are never
 *   reused, so a new firm always lands past them).
 * - A write it cannot place — one by another process, one too large for the log, a query
 *   listed as "all" — reads every firm's keys again.
 * - Every Cypher file that writes is either in KEY_WRITES or in KEY_NEUTRAL (a unit test
 *   walks cypher/), so a new write cannot slip past it.
 * - Kept or read afresh, the keys hold the same firms in the same order (by place), so an
 *   import finds the same firm for every row either way.
 * - Only one refresh runs at a time, and the keys change in place, each firm in one
 *   synchronous step: an import that runs while another one's start catches them up sees
 *   the writes committed since it began, never a firm half-changed.
 * Neo4j has no node offsets and may be written by other instances: there every import reads
 * the keys afresh, and nothing is kept.
 */
import type { GraphStore, Row } from "../graph/store.js";
import { firmsWrittenBetween, keptInMemory } from "../services/kept-in-memory.js";
import { LINKS_BETWEEN_FIRMS, WRITES_BESIDE_FIRMS } from "../services/writes-beside-firms.js";
import { KnownFirms } from "./known-firms.js";

/** Queries that change a firm's keys (id, 统一社会信用代码, name, region): the parameter naming the firm, or "all". */
export const KEY_WRITES: Record<string, "id" | "all"> = {
  "firms/create-firm": "id",
  "firms/update-firm": "id",
  "firms/upsert-firm": "id",
  "firms/delete-firm": "id",
  "imports/update-firm": "id",
  "admin/delete-all": "all",
};

/** Queries that write but change no firm's keys. */
export const KEY_NEUTRAL = new Set([
  ...WRITES_BESIDE_FIRMS,
  // A firm's links, leads, capital and standing are not among its keys.
  "firms/set-standing",
  ...LINKS_BETWEEN_FIRMS,
  "firms/link-segment", "firms/create-segment-link", "firms/update-segment-link", "firms/delete-segment-link", "firms/convert-capital", "firms/forget-capital",
]);

/** Tables whose bulk load adds firms (read past the last place held). */
const KEY_TABLES = new Set(["Firm"]);

interface KeyRow {
  place: number;
  id: string;
  uscc: string | null;
  name: string;
  regionCode: string;
}

/**
 * A row of firm keys, checked by hand as a million pass here at a start (a schema's parse
 * of each took seconds): texts that are null read as "" (as parseRows reads them), a
 * missing place as 0 (Neo4j has none).
 */
export function keyRow(row: Row): KeyRow {
  const text = (field: string) => {
    const value = row[field];
    if (value === null || value === undefined) return "";
    if (typeof value !== "string") throw new Error(`Unexpected firm key row (${field} is not text): ${JSON.stringify(row).slice(0, 200)}`);
    return value;
  };
  const { place, uscc } = row;
  if ((place !== undefined && place !== null && typeof place !== "number") || (uscc !== null && uscc !== undefined && typeof uscc !== "string"))
    throw new Error(`Unexpected firm key row: ${JSON.stringify(row).slice(0, 200)}`);
  return { place: (place as number | null | undefined) ?? 0, id: text("id"), uscc: (uscc as string | null | undefined) ?? null, name: text("name"), regionCode: text("regionCode") };
}

interface State {
  version: string;
  known: KnownFirms;
  /** The first node-table place past every firm read. */
  nextPlace: number;
}

const kept = keptInMemory<State>(refresh);

/** The firms of the graph by their keys: kept on the embedded graph, read afresh on Neo4j. */
export async function firmKeys(store: GraphStore): Promise<KnownFirms> {
  return store.engine === "kuzu" ? (await kept(store)).known : readFirmKeys(store);
}

/** Every firm's keys read afresh: what the kept keys fall back to, and what they must equal. */
export async function readFirmKeys(store: GraphStore): Promise<KnownFirms> {
  const known = new KnownFirms();
  if (store.engine === "kuzu") await readPlaces(store, { version: "", known, nextPlace: 0 });
  else for (const row of (await store.read("imports/list-firm-keys")).map(keyRow)) known.add(row.name, { id: row.id, uscc: row.uscc, regionCode: row.regionCode, place: 0 });
  return known;
}

/** What the writes between two versions changed: some firms (and new places), or anything. */
export function firmsRekeyed(store: GraphStore, from: string, to: string): { ids: Set<string>; appended: boolean } | "all" {
  return firmsWrittenBetween(store, from, to, KEY_WRITES, KEY_NEUTRAL, KEY_TABLES);
}

async function refresh(store: GraphStore, old: State | null, version: string): Promise<State> {
  const change = old ? firmsRekeyed(store, old.version, version) : "all";
  if (change === "all") {
    const state: State = { version, known: new KnownFirms(), nextPlace: 0 };
    await readPlaces(store, state);
    return state;
  }
  const state = old!;
  if (change.ids.size) {
    const ids = [...change.ids];
    const rows = (await Promise.all(ids.map((id) => store.read("imports/firm-key", { id })))).flat();
    // A firm read again replaces the one held; a firm not found is gone. Its place does not
    // move the places read past: a bulk load's firms may lie before a firm created since.
    for (const id of ids) state.known.remove(id);
    put(state, rows, false);
  }
  if (change.appended) await readPlaces(store, state);
  state.version = version;
  return state;
}

/** Reads the firms from `state.nextPlace` on (those held again replace themselves). */
async function readPlaces(store: GraphStore, state: State): Promise<void> {
  const rows = await store.read("imports/firm-keys-from", { from: state.nextPlace });
  state.known.reserve(rows.length);
  put(state, rows, true);
}

function put(state: State, rows: Row[], readPast: boolean): void {
  for (const raw of rows) {
    const row = keyRow(raw);
    const { place } = row;
    state.known.add(row.name, { id: row.id, uscc: row.uscc, regionCode: row.regionCode, place });
    if (readPast) state.nextPlace = Math.max(state.nextPlace, place + 1);
  }
}
