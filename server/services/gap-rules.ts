/**
 * Gap diagnosis (缺链 / 弱链 / 断点卡点 / 链主外采): pure rules over a chain's facts in a
 * zone. Each rule yields a gap with the figures behind it and a sentence that says what
 * the status alone does not: which leader segment the segment feeds and through what,
 * who covers it locally and with how much capital.
 *
 * - missing: no local firm operates in the segment.
 * - weak: fewer local firms than `minFirms`, or — when every local firm's capital is
 *   known — less registered capital in total than `minCapital` (万元). Not when a chain
 *   leader operates in it: the leader's own capacity covers the segment (链主自有), and
 *   recruiting its competitors there is no gap to fill.
 * - bottleneck: the segment supplies, directly or further down the FEEDS links, a segment
 *   where a chain leader operates, no leader makes it itself, and it has at most one local
 *   supplier; or a planner flagged it.
 * - leader-dependency: a chain leader buys the segment's products from outside the zone
 *   (its supplier operates in it) — also where the leader makes it itself: its own
 *   capacity then does not cover its needs.
 * A segment's status is the most urgent of its gaps: bottleneck, then missing, then weak
 * (a leader dependency makes a segment weak: local supply does not meet the leader's needs).
 * The chain's figures come from `chainFigures`, the one function every screen's counts
 * come from.
 */
import type { ChainFigures, ChainGaps, FillingProject, LeaderDependency, MapFirm, SegmentDiagnosis, SegmentGap } from "../model/api.js";
import type { GapKind, GapThresholds, SegmentStatus } from "../model/domain.js";
import { FILLING_STATUSES } from "../model/domain.js";
import { displayName, formatWan } from "../model/format.js";
import { regionPath } from "../regions/divisions.js";
import type { ChainFacts } from "./chain-facts.js";

const STATUS_OF_GAP: Record<GapKind, Exclude<SegmentStatus, "strong">> = {
  bottleneck: "bottleneck",
  missing: "missing",
  weak: "weak",
  "leader-dependency": "weak",
};
const STATUS_BY_URGENCY: readonly SegmentStatus[] = ["bottleneck", "missing", "weak"];

/** How urgent a status is: strong 0, weak 1, missing 2, bottleneck 3 (the order a status is chosen by). */
export function urgency(status: SegmentStatus): number {
  const rank = STATUS_BY_URGENCY.indexOf(status);
  return rank < 0 ? 0 : STATUS_BY_URGENCY.length - rank;
}
/** Local firms named in a sentence; more are counted, not named. */
const NAMED_FIRMS = 3;

type Link = { source: string; target: string };

export interface SupplyPath {
  /** The leader segment reached. */
  target: string;
  /** The segments in between on a shortest way there (empty: it feeds the target directly). */
  via: string[];
}

/**
 * For each segment, every leader segment it supplies and a shortest way there. A way never
 * runs through the target's own products: recycling loops (steel → strip → scrap → steel)
 * make scrap an input of steelmaking, not strip.
 */
export function supplyPaths(links: readonly Link[], targets: ReadonlySet<string>): Map<string, SupplyPath[]> {
  const upstreamOf = new Map<string, string[]>();
  const downstreamOf = new Map<string, string[]>();
  for (const { source, target } of links) {
    upstreamOf.set(target, [...(upstreamOf.get(target) ?? []), source]);
    downstreamOf.set(source, [...(downstreamOf.get(source) ?? []), target]);
  }
  const paths = new Map<string, SupplyPath[]>();
  for (const target of [...targets].sort()) {
    const products = reach(target, downstreamOf);
    // Breadth first against the supply direction: `next` is each segment's step towards the target.
    const next = new Map<string, string>();
    const queue = [target];
    while (queue.length) {
      const segment = queue.shift()!;
      // A segment made from the target's products feeds it directly or not at all.
      if (segment !== target && products.has(segment)) continue;
      for (const supplier of upstreamOf.get(segment) ?? []) {
        if (supplier === target || next.has(supplier)) continue;
        next.set(supplier, segment);
        queue.push(supplier);
      }
    }
    for (const segment of [...next.keys()].sort()) {
      const via: string[] = [];
      for (let step = next.get(segment)!; step !== target; step = next.get(step)!) via.push(step);
      paths.set(segment, [...(paths.get(segment) ?? []), { target, via }]);
    }
  }
  return paths;
}

