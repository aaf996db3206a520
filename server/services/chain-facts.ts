/**
 * The facts about one chain in one zone that the map and the gap diagnosis both stand on:
 * the chain's segments and FEEDS links, the zone's firms in it, the projects building it,
 * its leaders, what the leaders buy from outside the zone, and planners' bottleneck flags.
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { MapFirm, MapProject, type ChainDetail, type FirmRef } from "../model/api.js";
import { BottleneckFlag, Id, RegionCode, Zone } from "../model/domain.js";
import { displayName } from "../model/format.js";
import { isClosed } from "../model/standing.js";
import { getChain } from "./chains.js";
import { firmCards } from "./firm-cards.js";
import { linkFacts } from "./link-facts.js";
import { cached } from "./read-cache.js";
import { groupBy, parseRows } from "./rows.js";

/** One row per firm × segment: a map firm, flattened. */
export const LocalFirmRow = MapFirm.omit({ isLeader: true, leaderId: true, segments: true }).extend(MapFirm.shape.segments.element.shape);
export type LocalFirmRow = z.infer<typeof LocalFirmRow>;
export const LeaderRow = z.object({ zoneId: Id, chainId: Id, firmId: Id, firmName: z.string(), aliases: z.array(z.string()) });
export const ParentRow = z.object({ firmId: Id, parentId: Id, kind: z.string() });
export type ParentRow = z.infer<typeof ParentRow>;
export type LeaderRow = z.infer<typeof LeaderRow>;

/** One row per project × segment. */
const ProjectRow = MapProject.omit({ segmentIds: true }).extend({ segmentId: Id });

export const LeaderSupplierRow = z.object({
  leaderId: Id,
  leaderName: z.string(),
  leaderAliases: z.array(z.string()),
  supplierId: Id,
  supplierName: z.string(),
  supplierAliases: z.array(z.string()),
  supplierRegionCode: RegionCode,
  product: z.string(),
  source: z.string(),
  segmentId: Id.nullable(),
});
export type LeaderSupplierRow = z.infer<typeof LeaderSupplierRow>;

export interface ChainFacts {
  zone: Zone;
  chain: ChainDetail;
  leaders: FirmRef[];
  /** The zone's firms in the chain that cover its segments: every one but the closed. */
  firms: MapFirm[];
  /** The zone's firms in the chain whose 登记状态 says they are closed (model/standing.ts): listed, never cover. */
  closedFirms: MapFirm[];
  projects: MapProject[];
  leaderSuppliers: LeaderSupplierRow[];
  flags: BottleneckFlag[];
}

export async function getZoneRecord(store: GraphStore, zoneId: string): Promise<Zone> {
  const zone = await findZone(store, zoneId);
  if (!zone) throw new NotFound("zone", zoneId);
  return zone;
}

/**
 * The zone's own record by its key, if there is one — what a check that a zone exists
 * needs, where the overview (zones.ts listZones) would diagnose each of its chains.
 */
export async function findZone(store: GraphStore, zoneId: string): Promise<Zone | undefined> {
  return parseRows(Zone, await store.read("zones/list-zones", { zoneId }))[0];
}

/**
 * The rows a chain's facts are assembled from, as the graph holds them. Landing a firm in
 * the zone (LOCATED_IN) changes exactly three of them: its firm × segment rows join
 * `zoneFirms`, its parent links join `parents`, and a leader no longer buys from it
 * outside the zone (`leaderSuppliers`). The 补链模拟 changes these rows and nothing else.
 */
export interface ChainRows {
  zone: Zone;
  chain: ChainDetail;
  zoneFirms: LocalFirmRow[];
  parents: ParentRow[];
  projects: z.infer<typeof ProjectRow>[];
  leaders: z.infer<typeof LeaderRow>[];
  leaderSuppliers: LeaderSupplierRow[];
  flags: BottleneckFlag[];
}

/**
 * The chain's rows, read once per graph version: the map, the gaps, the overview, the
 * ranking and its 补链效果 all stand on them. Shared, so never changed in place (a
 * simulation builds new rows from them, simulation.ts landIn).
 */
export function readChainRows(store: GraphStore, zoneId: string, chainId: string): Promise<ChainRows> {
  return cached(store, `chain-rows:${zoneId}:${chainId}`, () => readChainRowsNow(store, zoneId, chainId), { zoneId, chainId, candidates: false });
}

