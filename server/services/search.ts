/**
 * Search across firms, segments and chains by Chinese substring, full pinyin or pinyin
 * initials. A firm, segment or chain matches when one of its keys (search-keys.ts)
 * contains the query; an exact key beats a prefix, a prefix beats a substring, the legal
 * name beats its pinyin, its pinyin its initials, and those the aliases; ties go to the
 * shorter name, then the id.
 *
 * On the embedded graph, firms come from an in-memory index (firm-search.ts) that ranks
 * every matching firm, and segments and chains (thousands at most) are kept in memory
 * beside it. On Neo4j the store finds them — with TEXT indexes on searchText — and they
 * are ranked here among the first candidates.
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { SearchResults } from "../model/api.js";
import { searchCatalog, searchFirmIndex } from "./firm-search.js";
import { normalizeQuery } from "./search-keys.js";
import { parseRows } from "./rows.js";

/** How many candidates each scan fetches before ranking; the response keeps `limit`. */
const CANDIDATES = 200;

export function matchRank(searchText: string, q: string): number {
  let best = Number.POSITIVE_INFINITY;
  searchText.split("|").forEach((key, index) => {
    const kind = key === q ? 0 : key.startsWith(q) ? 1 : key.includes(q) ? 2 : 3;
    if (kind < 3) best = Math.min(best, kind * 1000 + index);
  });
  return best;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function ranked<T extends { searchText: string; name: string; id: string }>(rows: T[], q: string, limit: number) {
  return rows
    .map((row) => ({ row, rank: matchRank(row.searchText, q) }))
    .sort((a, b) => a.rank - b.rank || a.row.name.length - b.row.name.length || byId(a.row.id, b.row.id))
    .slice(0, limit)
    .map(({ row: { searchText: _, ...rest } }) => rest);
}

const Keyed = z.object({ searchText: z.string() });
const FirmHit = SearchResults.shape.firms.element.extend(Keyed.shape);
const SegmentHit = SearchResults.shape.segments.element.extend(Keyed.shape);
const ChainHit = SearchResults.shape.chains.element.extend(Keyed.shape);

/** Firms by scanning every firm's keys in the store (Neo4j; and the benchmark's comparison). */
export async function scanFirms(store: GraphStore, q: string, limit: number): Promise<SearchResults["firms"]> {
  return ranked(parseRows(FirmHit, await store.read("search/search-firms", { q, limit: CANDIDATES })), q, limit);
}

async function indexedFirms(store: GraphStore, q: string, limit: number): Promise<SearchResults["firms"]> {
  return (await searchFirmIndex(store, q, limit)).map(({ id, name, aliases, regionCode, zoneId, sample, standing }) => ({ id, name, aliases, regionCode, zoneId, sample, standing }));
}

export async function search(store: GraphStore, query: string, limit: number, options: { scan?: boolean } = {}): Promise<SearchResults> {
  const q = normalizeQuery(query);
  if (store.engine === "kuzu" && !options.scan) {
    const [firms, catalog] = await Promise.all([indexedFirms(store, q, limit), searchCatalog(store)]);
    const matching = <T extends { searchText: string }>(rows: T[]) => rows.filter((r) => r.searchText.includes(q));
    return { query, firms, segments: ranked(matching(catalog.segments), q, limit), chains: ranked(matching(catalog.chains), q, limit) };
  }
  const params = { q, limit: CANDIDATES };
  const [firms, segments, chains] = await Promise.all([
    scanFirms(store, q, limit),
    store.read("search/search-segments", params).then((rows) => parseRows(SegmentHit, rows)),
    store.read("search/search-chains", params).then((rows) => parseRows(ChainHit, rows)),
  ]);
  return { query, firms, segments: ranked(segments, q, limit), chains: ranked(chains, q, limit) };
}
