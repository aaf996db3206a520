/**
 * Target ranking for a chain in a zone: firms outside the zone in the chain's gap
 * segments (or one segment asked for), within the chosen regions, scored by a profile.
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound, ValidationError } from "../errors.js";
import type { TargetRanking, WonFirm } from "../model/api.js";
import { AmountWan, Currency, FILLING_STATUSES, FirmTag, Id, IsoDate, RegionCode, StoredAmountWan, StoredStaffCount } from "../model/domain.js";
import type { EntryStatus, RegionGroup, SegmentStatus } from "../model/domain.js";
import { displayName } from "../model/format.js";
import { coveringPrefix, findRegion, regionPath } from "../regions/divisions.js";
import { loadChainFacts } from "./chain-facts.js";
import { diagnose, supplyRole } from "./gap-rules.js";
import { getProfile } from "./profiles.js";
import { listRegionGroups } from "./regions.js";
import { groupBy, parseRows } from "./rows.js";
import { cached } from "./read-cache.js";
import { getGapThresholds } from "./settings.js";
import { scoringFacts } from "./scoring-facts.js";
import { orderCandidates, rankTargets, type CandidateFacts } from "./target-scoring.js";

/** List entries at these statuses have won their firm for the zone. */
const WON_ENTRY_STATUSES: EntryStatus[] = ["已签约", "已落地"];

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
  capitalAmount: StoredAmountWan,
  capitalCurrency: Currency.exclude(["CNY"]).nullable(),
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

type CandidateRow = z.infer<typeof CandidateRow>;

/** Rows by firm, then segment (as targets/candidates returns them, in code-unit order on both paths). */
const byFirmThenSegment = (a: CandidateRow, b: CandidateRow) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : a.segmentId < b.segmentId ? -1 : a.segmentId > b.segmentId ? 1 : 0;

/**
 * What targets/candidates answers, from the scoring facts in memory: firms outside the zone
 * operating in the segments, within the region prefixes, with at least `minCapital`. The
 * display columns stay empty (the scoring reads none of them). The facts are scanned in one
 * synchronous pass after they are current (scoring-facts.ts).
 */
async function scannedCandidates(store: GraphStore, zoneId: string, segmentIds: string[], prefixes: string[], minCapital: number | null): Promise<CandidateRow[]> {
  const zoneFirms = new Set((await store.read("targets/zone-firm-ids", { zoneId })).map((r) => r.id as string));
  const { bySegment } = await scoringFacts(store);
  const rows: CandidateRow[] = [];
  for (const segmentId of segmentIds) {
    for (const firm of bySegment.get(segmentId) ?? []) {
      if (zoneFirms.has(firm.id) || !prefixes.some((p) => firm.regionCode.startsWith(p))) continue;
      if (minCapital !== null && (firm.capital === null || firm.capital < minCapital)) continue;
      const { confidence } = firm.links.find((l) => l.segmentId === segmentId)!;
      rows.push({
        id: firm.id, name: firm.name, regionCode: firm.regionCode, capital: firm.capital, staff: firm.staff, revenue: firm.revenue, tags: firm.tags, asOf: firm.asOf,
        segmentId, confidence,
        aliases: [], uscc: null, capitalAmount: null, capitalCurrency: null, sample: false, source: "", products: "", linkSource: "",
      });
    }
  }
  return rows;
}

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

/** 分公司, 分厂, 办事处: a branch by its registered name (a bracketed place after it allowed). */
const BRANCH_NAME = /(分公司|分厂|办事处)([(（][^)）]*[)）])?$/;
export const isBranchName = (name: string) => BRANCH_NAME.test(name.normalize("NFKC").trim());

const ParentRow = CandidateRow.omit({ segmentId: true, confidence: true, products: true, linkSource: true }).extend({
  firmId: Id,
  kind: z.string(),
  zoneId: Id.nullable(),
});
const WonRow = z.object({ firmId: Id, firmName: z.string(), firmAliases: z.array(z.string()), regionCode: RegionCode, status: z.string() });
const WonProjectRow = WonRow.extend({ projectName: z.string() });
const WonEntryRow = WonRow.extend({ listName: z.string() });

type Firm = Omit<z.infer<typeof CandidateRow>, "segmentId" | "confidence" | "products" | "linkSource">;

