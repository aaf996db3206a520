/**
 * The graph's links a ranking stands on, kept in memory on the embedded graph: which zone
 * each firm is located in (LOCATED_IN), which firm each belongs to (BELONGS_TO), who
 * supplies whom (SUPPLIES) and who leads which chain where (LEADS). Kùzu 0.11.3 answers
 * each of them with a scan of every firm (the zone's firms, its 50,000 supply ties, the
 * candidates' parents: 0.3–1.3 s each at a million firms, measured); held here, a ranking
 * computed afresh looks them up.
 * The rules stay where they are (target-scoring.ts, gap-rules.ts); this only supplies facts.
 *
 * Contract — `linkFacts(store)` answers as of the graph's version token it read (as
 * scoring-facts.ts does):
 * - It catches up through the store's CommitLog: the firms each write names (LINK_WRITES:
 *   the parameters naming them) have their links read again by key, in both directions.
 * - A write it cannot place — one by another process, one too large for the log, a bulk
 *   load of one of these links (LINK_TABLES), a query listed as "all" — reads every link again.
 * - Every Cypher file that writes is either in LINK_WRITES or in LINK_NEUTRAL (a unit test
 *   walks cypher/), so a new write cannot slip past it.
 * - Only one refresh runs at a time; a write during it is seen by the next call. The
 *   state is replaced whole, never changed in place: a caller may hold it across awaits.
 * Neo4j may be written by other instances: there the ranking reads these links with Cypher
 * (targets.ts), and this module is not used.
 */
import type { GraphStore, WriteStep } from "../graph/store.js";
import { keptInMemory } from "./kept-in-memory.js";
import { WRITES_BESIDE_FIRMS } from "./writes-beside-firms.js";

/** Queries that change links: the parameters naming each firm whose links change, or "all". */
export const LINK_WRITES: Record<string, string[] | "all"> = {
  "firms/set-zone": ["id"],
  "firms/unset-zone": ["id"],
  "firms/link-parent": ["from", "to"],
  "firms/link-supplies": ["from", "to"],
  "firms/create-leads": ["firmId"],
  "firms/link-leads": ["firmId"],
  "firms/unlink-leads": ["firmId"],
  // DETACH DELETE: the firm's links go with it.
  "firms/delete-firm": ["id"],
  "admin/delete-all": "all",
};

/** Queries that write but change none of these links. */
export const LINK_NEUTRAL = new Set([
  ...WRITES_BESIDE_FIRMS,
  // A firm is created without links (its zone is a firms/set-zone step of its own).
  "firms/create-firm", "firms/upsert-firm", "firms/update-firm", "imports/update-firm", "firms/set-standing",
  "firms/link-segment", "firms/create-segment-link", "firms/update-segment-link", "firms/delete-segment-link", "firms/convert-capital", "firms/forget-capital",
]);

/** Tables whose bulk load adds links: every link is read again. */
const LINK_TABLES = new Set(["LOCATED_IN", "BELONGS_TO", "SUPPLIES", "LEADS"]);

export interface SupplyTie {
  supplierId: string;
  buyerId: string;
  product: string;
  /** Where the tie is known from. */
  source: string;
}

export interface GroupLink {
  firmId: string;
  parentId: string;
  kind: string;
}

export interface Lead {
  firmId: string;
  chainId: string;
  zoneId: string;
}

export interface LinkFacts {
  version: string;
  /** Firm → the zones it is located in (one, as the app writes it). */
  zonesOf: ReadonlyMap<string, readonly string[]>;
  /** Zone → its firms. */
  firmsIn: ReadonlyMap<string, ReadonlySet<string>>;
  /** Firm → the firms it belongs to. */
  parentsOf: ReadonlyMap<string, readonly GroupLink[]>;
  /** Firm → the firms that belong to it. */
  childrenOf: ReadonlyMap<string, readonly GroupLink[]>;
  /** Supplier → its ties, and buyer → its ties. */
  sells: ReadonlyMap<string, readonly SupplyTie[]>;
  buys: ReadonlyMap<string, readonly SupplyTie[]>;
  leads: ReadonlyMap<string, readonly Lead[]>;
}

interface Links {
  zones: { firmId: string; zoneId: string }[];
  parents: GroupLink[];
  supplies: SupplyTie[];
  leads: Lead[];
}

/** The links as of the graph's current version (Kùzu only). */
export const linkFacts: (store: GraphStore) => Promise<LinkFacts> = keptInMemory<LinkFacts>(refresh);

/** The firms whose links the writes between two versions changed, or "all". */
export function firmsRelinked(store: GraphStore, from: string, to: string): Set<string> | "all" {
  const commits = store.commits.between(from, to);
  if (!commits) return "all";
  const ids = new Set<string>();
  for (const commit of commits) {
    if (!commit.steps || commit.tables.some((t) => LINK_TABLES.has(t))) return "all";
    for (const step of commit.steps) {
      const named = firmsNamed(step);
      if (named === "all") return "all";
      for (const id of named) ids.add(id);
    }
  }
  return ids;
}

