/**
 * Target scoring: pure functions from a candidate's facts to named score components
 * (each 0–1), a weighted total (0–100) and one line saying why (为何推荐).
 *
 * The total is a non-negative weighted sum over the components the data gives (weights
 * rescaled: missing data is not zero, docs/decisions/013-missing-data-in-rankings.md), so
 * raising any known component can only raise a firm's total and never lower its rank. A
 * branch that cannot decide ranks after every firm that can; ties order by registered
 * capital (unknown last), then id.
 *
 * The total is kept to the tenth a screen shows (POINT_DIGITS), and each component's points
 * are the total's tenths shared out by largest remainder: the parts a breakdown, the sheet or
 * a list show add up to the total beside them, and two firms showing the same total are a
 * tie, ordered by the stated rule, never by a hundredth nobody sees.
 */
import type { TargetResult } from "../model/api.js";
import type { FirmTag, RegionGroup, ScoreComponent, ScoringProfile, SegmentStatus } from "../model/domain.js";
import { SCORE_COMPONENTS, SCORE_COMPONENT_LABELS } from "../model/domain.js";
import { formatWan } from "../model/format.js";
import { coveringPrefix, findRegion, regionPath } from "../regions/divisions.js";
import { distanceKm } from "../regions/geo.js";

export type Components = Record<ScoreComponent, number>;
/** A component is null when the firm's data does not say: it is left out, not scored 0. */
export type KnownComponents = Record<ScoreComponent, number | null>;

export interface CandidateFacts {
  firm: TargetResult["firm"];
  segments: TargetResult["segments"];
  ties: TargetResult["ties"];
  /** Branches of the firm that operate in the gap (it is ranked in their stead); their place counts. */
  via?: TargetResult["via"];
  /** False for a branch whose parent is unknown: it cannot decide an investment. */
  decisionMaker?: boolean;
}

