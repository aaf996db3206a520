/**
 * Target ranking for a chain in a zone: firms outside the zone in the chain's gap
 * segments (or one segment asked for), within the chosen regions, scored by a profile.
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound, ValidationError } from "../errors.js";
import type { TargetRanking } from "../model/api.js";
import { AmountWan, FirmTag, Id, IsoDate, RegionCode, StoredAmountWan, StoredStaffCount } from "../model/domain.js";
import type { RegionGroup } from "../model/domain.js";
import { displayName } from "../model/format.js";
import { coveringPrefix, findRegion } from "../regions/divisions.js";
import { loadChainFacts } from "./chain-facts.js";
import { diagnose } from "./gap-rules.js";
import { getProfile } from "./profiles.js";
import { listRegionGroups } from "./regions.js";
import { groupBy, parseRows } from "./rows.js";
import { cached } from "./read-cache.js";
import { getGapThresholds } from "./settings.js";
import { rankTargets, type CandidateFacts } from "./target-scoring.js";

export const TargetFilters = z.object({
  segment: Id.optional(),
  regionGroup: Id.optional(),
  regions: z.array(RegionCode).default([]),
  tags: z.array(FirmTag).default([]),
  minCapital: AmountWan.optional(),
  limit: z.number().int().min(1).max(500).default(50),
  profile: Id.default("default"),
});
export type TargetFilters = z.infer<typeof TargetFilters>;

const CandidateRow = z.object({
  id: Id,
  name: z.string(),
  aliases: z.array(z.string()),
  uscc: z.string().nullable(),
  regionCode: RegionCode,
  capital: StoredAmountWan,
  staff: StoredStaffCount,
  revenue: StoredAmountWan,
  tags: z.array(FirmTag),
  sample: z.boolean(),
  source: z.string(),
  asOf: IsoDate.nullable(),
  segmentId: Id,
  confidence: z.number(),
  products: z.string(),
  linkSource: z.string(),
});

const TieRow = z.object({
  firmId: Id,
  localId: Id,
  localName: z.string(),
  localAliases: z.array(z.string()),
  product: z.string(),
});

/** Region codes as the prefixes the candidate query matches; [""] matches anywhere. */
function regionPrefixes(filters: TargetFilters, groups: RegionGroup[]): string[] {
  const codes = [...filters.regions];
  if (filters.regionGroup) {
    const group = groups.find((g) => g.id === filters.regionGroup);
    if (!group) throw new NotFound("region group", filters.regionGroup);
    codes.push(...group.regionCodes);
  }
  if (!codes.length) return [""];
  return [
    ...new Set(
      codes.map((code) => {
        const region = findRegion(code);
        if (!region) throw new ValidationError(`Unknown region code ${code}`, [{ field: "query.regions", message: `${code} is not a GB/T 2260 code` }]);
        return coveringPrefix(region);
      }),
    ),
  ];
}

/** The supply ties between the zone's firms and the given firms: sales into the zone first. */
async function localTies(store: GraphStore, zoneId: string, firmIds: Set<string>) {
  const [sales, purchases] = await Promise.all([
    store.read("targets/sales-to-local", { zoneId }).then((rows) => parseRows(TieRow, rows)),
    store.read("targets/purchases-from-local", { zoneId }).then((rows) => parseRows(TieRow, rows)),
  ]);
  return [
    ...sales.filter((t) => firmIds.has(t.firmId)).map((t) => ({ ...t, direction: "supplies" as const })),
    ...purchases.filter((t) => firmIds.has(t.firmId)).map((t) => ({ ...t, direction: "buys" as const })),
  ];
}

export function rankChainTargets(store: GraphStore, zoneId: string, chainId: string, filters: TargetFilters, today = new Date()): Promise<TargetRanking> {
  const key = `targets:${zoneId}:${chainId}:${JSON.stringify(filters)}:${today.toISOString().slice(0, 10)}`;
  return cached(store, key, () => computeRanking(store, zoneId, chainId, filters, today));
}

async function computeRanking(store: GraphStore, zoneId: string, chainId: string, filters: TargetFilters, today: Date): Promise<TargetRanking> {
  const [facts, thresholds, groups, profile] = await Promise.all([
    loadChainFacts(store, zoneId, chainId),
    getGapThresholds(store),
    listRegionGroups(store),
    getProfile(store, filters.profile),
  ]);
  const diagnosis = diagnose(facts, thresholds);
  if (filters.segment && !diagnosis.segments.some((s) => s.segmentId === filters.segment))
    throw new NotFound("segment of this chain", filters.segment);
  const targetSegments = diagnosis.segments
    .filter((s) => (filters.segment ? s.segmentId === filters.segment : s.gaps.length > 0))
    .map((s) => ({ id: s.segmentId, name: s.name, status: s.status }));
  const prefixes = regionPrefixes(filters, groups);

  const rows = targetSegments.length
    ? parseRows(
        CandidateRow,
        await store.read("targets/candidates", {
          zoneId,
          segmentIds: targetSegments.map((s) => s.id),
          prefixes,
          minCapital: filters.minCapital ?? null,
        }),
      ).filter((r) => !filters.tags.length || r.tags.some((t) => filters.tags.includes(t)))
    : [];
  const byFirm = groupBy(rows, (r) => r.id);
  const ties = byFirm.size ? await localTies(store, zoneId, new Set(byFirm.keys())) : [];
  const tiesByFirm = groupBy(ties, (t) => t.firmId);
  const leaderIds = new Set(facts.leaders.map((l) => l.id));
  const segmentInfo = new Map(targetSegments.map((s) => [s.id, s]));

  const candidates: CandidateFacts[] = [...byFirm.values()].map((firmRows) => {
    const { segmentId: _s, confidence: _c, products: _p, linkSource: _l, ...firm } = firmRows[0]!;
    return {
      firm,
      segments: firmRows.map((r) => ({
        segmentId: r.segmentId,
        name: segmentInfo.get(r.segmentId)!.name,
        status: segmentInfo.get(r.segmentId)!.status,
        confidence: r.confidence,
        products: r.products,
        source: r.linkSource,
      })),
      ties: (tiesByFirm.get(firm.id) ?? []).map((t) => ({
        direction: t.direction,
        localId: t.localId,
        localName: displayName(t.localName, t.localAliases),
        isLeader: leaderIds.has(t.localId),
        product: t.product,
      })),
    };
  });
  const ranked = rankTargets(candidates, { profile, zoneCountyCode: facts.zone.countyCode, regionGroups: groups, chainId, today }, filters.limit);
  return {
    zone: { id: facts.zone.id, name: facts.zone.name, shortName: facts.zone.shortName },
    chain: { id: chainId, name: facts.chain.name },
    profile,
    filters: {
      segmentIds: targetSegments.map((s) => s.id),
      regionGroup: filters.regionGroup ?? null,
      regions: filters.regions,
      tags: filters.tags,
      minCapital: filters.minCapital ?? null,
      limit: filters.limit,
    },
    targetSegments,
    candidateCount: candidates.length,
    results: ranked,
  };
}