function firmsNamed(step: WriteStep): string[] | "all" {
  const keys = LINK_WRITES[step.query];
  if (keys === undefined) return LINK_NEUTRAL.has(step.query) ? [] : "all";
  if (keys === "all") return "all";
  return step.rows.flatMap((row) => keys.map((k) => String(row[k])));
}

/** Every link read afresh from the graph: what a refresh falls back to, and what the kept links must equal. */
export async function readLinkFacts(store: GraphStore, version = ""): Promise<LinkFacts> {
  return index(version, await readAll(store));
}

async function refresh(store: GraphStore, old: LinkFacts | null, version: string): Promise<LinkFacts> {
  const changed = old ? firmsRelinked(store, old.version, version) : "all";
  if (changed === "all") return readLinkFacts(store, version);
  if (!changed.size) return { ...old!, version };
  return index(version, await relink(store, old!, changed));
}

async function readAll(store: GraphStore): Promise<Links> {
  const [zones, parents, supplies, leads] = await Promise.all([
    store.read("links/all-zones"),
    store.read("links/all-parents"),
    store.read("links/all-supplies"),
    store.read("links/all-leads"),
  ]);
  return {
    zones: zones.map((r) => ({ firmId: String(r.firmId), zoneId: String(r.zoneId) })),
    parents: parents.map((r) => ({ firmId: String(r.firmId), parentId: String(r.parentId), kind: String(r.kind ?? "") })),
    supplies: supplies.map((r) => ({ supplierId: String(r.supplierId), buyerId: String(r.buyerId), product: String(r.product ?? ""), source: String(r.source ?? "") })),
    leads: leads.map((r) => ({ firmId: String(r.firmId), chainId: String(r.chainId), zoneId: String(r.zoneId) })),
  };
}

/**
 * The links of `named` firms read again by key: every link touching one of them is dropped,
 * then read from each end it has among them (a link between two of them, from its source).
 */
async function relink(store: GraphStore, old: LinkFacts, named: Set<string>): Promise<Links> {
  const touches = (...ids: string[]) => ids.some((id) => named.has(id));
  const kept: Links = {
    zones: [...old.zonesOf].flatMap(([firmId, zoneIds]) => (named.has(firmId) ? [] : zoneIds.map((zoneId) => ({ firmId, zoneId })))),
    parents: [...old.parentsOf.values()].flat().filter((p) => !touches(p.firmId, p.parentId)),
    supplies: [...old.sells.values()].flat().filter((s) => !touches(s.supplierId, s.buyerId)),
    leads: [...old.leads.values()].flat().filter((l) => !named.has(l.firmId)),
  };
  const byKey = (query: string, id: string) => store.read(query, { id });
  await Promise.all(
    [...named].map(async (id) => {
      const [zones, parents, children, sells, buys, leads] = await Promise.all(
        ["links/firm-zones", "links/firm-parents", "links/firm-children", "links/firm-sells", "links/firm-buys", "links/firm-leads"].map((q) => byKey(q, id)),
      );
      kept.zones.push(...zones!.map((r) => ({ firmId: id, zoneId: String(r.zoneId) })));
      kept.parents.push(...parents!.map((r) => ({ firmId: id, parentId: String(r.parentId), kind: String(r.kind ?? "") })));
      kept.parents.push(...children!.filter((r) => !named.has(String(r.firmId))).map((r) => ({ firmId: String(r.firmId), parentId: id, kind: String(r.kind ?? "") })));
      kept.supplies.push(...sells!.map((r) => ({ supplierId: id, buyerId: String(r.buyerId), product: String(r.product ?? ""), source: String(r.source ?? "") })));
      kept.supplies.push(...buys!.filter((r) => !named.has(String(r.supplierId))).map((r) => ({ supplierId: String(r.supplierId), buyerId: id, product: String(r.product ?? ""), source: String(r.source ?? "") })));
      kept.leads.push(...leads!.map((r) => ({ firmId: id, chainId: String(r.chainId), zoneId: String(r.zoneId) })));
    }),
  );
  return kept;
}

function index(version: string, links: Links): LinkFacts {
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const zonesOf = new Map<string, string[]>();
  const firmsIn = new Map<string, Set<string>>();
  for (const { firmId, zoneId } of links.zones) {
    push(zonesOf, firmId, zoneId);
    let firms = firmsIn.get(zoneId);
    if (!firms) firmsIn.set(zoneId, (firms = new Set()));
    firms.add(firmId);
  }
  const parentsOf = new Map<string, GroupLink[]>();
  const childrenOf = new Map<string, GroupLink[]>();
  for (const p of links.parents) push(parentsOf, p.firmId, p), push(childrenOf, p.parentId, p);
  const sells = new Map<string, SupplyTie[]>();
  const buys = new Map<string, SupplyTie[]>();
  for (const s of links.supplies) push(sells, s.supplierId, s), push(buys, s.buyerId, s);
  const leads = new Map<string, Lead[]>();
  for (const l of links.leads) push(leads, l.firmId, l);
  return { version, zonesOf, firmsIn, parentsOf, childrenOf, sells, buys, leads };
}
