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
import { isBranchName } from "./branch-name.js";
import { linkFacts, type LinkFacts } from "./link-facts.js";
import { scoringFacts, type ScoringFirm } from "./scoring-facts.js";
import { componentsOf, firstInOrder, rankTargets, totalOf, type CandidateFacts, type RankKey, type ScoringContext } from "./target-scoring.js";

/** List entries at these statuses have won their firm for the zone. */
const WON_ENTRY_STATUSES: EntryStatus[] = ["已签约", "已落地"];

export const TargetFilters = z.object({
  segment: Id.optional(),
  regionGroup: Id.optional(),
  regions: z.array(RegionCode).default([]),
  tags: z.array(FirmTag).default([]),
  minCapital: AmountWan.optional(),
  /** The map's region (招商地图): a province or a unit of its map, within the regions above. */
  area: RegionCode.optional(),
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

interface Weighed extends RankKey {
  memberIds: string[];
}

interface MemoryScan {
  firms: ReadonlyMap<string, ScoringFirm>;
  zoneFirms: ReadonlySet<string>;
  segmentIds: string[];
  prefixes: string[];
  minCapital: number | null;
  /** In the segments the leader works in, the only firms that may be targets. */
  allowed: Map<string, Set<string>>;
  parents: ParentRow[];
  resolve: (rows: CandidateRow[], parents: ParentRow[]) => Resolved[];
  isWon: (entry: { memberIds: string[] }) => boolean;
  /** The firms won for the zone, by id. */
  wonIds: { has(id: string): boolean };
  tagged: (tags: readonly string[]) => boolean;
  tiesOf: (memberIds: string[]) => { isLeader: boolean }[];
  /** One firm's ties as the scoring reads them (whether each is with a leader), without their words. */
  weighTies: (firmId: string) => readonly { isLeader: boolean }[];
  ctx: ScoringContext;
}

/**
 * The candidates targets/candidates would give — firms outside the zone operating in the
 * segments, within the region prefixes, with at least `minCapital` — from the scoring facts
 * in memory, each weighed (its total) without building its words. Firms that are branches
 * or have a parent, and the parents they give way to, go through resolveDecisionMakers as
 * rows (display columns empty: the scoring reads none); every other firm is its own entry.
 * The facts are scanned in one synchronous pass (scoring-facts.ts: the caller walks them
 * right after they are current).
 */
function weighFromMemory(scan: MemoryScan): { open: Weighed[]; won: { memberIds: string[] }[] } {
  const { firms, zoneFirms, prefixes, minCapital, allowed, ctx } = scan;
  const targets = new Set(scan.segmentIds);
  const anywhere = prefixes.includes("");
  const hasParent = new Set(scan.parents.map((p) => p.firmId));
  const deciders = new Set(scan.parents.map((p) => p.id));
  const inRegions = (regionCode: string) => {
    for (const p of prefixes) if (regionCode.startsWith(p)) return true;
    return false;
  };
  const weights = ctx.profile.weights;
  const rows: CandidateRow[] = [];
  const open: Weighed[] = [];
  const won: { memberIds: string[]; first: string }[] = [];
  for (const firm of firms.values()) {
    let links: ScoringFirm["links"] | null = null;
    for (const link of firm.links) {
      if (!targets.has(link.segmentId) || allowed.get(link.segmentId)?.has(firm.id) === false) continue;
      (links ??= []).push(link);
    }
    if (!links || zoneFirms.has(firm.id)) continue;
    if (!anywhere && !inRegions(firm.regionCode)) continue;
    if (minCapital !== null && (firm.capital === null || firm.capital < minCapital)) continue;
    // Branches, firms with a parent, and the parents they may give way to: resolved as rows.
    if (firm.branch || hasParent.has(firm.id) || deciders.has(firm.id)) {
      for (const l of links) rows.push(memoryRow(firm, l.segmentId, l.confidence));
      continue;
    }
    if (scan.wonIds.has(firm.id)) won.push({ memberIds: [firm.id], first: firm.id });
    else if (scan.tagged(firm.tags)) {
      const confidences = links.map((l) => l.confidence);
      open.push({ decides: true, total: totalOf(componentsOf({ firm, confidences, ties: scan.weighTies(firm.id), via: [] }, ctx), weights), c: { firm }, memberIds: [firm.id] });
    }
  }
  const withRows = new Set(rows.map((r) => r.id));
  for (const r of scan.resolve(rows, scan.parents)) {
    if (scan.isWon(r)) won.push({ memberIds: r.memberIds, first: r.memberIds.filter((id) => withRows.has(id)).sort()[0]! });
    else if (scan.tagged(r.firm.tags)) {
      const components = componentsOf({ firm: r.firm, confidences: r.segments.map((s) => s.confidence), ties: scan.tiesOf(r.memberIds), via: r.via }, ctx);
      open.push({ decides: r.decisionMaker, total: totalOf(components, weights), c: { firm: r.firm }, memberIds: r.memberIds });
    }
  }
  // In the order the Cypher path finds them: by the first of their firms.
  won.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  return { open, won };
}

/** A candidate row from memory; the display columns stay empty (the scoring reads none of them). */
function memoryRow(firm: ScoringFirm, segmentId: string, confidence: number): CandidateRow {
  return { ...memoryFirm(firm), segmentId, confidence, products: "", linkSource: "" };
}

function memoryFirm(firm: ScoringFirm): Firm {
  return {
    id: firm.id, name: firm.name, regionCode: firm.regionCode, capital: firm.capital, staff: firm.staff, revenue: firm.revenue, tags: firm.tags, asOf: firm.asOf,
    aliases: [], uscc: null, capitalAmount: null, capitalCurrency: null, sample: false, source: "",
  };
}

/**
 * What targets/candidate-parents gives, from memory, without the parents' columns: for each
 * firm operating in the segments (of `only`, when given), the firms it belongs to with the
 * parent's zone, ordered as the query orders them (resolveDecisionMakers keeps a firm's last).
 */
function memoryParentLinks(links: LinkFacts, firms: ReadonlyMap<string, ScoringFirm>, segmentIds: readonly string[], only?: ReadonlySet<string>) {
  const targets = new Set(segmentIds);
  const rows: { firmId: string; parentId: string; kind: string; zoneId: string | null }[] = [];
  for (const [firmId, groups] of links.parentsOf) {
    if (only && !only.has(firmId)) continue;
    if (!firms.get(firmId)?.links.some((l) => targets.has(l.segmentId))) continue;
    for (const g of groups) for (const zoneId of links.zonesOf.get(g.parentId) ?? [null]) rows.push({ firmId, parentId: g.parentId, kind: g.kind, zoneId });
  }
  return rows.sort((a, b) => (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : a.parentId < b.parentId ? -1 : a.parentId > b.parentId ? 1 : 0));
}

/** Parent rows from their links and the parents' columns (a parent the graph no longer holds is left out, as the query does). */
function withParentColumns(rows: ReturnType<typeof memoryParentLinks>, columnsOf: (id: string) => Firm | undefined): ParentRow[] {
  return rows.flatMap(({ firmId, parentId, kind, zoneId }) => {
    const parent = columnsOf(parentId);
    return parent ? [{ ...parent, firmId, kind, zoneId }] : [];
  });
}

/**
 * What readTies gives, from memory: each supply tie between a firm and a firm of the zone,
 * sales into the zone first, each half by firm, local firm and product (as the queries order them).
 */
function memoryTies(links: LinkFacts, zoneFirms: ReadonlySet<string>, names: ReadonlyMap<string, { name: string; aliases: string[] }>): Tie[] {
  const sales: Tie[] = [];
  const purchases: Tie[] = [];
  for (const localId of zoneFirms) {
    const local = names.get(localId) ?? { name: "", aliases: [] };
    for (const t of links.buys.get(localId) ?? []) sales.push({ firmId: t.supplierId, localId, localName: local.name, localAliases: local.aliases, product: t.product, direction: "supplies" });
    for (const t of links.sells.get(localId) ?? []) purchases.push({ firmId: t.buyerId, localId, localName: local.name, localAliases: local.aliases, product: t.product, direction: "buys" });
  }
  const order = (a: Tie, b: Tie) =>
    a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : a.localId < b.localId ? -1 : a.localId > b.localId ? 1 : a.product < b.product ? -1 : a.product > b.product ? 1 : 0;
  return [...sales.sort(order), ...purchases.sort(order)];
}

const TieRow = z.object({
  firmId: Id,
  localId: Id,
  localName: z.string(),
  localAliases: z.array(z.string()),
  product: z.string(),
});

/** Region codes as the prefixes the candidate query matches; [""] matches anywhere, [] nowhere. */
function regionPrefixes(filters: TargetFilters, groups: RegionGroup[]): string[] {
  const chosen = chosenPrefixes(filters, groups);
  if (!filters.area) return chosen;
  const area = coveringPrefix(knownRegion(filters.area, "query.area"));
  // Inside the map's area and the regions chosen: the narrower of each pair that nests.
  return [...new Set(chosen.flatMap((p) => (area.startsWith(p) ? [area] : p.startsWith(area) ? [p] : [])))];
}

function knownRegion(code: string, field: string) {
  const region = findRegion(code);
  if (!region) throw new ValidationError(`Unknown region code ${code}`, [{ field, message: `${code} is not a GB/T 2260 code` }]);
  return region;
}

function chosenPrefixes(filters: TargetFilters, groups: RegionGroup[]): string[] {
  const codes = [...filters.regions];
  if (filters.regionGroup) {
    const group = groups.find((g) => g.id === filters.regionGroup);
    if (!group) throw new NotFound("region group", filters.regionGroup);
    codes.push(...group.regionCodes);
  }
  if (!codes.length) return [""];
  return [...new Set(codes.map((code) => coveringPrefix(knownRegion(code, "query.regions"))))];
}

type Tie = z.infer<typeof TieRow> & { direction: "supplies" | "buys" };

/** The supply ties between the zone's firms and firms elsewhere: sales into the zone first. */
async function readTies(store: GraphStore, zoneId: string): Promise<Tie[]> {
  const [sales, purchases] = await Promise.all([
    store.read("targets/sales-to-local", { zoneId }).then((rows) => parseRows(TieRow, rows)),
    store.read("targets/purchases-from-local", { zoneId }).then((rows) => parseRows(TieRow, rows)),
  ]);
  return [...sales.map((t) => ({ ...t, direction: "supplies" as const })), ...purchases.map((t) => ({ ...t, direction: "buys" as const }))];
}

/**
 * For the memory path: no Cypher parents (they come from the links, with each weighing's
 * columns), the zone's supply ties with the names of its firms (read from the zone), and
 * the links themselves with the zone's firms.
 */
async function memoryLinks(store: GraphStore, zoneId: string): Promise<[ParentRow[], Tie[], { facts: LinkFacts; zoneFirms: ReadonlySet<string> }]> {
  const [facts, names] = await Promise.all([
    linkFacts(store),
    store.read("targets/zone-firm-names", { zoneId }).then((rows) => new Map(parseRows(LocalName, rows).map((r) => [r.id, r]))),
  ]);
  const zoneFirms = facts.firmsIn.get(zoneId) ?? new Set<string>();
  return [[], memoryTies(facts, zoneFirms, names), { facts, zoneFirms }];
}

const LocalName = z.object({ id: Id, name: z.string(), aliases: z.array(z.string()) });

export function rankChainTargets(store: GraphStore, zoneId: string, chainId: string, filters: TargetFilters, today = new Date()): Promise<TargetRanking> {
  const key = `targets:${zoneId}:${chainId}:${JSON.stringify(filters)}:${today.toISOString().slice(0, 10)}`;
  return cached(store, key, () => computeRanking(store, zoneId, chainId, filters, today), { zoneId, chainId, candidates: true });
}

const ParentRow = CandidateRow.omit({ segmentId: true, confidence: true, products: true, linkSource: true }).extend({
  firmId: Id,
  kind: z.string(),
  zoneId: Id.nullable(),
});
type ParentRow = z.infer<typeof ParentRow>;
const WonRow = z.object({ firmId: Id, firmName: z.string(), firmAliases: z.array(z.string()), regionCode: RegionCode, status: z.string() });
const WonProjectRow = WonRow.extend({ projectName: z.string() });
const WonEntryRow = WonRow.extend({ listName: z.string() });

const FirmColumns = CandidateRow.omit({ segmentId: true, confidence: true, products: true, linkSource: true });
type Firm = z.infer<typeof FirmColumns>;

/** Firms already won for the zone: a project there signed or further along, or a list entry of this chain signed or landed. */
async function wonFirms(store: GraphStore, zoneId: string, chainId: string): Promise<Map<string, WonFirm>> {
  const [projects, entries] = await Promise.all([
    store.read("targets/won-projects", { zoneId, statuses: [...FILLING_STATUSES] }).then((rows) => parseRows(WonProjectRow, rows)),
    store.read("targets/won-entries", { zoneId, chainId, statuses: WON_ENTRY_STATUSES }).then((rows) => parseRows(WonEntryRow, rows)),
  ]);
  return wonFrom(projects, entries);
}

/** The same for the given firms alone, each looked up by its key (a 补链模拟 names a handful). */
export async function wonAmong(store: GraphStore, zoneId: string, chainId: string, firmIds: readonly string[]): Promise<Map<string, WonFirm>> {
  const [projects, entries] = await Promise.all([
    Promise.all(firmIds.map((firmId) => store.read("simulation/won-projects", { firmId, zoneId, statuses: [...FILLING_STATUSES] }).then((rows) => parseRows(WonProjectRow, rows)))),
    Promise.all(firmIds.map((firmId) => store.read("simulation/won-entries", { firmId, zoneId, chainId, statuses: WON_ENTRY_STATUSES }).then((rows) => parseRows(WonEntryRow, rows)))),
  ]);
  return wonFrom(projects.flat(), entries.flat());
}

/** Each won firm once, with every way it was won, in words. */
function wonFrom(projects: z.infer<typeof WonProjectRow>[], entries: z.infer<typeof WonEntryRow>[]): Map<string, WonFirm> {
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
  parents: ParentRow[],
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
  // The group links and supply ties: from Cypher (Neo4j, and the reference path), or
  // from the links kept in memory (link-facts.ts) with the zone's firms named by key.
  const [cypherParents, tieRows, links] =
    candidates === "cypher"
      ? await Promise.all([
          segmentIds.length ? store.read("targets/candidate-parents", { segmentIds }).then((r) => parseRows(ParentRow, r)) : [],
          readTies(store, zoneId),
          null,
        ])
      : await memoryLinks(store, zoneId);
  const resolve = (found: CandidateRow[], parents: ParentRow[]) =>
    resolveDecisionMakers(groupBy(found.filter(keep).sort(byFirmThenSegment), (r) => r.id), parents, zoneId, segmentInfo);
  const tiesByFirm = groupBy(tieRows, (t) => t.firmId);
  const leaderIds = new Set(facts.leaders.map((l) => l.id));
  const tiesOf = (memberIds: string[]) =>
    memberIds.flatMap((id) =>
      (tiesByFirm.get(id) ?? []).map((t) => ({
        direction: t.direction,
        localId: t.localId,
        localName: displayName(t.localName, t.localAliases),
        isLeader: leaderIds.has(t.localId),
        product: t.product,
      })),
    );
  const asCandidates = (entries: Resolved[]): CandidateFacts[] =>
    entries.map((r) => ({ firm: r.firm, segments: r.segments, via: r.via, decisionMaker: r.decisionMaker, ties: tiesOf(r.memberIds) }));
  const isWon = (r: { memberIds: string[] }) => r.memberIds.some((id) => won.has(id));
  const tagged = (tags: readonly string[]) => !filters.tags.length || tags.some((t) => filters.tags.includes(t as never));
  const segmentRoles = new Map(targetSegments.map((s) => [s.id, supplyRole(facts, diagnosis, s.id)]).filter((e): e is [string, string] => e[1] !== null));
  const ctx = { profile, zoneCountyCode: facts.zone.countyCode, regionGroups: groups, chainId, today, segmentRoles };

  let ranked: TargetRanking["results"] = [];
  let candidateCount = 0;
  let wonHere: { memberIds: string[] }[] = [];
  if (!links) {
    // No prefix (a map area outside the regions chosen) matches no firm: nothing to ask.
    const rows = segmentIds.length && prefixes.length ? parseRows(CandidateRow, await store.read("targets/candidates", { zoneId, segmentIds, prefixes, minCapital })) : [];
    const resolved = resolve(rows, cypherParents);
    wonHere = resolved.filter(isWon);
    const open = asCandidates(resolved.filter((r) => !isWon(r) && tagged(r.firm.tags)));
    candidateCount = open.length;
    ranked = rankTargets(open, ctx, filters.limit);
  } else if (segmentIds.length) {
    // Every candidate weighed from the scoring facts in memory (scoring-facts.ts), walked
    // synchronously right after they are current; the display columns are read for the
    // firms shown. The order is total, so the first `limit`, read again with every column
    // and ranked on their own, are exactly the first `limit` of the whole ranking.
    const { firms } = await scoringFacts(store);
    const memoryColumns = (id: string) => (firms.has(id) ? memoryFirm(firms.get(id)!) : undefined);
    const parents = withParentColumns(memoryParentLinks(links.facts, firms, segmentIds), memoryColumns);
    const weighTies = new Map([...tiesByFirm].map(([id, ties]) => [id, ties.map((t) => ({ isLeader: leaderIds.has(t.localId) }))]));
    const untied: { isLeader: boolean }[] = [];
    const weighed = weighFromMemory({
      firms, zoneFirms: links.zoneFirms, segmentIds, prefixes, minCapital, allowed, parents, resolve, isWon, wonIds: won, tagged, tiesOf,
      weighTies: (id) => weighTies.get(id) ?? untied, ctx,
    });
    candidateCount = weighed.open.length;
    wonHere = weighed.won;
    const shown = firstInOrder(weighed.open, filters.limit).flatMap((w) => w.memberIds);
    if (shown.length) {
      const shownParents = memoryParentLinks(links.facts, firms, segmentIds, new Set(shown));
      const targets = new Set(segmentIds);
      const [columnRows, linkRows] = await Promise.all([
        Promise.all([...new Set([...shown, ...shownParents.map((p) => p.parentId)])].map((id) => store.read("targets/firm-columns", { id }))),
        Promise.all(shown.map((id) => store.read("targets/firm-links", { id }).then((rows) => rows.filter((l) => targets.has(l.segmentId as string)).map((l) => ({ ...l, id }))))),
      ]);
      const columns = new Map(parseRows(FirmColumns, columnRows.flat()).map((f) => [f.id, f]));
      const full = linkRows.flat().flatMap((l) => (columns.has(l.id) ? [{ ...columns.get(l.id), ...l }] : []));
      const fullParents = withParentColumns(shownParents, (id) => columns.get(id));
      ranked = rankTargets(asCandidates(resolve(parseRows(CandidateRow, full), fullParents)), ctx, filters.limit);
    }
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
      area: filters.area ? { code: filters.area, name: regionPath(filters.area) } : null,
      limit: filters.limit,
    },
    targetSegments,
    candidateCount,
    results: ranked,
    won: wonHere.map((r) => r.memberIds.map((id) => won.get(id)).find(Boolean)!),
  };
}
