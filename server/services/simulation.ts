/**
 * 补链模拟: the chain of a zone as if some firms had landed there. Landing a firm in the
 * zone (LOCATED_IN) changes three kinds of rows the chain's facts are read from (its
 * firm × segment rows, its parent links, the leaders' outside suppliers), so a simulation
 * changes exactly those rows and runs the one assembly (`assembleChainFacts`) and the one
 * diagnosis (`diagnose` → `chainFigures`) over them: its figures are the figures the map
 * would show after a real landing. Nothing is written.
 * docs/decisions/018-landing-simulation.md
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound, ValidationError } from "../errors.js";
import { isClosed } from "../model/standing.js";
import type { ChainFigures, ChainGaps, GapRef, LandingEffect, LandingSimulation, MapFirm, RankedTargets, SegmentDiagnosis, SkippedFirm, TargetResult } from "../model/api.js";
import type { GapThresholds } from "../model/domain.js";
import { Id } from "../model/domain.js";
import { displayName } from "../model/format.js";
import { regionPath } from "../regions/divisions.js";
import { diagnoseRows } from "./chain-diagnosis.js";
import { assembleChainFacts, readChainRows, type ChainFacts, type ChainRows, type LocalFirmRow, type ParentRow } from "./chain-facts.js";
import { diagnose, diagnoseJoined, keptDiagnosis, supplyRole, type KeptDiagnosis } from "./gap-rules.js";
import { chainMapOf } from "./maps.js";
import { readFirm } from "./firms.js";
import { cached } from "./read-cache.js";
import { parseRows } from "./rows.js";
import { getGapThresholds } from "./settings.js";
import { rankChainTargets, wonAmong, type TargetFilters } from "./targets.js";

/** More firms than a leader can weigh at once, and more than one request should diagnose. */
export const MAX_SIMULATED_FIRMS = 50;

type LandingSegment = Pick<LocalFirmRow, "segmentId" | "products" | "capacity" | "confidence" | "source" | "version">;

