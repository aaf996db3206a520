/**
 * Firm search on the embedded graph through an in-memory index (search-index.ts) instead
 * of scanning every firm's keys: a query answers in well under a millisecond at a million
 * firms, where the scan takes hundreds.
 *
 * The index follows the graph. Firms are read in blocks of 4,096 by their place in Kùzu's
 * node table, and each block has a fingerprint (firms, the sum of their versions, the sum
 * of their places — cypher/search/firm-blocks) that any added, deleted or rewritten firm
 * changes. When the graph's version token moves (any write), one aggregate query (about
 * 30 ms at a million firms) says which blocks changed; only those are read again, into
 * small indexes that hide the stale part of the big one. After many changed blocks (a
 * large import), the whole index is rebuilt, in chunks, yielding between them so the
 * server keeps answering.
 *
 * Segments and chains, a few thousand at most, are kept alongside and read again at every
 * change of the graph's version.
 *
 * Neo4j has no table offsets; there, search scans with a TEXT index (see search.ts).
 */
import { z } from "zod";
import type { GraphStore, Row } from "../graph/store.js";
import { SearchResults } from "../model/api.js";
import { graphVersion } from "./read-cache.js";
import { parseRows } from "./rows.js";
import { compareHits, SearchIndex, type FirmHit, type IndexedFirm } from "./search-index.js";
import { asStanding } from "../model/standing.js";

/**
 * Firms per block; a full build reads `chunkBlocks` blocks per query; beyond
 * `maxChangedBlocks` changed blocks (an eighth of a million-firm graph) the index is
 * rebuilt. Tests use small blocks to reach every path with few firms.
 */
export const FIRM_SEARCH = { blockSize: 4096, chunkBlocks: 16, maxChangedBlocks: 32 };

interface State {
  version: string;
  fingerprints: Map<number, string>;
  base: SearchIndex;
  /** Blocks read again since the base was built: their firms now, hiding the base's. */
  changed: Map<number, SearchIndex>;
  zones: Map<string, string>;
  /** Segments and chains (thousands at most), searched by scanning them here. */
  segments: SegmentEntry[];
  chains: ChainEntry[];
}

const Keyed = z.object({ searchText: z.string() });
const SegmentEntry = SearchResults.shape.segments.element.extend(Keyed.shape);
const ChainEntry = SearchResults.shape.chains.element.extend(Keyed.shape);
export type SegmentEntry = z.infer<typeof SegmentEntry>;
export type ChainEntry = z.infer<typeof ChainEntry>;

interface Holder {
  state: State | null;
  refreshing: Promise<State> | null;
}

const holders = new WeakMap<GraphStore, Holder>();

const BlockRow = z.object({ block: z.number(), firms: z.number(), versions: z.number(), offsets: z.number() });
const LocatedRow = z.object({ firmId: z.string(), zoneId: z.string() });

export type FirmSearchHit = FirmHit & { zoneId: string | null };

/** The best `limit` firms for the normalised query `q`. */
export async function searchFirmIndex(store: GraphStore, q: string, limit: number): Promise<FirmSearchHit[]> {
  const state = await currentState(store);
  const hidden = state.changed.size ? (block: number) => state.changed.has(block) : undefined;
  const hits = state.base.search(q, limit, hidden);
  for (const index of state.changed.values()) hits.push(...index.search(q, limit));
  return hits
    .sort(compareHits)
    .slice(0, limit)
    .map((hit) => ({ ...hit, zoneId: state.zones.get(hit.id) ?? null }));
}

/** The segments and chains as of the graph's current version, to be searched by scanning. */
export async function searchCatalog(store: GraphStore): Promise<{ segments: SegmentEntry[]; chains: ChainEntry[] }> {
  const { segments, chains } = await currentState(store);
  return { segments, chains };
}

/** Builds the index ahead of the first search (the server calls it once started). */
export async function prepareFirmIndex(store: GraphStore): Promise<{ firms: number; bytes: number }> {
  const state = await currentState(store);
  return { firms: [...state.changed.values()].reduce((n, i) => n + i.size, state.base.size), bytes: state.base.bytes };
}

