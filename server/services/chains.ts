/** Chains with their segments and FEEDS links. */
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { ChainSummary, FeedLink } from "../model/api.js";
import type { ChainDetail } from "../model/api.js";
import { Segment, STAGES } from "../model/domain.js";
import { parseRows } from "./rows.js";

export async function listChains(store: GraphStore, chainId: string | null = null): Promise<ChainSummary[]> {
  return parseRows(ChainSummary, await store.read("chains/list-chains", { chainId }));
}

export async function getChain(store: GraphStore, chainId: string): Promise<ChainDetail> {
  const [[chain], segments, links] = await Promise.all([
    listChains(store, chainId),
    store.read("chains/list-segments", { chainId }).then((rows) => parseRows(Segment, rows)),
    store.read("chains/list-feeds", { chainId }).then((rows) => parseRows(FeedLink, rows)),
  ]);
  if (!chain) throw new NotFound("chain", chainId);
  return { ...chain, segments: segments.sort(byStageAndPosition), links };
}

/** Upstream before midstream before downstream; within a stage, the authored order. */
export function byStageAndPosition(a: Segment, b: Segment): number {
  return STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.position - b.position || a.id.localeCompare(b.id);
}