export interface ScoringContext {
  profile: ScoringProfile;
  zoneCountyCode: string;
  regionGroups: readonly RegionGroup[];
  chainId: string;
  today: Date;
  /** Per gap segment, what it feeds, for 为何推荐: "供链主凌钢所在的「炼铁」". */
  segmentRoles?: ReadonlyMap<string, string>;
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
/** log scale: 1 at `full`, 0 at 1 or below; null only when the figure is unknown (a known 0 is small, not unknown). */
const logScore = (value: number | null, full: number) => (value === null ? null : value > 1 ? clamp01(Math.log10(value) / Math.log10(full)) : 0);
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

function inGroup(regionCode: string, group: RegionGroup): boolean {
  return group.regionCodes.some((code) => {
    const region = findRegion(code);
    return region ? regionCode.startsWith(coveringPrefix(region)) : false;
  });
}

type Place = { region: number | null; km: number | null };

/** The priority a region group gives a firm in it: 1 in an industry-target group of this chain, else the profile's. */
const groupPriority = (g: RegionGroup, ctx: ScoringContext) => (g.kind === "industry-target" && g.chainIds.includes(ctx.chainId) ? 1 : (ctx.profile.regionPriority[g.id] ?? 0));

/** Region and distance by the firm's region code, once per code in one ranking (firms share a few thousand codes). */
const placeScores = new WeakMap<ScoringContext, Map<string, Place>>();

/**
 * A code the divisions do not know (retired, or from another edition) says nothing about
 * where the firm is: its region priority is unknown (null), not "elsewhere in China".
 */
function placeScore(regionCode: string, ctx: ScoringContext): Place {
  let byCode = placeScores.get(ctx);
  if (!byCode) placeScores.set(ctx, (byCode = new Map()));
  let score = byCode.get(regionCode);
  if (!score) {
    const priorities = ctx.regionGroups
      .filter((g) => inGroup(regionCode, g))
      .map((g) => groupPriority(g, ctx));
    const region = findRegion(regionCode) ? Math.max(ctx.profile.otherRegionPriority, ...priorities) : null;
    score = { region, km: distanceKm(ctx.zoneCountyCode, regionCode) };
    byCode.set(regionCode, score);
  }
  return score;
}

/**
 * The region group that gives a firm its region priority (the best of its own place and its
 * branches' in the gap), by name, for 为何推荐; null when none does (it scores as elsewhere).
 */
function priorityGroup(regionCode: string, via: readonly { regionCode: string }[], ctx: ScoringContext): string | null {
  let best: { priority: number; name: string } | null = null;
  for (const code of [regionCode, ...via.map((b) => b.regionCode)]) {
    if (!findRegion(code)) continue;
    for (const g of ctx.regionGroups) {
      if (!inGroup(code, g)) continue;
      const priority = groupPriority(g, ctx);
      if (priority > ctx.profile.otherRegionPriority && (!best || priority > best.priority)) best = { priority, name: g.name };
    }
  }
  return best?.name ?? null;
}

/** Where the firm's relevant capacity is: its own place, or the best of its branches' in the gap (of those known). */
function bestPlace(regionCode: string, via: readonly { regionCode: string }[], ctx: ScoringContext): Place {
  if (!via.length) return placeScore(regionCode, ctx);
  const places = [regionCode, ...via.map((b) => b.regionCode)].map((code) => placeScore(code, ctx));
  const regions = places.map((p) => p.region).filter((r): r is number => r !== null);
  const known = places.map((p) => p.km).filter((km): km is number => km !== null);
  return { region: regions.length ? Math.max(...regions) : null, km: known.length ? Math.min(...known) : null };
}

/** Days since the epoch of a data date, once per date in one ranking. */
const dates = new WeakMap<ScoringContext, Map<string, number>>();
function dateMs(asOf: string, ctx: ScoringContext): number {
  let byDate = dates.get(ctx);
  if (!byDate) dates.set(ctx, (byDate = new Map()));
  let ms = byDate.get(asOf);
  if (ms === undefined) byDate.set(asOf, (ms = Date.parse(asOf)));
  return ms;
}

/**
 * What the components are computed from: the candidate without its words (names, products,
 * reasons), so a ranking can weigh a million firms without building them.
 */
export interface WeighedFacts {
  firm: Pick<CandidateFacts["firm"], "capital" | "staff" | "revenue" | "tags" | "regionCode" | "asOf">;
  confidences: readonly number[];
  ties: readonly { isLeader: boolean }[];
  via: readonly { regionCode: string }[];
}

/**
 * Each component 0–1 from what the graph knows, or null when it does not know: size without
 * capital, staff or revenue; region without a region code the divisions know; distance
 * without a position; freshness without a date. Tags and ties are what the graph records
 * (none recorded scores 0).
 */
export function scoreComponents(c: CandidateFacts, ctx: ScoringContext): KnownComponents & { km: number | null } {
  return componentsOf({ firm: c.firm, confidences: c.segments.map((s) => s.confidence), ties: c.ties, via: c.via ?? [] }, ctx);
}

export function componentsOf(c: WeighedFacts, ctx: ScoringContext): KnownComponents & { km: number | null } {
  const confidences = c.confidences;
  const segmentFit = confidences.length ? clamp01(Math.max(...confidences) + 0.1 * (confidences.length - 1)) : 0;

  // Registered capital full at 100 亿元, staff at 100,000, revenue at 1,000 亿元.
  const sizes = [logScore(c.firm.capital, 1e6), logScore(c.firm.staff, 1e5), logScore(c.firm.revenue, 1e7)].filter((x): x is number => x !== null);
  const size = sizes.length ? sizes.reduce((a, b) => a + b, 0) / sizes.length : null;

  const quality = clamp01(c.firm.tags.reduce((sum, tag) => sum + (TAG_WEIGHT[tag] ?? 0), 0));
  const ties = clamp01(c.ties.reduce((sum, t) => sum + (t.isLeader ? 1 : 0.5), 0));

  const { region, km } = bestPlace(c.firm.regionCode, c.via, ctx);
  const { nearKm, farKm } = ctx.profile;
  const distance = km === null ? null : clamp01((farKm - km) / (farKm - nearKm));

  let freshness: number | null = null;
  if (c.firm.asOf) {
    const ageDays = (ctx.today.getTime() - dateMs(c.firm.asOf, ctx)) / 86_400_000;
    freshness = clamp01(1 - (ageDays - 365) / (4 * 365));
  }
  return { segmentFit, size, quality, ties, region, distance, freshness, km };
}

/** Points are shown, exported, ordered and compared to the tenth. */
export const POINT_DIGITS = 1;

/** Each known component's exact points: its weight rescaled over the known weights, times its value. */
function exactPoints(components: KnownComponents, weights: Components): Map<ScoreComponent, number> {
  let sum = 0;
  for (const c of SCORE_COMPONENTS) if (components[c] !== null) sum += weights[c];
  const points = new Map<ScoreComponent, number>();
  for (const c of SCORE_COMPONENTS) if (components[c] !== null) points.set(c, sum > 0 ? (100 * weights[c] * components[c]!) / sum : 0);
  return points;
}

/**
 * The weighted total alone, to the tenth (weightedTotal's total), for ordering: the same sum
 * as exactPoints', without allocating (a ranking weighs up to a million firms with it).
 */
export function totalOf(components: KnownComponents, weights: Components): number {
  let sum = 0;
  for (const c of SCORE_COMPONENTS) if (components[c] !== null) sum += weights[c];
  let total = 0;
  for (const c of SCORE_COMPONENTS) if (components[c] !== null) total += sum > 0 ? (100 * weights[c] * components[c]!) / sum : 0;
  return round(total, POINT_DIGITS);
}

/**
 * The total over the components the data gives, each weight rescaled so the known ones
 * share 100 points: a firm is neither helped nor hurt by what nobody knows about it.
 * Raising a known component still only raises the total. The total is to the tenth, and
 * the components' points are its tenths shared out by largest remainder (ties to the
 * component listed first), so they add up to it exactly as shown.
 */
export function weightedTotal(components: KnownComponents, weights: Components): { total: number; contributions: KnownComponents } {
  const points = exactPoints(components, weights);
  const total = totalOf(components, weights);
  const unit = 10 ** POINT_DIGITS;
  const tenths = new Map([...points].map(([c, p]) => [c, Math.floor(p * unit + 1e-9)]));
  let left = Math.round(total * unit) - [...tenths.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...points]
    .map(([c, p]) => ({ c, remainder: p * unit - tenths.get(c)! }))
    .filter((x) => x.remainder > 1e-9)
    .sort((a, b) => b.remainder - a.remainder || SCORE_COMPONENTS.indexOf(a.c) - SCORE_COMPONENTS.indexOf(b.c));
  for (const { c } of byRemainder) {
    if (left <= 0) break;
    tenths.set(c, tenths.get(c)! + 1);
    left -= 1;
  }
  const contributions = Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, tenths.has(c) ? tenths.get(c)! / unit : null])) as KnownComponents;
  return { total, contributions };
}

