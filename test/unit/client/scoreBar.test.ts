import { describe, expect, it } from "vitest";
import { SCORE_COMPONENTS } from "../../../server/model/domain";
import type { ScoreComponent } from "../../../server/model/domain";
import { SCORE_COLORS, formatPoints, scoreBreakdown, scoreParts } from "../../../client/src/model/scoreBar";

const record = (values: Partial<Record<ScoreComponent, number>>) =>
  Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, values[c] ?? 0])) as Record<ScoreComponent, number>;

describe("score bar", () => {
  it("when a target scores, then each component's points become one piece, side by side, in a fixed order", () => {
    const parts = scoreParts(record({ size: 10, segmentFit: 24, freshness: 2.5 }));
    expect(parts.map((p) => p.component)).toEqual(["segmentFit", "size", "freshness"]);
    expect(parts.map((p) => [p.offset, p.width])).toEqual([
      [0, 24],
      [24, 10],
      [34, 2.5],
    ]);
    expect(parts[0]!.color).toBe(SCORE_COLORS.segmentFit);
  });

  it("leaves out parts that add nothing, so no empty slivers are drawn", () => {
    expect(scoreParts(record({}))).toEqual([]);
    expect(scoreParts(record({ ties: 0, region: -1, distance: 5 })).map((p) => p.component)).toEqual(["distance"]);
  });

  it("never draws past the end of the bar", () => {
    const parts = scoreParts(record({ segmentFit: 80, size: 30 }));
    expect(parts.at(-1)!.offset + parts.at(-1)!.width).toBe(100);
  });

  it("lists every component with its value, weight, share of the weights and points", () => {
    const weights = record({ segmentFit: 30, size: 15, quality: 15, ties: 15, region: 10, distance: 10, freshness: 5 });
    const rows = scoreBreakdown({ components: record({ segmentFit: 0.8 }), weights, contributions: record({ segmentFit: 24 }) });
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ component: "segmentFit", value: 0.8, weight: 30, weightShare: 0.3, points: 24 });
    expect(rows.reduce((sum, r) => sum + r.weightShare, 0)).toBeCloseTo(1);
  });

  it("writes points with at most one decimal", () => {
    expect(formatPoints(63.649)).toBe("63.6");
    expect(formatPoints(24)).toBe("24");
    expect(formatPoints(9.96)).toBe("10");
  });
});
