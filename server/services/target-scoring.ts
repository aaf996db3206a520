/**
 * Target scoring: pure functions from a candidate's facts to named score components
 * (each 0–1), a weighted total (0–100) and one line saying why (为何推荐).
 *
 * The total is a non-negative weighted sum, so raising any one component can only raise
 * a firm's total and never lower its rank. Ties order by registered capital, then id.
 */
import type { TargetResult } from "../model/api.js";
import type { FirmTag, RegionGroup, ScoreComponent, ScoringProfile, SegmentStatus } from "../model/domain.js";
import { SCORE_COMPONENTS } from "../model/domain.js";
import { formatWan } from "../model/format.js";
import { coveringPrefix, findRegion, regionPath } from "../regions/divisions.js";
import { distanceKm } from "../regions/geo.js";

export type Components = Record<ScoreComponent, number>;

export interface CandidateFacts {
  firm: TargetResult["firm"];
  segments: TargetResult["segments"];
  ties: TargetResult["ties"];
}

export interface ScoringContext {
  profile: ScoringProfile;
  zoneCountyCode: string;
  regionGroups: readonly RegionGroup[];
  chainId: string;
  today: Date;
}

/** How much each quality tag says about a firm; their sum is capped at 1. */
const TAG_WEIGHT: Partial<Record<FirmTag, number>> = {
  上市: 0.3,
  单项冠军: 0.3,
  独角兽: 0.3,
  小巨人: 0.25,
  专精特新: 0.2,
  龙头企业: 0.2,
  高新技术企业: 0.15,
  瞪羚: 0.15,
  央企: 0.15,
  国企: 0.1,
  规上: 0.05,
  外资: 0.05,
};

const GAP_WORD: Record<SegmentStatus, string> = { missing: "缺链", weak: "弱链", bottleneck: "卡点", strong: "环节" };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** log scale: 1 at `full`, 0 at 1 or below. */
const logScore = (value: number | null, full: number) => (value && value > 1 ? clamp01(Math.log10(value) / Math.log10(full)) : null);
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function inGroup(regionCode: string, group: RegionGroup): boolean {
  return group.regionCodes.some((code) => {
    const region = findRegion(code);
    return region ? regionCode.startsWith(coveringPrefix(region)) : false;
  });
}

/** Region and distance by the firm's region code, once per code in one ranking (firms share a few thousand codes). */
const placeScores = new WeakMap<ScoringContext, Map<string, { region: number; km: number | null }>>();

function placeScore(regionCode: string, ctx: ScoringContext): { region: number; km: number | null } {
  let byCode = placeScores.get(ctx);
  if (!byCode) placeScores.set(ctx, (byCode = new Map()));
  let score = byCode.get(regionCode);
  if (!score) {
    const priorities = ctx.regionGroups
      .filter((g) => inGroup(regionCode, g))
      .map((g) => (g.kind === "industry-target" && g.chainIds.includes(ctx.chainId) ? 1 : (ctx.profile.regionPriority[g.id] ?? 0)));
    score = { region: Math.max(ctx.profile.otherRegionPriority, ...priorities), km: distanceKm(ctx.zoneCountyCode, regionCode) };
    byCode.set(regionCode, score);
  }
  return score;
}

export function scoreComponents(c: CandidateFacts, ctx: ScoringContext): Components & { km: number | null } {
  const confidences = c.segments.map((s) => s.confidence);
  const segmentFit = confidences.length ? clamp01(Math.max(...confidences) + 0.1 * (confidences.length - 1)) : 0;

  // Registered capital full at 100 亿元, staff at 100,000, revenue at 1,000 亿元.
  const sizes = [logScore(c.firm.capital, 1e6), logScore(c.firm.staff, 1e5), logScore(c.firm.revenue, 1e7)].filter((x): x is number => x !== null);
  const size = sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : 0;

  const quality = clamp01(c.firm.tags.reduce((sum, tag) => sum + (TAG_WEIGHT[tag] ?? 0), 0));
  const ties = clamp01(c.ties.reduce((sum, t) => sum + (t.isLeader ? 1 : 0.5), 0));

  const { region, km } = placeScore(c.firm.regionCode, ctx);
  const { nearKm, farKm } = ctx.profile;
  const distance = km === null ? 0 : clamp01((farKm - km) / (farKm - nearKm));

  let freshness = 0.3;
  if (c.firm.asOf) {
    const ageDays = (ctx.today.getTime() - Date.parse(c.firm.asOf)) / 86_400_000;
    freshness = clamp01(1 - (ageDays - 365) / (4 * 365));
  }
  return { segmentFit, size, quality, ties, region, distance, freshness, km };
}