/** Firms already won for the zone: a project there signed or further along, or a list entry of this chain signed or landed. */
async function wonFirms(store: GraphStore, zoneId: string, chainId: string): Promise<Map<string, WonFirm>> {
  const [projects, entries] = await Promise.all([
    store.read("targets/won-projects", { zoneId, statuses: [...FILLING_STATUSES] }).then((rows) => parseRows(WonProjectRow, rows)),
    store.read("targets/won-entries", { zoneId, chainId, statuses: WON_ENTRY_STATUSES }).then((rows) => parseRows(WonEntryRow, rows)),
  ]);
  const won = new Map<string, WonFirm>();
  const add = (row: z.infer<typeof WonRow>, how: string) => {
    const entry = won.get(row.firmId) ?? { firm: { id: row.firmId, name: row.firmName, aliases: row.firmAliases, regionCode: row.regionCode }, region: regionPath(row.regionCode), how: [] };
    if (!entry.how.includes(how)) entry.how.push(how);
    won.set(row.firmId, entry);
  };
  for (const p of projects) add(p, `「${p.projectName}」已${p.status}`);
  for (const e of entries) add(e, `清单「${e.listName}」${e.status}`);
  return won;
}

interface Resolved {
  firm: Firm;
  segments: CandidateFacts["segments"];
  via: NonNullable<CandidateFacts["via"]>;
  decisionMaker: boolean;
  /** The firms behind this entry (itself and its branches), for ties and won checks. */
  memberIds: string[];
}

/**
 * Who a ranking names for each candidate: the firm itself, or — for a branch — the parent
 * that decides, with the branch's segment links and place (`via`). A branch whose parent the
 * graph does not know stays, marked as no decision-maker; one whose parent is a firm of this
 * zone is no target at all.
 */
function resolveDecisionMakers(
  byFirm: Map<string, CandidateRow[]>,
  parents: z.infer<typeof ParentRow>[],
  zoneId: string,
  segmentInfo: Map<string, { name: string; status: SegmentStatus }>,
): Resolved[] {
  const parentOf = new Map(parents.map((p) => [p.firmId, p]));
  const resolved = new Map<string, Resolved>();
  for (const [firmId, rows] of byFirm) {
    const { segmentId: _s, confidence: _c, products: _p, linkSource: _l, ...firm } = rows[0]!;
    const parent = parentOf.get(firmId);
    const branch = parent?.kind === "branch" || isBranchName(firm.name);
    if (branch && parent?.zoneId === zoneId) continue;
    const decider: Firm | null = branch && parent ? (({ firmId: _f, kind: _k, zoneId: _z, ...p }) => p)(parent) : null;
    const key = decider?.id ?? firm.id;
    const entry = resolved.get(key) ?? { firm: decider ?? firm, segments: [], via: [], decisionMaker: !branch || decider !== null, memberIds: [key] };
    if (decider) {
      entry.via.push({ id: firm.id, name: firm.name, regionCode: firm.regionCode, region: regionPath(firm.regionCode) });
      entry.memberIds.push(firm.id);
    } else entry.firm = firm;
    for (const r of rows) {
      const existing = entry.segments.find((s) => s.segmentId === r.segmentId);
      if (existing && existing.confidence >= r.confidence) continue;
      const segment = { segmentId: r.segmentId, name: segmentInfo.get(r.segmentId)!.name, status: segmentInfo.get(r.segmentId)!.status, confidence: r.confidence, products: r.products, source: r.linkSource };
      entry.segments = [...entry.segments.filter((s) => s.segmentId !== r.segmentId), segment];
    }
    resolved.set(key, entry);
  }
  return [...resolved.values()];
}

/**
 * A ranking computed afresh, never kept. `candidates` says where the candidate rows come
 * from: the scoring facts in memory (the embedded graph's way), or the Cypher query (Neo4j's
 * way, and the reference the tests and the benchmark compare the memory with).
 */
