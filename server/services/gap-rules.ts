/**
 * Gap diagnosis (缺链 / 弱链 / 断点卡点 / 链主外采): pure rules over a chain's facts in a
 * zone. Each rule yields a gap with the figures behind it and one plain Chinese sentence.
 *
 * - missing: no local firm operates in the segment.
 * - weak: fewer local firms than `minFirms`, or — when every local firm's capital is
 *   known — less registered capital in total than `minCapital` (万元).
 * - bottleneck: the segment supplies, directly or further down the FEEDS links, a segment
 *   where the chain leader operates, the leader does not make it itself, and it has at
 *   most one local supplier; or a planner flagged it.
 * - leader-dependency: the leader buys this segment's products from outside the zone.
 * A segment's status is the most urgent of its gaps: bottleneck, then missing, then weak.
 */
import type { ChainGaps, FillingProject, LeaderDependency, SegmentDiagnosis, SegmentGap } from "../model/api.js";
import type { GapThresholds, SegmentStatus } from "../model/domain.js";
import { FILLING_STATUSES } from "../model/domain.js";
import { displayName, formatWan } from "../model/format.js";
import { regionPath } from "../regions/divisions.js";
import type { ChainFacts } from "./chain-facts.js";

const STATUS_BY_URGENCY: readonly SegmentStatus[] = ["bottleneck", "missing", "weak"];

/** For each segment, the leader segments it reaches by following FEEDS downstream. */
export function reachableTargets(links: readonly { source: string; target: string }[], targets: ReadonlySet<string>): Map<string, Set<string>> {
  const upstreamOf = new Map<string, string[]>();
  for (const { source, target } of links) upstreamOf.set(target, [...(upstreamOf.get(target) ?? []), source]);
  const reaches = new Map<string, Set<string>>();
  for (const target of [...targets].sort()) {
    const seen = new Set<string>();
    const queue = [...(upstreamOf.get(target) ?? [])];
    while (queue.length) {
      const segment = queue.shift()!;
      if (seen.has(segment)) continue;
      seen.add(segment);
      if (!reaches.has(segment)) reaches.set(segment, new Set());
      reaches.get(segment)!.add(target);
      queue.push(...(upstreamOf.get(segment) ?? []));
    }
  }
  return reaches;
}

export function diagnose(facts: ChainFacts, thresholds: GapThresholds): ChainGaps {
  const { chain, zone, firms, projects, leaders, flags } = facts;
  const leaderIds = new Set(leaders.map((l) => l.id));
  const leaderNames = leaders.map((l) => l.name).join("、");
  const firmsIn = (segmentId: string) => firms.filter((f) => f.segments.some((s) => s.segmentId === segmentId));
  const leaderSegments = new Set(firms.filter((f) => leaderIds.has(f.id)).flatMap((f) => f.segments.map((s) => s.segmentId)));
  const ownLinks = chain.links.filter((l) => l.sourceChainId === chain.id && l.targetChainId === chain.id);
  const reaches = reachableTargets(ownLinks, leaderSegments);
  const segmentName = new Map(chain.segments.map((s) => [s.id, s.name]));

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

  const segments: SegmentDiagnosis[] = chain.segments.map((segment) => {
    const local = firmsIn(segment.id);
    const known = local.filter((f) => f.capital !== null);
    const localCapital = known.reduce((sum, f) => sum + (f.capital ?? 0), 0);
    const leaderOperates = local.some((f) => leaderIds.has(f.id));
    const suppliers = local.filter((f) => !leaderIds.has(f.id)).length;
    const feedsLeaderSegments = [...(reaches.get(segment.id) ?? [])].sort();
    const flag = flags.find((f) => f.segmentId === segment.id) ?? null;
    const filling: FillingProject[] = projects
      .filter((p) => p.segmentIds.includes(segment.id) && FILLING_STATUSES.includes(p.status))
      .map((p) => ({ id: p.id, name: p.name, status: p.status, firmName: p.firmName }));
    const name = `「${segment.name}」`;
    const gaps: SegmentGap[] = [];

    if (local.length === 0) {
      gaps.push({ kind: "missing", figures: { localFirmCount: 0 }, reason: `本地没有企业布局${name}环节，属缺链。` });
    } else {
      if (local.length < thresholds.minFirms)
        gaps.push({
          kind: "weak",
          figures: { localFirmCount: local.length, minFirms: thresholds.minFirms },
          reason: `本地仅 ${local.length} 家企业布局${name}，少于 ${thresholds.minFirms} 家的阈值，属弱链。`,
        });
      else if (known.length === local.length && localCapital < thresholds.minCapital)
        gaps.push({
          kind: "weak",
          figures: { localCapital, minCapital: thresholds.minCapital },
          reason: `本地${name}企业注册资本合计 ${formatWan(localCapital)}，低于 ${formatWan(thresholds.minCapital)} 的阈值，属弱链。`,
        });
    }
    if (feedsLeaderSegments.length && !leaderOperates && suppliers <= 1) {
      const into = feedsLeaderSegments.map((id) => `「${segmentName.get(id) ?? id}」`).join("、");
      gaps.push({
        kind: "bottleneck",
        figures: { localSuppliers: suppliers, feedsLeaderSegments: feedsLeaderSegments.join(",") },
        reason: `${name}为链主${leaderNames}所在${into}环节供料，本地${suppliers ? "仅 1 家" : "没有"}配套企业，属断点/卡点。`,
      });
    }
    if (flag)
      gaps.push({
        kind: "bottleneck",
        figures: { flaggedBy: flag.flaggedBy, flaggedAt: flag.flaggedAt },
        reason: `规划人员标记为卡点：${flag.note}（${flag.flaggedBy}，${flag.flaggedAt.slice(0, 10)}）。`,
      });
    for (const dependency of dependencies.filter((d) => d.segmentIds.includes(segment.id)))
      gaps.push({ kind: "leader-dependency", figures: { supplierId: dependency.supplierId, product: dependency.product }, reason: dependency.reason });

    const status = STATUS_BY_URGENCY.find((s) => gaps.some((g) => g.kind === s)) ?? "strong";
    return {
      segmentId: segment.id,
      name: segment.name,
      stage: segment.stage,
      status,
      localFirmCount: local.length,
      localCapital,
      unknownCapitalCount: local.length - known.length,
      leaderOperates,
      feedsLeaderSegments,
      flag,
      filling,
      gaps,
    };
  });

  const count = (status: SegmentStatus) => segments.filter((s) => s.status === status).length;
  const covered = segments.filter((s) => s.localFirmCount > 0).length;
  return {
    zone: { id: zone.id, name: zone.name, shortName: zone.shortName },
    chain: { id: chain.id, name: chain.name },
    thresholds,
    completeness: segments.length ? covered / segments.length : 0,
    counts: {
      segments: segments.length,
      covered,
      missing: count("missing"),
      weak: count("weak"),
      bottleneck: count("bottleneck"),
      leaderDependency: dependencies.length,
      filling: segments.filter((s) => s.status !== "strong" && s.filling.length > 0).length,
    },
    segments,
    leaderDependencies: dependencies,
  };
}
