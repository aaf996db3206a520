/** The 一链一图 report of a zone × chain, in one response for the printable page. */
import type { GraphStore } from "../graph/store.js";
import type { ChainReport } from "../model/api.js";
import { getChainGaps } from "./gaps.js";
import { getList, listLists } from "./lists.js";
import { getChainMap } from "./maps.js";
import { rankChainTargets, type TargetFilters } from "./targets.js";

export async function getChainReport(store: GraphStore, zoneId: string, chainId: string, filters: TargetFilters, now = new Date()): Promise<ChainReport> {
  const [map, gaps, targets, summaries] = await Promise.all([
    getChainMap(store, zoneId, chainId),
    getChainGaps(store, zoneId, chainId),
    rankChainTargets(store, zoneId, chainId, filters, now),
    listLists(store, { zoneId, chainId }),
  ]);
  const lists = await Promise.all(summaries.map((s) => getList(store, s.id)));
  return { generatedAt: now.toISOString(), map, gaps, targets, lists };
}