export function weightedTotal(components: Components, weights: Components): { total: number; contributions: Components } {
  const sum = SCORE_COMPONENTS.reduce((s, c) => s + weights[c], 0);
  const contributions = Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, round((100 * weights[c] * components[c]) / sum, 2)])) as Components;
  const total = round(SCORE_COMPONENTS.reduce((s, c) => s + (100 * weights[c] * components[c]) / sum, 0), 2);
  return { total, contributions };
}

function explain(c: CandidateFacts, components: Components, contributions: Components, km: number | null, ctx: ScoringContext): string {
  const best = [...c.segments].sort((a, b) => b.confidence - a.confidence)[0];
  const parts: string[] = [];
  if (best) parts.push(`可补「${best.name}」${GAP_WORD[best.status]}${best.products ? `（${best.products}）` : ""}`);
  const phrases: Partial<Record<ScoreComponent, string>> = {
    ties: c.ties.length
      ? c.ties.map((t) => `${t.direction === "supplies" ? "已向" : "已从"}${t.isLeader ? "链主" : "本地企业"}${t.localName}${t.direction === "supplies" ? "供货" : "采购"}`).join("、")
      : undefined,
    quality: c.firm.tags.length ? c.firm.tags.join("、") : undefined,
    size: c.firm.capital !== null ? `注册资本${formatWan(c.firm.capital)}` : undefined,
    region: components.region >= 0.7 ? `位于${regionPath(c.firm.regionCode)}` : undefined,
    distance: km !== null && km <= ctx.profile.nearKm * 2 ? `距本区约 ${Math.round(km)} 公里` : undefined,
  };
  const ranked = (Object.keys(phrases) as ScoreComponent[])
    .filter((k) => phrases[k])
    .sort((a, b) => contributions[b] - contributions[a]);
  for (const k of ranked.slice(0, 3)) parts.push(phrases[k]!);
  return parts.join("；");
}

/**
 * Scores, orders and numbers the candidates; the same input always gives the same order.
 * Only the first `limit` are written out in full (breakdown, reason): a ranking may weigh
 * a hundred thousand firms to show a hundred.
 */
export function rankTargets(candidates: readonly CandidateFacts[], ctx: ScoringContext, limit = Number.POSITIVE_INFINITY): TargetResult[] {
  const weights = ctx.profile.weights;
  const scored = candidates.map((c) => {
    const { km, ...components } = scoreComponents(c, ctx);
    const { total, contributions } = weightedTotal(components, weights);
    return { c, km, components, contributions, total };
  });
  scored.sort(
    (a, b) => b.total - a.total || (b.c.firm.capital ?? -1) - (a.c.firm.capital ?? -1) || a.c.firm.id.localeCompare(b.c.firm.id),
  );
  return scored.slice(0, limit).map(({ c, km, components, contributions, total }, i) => ({
    rank: i + 1,
    firm: c.firm,
    region: regionPath(c.firm.regionCode),
    distanceKm: km === null ? null : Math.round(km),
    segments: c.segments,
    ties: c.ties,
    components: Object.fromEntries(SCORE_COMPONENTS.map((k) => [k, round(components[k])])) as Components,
    weights: { ...weights },
    contributions,
    total,
    reason: explain(c, components, contributions, km, ctx),
  }));
}
