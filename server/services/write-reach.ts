/**
 * What a write may have changed, in the terms kept answers are scoped by (read-cache.ts):
 * a zone's own records, a chain's structure, and the firms operating in a chain's
 * segments anywhere. A map or gap diagnosis of zone Z × chain X stands on Z's records and
 * X's structure; a ranking (and the 补链 effects) also on every firm operating in X.
 *
 * - `zone:Z` — the zone, its firms (LOCATED_IN) with their facts and segment links, its
 *   leaders, flags, leading chains, projects and target lists.
 * - `chain:X` — the chain, its segments and FEEDS links.
 * - `firms-in:X` — a firm operating in one of X's segments (a candidate of X's rankings).
 *
 * Each query that writes has a rule (WRITE_REACH; a unit test walks cypher/ so a new write
 * cannot slip past). A rule reads what it needs by key when the reach is first asked for,
 * after the commit: what a write removed (a segment link, a FEEDS link, a zone's leader)
 * is named by the write's own rows, and what it kept is still in the graph. A firm reaches
 * the zones and chains whose answers show it, also through the records tied to it (its
 * supply ties, group, leads, projects, list entries). Whatever a rule cannot tell — a
 * record gone, a zone left, a tie made (supply, group), settings, profiles, a bulk load —
 * reaches everything.
 */
import type { Commit, GraphStore, Params } from "../graph/store.js";

export interface Marks {
  zones: Set<string>;
  chains: Set<string>;
  firmsIn: Set<string>;
}
export type Reach = "everything" | Marks;

/**
 * What a kept answer stands on: one zone × chain, with or without the chain's firms
 * everywhere; or a chain alone (zoneId null: its structure, the same in every zone).
 */
export interface AnswerScope {
  zoneId: string | null;
  /** Null: a zone's own records in every chain (its firms' segment links), which a change of any chain's structure may reach too. */
  chainId: string | null;
  /** A ranking: every firm operating in the chain's segments is a candidate. */
  candidates: boolean;
}

/** Whether a write of this reach may change an answer of this scope. */
export function reaches(reach: Reach, scope: AnswerScope): boolean {
  if (reach === "everything") return true;
  if (scope.zoneId !== null && reach.zones.has(scope.zoneId)) return true;
  if (scope.chainId === null) return reach.chains.size > 0 || reach.firmsIn.size > 0;
  return reach.chains.has(scope.chainId) || (scope.candidates && reach.firmsIn.has(scope.chainId));
}

const EVERYTHING = "everything" as const;

/** Reads a rule may make, by key, memoised for one commit. */
class Looker {
  private readonly segments = new Map<string, Promise<string[] | null>>();
  constructor(readonly store: GraphStore) {}

  /** The chain a segment belongs to, then those of its FEEDS neighbours; null when it is gone. */
  chainsOf(segmentId: string): Promise<string[] | null> {
    let found = this.segments.get(segmentId);
    if (!found) {
      found = this.store.read("reach/segment-reach", { id: segmentId }).then(([row]) =>
        row ? [row.chainId as string, ...((row.fedIds as (string | null)[]) ?? []), ...((row.feedingIds as (string | null)[]) ?? [])].filter((c): c is string => !!c) : null,
      );
      this.segments.set(segmentId, found);
    }
    return found;
  }

  async zoneOf(query: string, id: unknown): Promise<string | null> {
    const [row] = await this.store.read(query, { id });
    return (row?.zoneId as string | null | undefined) ?? null;
  }
}

/** Adds what one row of a write reaches to `into`; false when it cannot tell (reaches everything). */
type Check = (row: Params, look: Looker, into: Marks) => Promise<boolean>;
type Rule = "nothing" | "everything" | Check;

/**
 * A write of one firm: the zones and chains whose answers show it (reach/firm-reach: its
 * own, and through its supply ties, group, leads, projects and list entries); a firm gone
 * reaches everything.
 */