/** The chain's figures from its diagnosed segments: the one place every count comes from. */
export function chainFigures(segments: readonly Pick<SegmentDiagnosis, "status" | "localFirmCount" | "gaps" | "filling" | "leaderOwn">[]): ChainFigures {
  const withStatus = (status: SegmentStatus) => segments.filter((s) => s.status === status).length;
  const withKind = (kind: GapKind) => segments.filter((s) => s.gaps.some((g) => g.kind === kind)).length;
  const covered = segments.filter((s) => s.localFirmCount > 0).length;
  const byStatus = { strong: withStatus("strong"), weak: withStatus("weak"), missing: withStatus("missing"), bottleneck: withStatus("bottleneck") };
  return {
    segments: segments.length,
    covered,
    completeness: segments.length ? covered / segments.length : 0,
    byStatus,
    gapSegments: byStatus.weak + byStatus.missing + byStatus.bottleneck,
    byKind: { missing: withKind("missing"), weak: withKind("weak"), bottleneck: withKind("bottleneck"), leaderDependency: withKind("leader-dependency") },
    bottleneckWithoutFirms: segments.filter((s) => s.status === "bottleneck" && s.localFirmCount === 0).length,
    filling: segments.filter((s) => s.status !== "strong" && s.filling.length > 0).length,
    leaderOwn: segments.filter((s) => s.status === "strong" && s.leaderOwn).length,
  };
}

