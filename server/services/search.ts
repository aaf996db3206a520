/**
 * Search across firms, segments and chains by Chinese substring, full pinyin or pinyin
 * initials. The store finds candidates by substring of the stored keys; ranking happens
 * here: an exact key beats a prefix, a prefix beats a substring, the legal name beats
 * its pinyin; ties go to the shorter name.
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { SearchResults } from "../model/api.js";
import { normalizeQuery } from "./search-keys.js";
import { parseRows } from "./rows.js";

/** How many candidates each kind fetches before ranking; the response keeps `limit`. */
const CANDIDATES = 200;

export function matchRank(searchText: string, q: string): number {
  let best = Number.POSITIVE_INFINITY;
  searchText.split("|").forEach((key, index) => {
    const kind = key === q ? 0 : key.startsWith(q) ? 1 : key.includes(q) ? 2 : 3;
    if (kind < 3) best = Math.min(best, kind * 1000 + index);
  });
  return best;
}

function ranked<T extends { searchText: string; name: string; id: string }>(rows: T[], q: string, limit: number) {
  return rows
    .map((row) => ({ row, rank: matchRank(row.searchText, q) }))
    .sort((a, b) => a.rank - b.rank || a.row.name.length - b.row.name.length || a.row.id.localeCompare(b.row.id))
    .slice(0, limit)
    .map(({ row: { searchText: _, ...rest } }) => rest);
}

const Keyed = z.object({ searchText: z.string() });
const FirmHit = SearchResults.shape.firms.element.extend(Keyed.shape);
const SegmentHit = SearchResults.shape.segments.element.extend(Keyed.shape);
const ChainHit = SearchResults.shape.chains.element.extend(Keyed.shape);

export async function search(store: GraphStore, query: string, limit: number): Promise<SearchResults> {
  const q = normalizeQuery(query);
  const params = { q, limit: CANDIDATES };
  const [firms, segments, chains] = await Promise.all([
    store.read("search/search-firms", params).then((rows) => parseRows(FirmHit, rows)),
    store.read("search/search-segments", params).then((rows) => parseRows(SegmentHit, rows)),
    store.read("search/search-chains", params).then((rows) => parseRows(ChainHit, rows)),
  ]);
  return { query, firms: ranked(firms, q, limit), segments: ranked(segments, q, limit), chains: ranked(chains, q, limit) };
}
