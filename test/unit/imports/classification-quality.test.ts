/**
 * How well the classifier places real-looking firms: test/fixtures/imports/labelled-firms.csv
 * holds 166 firms across all 15 chains, each with the segment ids an analyst would give
 * it (none for firms outside every chain), including generic scopes, firms in several
 * segments and near-miss keywords. Scores are per (firm, segment) pair.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { classify, REVIEW_THRESHOLD } from "../../../server/imports/classify.js";
import { SEGMENTS } from "./chain-segments.js";

interface Labelled {
  企业名称: string;
  国标行业: string;
  经营范围: string;
  主营产品: string;
  标注环节: string;
}

const labelled = parse(readFileSync(join(import.meta.dirname, "../../fixtures/imports/labelled-firms.csv")), { columns: true, bom: true }) as Labelled[];

function score(threshold: number) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misses: string[] = [];
  for (const firm of labelled) {
    const expected = new Set(firm.标注环节.split(";").filter(Boolean));
    const assigned = classify({ name: firm.企业名称, industry: firm.国标行业, scope: firm.经营范围, products: firm.主营产品 }, SEGMENTS).filter((a) => a.confidence >= threshold);
    for (const a of assigned) {
      if (expected.has(a.segmentId)) truePositives++;
      else {
        falsePositives++;
        misses.push(`+ ${firm.企业名称} → ${a.segmentId} (${a.confidence}; ${a.evidence})`);
      }
    }
    for (const segmentId of expected) {
      if (!assigned.some((a) => a.segmentId === segmentId)) {
        falseNegatives++;
        misses.push(`- ${firm.企业名称} ✗ ${segmentId}`);
      }
    }
  }
  return {
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
    misses,
  };
}

describe("classification quality on labelled-firms.csv", () => {
  it("holds enough labelled firms across every chain to mean something", () => {
    expect(labelled.length).toBeGreaterThanOrEqual(120);
    const chainsLabelled = new Set(labelled.flatMap((f) => f.标注环节.split(";").filter(Boolean)).map((id) => SEGMENTS.find((s) => s.id === id)?.chainId));
    expect(chainsLabelled.size).toBe(15);
    expect(chainsLabelled.has(undefined)).toBe(false);
  });

  it("places firms precisely at the review threshold, and finds most segments, suggesting nearly all", () => {
    const atThreshold = score(REVIEW_THRESHOLD);
    const suggested = score(0); // everything classify returns, review queue included
    const rows = [
      { "": `confident (≥ ${REVIEW_THRESHOLD})`, precision: atThreshold.precision, recall: atThreshold.recall, TP: atThreshold.truePositives, FP: atThreshold.falsePositives, FN: atThreshold.falseNegatives },
      { "": "confident + for review", precision: suggested.precision, recall: suggested.recall, TP: suggested.truePositives, FP: suggested.falsePositives, FN: suggested.falseNegatives },
    ].map((r) => ({ ...r, precision: r.precision.toFixed(3), recall: r.recall.toFixed(3) }));
    console.log(`Classification of ${labelled.length} labelled firms (per firm × segment pair):`);
    console.table(rows);
    console.log(`Misses at the threshold:\n${atThreshold.misses.join("\n")}`);

    expect(atThreshold.precision).toBeGreaterThanOrEqual(0.9);
    expect(atThreshold.recall).toBeGreaterThanOrEqual(0.85);
    expect(suggested.recall).toBeGreaterThanOrEqual(0.95);
  });
});
