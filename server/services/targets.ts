/**
 * Target ranking for a chain in a zone: firms outside the zone in the chain's gap
 * segments (or one segment asked for), within the chosen regions, scored by a profile.
 */
import { z } from "zod";
import type { GraphStore, Row } from "../graph/store.js";
import { NotFound, ValidationError } from "../errors.js";
import type { TargetRanking, WonFirm } from "../model/api.js";
import { AmountWan, FILLING_STATUSES, FirmTag, Id, RegionCode } from "../model/domain.js";
import type { EntryStatus, RegionGroup, SegmentStatus } from "../model/domain.js";
import { displayName } from "../model/format.js";
import { isClosed } from "../model/standing.js";
import { coveringPrefix, findRegion, regionPath } from "../regions/divisions.js";
import { readChainDiagnosis } from "./chain-diagnosis.js";
import { getProfile } from "./profiles.js";
import { listRegionGroups } from "./regions.js";
import { groupBy, parseRows } from "./rows.js";
import { cached } from "./read-cache.js";
import { isBranchName } from "./branch-name.js";
import { linkFacts, type LinkFacts } from "./link-facts.js";
import { firmsBefore, scoringFacts, type ScoringFacts, type ScoringFirm } from "./scoring-facts.js";
import { rankTargets, type CandidateFacts } from "./target-scoring.js";
import { CandidateRow, FirmColumns, ParentRow, type Firm, type Resolved } from "./target-candidates.js";
import { memoryFirm, weighCandidates } from "./target-weighing.js";

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


/** Rows by firm, then segment (as targets/candidates returns them, in code-unit order on both paths). */
const byFirmThenSegment = (a: CandidateRow, b: CandidateRow) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : a.segmentId < b.segmentId ? -1 : a.segmentId > b.segmentId ? 1 : 0;

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
  return openParents(
    rows.flatMap(({ firmId, parentId, kind, zoneId }) => {
      const parent = columnsOf(parentId);
      return parent ? [{ ...parent, firmId, kind, zoneId }] : [];
    }),
  );
}

/** A closed parent (model/standing.ts) decides nothing: its branches and subsidiaries are ranked as if it were not known. */
const openParents = (parents: ParentRow[]) => parents.filter((p) => !isClosed(p.standing));

/**
 * What readTies gives for one firm, from memory: its supply ties with the zone's firms, sales
 * into the zone first, each half by local firm and product (as the queries order them).
 */
function memoryTiesOf(links: LinkFacts, zoneFirms: ReadonlySet<string>, names: ReadonlyMap<string, { name: string; aliases: string[] }>, firmId: string): Tie[] {
  const tie = (localId: string, product: string, direction: Tie["direction"]): Tie => {
    const local = names.get(localId) ?? { name: "", aliases: [] };
    return { firmId, localId, localName: local.name, localAliases: local.aliases, product, direction };
  };
  const order = (a: Tie, b: Tie) => (a.localId < b.localId ? -1 : a.localId > b.localId ? 1 : a.product < b.product ? -1 : a.product > b.product ? 1 : 0);
  const sales = (links.sells.get(firmId) ?? []).filter((t) => zoneFirms.has(t.buyerId)).map((t) => tie(t.buyerId, t.product, "supplies"));
  const purchases = (links.buys.get(firmId) ?? []).filter((t) => zoneFirms.has(t.supplierId)).map((t) => tie(t.supplierId, t.product, "buys"));
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
 * A firm's rows by its key (its display columns, its segment links with their words), kept
 * for the firms rankings showed as of the scoring facts' version: the writes that change
 * them are those that change its scoring facts or links (scoring-facts.ts FIRM_WRITES), so
 * a firm's rows are read again only after a write names it (firmsBefore), and all of them
 * after anything the facts cannot place. Per query and firm; at most KEPT_ROWS.firms firms.
 */
export const KEPT_ROWS = { firms: 20_000 };
const keptRows = new WeakMap<GraphStore, { version: string; rows: Map<string, Map<string, Row[]>> }>();

async function readByFirm(store: GraphStore, facts: ScoringFacts, query: string, ids: readonly string[]): Promise<Row[][]> {
  let kept = keptRows.get(store);
  if (kept && kept.version !== facts.version) {
    const changed = firmsBefore(facts, kept.version);
    if (changed) {
      for (const byId of kept.rows.values()) for (const id of changed.keys()) byId.delete(id);
      kept.version = facts.version;
    } else kept = undefined;
  }
  if (!kept || [...kept.rows.values()].reduce((n, byId) => n + byId.size, 0) > KEPT_ROWS.firms) keptRows.set(store, (kept = { version: facts.version, rows: new Map() }));
  const held = kept;
  let byId = held.rows.get(query);
  if (!byId) held.rows.set(query, (byId = new Map()));
  const found = byId;
  const out: Row[][] = new Array(ids.length);
  let next = 0;
  // A few reads under way at a time, not one per firm at once: hundreds queued for the read
  // connections at once made every other request's reads (an edit's, a chain's rows) wait
  // behind all of them (docs/decisions/036-work-per-read-done-once.md).
  const reader = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const id = ids[i]!;
      const rows = found.get(id);
      if (rows) {
        out[i] = rows;
        continue;
      }
      const read = await store.read(query, { id });
      // Kept only while nothing newer was placed meanwhile (the rows read are as of this version or later).
      if (keptRows.get(store) === held && held.version === facts.version) found.set(id, read);
      out[i] = read;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, ids.length) }, reader));
  return out;
}