/**
 * The chain's segments and FEEDS links, kept apart from the zone's rows: a write of a zone's
 * firm (the usual edit) leaves them standing, and they are the same in every zone.
 */
function readChain(store: GraphStore, chainId: string): Promise<ChainDetail> {
  return cached(store, `chain:${chainId}`, () => getChain(store, chainId), { zoneId: null, chainId, candidates: false });
}

/**
 * The zone's firms with every segment they operate in, and their parents: the same rows for
 * each of the zone's chains, read once for all of them (an edit of a zone's firm drops every
 * chain's rows of the zone; they were read again per chain). Kept until a write reaches the
 * zone, or any chain's structure (a segment gone takes its links along).
 */
function readZoneFirms(store: GraphStore, zoneId: string): Promise<LocalFirmRow[]> {
  return cached(store, `zone-firms:${zoneId}`, async () => parseRows(LocalFirmRow, await store.read("maps/local-firms", { zoneId })), { zoneId, chainId: null, candidates: false });
}

function readZoneParents(store: GraphStore, zoneId: string): Promise<ParentRow[]> {
  return cached(store, `zone-parents:${zoneId}`, async () => parseRows(ParentRow, await store.read("maps/local-parents", { zoneId })), { zoneId, chainId: null, candidates: false });
}

async function readChainRowsNow(store: GraphStore, zoneId: string, chainId: string): Promise<ChainRows> {
  const params = { zoneId, chainId };
  const chainRead = readChain(store, chainId);
  const leadersRead = listLeaders(store, zoneId);
  const [zone, chain, zoneFirms, parents, projects, leaders, leaderSuppliers, flags] = await Promise.all([
    getZoneRecord(store, zoneId),
    chainRead,
    readZoneFirms(store, zoneId),
    readZoneParents(store, zoneId),
    store.read("maps/zone-projects", params).then((rows) => parseRows(ProjectRow, rows)),
    leadersRead,
    Promise.all([chainRead, leadersRead]).then(([chain, leaders]) => readLeaderSuppliers(store, zoneId, chain, leaders)),
    store.read("gaps/list-flags", params).then((rows) => parseRows(BottleneckFlag, rows)),
  ]);
  return { zone, chain, zoneFirms, parents, projects, leaders, leaderSuppliers, flags };
}

/**
 * What the zone's leaders of the chain buy from firms outside the zone, one row per leader ×
 * tie × the supplier's segment in the chain (segmentId null when it has none there), ordered
 * by leader, supplier, segment, product and source.
 * On the embedded graph from memory (docs/decisions/029-firm-cards-and-ties-from-memory.md): the ties and every firm's zone
 * from the links kept in memory (link-facts.ts), the suppliers' names, regions and segments
 * from their cards (firm-cards.ts); elsewhere — and when asked for "cypher" — by
 * gaps/leader-outside-suppliers. The two give the same rows (test/integration/leader-suppliers.test.ts).
 */
export async function readLeaderSuppliers(
  store: GraphStore,
  zoneId: string,
  chain: Pick<ChainDetail, "id" | "segments">,
  leaders: readonly LeaderRow[],
  from: "memory" | "cypher" = store.engine === "kuzu" ? "memory" : "cypher",
): Promise<LeaderSupplierRow[]> {
  if (from === "cypher") return parseRows(LeaderSupplierRow, await store.read("gaps/leader-outside-suppliers", { zoneId, chainId: chain.id }));
  const own = leaders.filter((l) => l.zoneId === zoneId && l.chainId === chain.id);
  if (!own.length) return [];
  const links = await linkFacts(store);
  const outside = (id: string) => !(links.zonesOf.get(id) ?? []).includes(zoneId);
  const ties = own.flatMap((leader) => (links.buys.get(leader.firmId) ?? []).filter((t) => outside(t.supplierId)).map((tie) => ({ leader, tie })));
  const cards = await firmCards(store, ties.map((t) => t.tie.supplierId));
  const inChain = new Set(chain.segments.map((s) => s.id));
  const rows: LeaderSupplierRow[] = [];
  for (const { leader, tie } of ties) {
    const card = cards.get(tie.supplierId);
    if (!card) continue; // gone since the links were read
    const row = {
      leaderId: leader.firmId,
      leaderName: leader.firmName,
      leaderAliases: leader.aliases,
      supplierId: tie.supplierId,
      supplierName: card.name,
      supplierAliases: card.aliases,
      supplierRegionCode: card.regionCode,
      product: tie.product,
      source: tie.source,
    };
    const segments = card.segmentIds.filter((id) => inChain.has(id));
    if (!segments.length) rows.push({ ...row, segmentId: null });
    for (const segmentId of segments) rows.push({ ...row, segmentId });
  }
  const text = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return rows.sort((a, b) => text(a.leaderId, b.leaderId) || text(a.supplierId, b.supplierId) || text(a.segmentId, b.segmentId) || text(a.product, b.product) || text(a.source, b.source));
}