/** Every segment reached from `start` along `edges`. */
function reach(start: string, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length)
    for (const next of edges.get(queue.shift()!) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

/** The order localeCompare(…, "zh-CN") gives, with the collator made once: a diagnosis sorts every segment's firms. */
const byChineseName = new Intl.Collator("zh-CN").compare;
const quote = (name: string) => `「${name}」`;
const capitalOf = (capital: number | null) => (capital === null ? "注册资本未知" : formatWan(capital));

/** "甲（3,000 万元）、乙（注册资本未知）" — or, beyond a few, the first ones and a total. */
function firmsPhrase(firms: readonly SegmentDiagnosis["localFirms"][number][]): string {
  if (firms.length <= NAMED_FIRMS) return firms.map((f) => `${f.name}（${capitalOf(f.capital)}）`).join("、");
  const known = firms.filter((f) => f.capital !== null);
  const total = known.reduce((sum, f) => sum + f.capital!, 0);
  const unknown = firms.length - known.length;
  return `${firms.slice(0, NAMED_FIRMS).map((f) => f.name).join("、")}等，注册资本合计 ${formatWan(total)}${unknown ? `（${unknown} 家未知）` : ""}`;
}

/**
 * A diagnosis with what its segments were diagnosed from, kept so that firms joining the
 * zone are diagnosed by the segments they reach alone (`diagnoseJoined`).
 */
export interface KeptDiagnosis {
  gaps: ChainGaps;
  /** What every segment's rules read besides its own firms: the leaders' segments and supply paths, names, flags, projects. */
  shared: SharedFacts;
  /** Segment → its local firms, in the order of the facts' firms; where firms joined since, `joinedIn` says instead. */
  firmsIn: ReadonlyMap<string, readonly MapFirm[]>;
  joinedIn: ReadonlyMap<string, readonly MapFirm[]>;
  /** The local firms of the facts, and those joined since (diagnoseJoined). */
  firmIds: ReadonlySet<string>;
  joined: readonly string[];
}

interface SharedFacts {
  facts: ChainFacts;
  thresholds: GapThresholds;
  leaderName: ReadonlyMap<string, string>;
  /** Segment → the leaders operating in it, themselves or through a firm of their group. */
  leadersIn: ReadonlyMap<string, string[]>;
  paths: ReadonlyMap<string, SupplyPath[]>;
  nameOf: (id: string) => string;
  /** Where a segment's products go, in this chain and others. */
  customersOf: (id: string) => string[];
  segmentById: ReadonlyMap<string, ChainFacts["chain"]["segments"][number]>;
}

export function diagnose(facts: ChainFacts, thresholds: GapThresholds): ChainGaps {
  return keptDiagnosis(facts, thresholds).gaps;
}

/** The diagnosis of a chain's facts (`diagnose`), with what it was diagnosed from. */
export function keptDiagnosis(facts: ChainFacts, thresholds: GapThresholds): KeptDiagnosis {
  const { chain, firms, leaders } = facts;
  const leaderName = new Map(leaders.map((l) => [l.id, l.name]));
  const firmsIn = new Map<string, MapFirm[]>();
  for (const f of firms)
    for (const segmentId of new Set(f.segments.map((s) => s.segmentId))) {
      const here = firmsIn.get(segmentId);
      if (here) here.push(f);
      else firmsIn.set(segmentId, [f]);
    }
  const leadersIn = new Map<string, string[]>();
  for (const f of firms.filter((f) => f.leaderId))
    for (const { segmentId } of f.segments) {
      const name = leaderName.get(f.leaderId!) ?? f.leaderId!;
      if (!leadersIn.get(segmentId)?.includes(name)) leadersIn.set(segmentId, [...(leadersIn.get(segmentId) ?? []), name]);
    }
  const ownLinks = chain.links.filter((l) => l.sourceChainId === chain.id && l.targetChainId === chain.id);
  const paths = supplyPaths(ownLinks, new Set(leadersIn.keys()));
  const segmentName = new Map(chain.segments.map((s) => [s.id, s.name]));
  const nameOf = (id: string) => quote(segmentName.get(id) ?? id);
  const customersOf = (id: string) => [...new Set(chain.links.filter((l) => l.source === id).map((l) => (l.targetChainId === chain.id ? nameOf(l.target) : `${quote(l.targetName)}（其他产业链）`)))];
  const shared: SharedFacts = { facts, thresholds, leaderName, leadersIn, paths, nameOf, customersOf, segmentById: new Map(chain.segments.map((s) => [s.id, s])) };
  const dependencies = leaderDependencies(facts);
  const segments = chain.segments.map((segment) => diagnoseSegment(shared, segment, firmsIn.get(segment.id) ?? [], dependencies));
  return { gaps: gapsOf(facts, thresholds, segments, dependencies), shared, firmsIn, joinedIn: new Map(), firmIds: new Set(firms.map((f) => f.id)), joined: [] };
}

/**
 * The diagnosis after `firms` join the zone and the leaders stop buying from `suppliers`
 * outside it: equal to `diagnose` of the facts with those firms added (in the order of
 * their ids, as the zone's firms are read) and those suppliers' rows left out. Only the
 * segments the firms operate in and those the dropped purchases named are diagnosed
 * again: no other segment's rules read anything that changed, for a joining firm is new
 * to the zone and nobody's group (its leaderId null), so the leaders' segments and the
 * supply paths stay as they were. A firm already in the zone or of a leader's group
 * changes more; diagnose its facts whole instead (refused here).
 */
export function diagnoseJoined(kept: KeptDiagnosis, firms: readonly MapFirm[], suppliers: ReadonlySet<string>): KeptDiagnosis {
  const { facts, thresholds } = kept.shared;
  const joined = [...kept.joined];
  const joinedIn = new Map(kept.joinedIn);
  const firmsIn = (segmentId: string) => joinedIn.get(segmentId) ?? kept.firmsIn.get(segmentId) ?? [];
  const reached = new Set<string>();
  for (const f of firms) {
    if (f.leaderId || kept.firmIds.has(f.id) || joined.includes(f.id)) throw new Error(`diagnoseJoined: ${f.id} is ${f.leaderId ? "of a leader's group" : "in the zone already"}; diagnose its facts whole`);
    joined.push(f.id);
    for (const segmentId of new Set(f.segments.map((s) => s.segmentId))) {
      const here = [...firmsIn(segmentId)];
      const at = here.findIndex((g) => f.id < g.id);
      here.splice(at < 0 ? here.length : at, 0, f);
      joinedIn.set(segmentId, here);
      reached.add(segmentId);
    }
  }
  const dependencies = kept.gaps.leaderDependencies.filter((d) => {
    if (!suppliers.has(d.supplierId)) return true;
    for (const segmentId of d.segmentIds) reached.add(segmentId);
    return false;
  });
  const segments = kept.gaps.segments.map((s) => (reached.has(s.segmentId) ? diagnoseSegment(kept.shared, kept.shared.segmentById.get(s.segmentId)!, firmsIn(s.segmentId), dependencies) : s));
  return { gaps: gapsOf(facts, thresholds, segments, dependencies), shared: kept.shared, firmsIn: kept.firmsIn, joinedIn, firmIds: kept.firmIds, joined };
}

function gapsOf(facts: ChainFacts, thresholds: GapThresholds, segments: SegmentDiagnosis[], dependencies: LeaderDependency[]): ChainGaps {
  const { zone, chain } = facts;
  return {
    zone: { id: zone.id, name: zone.name, shortName: zone.shortName },
    chain: { id: chain.id, name: chain.name },
    thresholds,
    figures: chainFigures(segments),
    segments,
    leaderDependencies: dependencies,
  };
}

/** One segment's diagnosis: its gaps from its local firms and what every segment shares. */
function diagnoseSegment(shared: SharedFacts, segment: ChainFacts["chain"]["segments"][number], local: readonly MapFirm[], dependencies: readonly LeaderDependency[]): SegmentDiagnosis {
  const { facts, thresholds, leaderName, leadersIn, paths, nameOf, customersOf } = shared;
  const { projects, flags } = facts;
  const localFirms = local
    .map((f) => ({ id: f.id, name: displayName(f.name, f.aliases), capital: f.capital, leaderId: f.leaderId }))
    .sort((a, b) => Number(!!b.leaderId) - Number(!!a.leaderId) || (b.capital ?? -1) - (a.capital ?? -1) || byChineseName(a.name, b.name));
  const known = local.filter((f) => f.capital !== null);
  const localCapital = known.reduce((sum, f) => sum + (f.capital ?? 0), 0);
  const leaderNames = leadersIn.get(segment.id) ?? [];
  const leaderOperates = leaderNames.length > 0;
  const reached = paths.get(segment.id) ?? [];
  const feedsLeaderSegments = reached.map((p) => p.target).sort();
  const flag = flags.find((f) => f.segmentId === segment.id) ?? null;
  const filling: FillingProject[] = projects
    .filter((p) => p.segmentIds.includes(segment.id) && FILLING_STATUSES.includes(p.status))
    .map((p) => ({ id: p.id, name: p.name, status: p.status, firmName: p.firmName }));
  const gaps: SegmentGap[] = [];

  const fewFirms = local.length < thresholds.minFirms;
  const littleCapital = !fewFirms && known.length === local.length && localCapital < thresholds.minCapital;
  const leaderOwn = leaderOperates && (fewFirms || littleCapital);

  if (local.length === 0) {
    const customers = customersOf(segment.id);
    gaps.push({
      kind: "missing",
      figures: { localFirmCount: 0 },
      reason: customers.length ? `下游${customers.join("、")}所需的这一环节只能从区外采购。` : "末端环节，本地没有企业生产这类终端产品。",
    });
  } else if (!leaderOperates && fewFirms)
    gaps.push({
      kind: "weak",
      figures: { localFirmCount: local.length, minFirms: thresholds.minFirms },
      reason: `本地企业 ${local.length} 家，少于弱链标准的 ${thresholds.minFirms} 家，${local.length === 1 ? "一旦变故即断供" : "配套不稳"}。`,
    });
  else if (!leaderOperates && littleCapital)
    gaps.push({
      kind: "weak",
      figures: { localCapital, minCapital: thresholds.minCapital },
      reason: `本地企业注册资本合计 ${formatWan(localCapital)}，低于弱链标准的 ${formatWan(thresholds.minCapital)}，规模撑不起配套。`,
    });

  if (reached.length && !leaderOperates && local.length <= 1) {
    // Grouped by leader: 为链主凌钢所在的「炼铁」「炼钢」（经「焦炭」）供料.
    const byLeader = new Map<string, string[]>();
    for (const p of reached) {
      const leaders = (leadersIn.get(p.target) ?? []).join("、");
      byLeader.set(leaders, [...(byLeader.get(leaders) ?? []), `${nameOf(p.target)}${p.via.length ? `（经${p.via.map(nameOf).join("→")}）` : ""}`]);
    }
    const into = [...byLeader].map(([leaders, targets]) => `链主${leaders}所在的${targets.join("")}`).join("、");
    gaps.push({
      kind: "bottleneck",
      figures: { localSuppliers: local.length, feedsLeaderSegments: feedsLeaderSegments.join(",") },
      reason: `为${into}供料，本地${local.length ? `只有${localFirms[0]!.name}一家` : "没有一家"}配套，断供即影响链主生产。`,
    });
  }
  if (flag)
    gaps.push({
      kind: "bottleneck",
      figures: { flaggedBy: flag.flaggedBy, flaggedAt: flag.flaggedAt },
      reason: `规划人员标记为卡点：${flag.note}（${flag.flaggedBy}，${flag.flaggedAt.slice(0, 10)}）。`,
    });
  for (const dependency of dependencies.filter((d) => d.segmentIds.includes(segment.id)))
    gaps.push({
      kind: "leader-dependency",
      figures: { supplierId: dependency.supplierId, product: dependency.product },
      reason: leaderOperates ? `${dependency.reason.replace(/。$/, "")}：链主自有产能尚不能自给。` : dependency.reason,
    });

  const status = STATUS_BY_URGENCY.find((s) => gaps.some((g) => STATUS_OF_GAP[g.kind] === s)) ?? "strong";
  return {
    segmentId: segment.id,
    name: segment.name,
    stage: segment.stage,
    status,
    localFirmCount: local.length,
    localCapital,
    unknownCapitalCount: local.length - known.length,
    leaderOperates,
    leaderOwn,
    localFirms,
    coverage: coverage(localFirms, leaderName, leaderOwn),
    feedsLeaderSegments,
    flag,
    filling,
    gaps,
  };
}

/** Who covers the segment locally, in one sentence. */
function coverage(localFirms: SegmentDiagnosis["localFirms"], leaderName: ReadonlyMap<string, string>, leaderOwn: boolean): string {
  if (localFirms.length === 0) return "本地尚无企业。";
  if (!leaderOwn) return `本地 ${localFirms.length} 家：${firmsPhrase(localFirms)}。`;
  const own = localFirms.filter((f) => f.leaderId);
  const others = localFirms.filter((f) => !f.leaderId);
  const leaders = [...new Set(own.map((f) => leaderName.get(f.leaderId!) ?? f.leaderId!))];
  // The leader itself, or a firm of its group named as the one that makes it.
  const capacity = own.map((f) => (f.id === f.leaderId ? capitalOf(f.capital) : `经${f.name}，${capitalOf(f.capital)}`)).join("；");
  const besides = others.length ? `，另有${firmsPhrase(others)}` : "，本地别无同类企业";
  return `链主${leaders.join("、")}自有产能（${capacity}）${besides}；不招引链主的同业竞争者。`;
}

/** What the chain leaders buy from outside the zone: one entry per leader × supplier. */
function leaderDependencies(facts: ChainFacts): LeaderDependency[] {
  const dependencies: LeaderDependency[] = [];
  for (const row of facts.leaderSuppliers) {
    const existing = dependencies.find((d) => d.leaderId === row.leaderId && d.supplierId === row.supplierId);
    if (existing) {
      if (row.segmentId) existing.segmentIds.push(row.segmentId);
      continue;
    }
    const leaderName = displayName(row.leaderName, row.leaderAliases);
    const supplierRegion = regionPath(row.supplierRegionCode);
    dependencies.push({
      leaderId: row.leaderId,
      leaderName,
      supplierId: row.supplierId,
      supplierName: row.supplierName,
      supplierRegionCode: row.supplierRegionCode,
      supplierRegion,
      product: row.product,
      segmentIds: row.segmentId ? [row.segmentId] : [],
      reason: `链主${leaderName}从域外（${supplierRegion}）的${displayName(row.supplierName, row.supplierAliases)}采购${row.product || "配套产品"}，可以商招商推动本地化配套。`,
      source: row.source,
    });
  }
  return dependencies;
}

/**
 * What a gap segment feeds, for a target's 为何推荐: the leader segments it supplies
 * ("供链主凌钢所在的「炼铁」"), else the chain's segments it sells to; for a segment the
 * leader makes itself, that the leader still buys it outside the zone.
 */
export function supplyRole(facts: ChainFacts, diagnosis: ChainGaps, segmentId: string): string | null {
  return supplyRoles(facts, diagnosis)(segmentId);
}

/** supplyRole for any segment of one diagnosis, its lookups made once (a ranking asks it for every target segment). */
export function supplyRoles(facts: ChainFacts, diagnosis: ChainGaps): (segmentId: string) => string | null {
  const byId = new Map(diagnosis.segments.map((s) => [s.segmentId, s]));
  const leaderName = new Map(facts.leaders.map((l) => [l.id, l.name]));
  const leadersOf = (id: string) => [...new Set((byId.get(id)?.localFirms ?? []).filter((f) => f.leaderId).map((f) => leaderName.get(f.leaderId!) ?? f.leaderId!))].join("、");
  return (segmentId) => {
    const segment = byId.get(segmentId);
    if (!segment) return null;
    if (segment.leaderOperates)
      return segment.gaps.some((g) => g.kind === "leader-dependency") ? `链主${leadersOf(segmentId)}自有产能不足，仍从区外采购` : null;
    if (segment.feedsLeaderSegments.length) {
      const byLeader = new Map<string, string[]>();
      for (const target of segment.feedsLeaderSegments) byLeader.set(leadersOf(target), [...(byLeader.get(leadersOf(target)) ?? []), quote(byId.get(target)?.name ?? target)]);
      return `供${[...byLeader].map(([leaders, names]) => `链主${leaders}所在的${names.join("")}`).join("、")}`;
    }
    const customers = [...new Set(facts.chain.links.filter((l) => l.source === segmentId && l.targetChainId === facts.chain.id).map((l) => quote(l.targetName)))];
    return customers.length ? `供${customers.join("")}` : null;
  };
}