/** What is unknown, in words, for the components left out. */
const MISSING_WORDS: Partial<Record<ScoreComponent, string>> = {
  size: "注册资本、人数、营收均未知",
  region: "所在地区代码不在行政区划表中，区域未知",
  distance: "所在地无坐标，距离未知",
  freshness: "数据日期未知",
};

/** The measures of size, in the order a note names them. */
const SIZE_PARTS = [
  ["capital", "注册资本"],
  ["staff", "人数"],
  ["revenue", "营收"],
] as const;

/**
 * 数据不全 and what: the components left out, and — when size stands on only some of its
 * measures — which ones it was scored on and which are unknown (never an average of the
 * unknown ones taken silently from the known).
 */
export function dataNote(missing: readonly ScoreComponent[], weights: Components, firm?: Pick<WeighedFacts["firm"], "capital" | "staff" | "revenue">): string | null {
  const weighed = missing.filter((c) => weights[c] > 0);
  const known = firm ? SIZE_PARTS.filter(([k]) => firm[k] !== null) : [];
  const partial = firm && weights.size > 0 && known.length > 0 && known.length < SIZE_PARTS.length;
  if (!weighed.length && !partial) return null;
  const parts: string[] = [];
  if (weighed.length) parts.push(`${weighed.map((c) => MISSING_WORDS[c] ?? SCORE_COMPONENT_LABELS[c]).join("；")}。${weighed.map((c) => SCORE_COMPONENT_LABELS[c]).join("、")}不计分，其余各项按权重折算。`);
  if (partial) {
    const unknown = SIZE_PARTS.filter(([k]) => firm[k] === null).map(([, w]) => w);
    parts.push(`${SCORE_COMPONENT_LABELS.size}只按${known.map(([, w]) => w).join("、")}计，${unknown.join("、")}未知。`);
  }
  return `数据不全：${parts.join("")}`;
}

/** The segment's products beyond its own name: 「炭黑」 with 橡胶用炭黑、炭黑 says 橡胶用炭黑. */
function productsBeyond(products: string, segmentName: string): string[] {
  const bare = (text: string) => text.replace(/[（(].*?[)）]/g, "").trim();
  return products
    .split(/[、,，;；]/)
    .map((p) => p.trim())
    .filter((p) => p && bare(p) !== segmentName && !segmentName.split(/[/／及与和]/).includes(bare(p)));
}