async function currentState(store: GraphStore): Promise<State> {
  let holder = holders.get(store);
  if (!holder) holders.set(store, (holder = { state: null, refreshing: null }));
  const h = holder;
  const version = await graphVersion(store);
  if (h.state?.version === version) return h.state;
  // One refresh at a time; a write during it is seen by the next search.
  h.refreshing ??= refresh(store, h, version).finally(() => {
    h.refreshing = null;
  });
  return h.refreshing;
}

async function refresh(store: GraphStore, holder: Holder, version: string): Promise<State> {
  const [blockRows, locatedRows, segments, chains] = await Promise.all([
    store.read("search/firm-blocks", { blockSize: FIRM_SEARCH.blockSize }).then((rows) => parseRows(BlockRow, rows)),
    store.read("search/located-firms").then((rows) => parseRows(LocatedRow, rows)),
    store.read("search/all-segments").then((rows) => parseRows(SegmentEntry, rows)),
    store.read("search/all-chains").then((rows) => parseRows(ChainEntry, rows)),
  ]);
  const fingerprints = new Map(blockRows.map((r) => [r.block, `${r.firms}:${r.versions}:${r.offsets}`]));
  const zones = new Map(locatedRows.map((r) => [r.firmId, r.zoneId]));
  const old = holder.state;
  const changedNow = old ? [...new Set([...fingerprints.keys(), ...old.fingerprints.keys()])].filter((b) => fingerprints.get(b) !== old.fingerprints.get(b)) : [];
  let state: State;
  if (old && changedNow.length === 0) {
    state = { ...old, version, zones, segments, chains };
  } else if (old && new Set([...old.changed.keys(), ...changedNow]).size <= FIRM_SEARCH.maxChangedBlocks) {
    const rows = await store.read("search/firm-keys-in-blocks", { blocks: changedNow, blockSize: FIRM_SEARCH.blockSize });
    const byBlock = new Map<number, IndexedFirm[]>(changedNow.map((b) => [b, []]));
    for (const row of rows) {
      const firm = indexedFirm(row);
      byBlock.get(firm.block)?.push(firm);
    }
    const changed = new Map(old.changed);
    for (const [block, firms] of byBlock) changed.set(block, await SearchIndex.build(firms));
    state = { version, fingerprints, base: old.base, changed, zones, segments, chains };
  } else {
    // Let the old index go before the new one is built.
    holder.state = null;
    state = { version, fingerprints, base: await SearchIndex.build(allFirms(store, [...fingerprints.keys()]), pause), changed: new Map(), zones, segments, chains };
  }
  holder.state = state;
  return state;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function* allFirms(store: GraphStore, blocks: number[]): AsyncGenerator<IndexedFirm> {
  const { blockSize, chunkBlocks } = FIRM_SEARCH;
  const chunks = [...new Set(blocks.map((b) => Math.floor(b / chunkBlocks)))].sort((a, b) => a - b);
  for (const chunk of chunks) {
    const from = chunk * chunkBlocks * blockSize;
    const rows = await store.read("search/firm-keys", { from, to: from + chunkBlocks * blockSize, blockSize });
    for (const row of rows) yield indexedFirm(row);
    await pause();
  }
}

/** A row of firm-keys as the index takes it; checked by hand, as a million rows pass here. */
function indexedFirm(row: Row): IndexedFirm {
  const { block, id, name, aliases, regionCode, sample, standing, searchText } = row;
  if (typeof block !== "number" || typeof id !== "string" || (name !== null && typeof name !== "string") || (aliases !== null && !Array.isArray(aliases)))
    throw new Error(`Unexpected firm row for the search index: ${JSON.stringify(row).slice(0, 200)}`);
  return {
    block,
    id,
    name: (name as string | null) ?? "",
    aliases: ((aliases as unknown[] | null) ?? []).map(String),
    regionCode: typeof regionCode === "string" ? regionCode : "",
    sample: sample === true,
    standing: asStanding(standing),
    searchText: typeof searchText === "string" ? searchText : "",
  };
}