export async function loadChainFacts(store: GraphStore, zoneId: string, chainId: string): Promise<ChainFacts> {
  return assembleChainFacts(await readChainRows(store, zoneId, chainId));
}

/** The chain's facts from its rows: the zone's firms in the chain with their leaders, the projects by segment. */
export function assembleChainFacts(rows: ChainRows): ChainFacts {
  const { zone, chain, zoneFirms, parents, projects: projectRows, leaders: leaderRows, leaderSuppliers, flags } = rows;
  const chainSegments = new Set(chain.segments.map((s) => s.id));
  const firmRows = zoneFirms.filter((r) => chainSegments.has(r.segmentId));
  // A closed firm leads nothing: it is no leader of the chain, and firms of its group are its own again.
  const closedIds = new Set(firmRows.filter((r) => isClosed(r.standing)).map((r) => r.id));
  const leaders = leadersOf(leaderRows, zone.id, chain.id).filter((l) => !closedIds.has(l.id));
  const leaderIds = new Set(leaders.map((l) => l.id));
  const leaderOf = leaderGroups(leaderIds, parents);

  const all: MapFirm[] = [...groupBy(firmRows, (r) => r.id).values()].map((rows) => {
    const { segmentId: _, products: _p, capacity: _c, confidence: _k, source: _s, version: _v, ...firm } = rows[0]!;
    return {
      ...firm,
      isLeader: leaderIds.has(firm.id),
      leaderId: leaderOf.get(firm.id) ?? null,
      segments: rows.map(({ segmentId, products, capacity, confidence, source, version }) => ({ segmentId, products, capacity, confidence, source, version })),
    };
  });
  // A closed firm (注销, 吊销 …) stays on the map, as closed; it covers no segment and leads nothing.
  const firms = all.filter((f) => !isClosed(f.standing));
  const closedFirms = all.filter((f) => isClosed(f.standing)).map((f) => ({ ...f, isLeader: false, leaderId: null }));
  const projects: MapProject[] = [...groupBy(projectRows, (r) => r.id).values()].map((rows) => {
    const { segmentId: _, ...project } = rows[0]!;
    return { ...project, segmentIds: rows.map((r) => r.segmentId) };
  });
  return { zone, chain, leaders, firms, closedFirms, projects, leaderSuppliers, flags };
}

/**
 * Each firm that is a chain leader's own capacity → that leader: the leaders themselves and
 * the firms that belong to one, directly or through other firms of the group.
 */
export function leaderGroups(leaderIds: ReadonlySet<string>, parents: readonly { firmId: string; parentId: string }[]): Map<string, string> {
  const parentOf = new Map(parents.map((p) => [p.firmId, p.parentId]));
  const leaderOf = new Map<string, string>();
  for (const id of leaderIds) leaderOf.set(id, id);
  for (const firmId of parentOf.keys()) {
    const seen = new Set<string>();
    for (let at = parentOf.get(firmId); at && !seen.has(at); at = parentOf.get(at)) {
      seen.add(at);
      if (leaderIds.has(at)) {
        leaderOf.set(firmId, at);
        break;
      }
    }
  }
  return leaderOf;
}

/** The chain leaders of a zone (all zones when null), one row per zone × chain × leader. */
export async function listLeaders(store: GraphStore, zoneId: string | null) {
  return parseRows(LeaderRow, await store.read("zones/list-leaders", { zoneId }));
}

/** The leaders of one zone × chain among those listed, by their display names. */
export function leadersOf(leaders: z.infer<typeof LeaderRow>[], zoneId: string, chainId: string): FirmRef[] {
  return leaders
    .filter((l) => l.zoneId === zoneId && l.chainId === chainId)
    .map((l) => ({ id: l.firmId, name: displayName(l.firmName, l.aliases) }));
}