const firm =
  (key: string): Check =>
  async (row, look, into) => {
    const marks = await look.store.read("reach/firm-reach", { id: row[key] });
    if (!marks.some((m) => m.kind === "firm")) return false;
    for (const { kind, id } of marks) {
      if (kind === "zone" && id) into.zones.add(id as string);
      if (kind === "chain" && id) into.firmsIn.add(id as string);
    }
    return true;
  };

/** A segment link: the firm, and the chain of the segment named (the link may be gone). */
const link: Check = async (row, look, into) => {
  const chains = await look.chainsOf(String(row.segmentId));
  if (!chains) return false;
  into.firmsIn.add(chains[0]!);
  return firm("firmId")(row, look, into);
};

/** A write of the chain structure around the segments named by `keys`. */
const segments =
  (...keys: string[]): Check =>
  async (row, look, into) => {
    for (const key of keys) {
      const chains = await look.chainsOf(String(row[key]));
      if (!chains) return false;
      for (const c of chains) into.chains.add(c);
    }
    return true;
  };

/** A new segment of a chain: the chain (its FEEDS come in steps of their own). */
const chainOfRow =
  (key: string): Check =>
  async (row, _look, into) => {
    into.chains.add(String(row[key]));
    return true;
  };

const zoneOfRow =
  (key: string): Check =>
  async (row, _look, into) => {
    into.zones.add(String(row[key]));
    return true;
  };

/** A record whose zone is read by key (a list, an entry's list, a project); gone reaches everything. */
const zoneBy =
  (query: string, key = "id"): Check =>
  async (row, look, into) => {
    const zoneId = await look.zoneOf(query, row[key]);
    if (!zoneId) return false;
    into.zones.add(zoneId);
    return true;
  };

const both =
  (a: Check, b: Check): Check =>
  async (row, look, into) =>
    (await a(row, look, into)) && b(row, look, into);

