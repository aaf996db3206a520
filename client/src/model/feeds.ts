/** A segment's supply links as its panel lists them: who supplies it, whom it supplies. */
import type { ChainMap } from "../../../server/model/api";

export type FeedDirection = "in" | "out";

export interface Neighbour {
  id: string;
  name: string;
  /** Set when the segment belongs to another chain. */
  chainName: string | null;
}

/** The segments feeding into `segmentId` and those it feeds, inside the chain and across. */
export function neighbours(
  map: Pick<ChainMap, "chain" | "segments" | "links" | "externalLinks">,
  segmentId: string,
  chainNames: ReadonlyMap<string, string>,
): Record<FeedDirection, Neighbour[]> {
  const nameOf = new Map(map.segments.map((s) => [s.id, s.name]));
  const inside = (id: string): Neighbour => ({ id, name: nameOf.get(id) ?? id, chainName: null });
  const result: Record<FeedDirection, Neighbour[]> = {
    in: map.links.filter((l) => l.target === segmentId).map((l) => inside(l.source)),
    out: map.links.filter((l) => l.source === segmentId).map((l) => inside(l.target)),
  };
  for (const link of map.externalLinks) {
    if (link.target === segmentId && link.sourceChainId !== map.chain.id)
      result.in.push({ id: link.source, name: link.sourceName, chainName: chainNames.get(link.sourceChainId) ?? link.sourceChainId });
    if (link.source === segmentId && link.targetChainId !== map.chain.id)
      result.out.push({ id: link.target, name: link.targetName, chainName: chainNames.get(link.targetChainId) ?? link.targetChainId });
  }
  return result;
}
