/**
 * How well the classifier places real firms: the labelled listed companies of
 * test/fixtures/classification (test/eval/classification.ts), held-out half only — the
 * weights and the industry names were tuned on the other half. `npm run eval:classify`
 * prints the full report, with the worst confusions and every mistake.
 */
import { describe, expect, it } from "vitest";
import { halfOf, readLabelledFirms, report, score, TARGETS } from "../../eval/classification.js";
import { SEGMENTS } from "./chain-segments.js";

const firms = readLabelledFirms();

describe("classification of the labelled firms", () => {
  it("holds enough real firms, in every chain and in none, split into two halves", () => {
    expect(firms.length).toBeGreaterThanOrEqual(600);
    expect(firms.filter((f) => f.segments.length === 0).length).toBeGreaterThanOrEqual(200);
    const chainOf = new Map(SEGMENTS.map((s) => [s.id, s.chainId]));
    const chains = new Set(firms.flatMap((f) => f.segments.map((id) => chainOf.get(id))));
    expect(chains.has(undefined)).toBe(false);
    expect(chains.size).toBe(new Set(SEGMENTS.map((s) => s.chainId)).size);
    expect(new Set(firms.map((f) => f.name)).size).toBe(firms.length);
    const heldOut = firms.filter((f) => halfOf(f.name) === "held-out").length;
    expect(heldOut / firms.length).toBeGreaterThan(0.35);
    expect(heldOut / firms.length).toBeLessThan(0.65);
  });

  it("meets its targets on the held-out half: what lands is right, and most firms land", () => {
    const scores = score(
      firms.filter((f) => halfOf(f.name) === "held-out"),
      SEGMENTS,
    );
    console.log(report("held-out", scores));
    expect(scores.chain.precision).toBeGreaterThanOrEqual(TARGETS.chainPrecision);
    expect(scores.chain.recall).toBeGreaterThanOrEqual(TARGETS.chainRecall);
    expect(scores.segment.precision).toBeGreaterThanOrEqual(TARGETS.segmentPrecision);
  });
});