/** The reads of shown firms' rows a ranking has under way at once (there are two read connections). */
const READS_AT_ONCE = 2;

/**
 * A ranking as kept for the graph's version (read-cache.ts), per day: data freshness is
 * weighed as of the day's start (UTC), so an answer kept or corrected during the day is the
 * one computed afresh that day.
 */
export function rankChainTargets(store: GraphStore, zoneId: string, chainId: string, filters: TargetFilters, today = new Date()): Promise<TargetRanking> {
  const day = today.toISOString().slice(0, 10);
  const key = `targets:${zoneId}:${chainId}:${JSON.stringify(filters)}:${day}`;
  return cached(store, key, () => computeRanking(store, zoneId, chainId, filters, new Date(`${day}T00:00:00Z`)), { zoneId, chainId, candidates: true });
}

const WonRow = z.object({ firmId: Id, firmName: z.string(), firmAliases: z.array(z.string()), regionCode: RegionCode, status: z.string() });
const WonProjectRow = WonRow.extend({ projectName: z.string() });
const WonEntryRow = WonRow.extend({ listName: z.string() });


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


/**
 * Whom a candidate's rows are ranked under: itself; the parent a branch (by its name or its
 * group link) gives way to; or nobody, when that parent is a firm of the zone.
 */
export function decisionKey(firmId: string, branchByName: boolean, parent: Pick<ParentRow, "id" | "kind" | "zoneId"> | undefined, zoneId: string): string | null {
  const branch = parent?.kind === "branch" || branchByName;
  if (branch && parent?.zoneId === zoneId) return null;
  return branch && parent ? parent.id : firmId;
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
    const key = decisionKey(firm.id, isBranchName(firm.name), parent, zoneId);
    if (key === null) continue;
    const branch = parent?.kind === "branch" || isBranchName(firm.name);
    const decider: Firm | null = branch && parent ? (({ firmId: _f, kind: _k, zoneId: _z, ...p }) => p)(parent) : null;
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
 * A ranking computed afresh, never kept. `candidates` says where the candidates come from:
 * the scoring facts in memory, weighed as a correction of the weighing kept for the same
 * ranking where it can be (`kept`, the embedded graph's way: target-weighing.ts) or all of
 * them again (`memory`); or the Cypher query (Neo4j's way, and the reference the tests and
 * the benchmark compare the memory with).
 */
export async function computeRanking(
  store: GraphStore,
  zoneId: string,
  chainId: string,
  filters: TargetFilters,
  today: Date,
  candidates: "kept" | "memory" | "cypher" = store.engine === "kuzu" ? "kept" : "cypher",
): Promise<TargetRanking> {
  const [{ facts, kept, supplyRole }, groups, profile, won] = await Promise.all([
    readChainDiagnosis(store, zoneId, chainId),
    listRegionGroups(store),
    getProfile(store, filters.profile),
    wonFirms(store, zoneId, chainId),
  ]);
  const diagnosis = kept.gaps;
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
  // A closed firm is no target (model/standing.ts), however its rows were read.
  const keep = (row: CandidateRow) => !isClosed(row.standing) && (allowed.get(row.segmentId)?.has(row.id) ?? true);
  const segmentInfo = new Map(targetSegments.map((s) => [s.id, s]));
  const minCapital = filters.minCapital ?? null;
  const resolve = (found: CandidateRow[], parents: ParentRow[]) =>
    resolveDecisionMakers(groupBy(found.filter(keep).sort(byFirmThenSegment), (r) => r.id), parents, zoneId, segmentInfo);
  const leaderIds = new Set(facts.leaders.map((l) => l.id));
  const isWon = (r: { memberIds: string[] }) => r.memberIds.some((id) => won.has(id));
  const tagged = (tags: readonly string[]) => !filters.tags.length || tags.some((t) => filters.tags.includes(t as never));
  const segmentRoles = new Map(targetSegments.map((s) => [s.id, supplyRole(s.id)]).filter((e): e is [string, string] => e[1] !== null));
  const ctx = { profile, zoneCountyCode: facts.zone.countyCode, regionGroups: groups, chainId, today, segmentRoles };
  /** The entries with their supply ties in words, for rankTargets. */
  const asCandidates = (entries: Resolved[], tiesOf: (id: string) => Tie[]): CandidateFacts[] =>
    entries.map((r) => ({
      firm: r.firm, segments: r.segments, via: r.via, decisionMaker: r.decisionMaker,
      ties: r.memberIds.flatMap((id) =>
        tiesOf(id).map((t) => ({ direction: t.direction, localId: t.localId, localName: displayName(t.localName, t.localAliases), isLeader: leaderIds.has(t.localId), product: t.product })),
      ),
    }));

  let ranked: TargetRanking["results"] = [];
  let candidateCount = 0;
  let wonHere: { memberIds: string[] }[] = [];
  if (candidates === "cypher") {
    // No prefix (a map area outside the regions chosen) matches no firm: nothing to ask.
    const [parents, tieRows, rows] = await Promise.all([
      segmentIds.length ? store.read("targets/candidate-parents", { segmentIds }).then((r) => openParents(parseRows(ParentRow, r))) : [],
      readTies(store, zoneId),
      segmentIds.length && prefixes.length ? store.read("targets/candidates", { zoneId, segmentIds, prefixes, minCapital }).then((r) => parseRows(CandidateRow, r)) : [],
    ]);
    const tiesByFirm = groupBy(tieRows, (t) => t.firmId);
    const resolved = resolve(rows, parents);
    wonHere = resolved.filter(isWon);
    const open = asCandidates(resolved.filter((r) => !isWon(r) && tagged(r.firm.tags)), (id) => tiesByFirm.get(id) ?? []);
    candidateCount = open.length;
    ranked = rankTargets(open, ctx, filters.limit);
  } else if (segmentIds.length) {
    // Every candidate weighed from the facts in memory (scoring-facts.ts, link-facts.ts), or
    // the weighing kept for this ranking corrected for the firms written since
    // (target-weighing.ts), synchronously right after the facts are current; the display
    // columns are read for the firms shown. The order is total, so the first `limit`, read
    // again with every column and ranked on their own, are exactly the first `limit` of the
    // whole ranking.
    const linkState = await linkFacts(store);
    const links = { facts: linkState, zoneFirms: linkState.firmsIn.get(zoneId) ?? new Set<string>() };
    const scoring = await scoringFacts(store);
    const { firms } = scoring;
    const memoryColumns = (id: string) => (firms.has(id) ? memoryFirm(firms.get(id)!) : undefined);
    const parents = withParentColumns(memoryParentLinks(links.facts, firms, segmentIds), memoryColumns);
    const scope = {
      zoneId, segmentIds, allowed, prefixes, minCapital, tags: filters.tags, zoneFirms: links.zoneFirms, leaderIds, ctx, resolve,
      decisionKey: (firmId: string, branchByName: boolean, parent: ParentRow | undefined) => decisionKey(firmId, branchByName, parent, zoneId),
    };
    const key = candidates === "kept" ? `${zoneId}:${chainId}:${JSON.stringify(filters)}` : null;
    const weighed = weighCandidates(store, key, scope, { facts: scoring, links: links.facts, won: new Set(won.keys()), parents }, filters.limit);
    candidateCount = weighed.candidateCount;
    wonHere = weighed.won;
    // The firms whose rows the entries shown stand on: a parent a branch gives way to brings
    // its own links only when it is a candidate itself (as the candidate query gives them).
    const shown = weighed.first.flatMap((w) => w.rowIds);
    if (shown.length) {
      const shownParents = memoryParentLinks(links.facts, firms, segmentIds, new Set(shown));
      const targets = new Set(segmentIds);
      // The firms shown, the parents they give way to and the zone's firms they are tied to.
      const tied = shown.flatMap((id) => memoryTiesOf(links.facts, links.zoneFirms, new Map(), id).map((t) => t.localId));
      const [columnRows, linkRows] = await Promise.all([
        readByFirm(store, scoring, "targets/firm-columns", [...new Set([...shown, ...shownParents.map((p) => p.parentId), ...tied])]),
        readByFirm(store, scoring, "targets/firm-links", shown),
      ]);
      const columns = new Map(parseRows(FirmColumns, columnRows.flat()).map((f) => [f.id, f]));
      const full = linkRows.flatMap((rows, i) => rows.filter((l) => targets.has(l.segmentId as string) && columns.has(shown[i]!)).map((l) => ({ ...columns.get(shown[i]!), ...l, id: shown[i]! })));
      const fullParents = withParentColumns(shownParents, (id) => columns.get(id));
      const tiesOf = (id: string) => memoryTiesOf(links.facts, links.zoneFirms, columns, id);
      ranked = rankTargets(asCandidates(resolve(parseRows(CandidateRow, full), fullParents), tiesOf), ctx, filters.limit);
    }
  }
  return {
    zone: { id: facts.zone.id, name: facts.zone.name, shortName: facts.zone.shortName },
    chain: { id: chainId, name: facts.chain.name },
    profile,
    filters: {
      segmentIds,
      regionGroup: filters.regionGroup ?? null,
      regionGroupName: groups.find((g) => g.id === filters.regionGroup)?.name ?? null,
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