/** Every Cypher file that writes, and what its write may reach. */
export const WRITE_REACH: Record<string, Rule> = {
  // Sessions, accounts, audit, locks, import jobs, history and saved scenarios: no kept answer shows them.
  "accounts/create-session": "nothing", "accounts/create-user": "nothing", "accounts/delete-expired-sessions": "nothing",
  "accounts/delete-session": "nothing", "accounts/delete-user-sessions": "nothing", "accounts/update-user": "nothing",
  "audit/add-entry": "nothing",
  // The key table of 统一社会信用代码 (docs/decisions/024): the firm's own write reaches what it shows.
  "firms/claim-code": "nothing", "firms/release-code": "nothing", "firms/fill-codes": "nothing",
  "settings/bump-version": "nothing", "settings/take-lock": "nothing",
  "history/put-snapshot": "nothing",
  "imports/delete-placement-pages": "nothing", "imports/fail-interrupted": "nothing", "imports/save-job": "nothing", "imports/touch-job": "nothing",
  "scenarios/delete-scenario": "nothing", "scenarios/put-scenario": "nothing",
  // Status histories of list entries and projects: shown on their own pages only.
  "lists/add-change": "nothing", "lists/delete-entry-history": "nothing",
  "projects/add-change": "nothing", "projects/delete-changes": "nothing",

  // Firms.
  "firms/create-firm": firm("id"),
  "firms/update-firm": firm("id"),
  "firms/upsert-firm": firm("id"),
  "imports/update-firm": firm("id"),
  "firms/set-standing": firm("id"),
  "firms/set-zone": both(zoneOfRow("zoneId"), firm("id")),
  // The zone it leaves is not named.
  "firms/unset-zone": "everything",
  "firms/delete-firm": "everything",
  "firms/convert-capital": "everything",
  "firms/forget-capital": "everything",
  "firms/link-parent": "everything",
  "firms/link-supplies": "everything",
  "firms/link-segment": link,
  "firms/create-segment-link": link,
  "firms/update-segment-link": link,
  "firms/delete-segment-link": link,
  "firms/create-leads": zoneOfRow("zoneId"),
  "firms/link-leads": zoneOfRow("zoneId"),
  "firms/unlink-leads": zoneOfRow("zoneId"),

  // Chains.
  "chains/upsert-chain": chainOfRow("id"),
  "chains/create-segment": chainOfRow("chainId"),
  // Rewrites a segment whole (the sample, chain files): it may have belonged elsewhere.
  "chains/upsert-segment": "everything",
  "chains/update-segment": segments("id"),
  "chains/delete-segment": "everything",
  "chains/create-feeds": segments("from", "to"),
  "chains/link-feeds": segments("from", "to"),
  "chains/delete-feeds": segments("from", "to"),

  // Zones, flags, lists and projects.
  "zones/upsert-zone": zoneOfRow("id"),
  "zones/link-chain": zoneOfRow("zoneId"),
  "gaps/set-flag": zoneOfRow("zoneId"),
  "gaps/delete-flag": zoneOfRow("zoneId"),
  "lists/upsert-list": zoneOfRow("zoneId"),
  "lists/add-entry": zoneBy("reach/list-zone", "listId"),
  "lists/update-entry": zoneBy("reach/entry-zone"),
  "lists/delete-entry": "everything",
  "lists/delete-list": "everything",
  "projects/create-project": zoneOfRow("zoneId"),
  "projects/upsert-project": zoneOfRow("zoneId"),
  "projects/update-project": zoneBy("reach/project-zone"),
  "projects/set-progress": zoneBy("reach/project-zone"),
  "projects/unlink-segments": zoneBy("reach/project-zone"),
  "projects/link-segment": zoneBy("reach/project-zone", "projectId"),
  "projects/move-project": "everything",
  "projects/delete-project": "everything",

  // Shared by every answer: thresholds and settings, profiles, regions, documents, suggestions.
  "settings/put-setting": "everything",
  "profiles/delete-profile": "everything", "profiles/put-profile": "everything",
  "regions/upsert-region-group": "everything", "regions/upsert-region": "everything",
  "documents/upsert-document": "everything",
  "review/delete-suggestion": "everything", "review/link-suggested": "everything", "review/save-decision": "everything",
  "admin/delete-all": "everything",
};

const reachOfCommit = new WeakMap<Commit, Promise<Reach>>();

/** What one commit of this process may have changed (read once per commit). */
export function reachOf(store: GraphStore, commit: Commit): Promise<Reach> {
  let found = reachOfCommit.get(commit);
  if (!found) {
    found = computeReach(store, commit);
    reachOfCommit.set(commit, found);
  }
  return found;
}

async function computeReach(store: GraphStore, commit: Commit): Promise<Reach> {
  // A bulk load (an import, a restore) or a write too large to keep in the log.
  if (!commit.steps || commit.tables.length) return EVERYTHING;
  const marks: Marks = { zones: new Set(), chains: new Set(), firmsIn: new Set() };
  const look = new Looker(store);
  for (const step of commit.steps) {
    const rule = WRITE_REACH[step.query] ?? EVERYTHING;
    if (rule === "nothing") continue;
    if (rule === "everything") return EVERYTHING;
    for (const row of step.rows) if (!(await rule(row, look, marks))) return EVERYTHING;
  }
  return marks;
}

/**
 * Whether an answer of this scope, kept at version `from`, still holds at version `to`:
 * every write between them is one of this process's (the log can tell) and reaches
 * elsewhere. Otherwise — a write by another process or instance, an unknown token — no.
 */
export async function stillHolds(store: GraphStore, scope: AnswerScope, from: string, to: string): Promise<boolean> {
  const commits = store.commits.between(from, to);
  if (!commits) return false;
  for (const commit of commits) if (reaches(await reachOf(store, commit), scope)) return false;
  return true;
}