/** 为何推荐: the gap it fills and what that gap feeds, its products, size, tags, ties, the region group that gives its priority, place. */
function explain(c: CandidateFacts, km: number | null, ctx: ScoringContext): string {
  const bySegment = [...c.segments].sort((a, b) => b.confidence - a.confidence);
  const best = bySegment[0];
  const parts: string[] = [];
  if (best) {
    const gaps = bySegment.map((s) => `「${s.name}」${GAP_WORD[s.status]}`).join("、");
    const role = ctx.segmentRoles?.get(best.segmentId);
    parts.push(`补${gaps}${role ? `，${role}` : ""}`);
    const products = productsBeyond(best.products, best.name);
    if (products.length) parts.push(`主营${products.join("、")}`);
  }
  if (c.via?.length) parts.push(`经其${c.via.map((b) => `${b.name}（${b.region}）`).join("、")}`);
  if (c.decisionMaker === false) parts.push("分支机构，总部不明：先找到其总部");
  parts.push(c.firm.capital !== null ? `注册资本 ${formatWan(c.firm.capital)}` : "注册资本未知");
  if (c.firm.tags.length) parts.push(c.firm.tags.join("、"));
  if (c.ties.length)
    parts.push(
      c.ties
        .map((t) => `${t.direction === "supplies" ? "已向" : "已从"}${t.isLeader ? "链主" : "本地企业"}${t.localName}${t.direction === "supplies" ? "供货" : "采购"}${t.product ? `（${t.product}）` : ""}`)
        .join("、"),
    );
  const group = priorityGroup(c.firm.regionCode, c.via ?? [], ctx);
  if (group) parts.push(`属${group}`);
  parts.push(km !== null ? `距本区约 ${Math.round(km)} 公里` : "距离未知");
  return parts.join("；");
}

/** A candidate with its score, as ordered for a ranking. */
export interface ScoredCandidate {
  c: CandidateFacts;
  km: number | null;
  components: KnownComponents;
  contributions: KnownComponents;
  total: number;
  decides: boolean;
}

/**
 * Scores and orders the candidates; the same input always gives the same order, a total
 * order (ties end at the id), so the first `limit` of any set that holds them are the same.
 */
export function orderCandidates(candidates: readonly CandidateFacts[], ctx: ScoringContext): ScoredCandidate[] {
  const weights = ctx.profile.weights;
  const scored = candidates.map((c) => {
    const { km, ...components } = scoreComponents(c, ctx);
    const { total, contributions } = weightedTotal(components, weights);
    return { c, km, components, contributions, total, decides: c.decisionMaker !== false };
  });
  scored.sort(rankOrder);
  return scored;
}

/** Firms that can decide an investment first; then by total, capital (unknown last) and id. */
export function rankOrder(a: RankKey, b: RankKey): number {
  return Number(b.decides) - Number(a.decides) || b.total - a.total || (b.c.firm.capital ?? -1) - (a.c.firm.capital ?? -1) || a.c.firm.id.localeCompare(b.c.firm.id);
}

export interface RankKey {
  decides: boolean;
  total: number;
  c: { firm: { id: string; capital: number | null } };
}

/**
 * The first `limit` of `items` in rankOrder, as a full sort would give them (the order is
 * total), with a bounded heap: a ranking weighs up to a million firms to show a hundred.
 */
export function firstInOrder<T extends RankKey>(items: Iterable<T>, limit: number): T[] {
  // A max-heap on rankOrder: its root is the last of the best `limit` so far.
  const heap: T[] = [];
  const later = (i: number, j: number) => rankOrder(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!]);
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && later(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (limit > 0 && rankOrder(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let top = i;
        if (l < heap.length && later(l, top)) top = l;
        if (r < heap.length && later(r, top)) top = r;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort(rankOrder);
}

/**
 * Scores, orders and numbers the candidates; the same input always gives the same order.
 * Only the first `limit` are written out in full (breakdown, reason): a ranking may weigh
 * a hundred thousand firms to show a hundred.
 */
export function rankTargets(candidates: readonly CandidateFacts[], ctx: ScoringContext, limit = Number.POSITIVE_INFINITY): TargetResult[] {
  const weights = ctx.profile.weights;
  const scored = orderCandidates(candidates, ctx);
  return scored.slice(0, limit).map(({ c, km, components, contributions, total, decides }, i) => {
    const missing = SCORE_COMPONENTS.filter((k) => components[k] === null);
    return {
      rank: i + 1,
      firm: c.firm,
      region: regionPath(c.firm.regionCode),
      distanceKm: km === null ? null : Math.round(km),
      segments: c.segments,
      ties: c.ties,
      via: c.via ?? [],
      decisionMaker: decides,
      components: Object.fromEntries(SCORE_COMPONENTS.map((k) => [k, components[k] === null ? null : round(components[k]!)])) as KnownComponents,
      weights: { ...weights },
      contributions,
      missing,
      dataNote: dataNote(missing, weights, c.firm),
      total,
      reason: explain(c, km, ctx),
    };
  });
}
