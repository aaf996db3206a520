/**
 * A synthetic chain map of about 2,000 elements (600 segments, 1,400 links): the size the
 * speed target speaks of. Served to the page instead of the API's answer, so a measurement
 * covers the client alone: zod parsing, layout, elements, Cytoscape's first frame.
 */
import type { ChainMap } from "../../server/model/api.js";
import type { Stage } from "../../server/model/domain.js";
import { chainFigures } from "../../server/services/gap-rules.js";

export const SEGMENTS = 600;
const LINKS = 1400;

export function bigMap(): ChainMap {
  const stages: Stage[] = ["upstream", "midstream", "downstream"];
  const segments = Array.from({ length: SEGMENTS }, (_, i) => ({
    id: `s${i}`,
    chainId: "bench",
    name: `环节${i}号材料`,
    stage: stages[i % 3]!,
    position: Math.floor(i / 3),
    industryCodes: [],
    keywords: [],
    description: "",
    source: "benchmark",
    localFirmCount: i % 4,
    leader: i % 50 === 0,
    projectCount: 0,
    status: (["missing", "weak", "strong", "strong"] as const)[i % 4]!,
    filling: false,
  }));
  // Mostly forward links from one stage to the next, some within a stage.
  const links: { source: string; target: string }[] = [];
  const seen = new Set<string>();
  for (let k = 0; links.length < LINKS; k++) {
    const source = k % (SEGMENTS - 7);
    const target = source + 1 + (Math.floor(k / (SEGMENTS - 7)) % 7);
    const key = `${source}>${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ source: `s${source}`, target: `s${target}` });
  }
  const zone = { id: "bench", name: "基准开发区", shortName: "基准区", countyCode: "211382", description: "", source: "benchmark" };
  return {
    zone,
    chain: { id: "bench", name: "基准链", nameEn: "Benchmark", description: "", source: "benchmark", segmentCount: SEGMENTS },
    figures: chainFigures(segments.map((s) => ({ status: s.status, localFirmCount: s.localFirmCount, gaps: [], filling: [], leaderOwn: false }))),
    leaders: [],
    segments,
    links,
    externalLinks: [],
    firms: [],
    closedFirms: [],
    projects: [],
  } as ChainMap;
}
