/** The sample's chain segments as the classifier sees them (or those of another chains file). */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SegmentProfile } from "../../server/imports/classify.js";

interface ChainJson {
  id: string;
  segments: Omit<SegmentProfile, "chainId">[];
}

export const SAMPLE_CHAINS = path.join(import.meta.dirname, "../../seed/chaoyang/chains.json");

export function chainSegments(file = SAMPLE_CHAINS): SegmentProfile[] {
  const chains = JSON.parse(readFileSync(file, "utf8")) as ChainJson[];
  return chains.flatMap((c) => c.segments.map((s) => ({ id: s.id, chainId: c.id, name: s.name, industryCodes: s.industryCodes, keywords: s.keywords })));
}
