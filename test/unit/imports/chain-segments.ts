/** The sample's segments as the classifier sees them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SegmentProfile } from "../../../server/imports/classify.js";

interface ChainJson {
  id: string;
  segments: Omit<SegmentProfile, "chainId">[];
}

const chains = JSON.parse(readFileSync(join(import.meta.dirname, "../../../seed/chaoyang/chains.json"), "utf8")) as ChainJson[];

export const SEGMENTS: SegmentProfile[] = chains.flatMap((c) =>
  c.segments.map((s) => ({ id: s.id, chainId: c.id, name: s.name, industryCodes: s.industryCodes, keywords: s.keywords })),
);
