/**
 * 一链一图: everything the map of one chain in one zone needs, in one response —
 * segments with local coverage and gap status, FEEDS links, the zone's firms in the
 * chain, and the projects building its segments.
 */
import type { GraphStore } from "../graph/store.js";
import type { ChainGaps, ChainMap, MapFirm, MapSegment } from "../model/api.js";
import type { ChainFacts } from "./chain-facts.js";
import { readChainDiagnosis } from "./chain-diagnosis.js";
import { cached } from "./read-cache.js";

export function getChainMap(store: GraphStore, zoneId: string, chainId: string): Promise<ChainMap> {
  return cached(store, `map:${zoneId}:${chainId}`, () => computeChainMap(store, zoneId, chainId), { zoneId, chainId, candidates: false });
}

async function computeChainMap(store: GraphStore, zoneId: string, chainId: string): Promise<ChainMap> {
  const { facts, kept } = await readChainDiagnosis(store, zoneId, chainId);
  return chainMapOf(facts, kept.gaps);
}

/** The map drawn from a chain's facts and their diagnosis (the real ones, or a 补链模拟's). */
export function chainMapOf(facts: ChainFacts, diagnosis: ChainGaps): ChainMap {
  const { chain, zone, firms, projects, leaders } = facts;
  const chainId = chain.id;

  // Each segment's firms and projects, found in one pass over each (not one per segment).
  const firmsIn = new Map<string, MapFirm[]>();
  for (const f of firms)
    for (const id of new Set(f.segments.map((s) => s.segmentId))) {
      const here = firmsIn.get(id);
      if (here) here.push(f);
      else firmsIn.set(id, [f]);
    }
  const projectsIn = new Map<string, number>();
  for (const p of projects) for (const id of new Set(p.segmentIds)) projectsIn.set(id, (projectsIn.get(id) ?? 0) + 1);
  const segments: MapSegment[] = chain.segments.map((segment, i) => {
    const local = firmsIn.get(segment.id) ?? [];
    const gaps = diagnosis.segments[i]!;
    return {
      ...segment,
      localFirmCount: local.length,
      leader: local.some((f) => f.leaderId !== null),
      projectCount: projectsIn.get(segment.id) ?? 0,
      status: gaps.status,
      filling: gaps.status !== "strong" && gaps.filling.length > 0,
    };
  });

  const own = (l: { sourceChainId: string; targetChainId: string }) => l.sourceChainId === chainId && l.targetChainId === chainId;
  const { segments: _segments, links: _links, ...chainFields } = chain;
  return {
    zone,
    chain: chainFields,
    figures: diagnosis.figures,
    leaders,
    segments,
    links: chain.links.filter(own).map(({ source, target }) => ({ source, target })),
    externalLinks: chain.links.filter((l) => !own(l)),
    firms,
    closedFirms: facts.closedFirms,
    projects,
  };
}