export async function computeRanking(
  store: GraphStore,
  zoneId: string,
  chainId: string,
  filters: TargetFilters,
  today: Date,
  candidates: "memory" | "cypher" = store.engine === "kuzu" ? "memory" : "cypher",
): Promise<TargetRanking> {
  const [facts, thresholds, groups, profile, won] = await Promise.all([
    loadChainFacts(store, zoneId, chainId),
    getGapThresholds(store),
    listRegionGroups(store),
    getProfile(store, filters.profile),
    wonFirms(store, zoneId, chainId),
  ]);
  const diagnosis = diagnose(facts, thresholds);
  if (filters.segment && !diagnosis.segments.some((s) => s.segmentId === filters.segment))
    throw new NotFound("segment of this chain", filters.segment);
  const targetSegments = diagnosis.segments
    .filter((s) => (filters.segment ? s.segmentId === filters.segment : s.status !== "strong"))
    .map((s) => ({ id: s.segmentId, name: s.name, status: s.status, localFirmCount: s.localFirmCount, leaderOwn: s.leaderOperates }));
  const prefixes = regionPrefixes(filters, groups);
  // Where the chain leader works, only the suppliers it buys from outside the zone are targets.
  const leaderSuppliers = (segmentId: string) => new Set(diagnosis.leaderDependencies.filter((d) => d.segmentIds.includes(segmentId)).map((d) => d.supplierId));
  const allowed = new Map(targetSegments.filter((s) => s.leaderOwn).map((s) => [s.id, leaderSuppliers(s.id)]));

  const segmentIds = targetSegments.map((s) => s.id);
  const keep = (row: CandidateRow) => allowed.get(row.segmentId)?.has(row.id) ?? true;
  const segmentInfo = new Map(targetSegments.map((s) => [s.id, s]));
  const minCapital = filters.minCapital ?? null;
  // On the embedded graph the rows come from the scoring facts in memory (scoring-facts.ts),
  // without their display columns; those are read for the firms the ranking shows.
  const fromMemory = candidates === "memory";
  const [rows, parents] = segmentIds.length
    ? await Promise.all([
        fromMemory
          ? scannedCandidates(store, zoneId, segmentIds, prefixes, minCapital)
          : store.read("targets/candidates", { zoneId, segmentIds, prefixes, minCapital }).then((r) => parseRows(CandidateRow, r)),
        store.read("targets/candidate-parents", { segmentIds }).then((r) => parseRows(ParentRow, r)),
      ])
    : [[], []];
  const resolve = (found: CandidateRow[]) => resolveDecisionMakers(groupBy(found.filter(keep).sort(byFirmThenSegment), (r) => r.id), parents, zoneId, segmentInfo);
  const resolved = resolve(rows);
  const wonHere = resolved.filter((r) => r.memberIds.some((id) => won.has(id)));
  const open = resolved
    .filter((r) => !r.memberIds.some((id) => won.has(id)))
    .filter((r) => !filters.tags.length || r.firm.tags.some((t) => filters.tags.includes(t)));

  const members = new Set(open.flatMap((r) => r.memberIds));
  const ties = members.size ? await localTies(store, zoneId, members) : [];
  const tiesByFirm = groupBy(ties, (t) => t.firmId);
  const leaderIds = new Set(facts.leaders.map((l) => l.id));

  const asCandidates = (entries: Resolved[]): CandidateFacts[] =>
    entries.map((r) => ({
      firm: r.firm,
      segments: r.segments,
      via: r.via,
      decisionMaker: r.decisionMaker,
      ties: r.memberIds.flatMap((id) =>
        (tiesByFirm.get(id) ?? []).map((t) => ({
          direction: t.direction,
          localId: t.localId,
          localName: displayName(t.localName, t.localAliases),
          isLeader: leaderIds.has(t.localId),
          product: t.product,
        })),
      ),
    }));
  const weighed = asCandidates(open);
  const segmentRoles = new Map(targetSegments.map((s) => [s.id, supplyRole(facts, diagnosis, s.id)]).filter((e): e is [string, string] => e[1] !== null));
  const ctx = { profile, zoneCountyCode: facts.zone.countyCode, regionGroups: groups, chainId, today, segmentRoles };
  let ranked;
  if (fromMemory && weighed.length) {
    // The order is total, so the first `limit` entries, read again with every column and
    // ranked on their own, are exactly the first `limit` of the whole ranking.
    const shown = new Set(orderCandidates(weighed, ctx).slice(0, filters.limit).map((s) => s.c));
    const memberIds = open.filter((_, i) => shown.has(weighed[i]!)).flatMap((r) => r.memberIds);
    const full = parseRows(CandidateRow, await store.read("targets/candidates-of-firms", { firmIds: memberIds, segmentIds }));
    ranked = rankTargets(asCandidates(resolve(full)), ctx, filters.limit);
  } else {
    ranked = rankTargets(weighed, ctx, filters.limit);
  }
  return {
    zone: { id: facts.zone.id, name: facts.zone.name, shortName: facts.zone.shortName },
    chain: { id: chainId, name: facts.chain.name },
    profile,
    filters: {
      segmentIds,
      regionGroup: filters.regionGroup ?? null,
      regions: filters.regions,
      tags: filters.tags,
      minCapital: filters.minCapital ?? null,
      limit: filters.limit,
    },
    targetSegments,
    candidateCount: weighed.length,
    results: ranked,
    won: wonHere.map((r) => [...r.memberIds].map((id) => won.get(id)).find(Boolean)!),
  };
}
