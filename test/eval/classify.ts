/**
 * npm run eval:classify -- [--mistakes] [--half tune|held-out] [--chains file.json]
 *
 * Scores the classifier on the labelled firms of test/fixtures/classification against the
 * sample's chains: precision and recall per chain and overall, at chain and at segment
 * level, the confidence bands, and the worst confusions, for the tuning half and the
 * held-out half (a fixed split by the firm's name). --mistakes lists every wrong or
 * missed placement (tune on these; the held-out half only reports). Exits 1 when the
 * held-out half misses its targets.
 */
import { parseArgs } from "node:util";
import { chainSegments } from "./chain-segments.js";
import { halfOf, meetsTargets, readLabelledFirms, report, score, TARGETS } from "./classification.js";

const { values } = parseArgs({
  options: { mistakes: { type: "boolean", default: false }, half: { type: "string" }, chains: { type: "string" } },
});
const segments = chainSegments(values.chains);
const firms = readLabelledFirms();
const started = performance.now();
let heldOutMeets = true;
for (const half of ["tune", "held-out"] as const) {
  if (values.half && values.half !== half) continue;
  const scores = score(firms.filter((f) => halfOf(f.name) === half), segments);
  if (half === "held-out") heldOutMeets = meetsTargets(scores);
  console.log(report(half, scores, { mistakes: values.mistakes }));
  console.log();
}
const all = score(firms, segments);
console.log(report("all", all));
console.log(`\n${firms.length} firms classified in ${Math.round(performance.now() - started)} ms (three passes).`);
console.log(
  `Held-out targets: chain precision ≥ ${TARGETS.chainPrecision}, chain recall ≥ ${TARGETS.chainRecall}, segment precision ≥ ${TARGETS.segmentPrecision}: ${heldOutMeets ? "met" : "NOT MET"}`,
);
process.exit(heldOutMeets ? 0 : 1);
