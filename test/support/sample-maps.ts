/**
 * Every chain of the Chaoyang sample as the map API would send it (no local firms), for
 * tests that check a property of the drawn map over all the sample's chains at once.
 */
import type { ChainMap } from "../../server/model/api.js";
import { readSample } from "../../seed/sample.js";

export function sampleChainMaps(): ChainMap[] {
  const sample = readSample();
  const chainOf = new Map(sample.segments.map((s) => [s.id, s.chainId]));
  const nameOf = new Map(sample.segments.map((s) => [s.id, s.name]));
  const zone = { ...sample.zones[0]! };
  return sample.chains.map((chain) => {
    const segments = sample.segments.filter((s) => s.chainId === chain.id);
    const links = sample.feeds
      .filter((f) => chainOf.get(f.from) === chain.id || chainOf.get(f.to) === chain.id)
      .map((f) => ({
        source: f.from,
        target: f.to,
        sourceChainId: chainOf.get(f.from)!,
        targetChainId: chainOf.get(f.to)!,
        sourceName: nameOf.get(f.from)!,
        targetName: nameOf.get(f.to)!,
      }));
    const own = (l: (typeof links)[number]) => l.sourceChainId === chain.id && l.targetChainId === chain.id;
    return {
      zone,
      chain: { id: chain.id, name: chain.name, nameEn: chain.nameEn, description: chain.description, source: chain.source },
      completeness: 0,
      leaders: [],
      segments: segments.map((s) => ({ ...s, localFirmCount: 0, leader: false, projectCount: 0, status: "missing" as const, filling: false })),
      links: links.filter(own).map(({ source, target }) => ({ source, target })),
      externalLinks: links.filter((l) => !own(l)),
      firms: [],
      projects: [],
    } as unknown as ChainMap;
  });
}