/** A firm as it would land: its facts, the chain's segments it operates in, the firms it belongs to. */
export interface Landing {
  firm: Pick<LocalFirmRow, "id" | "name" | "aliases" | "capital" | "tags" | "regionCode" | "standing">;
  segments: LandingSegment[];
  parents: ParentRow[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The chain's rows with the firms landed in the zone: what a real landing would read back. */
export function landIn(rows: ChainRows, landings: readonly Landing[]): ChainRows {
  const landed = new Set(landings.map((l) => l.firm.id));
  return {
    ...rows,
    // In the order the graph reads them back (by firm, then segment), so the map lists them alike.
    zoneFirms: [...rows.zoneFirms.filter((r) => !landed.has(r.id)), ...landings.flatMap((l) => l.segments.map((s) => ({ ...l.firm, ...s })))].sort(
      (a, b) => compare(a.id, b.id) || compare(a.segmentId, b.segmentId),
    ),
    parents: [...rows.parents.filter((p) => !landed.has(p.firmId)), ...landings.flatMap((l) => l.parents)].sort((a, b) => compare(a.firmId, b.firmId) || compare(a.parentId, b.parentId)),
    // A supplier in the zone is no longer bought from outside it.
    leaderSuppliers: rows.leaderSuppliers.filter((r) => !landed.has(r.supplierId)),
  };
}

/** Every gap of the segments, one per segment × kind. */
function gapsOf(segments: readonly SegmentDiagnosis[]): GapRef[] {
  const refs = new Map<string, GapRef>();
  for (const s of segments) for (const g of s.gaps) refs.set(`${s.segmentId}|${g.kind}`, { segmentId: s.segmentId, name: s.name, kind: g.kind });
  return [...refs.values()];
}

const key = (g: GapRef) => `${g.segmentId}|${g.kind}`;

/**
 * The gaps of `before` that `after` no longer has, and those it has anew. A segment that
 * is the same object in both at the same place (a diagnosis by the segments a landing
 * reaches keeps the others, gap-rules.ts diagnoseJoined) has the same gaps, so only the
 * others are compared: a segment's gaps are keyed by its id, which no other segment has.
 */
export function gapChanges(before: ChainGaps, after: ChainGaps): { closed: GapRef[]; opened: GapRef[] } {
  const aligned = before.segments.length === after.segments.length;
  const differing = (d: ChainGaps, other: ChainGaps) => (aligned ? d.segments.filter((s, i) => s !== other.segments[i]) : d.segments);
  const was = gapsOf(differing(before, after));
  const is = gapsOf(differing(after, before));
  const isKeys = new Set(is.map(key));
  const wasKeys = new Set(was.map(key));
  return { closed: was.filter((g) => !isKeys.has(key(g))), opened: is.filter((g) => !wasKeys.has(key(g))) };
}

/** The diagnosis with the firms landed, and the facts it stands on. */
export function diagnoseLanded(rows: ChainRows, thresholds: GapThresholds, landings: readonly Landing[]): { facts: ChainFacts; diagnosis: ChainGaps } {
  const facts = assembleChainFacts(landIn(rows, landings));
  return { facts, diagnosis: diagnose(facts, thresholds) };
}

/** The whole comparison: figures, changed segments, gaps closed, opened and left, ties to the leader, the map. */
export function simulateLanding(rows: ChainRows, thresholds: GapThresholds, landings: readonly Landing[]): Omit<LandingSimulation, "skipped"> {
  const before = diagnose(assembleChainFacts(rows), thresholds);
  const { facts, diagnosis: after } = diagnoseLanded(rows, thresholds, landings);
  const segmentName = new Map(after.segments.map((s) => [s.segmentId, s.name]));
  const { closed, opened } = gapChanges(before, after);
  const leaderTies = landings.flatMap((l) =>
    l.segments.flatMap(({ segmentId }) => {
      const segment = after.segments.find((s) => s.segmentId === segmentId);
      if (!segment?.feedsLeaderSegments.length) return [];
      const role = supplyRole(facts, after, segmentId) ?? "";
      return [{ firmId: l.firm.id, firmName: displayName(l.firm.name, l.firm.aliases), segmentId, segmentName: segment.name, leaderSegmentIds: segment.feedsLeaderSegments, role }];
    }),
  );
  return {
    zone: after.zone,
    chain: after.chain,
    firms: landings.map((l) => ({
      id: l.firm.id,
      name: displayName(l.firm.name, l.firm.aliases),
      regionCode: l.firm.regionCode,
      region: regionPath(l.firm.regionCode),
      segments: l.segments.map((s) => ({ segmentId: s.segmentId, name: segmentName.get(s.segmentId) ?? s.segmentId })),
    })),
    before: before.figures,
    after: after.figures,
    changed: after.segments
      .map((s, i) => ({ segmentId: s.segmentId, name: s.name, before: before.segments[i]!.status, after: s.status }))
      .filter((c) => c.before !== c.after),
    closedGaps: closed,
    openedGaps: opened,
    remainingGaps: after.segments.filter((s) => s.status !== "strong").map((s) => ({ segmentId: s.segmentId, name: s.name, status: s.status, kinds: [...new Set(s.gaps.map((g) => g.kind))] })),
    leaderTies,
    map: chainMapOf(facts, after),
  };
}

/**
 * What every diagnosis of landings on these rows starts from: the diagnosis now, and what
 * each firm landed alone would leave (the ranking's 补链效果 and the 推荐组合's first step
 * both ask it). Kept with the rows, which stay the same object while the graph holds them
 * (read once per graph version, and kept through writes that do not reach the zone ×
 * chain: read-cache.ts), for each thresholds; gone with them.
 */
interface Start {
  kept: KeptDiagnosis;
  alone: Map<string, Outcome>;
  /** 推荐组合 by the candidates it was made of: after a write elsewhere the ranking shows the same ones mostly. */
  recommended: Map<string, { chosenAt: number[]; closed: GapRef[]; after: ChainGaps }>;
}
type Recommendation = { chosen: Landing[]; closed: GapRef[]; after: ChainGaps };
/** What a diagnosis after landings says about them. */
interface Outcome {
  closed: GapRef[];
  figures: ChainFigures;
}
/** The most single landings and 推荐组合 kept for one rows × thresholds: those of several rankings. */
const MAX_KEPT_ALONE = 5000;
const MAX_KEPT_RECOMMENDED = 50;
const starts = new WeakMap<ChainRows, Map<string, Start>>();

function startOf(rows: ChainRows, thresholds: GapThresholds): Start {
  let byThresholds = starts.get(rows);
  if (!byThresholds) starts.set(rows, (byThresholds = new Map()));
  const key = JSON.stringify(thresholds);
  let start = byThresholds.get(key);
  // Over the rows in the order a landing leaves them (by firm, then segment), so that a firm joining keeps that order.
  if (!start) {
    // The screens' own diagnosis of the rows (chain-diagnosis.ts) when the graph read them in that order, as it does.
    const ordered = landIn(rows, []);
    const same = ordered.zoneFirms.every((r, i) => r === rows.zoneFirms[i]) && ordered.parents.every((p, i) => p === rows.parents[i]);
    byThresholds.set(key, (start = { kept: same ? diagnoseRows(rows, thresholds).kept : keptDiagnosis(assembleChainFacts(ordered), thresholds), alone: new Map(), recommended: new Map() }));
  }
  return start;
}

/**
 * The firm as it joins the chain's facts when it lands, if its landing changes only the
 * segments it operates in and those a leader buys from it in (diagnoseJoined): a firm
 * new to the zone whose reach is not every segment (reachOf). Else null: its landing is
 * diagnosed whole.
 */
function joiningFirm(rows: ChainRows, landing: Landing): MapFirm | null {
  const { zoneSegments, chainSegmentIds } = indexOf(rows);
  if (reachOf(rows, landing) === "all" || zoneSegments.has(landing.firm.id)) return null;
  // What assembleChainFacts makes of its rows (landIn): the firm, no leader, its segments of the chain by id.
  const segments = landing.segments.filter((s) => chainSegmentIds.has(s.segmentId)).sort((a, b) => compare(a.segmentId, b.segmentId));
  return { ...landing.firm, isLeader: false, leaderId: null, segments: segments.map(({ segmentId, products, capacity, confidence, source, version }) => ({ segmentId, products, capacity, confidence, source, version })) };
}

/** What landing one firm alone would leave: the gaps it closes and the figures after. */
function aloneOutcome(rows: ChainRows, thresholds: GapThresholds, landing: Landing): Outcome {
  const start = startOf(rows, thresholds);
  const key = JSON.stringify(landing);
  let outcome = start.alone.get(key);
  if (!outcome) {
    const firm = joiningFirm(rows, landing);
    const after = firm ? diagnoseJoined(start.kept, [firm], new Set([landing.firm.id])).gaps : diagnoseLanded(rows, thresholds, [landing]).diagnosis;
    outcome = { closed: gapChanges(start.kept.gaps, after).closed, figures: after.figures };
    if (start.alone.size >= MAX_KEPT_ALONE) start.alone.clear();
    start.alone.set(key, outcome);
  }
  return outcome;
}

/** What landing one firm alone would change. */
export function landingEffect(rows: ChainRows, thresholds: GapThresholds, landing: Landing): LandingEffect {
  const { closed, figures } = aloneOutcome(rows, thresholds, landing);
  return { closedGaps: closed, completenessAfter: figures.completeness, gapSegmentsAfter: figures.gapSegments };
}

/**
 * The segments whose diagnosis a landing can change: those it lands in or operated in
 * already, and those where a leader buys from it outside the zone; every segment when it
 * is a leader or in a group (a leader's group operating somewhere moves the supply paths
 * that decide other segments' bottlenecks). Elsewhere a segment's diagnosis depends only
 * on its own firms (gap-rules.ts), which is what lets the greedy below keep gains.
 */
function reachOf(rows: ChainRows, landing: Landing): Set<string> | "all" {
  const id = landing.firm.id;
  const { leaderIds, inGroups, zoneSegments, boughtIn } = indexOf(rows);
  if (landing.parents.length || leaderIds.has(id) || inGroups.has(id)) return "all";
  return new Set([...landing.segments.map((s) => s.segmentId), ...(zoneSegments.get(id) ?? []), ...(boughtIn.get(id) ?? [])]);
}

/** Who in the rows is what a landing's reach asks, by firm: looked up for every candidate, read once per rows. */
interface RowsIndex {
  leaderIds: Set<string>;
  /** Firms with a parent or a child among the zone's firms. */
  inGroups: Set<string>;
  /** A zone firm → the segments it operates in, in the order of the rows. */
  zoneSegments: Map<string, string[]>;
  /** A supplier outside the zone → the segments a leader buys from it in. */
  boughtIn: Map<string, string[]>;
  chainSegmentIds: Set<string>;
}
const indexes = new WeakMap<ChainRows, RowsIndex>();

function indexOf(rows: ChainRows): RowsIndex {
  let index = indexes.get(rows);
  if (!index) {
    const listed = (pairs: [string, string][]) => {
      const map = new Map<string, string[]>();
      for (const [k, v] of pairs) map.set(k, [...(map.get(k) ?? []), v]);
      return map;
    };
    index = {
      leaderIds: new Set(rows.leaders.map((l) => l.firmId)),
      inGroups: new Set(rows.parents.flatMap((p) => [p.firmId, p.parentId])),
      zoneSegments: listed(rows.zoneFirms.map((r) => [r.id, r.segmentId])),
      boughtIn: listed(rows.leaderSuppliers.flatMap((r) => (r.segmentId ? [[r.supplierId, r.segmentId] as [string, string]] : []))),
      chainSegmentIds: new Set(rows.chain.segments.map((s) => s.id)),
    };
    indexes.set(rows, index);
  }
  return index;
}

const overlaps = (a: Set<string> | "all", b: Set<string> | "all") => a === "all" || b === "all" || [...a].some((x) => b.has(x));

/**
 * 推荐组合: greedy set cover over the candidates, in their order. Each step adds the one whose
 * landing, with those already chosen, does most — gap segments made strong, then gaps
 * closed, then segments covered (completeness) — the earlier one on a tie; it stops when
 * none adds anything. Gains are simulated, never summed: two firms may close a 弱链 that
 * neither closes alone, and two may close the same gap. A candidate's gain is simulated
 * again only after a chosen firm reached one of its segments (reachOf): elsewhere the
 * chosen firm changed nothing the candidate's gain stands on, so the choices are those of
 * simulating every candidate at every step, with a handful of diagnoses a step instead;
 * and each of those diagnoses only the segments the candidate reaches when it joins
 * (diagnoseJoined), its first from the effects kept with the rows. The combination is kept
 * with the rows too, by the candidates it was made of.
 */
export function recommendLandings(rows: ChainRows, thresholds: GapThresholds, candidates: readonly Landing[]): Recommendation {
  const { recommended } = startOf(rows, thresholds);
  const key = JSON.stringify(candidates);
  let kept = recommended.get(key);
  if (!kept) {
    const { chosen, closed, after } = recommendAmong(rows, thresholds, candidates);
    if (recommended.size >= MAX_KEPT_RECOMMENDED) recommended.delete(recommended.keys().next().value!);
    recommended.set(key, (kept = { chosenAt: chosen.map((l) => candidates.indexOf(l)), closed, after }));
  }
  // The caller's own landings: candidates equal to those the combination was made of, at the same places.
  return { chosen: kept.chosenAt.map((i) => candidates[i]!), closed: kept.closed, after: kept.after };
}

function recommendAmong(rows: ChainRows, thresholds: GapThresholds, candidates: readonly Landing[]): Recommendation {
  const start = startOf(rows, thresholds);
  const before = start.kept.gaps;
  // Whole numbers, so a gain kept from an earlier step compares exactly with a new one.
  const measure = ({ closed, figures }: Outcome) => [before.figures.gapSegments - figures.gapSegments, closed.length, figures.covered];
  const minus = (a: number[], b: number[]) => a.map((x, k) => x - b[k]!);
  const better = (a: number[], b: number[]) => {
    const i = a.findIndex((x, k) => x !== b[k]);
    return i >= 0 && a[i]! > b[i]!;
  };
  // Firms that would land alike (same segments, capital and parents) are one choice: the first of them.
  const distinct = [...new Map(candidates.map((c) => [JSON.stringify([c.segments.map((s) => s.segmentId).sort(), c.firm.capital, c.parents.map((p) => p.parentId)]), c])).values()];
  const reach = new Map(distinct.map((c) => [c, reachOf(rows, c)]));
  const joining = new Map(distinct.map((c) => [c, joiningFirm(rows, c)]));
  const chosen: Landing[] = [];
  // The firms chosen so far are a parent of: a candidate among them lands with its group, diagnosed whole.
  const parentIds = new Set<string>();
  const outcomeOf = (kept: KeptDiagnosis) => ({ kept, closed: gapChanges(before, kept.gaps).closed, figures: kept.gaps.figures });
  let current = outcomeOf(start.kept);
  /** The diagnosis with those chosen and `landing`: by the segments it reaches when it joins, else whole. */
  const landedWith = (landing: Landing) => {
    const firm = joining.get(landing);
    return firm && !parentIds.has(landing.firm.id)
      ? diagnoseJoined(current.kept, [firm], new Set([landing.firm.id]))
      : keptDiagnosis(assembleChainFacts(landIn(rows, [...chosen, landing])), thresholds);
  };
  const gains = new Map<Landing, number[]>();
  for (;;) {
    let best: { landing: Landing; gain: number[] } | null = null;
    for (const landing of distinct) {
      if (chosen.includes(landing)) continue;
      let gain = gains.get(landing);
      if (!gain) gains.set(landing, (gain = minus(measure(chosen.length ? outcomeOf(landedWith(landing)) : aloneOutcome(rows, thresholds, landing)), measure(current))));
      if (better(gain, best?.gain ?? [0, 0, 0])) best = { landing, gain };
    }
    if (!best) return { chosen, closed: current.closed, after: current.kept.gaps };
    current = outcomeOf(landedWith(best.landing));
    chosen.push(best.landing);
    for (const p of best.landing.parents) parentIds.add(p.parentId);
    for (const landing of gains.keys()) if (overlaps(reach.get(landing)!, reach.get(best.landing)!)) gains.delete(landing);
  }
}

/** A ranked candidate as it would land: where the ranking places it (its own or its branches' segments). */
function landingOfResult(result: TargetResult): Landing {
  const { id, name, aliases, capital, tags, regionCode, standing } = result.firm;
  return {
    firm: { id, name, aliases, capital, tags, regionCode, standing },
    segments: result.segments.map((s) => ({ segmentId: s.segmentId, products: s.products, capacity: "", confidence: s.confidence, source: s.source, version: 1 })),
    parents: [],
  };
}

export const TargetOrder = z.enum(["score", "effect"]).default("score");

/**
 * Ordered by 补链效果, the results are the best closers among this many candidates, the
 * first by score (all of them when fewer): the most a ranking shows, and a bound on the
 * diagnoses and display reads one answer costs. docs/decisions/022-effect-order-scope.md
 */
export const EFFECT_ORDER_SCOPE = 500;

/** Most gaps closed, then completeness after, then the score's own order. */
const byEffect = (a: { rank: number; effect: LandingEffect }, b: { rank: number; effect: LandingEffect }) =>
  b.effect.closedGaps.length - a.effect.closedGaps.length || b.effect.completenessAfter - a.effect.completenessAfter || a.rank - b.rank;

/**
 * The ranking with each candidate's 补链效果 and the 推荐组合 of the candidates shown.
 * By score, the first `limit` of every candidate; by effect, the `limit` that close most
 * among the first EFFECT_ORDER_SCOPE by score (`orderedAmong` says how many that was),
 * each keeping its rank by score.
 */
export function rankWithEffects(store: GraphStore, zoneId: string, chainId: string, filters: TargetFilters, order: z.infer<typeof TargetOrder>, today = new Date()): Promise<RankedTargets> {
  return cached(store, `ranked-effects:${zoneId}:${chainId}:${JSON.stringify(filters)}:${order}:${today.toISOString().slice(0, 10)}`, async () => {
    const scope = order === "effect" ? { ...filters, limit: Math.max(filters.limit, EFFECT_ORDER_SCOPE) } : filters;
    const [ranking, rows, thresholds] = await Promise.all([rankChainTargets(store, zoneId, chainId, scope, today), readChainRows(store, zoneId, chainId), getGapThresholds(store)]);
    const before = startOf(rows, thresholds).kept.gaps;
    const weighed = ranking.results.map((r) => ({ ...r, effect: landingEffect(rows, thresholds, landingOfResult(r)) }));
    const results = order === "effect" ? weighed.sort(byEffect).slice(0, filters.limit) : weighed;
    const recommended = recommendLandings(rows, thresholds, results.map(landingOfResult));
    return {
      ...ranking,
      filters: { ...ranking.filters, limit: filters.limit },
      order,
      orderedAmong: order === "effect" ? ranking.results.length : ranking.candidateCount,
      figures: before.figures,
      results,
      recommended: { firmIds: recommended.chosen.map((l) => l.firm.id), closedGaps: recommended.closed, after: recommended.after.figures },
    };
  }, { zoneId, chainId, candidates: true });
}

export const SimulationRequest = z.object({
  firmIds: z
    .array(Id)
    .min(1, "Name at least one firm to land")
    .max(MAX_SIMULATED_FIRMS, `At most ${MAX_SIMULATED_FIRMS} firms in one simulation`)
    .refine((ids) => new Set(ids).size === ids.length, "Each firm once"),
});

const LinkRow = z.object({ firmId: Id, segmentId: Id, products: z.string(), capacity: z.string(), confidence: z.number(), source: z.string(), version: z.number().int() });
const LandingParentRow = z.object({ firmId: Id, parentId: Id, kind: z.string() });

/** The firms asked for, sorted: those that would land, and those left out with the reason. */
export interface SortedLandings {
  landings: Landing[];
  skipped: SkippedFirm[];
}

/**
 * The firms as they would land in the zone: the segments of this chain they operate in
 * (themselves, or through their branches, as the ranking credits them) and their parents.
 * A firm that cannot land is set aside with its reason, in the order asked: no longer in
 * the graph, already in the zone, won there (a project signed, a list entry signed or
 * landed), or in no segment of the chain. A scenario saved last month names firms that
 * have landed since; it still simulates the rest, and says which it left out.
 */
export async function sortLandings(store: GraphStore, zoneId: string, chainId: string, firmIds: readonly string[]): Promise<SortedLandings> {
  // Each firm looked up by its key: at a million firms a query over a list of ids scans them all.
  const each = <S extends z.ZodObject>(query: string, schema: S, params: Record<string, unknown> = {}): Promise<z.infer<S>[]> =>
    Promise.all(firmIds.map((firmId) => store.read(query, { firmId, ...params }).then((rows) => parseRows(schema, rows)))).then((rows) => rows.flat());
  const [firms, own, branch, parents, won] = await Promise.all([
    Promise.all(firmIds.map((id) => readFirm(store, id))),
    each("simulation/landing-links", LinkRow, { chainId }),
    each("simulation/branch-links", LinkRow, { chainId }),
    each("simulation/landing-parents", LandingParentRow),
    wonAmong(store, zoneId, chainId, firmIds),
  ]);
  const landings: Landing[] = [];
  const skipped: SkippedFirm[] = [];
  firmIds.forEach((id, i) => {
    const f = firms[i];
    if (!f) return skipped.push({ firmId: id, name: null, reason: "deleted", how: [] });
    if (f.zoneId === zoneId) return skipped.push({ firmId: id, name: f.name, reason: "landed", how: [] });
    // 注销, 吊销 …: it lands nowhere (model/standing.ts).
    if (isClosed(f.standing)) return skipped.push({ firmId: id, name: f.name, reason: "closed", how: [f.standingText ?? "已注销"] });
    const signed = won.get(id);
    if (signed) return skipped.push({ firmId: id, name: f.name, reason: "signed", how: signed.how });
    const { name, aliases, capital, tags, regionCode, standing } = f;
    // Its own link to a segment first; a branch's only where it has none.
    const segments = new Map<string, LandingSegment>();
    for (const { firmId, segmentId, ...link } of [...own, ...branch]) if (firmId === id && !segments.has(segmentId)) segments.set(segmentId, { segmentId, ...link });
    if (!segments.size) return skipped.push({ firmId: id, name, reason: "outside-chain", how: [] });
    landings.push({ firm: { id, name, aliases, capital, tags, regionCode, standing }, segments: [...segments.values()], parents: parents.filter((p) => p.firmId === id) });
  });
  return { landings, skipped };
}

/**
 * The firms as they would land, every one of them: a firm unknown, already in the zone,
 * won there, or in no segment of the chain is an error naming it (what saving a scenario
 * asks: a new choice of firms that cannot land is a mistake to correct, not to keep).
 */
export async function readLandings(store: GraphStore, zoneId: string, chainId: string, firmIds: readonly string[]): Promise<Landing[]> {
  const { landings, skipped } = await sortLandings(store, zoneId, chainId, firmIds);
  const of = (reason: SkippedFirm["reason"]) => skipped.filter((s) => s.reason === reason);
  const deleted = of("deleted");
  if (deleted.length) throw new NotFound("firm", deleted.map((s) => s.firmId).join(", "));
  const local = [...of("landed"), ...of("signed")];
  if (local.length)
    throw new ValidationError(
      `Already in the zone: ${local.map((s) => s.name).join("、")}`,
      local.map((s) => ({
        field: "body.firmIds",
        message: s.reason === "landed" ? `${s.firmId} (${s.name}) is already located in ${zoneId}; simulate firms from outside the zone` : `${s.firmId} (${s.name}) is already won for ${zoneId} (${s.how.join("；")}); simulate firms not yet won`,
      })),
    );
  const closed = of("closed");
  if (closed.length)
    throw new ValidationError(
      `Closed (注销, 吊销 …): ${closed.map((s) => s.name).join("、")}`,
      closed.map((s) => ({ field: "body.firmIds", message: `${s.firmId} (${s.name}) is closed (登记状态 ${s.how.join("")}); it can land nowhere` })),
    );
  const outside = of("outside-chain");
  if (outside.length)
    throw new ValidationError(
      `Not in this chain: ${outside.map((s) => s.name).join("、")}`,
      outside.map((s) => ({ field: "body.firmIds", message: `${s.firmId} (${s.name}) operates in no segment of chain ${chainId}; place it in a segment first` })),
    );
  return landings;
}

/** 补链模拟 of the given firms in a zone × chain, on the graph as it is now; firms that cannot land are left out and named. */
export function simulateChain(store: GraphStore, zoneId: string, chainId: string, firmIds: readonly string[]): Promise<LandingSimulation> {
  return cached(store, `simulate:${zoneId}:${chainId}:${[...firmIds].sort().join(",")}`, async () => {
    const [rows, thresholds] = await Promise.all([readChainRows(store, zoneId, chainId), getGapThresholds(store)]);
    const { landings, skipped } = await sortLandings(store, zoneId, chainId, firmIds);
    return { ...simulateLanding(rows, thresholds, landings), skipped };
  }, { zoneId, chainId, candidates: true });
}
