import { describe, expect, it } from "vitest";
import { SCORE_COMPONENTS } from "../../../server/model/domain";
import type { ScoreComponent } from "../../../server/model/domain";
import { SCORE_COLORS, formatPoints, scoreBasis, scoreBreakdown, scoreParts } from "../../../client/src/model/scoreBar";
import { zhCN } from "../../../client/src/i18n/messages";

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

  it("says what each component was scored on, and what is unknown, so a value can be checked by eye", () => {
    const messages: Record<string, string> = zhCN;
    const t = (key: string, params: Record<string, string | number> = {}) => messages[key]!.replace(/\{(\w+)\}/g, (_: string, name: string) => String(params[name]));
    const firm = { capital: 143895.66, staff: null, revenue: null, tags: ["上市" as const, "规上" as const], asOf: null };
    const basis = scoreBasis(
      {
        firm: firm as never,
        segments: [{ segmentId: "a", name: "甲", status: "weak", confidence: 0.95, products: "", source: "" }, { segmentId: "b", name: "乙", status: "missing", confidence: 0.8, products: "", source: "" }],
        ties: [],
        region: "天津市 滨海新区",
        distanceKm: 419,
      },
      t,
      "zh-CN",
    );
    expect(basis).toEqual({
      segmentFit: "2 个目标环节，最高置信度 95%",
      size: "注册资本 14.39 亿元；人数、营收未知",
      quality: "上市、规上",
      ties: "无本地供销关系",
      region: "天津市 滨海新区",
      distance: "约 419 公里",
      freshness: "数据日期未知",
    });
    const nothing = scoreBasis({ firm: { ...firm, capital: null, tags: [] } as never, segments: [], ties: [], region: "—", distanceKm: null }, t, "zh-CN");
    expect([nothing.size, nothing.quality, nothing.distance]).toEqual(["注册资本、人数、营收均未知", "无资质标签", "无坐标"]);
  });
});
