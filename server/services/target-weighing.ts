/**
 * The weighing a ranking stands on, on the embedded graph: every candidate of a zone × chain
 * (for one set of filters, profile and day) weighed from the facts kept in memory
 * (scoring-facts.ts, link-facts.ts) — each entry (a firm, or a parent with the branches it is
 * ranked through: targets.ts resolveDecisionMakers) open or won, and the first ones in the
 * rule's order (target-scoring.ts rankOrder). The rules stay in target-scoring.ts; this only
 * decides which entries to weigh.
 *
 * Kept per ranking and corrected instead of weighed again (docs/decisions/028):
 * - An entry depends on its firms' own facts, their links (zone, group, supply ties), the won
 *   firms and the group links among candidates — and on a scope the same for every entry:
 *   target segments and the leader's allowed suppliers, regions, capital and tag filters,
 *   the zone's firms, its leaders, the profile, places, the day. A weighing is kept with the
 *   versions and values of all of them.
 * - When the scope is unchanged, the firms whose facts changed since (scoring-facts.ts
 *   firmsBefore), whose links changed (link-facts.ts firmsRelinked), that were won or lost,
 *   or whose group links among candidates changed are the only ones whose entries can
 *   change. Each such entry is computed as it was (the facts as held then) and as it is,
 *   the old taken out and the new put in: the count, the won entries and the first ones.
 * - Anything else — a scope changed, a version the logs cannot place — weighs every
 *   candidate again. So does a correction that left fewer than `limit` entries certain to be
 *   first (`cut` below).
 * The answer is exactly a full weighing's (a property test compares them after random writes).
 * One weighing runs at a time: it is synchronous, right after the facts are current.
 */
import type { GraphStore } from "../graph/store.js";
import { firmsRelinked, type LinkFacts } from "./link-facts.js";
import { isClosed } from "../model/standing.js";
import { firmsBefore, type ScoringFacts, type ScoringFirm, type ScoringLink } from "./scoring-facts.js";
import { componentsOf, firstInOrder, rankOrder, totalOf, type RankKey, type ScoringContext } from "./target-scoring.js";
import type { CandidateRow, Firm, ParentRow, Resolved } from "./target-candidates.js";

export interface Weighed extends RankKey {
  memberIds: string[];
  /** The firms whose candidate rows the entry stands on (a parent outside the filters gives none of its own). */
  rowIds: string[];
}

export interface WonEntry {
  memberIds: string[];
  /** The first of its firms that have candidate rows: won entries are listed in that order. */
  first: string;
}

type Entry = { open: Weighed; won?: undefined } | { won: WonEntry; open?: undefined };

/** What every entry's weighing reads alike: the same for a kept weighing and its correction, or it is weighed again. */
export interface WeighingScope {
  zoneId: string;
  segmentIds: readonly string[];
  /** In the segments the leader works in, the only firms that may be targets. */
  allowed: ReadonlyMap<string, ReadonlySet<string>>;
  /** Region code prefixes; [""] matches anywhere. */
  prefixes: readonly string[];
  minCapital: number | null;
  /** Firms with any of these tags (none: every firm). */
  tags: readonly string[];
  zoneFirms: ReadonlySet<string>;
  leaderIds: ReadonlySet<string>;
  ctx: ScoringContext;
  /** targets.ts resolveDecisionMakers over rows (display columns empty: the scoring reads none). */
  resolve: (rows: CandidateRow[], parents: ParentRow[]) => Resolved[];
  /** targets.ts decisionKey: the entry a candidate's rows go to (null: none). */
  decisionKey: (firmId: string, branchByName: boolean, parent: ParentRow | undefined) => string | null;
}

/** The firms' side of a weighing, as of the facts' version. */
export interface WeighingFirms {
  facts: ScoringFacts;
  links: LinkFacts;
  /** The firms won for the zone (projects, list entries of this chain). */
  won: ReadonlySet<string>;
  /** The group links of firms in the target segments, with the parent's columns (targets.ts memoryParentLinks). */
  parents: readonly ParentRow[];
}

export interface Weighing {
  /** The first `limit` open entries, in rankOrder. */
  first: Weighed[];
  candidateCount: number;
  won: WonEntry[];
}

/** Kept weighings per store (most recently used last), and how many more than `limit` each keeps first. */
export const KEPT_WEIGHINGS = { max: 32, spare: 200 };

/** How the weighings of kept rankings were reached since the process started: weighed in full, or corrected. */
export const weighingCounts = { full: 0, corrected: 0 };

interface Kept {
  scope: string;
  zoneFirms: ReadonlySet<string>;
  leaderIds: ReadonlySet<string>;
  factsVersion: string;
  links: LinkFacts;
  won: ReadonlySet<string>;
  parents: readonly ParentRow[];
  count: number;
  wonEntries: Map<string, WonEntry>;
  /** The open entries up to `cut` in rankOrder, sorted; every other open entry comes after `cut`. */
  top: Weighed[];
  /** Null when `top` holds every open entry. */
  cut: RankKey | null;
}

const kept = new WeakMap<GraphStore, Map<string, Kept>>();

/** Forgets the kept weighings (tests, benchmarks: a full weighing next time). */
export function forgetWeighings(store: GraphStore): void {
  kept.delete(store);
}

/**
 * The candidates weighed: the kept weighing of `key` corrected when it can be, else every
 * candidate weighed (and kept under `key`; a null key keeps nothing and corrects nothing).
 * Synchronous: call it right after the facts are current.
 */
export function weighCandidates(store: GraphStore, key: string | null, scope: WeighingScope, firms: WeighingFirms, limit: number): Weighing {
  let byKey = kept.get(store);
  if (!byKey) kept.set(store, (byKey = new Map()));
  const s = prepare(scope);
  const current = firms.facts.firms;
  const now = view((id) => current.get(id), firms.links, firms.won, firms.parents);
  const text = scopeText(scope);
  const old = key === null ? undefined : byKey.get(key);
  const changed = old && old.scope === text && sameSet(old.zoneFirms, scope.zoneFirms) && sameSet(old.leaderIds, scope.leaderIds) ? changedSince(store, old, firms) : null;
  const corrected = old && changed ? correct(s, old, now, changed, limit) : null;
  // Only firms linked into a target segment can be candidates: the others are not even built.
  const state = corrected ?? weighAll(s, now, current.linkedTo(s.targets), limit + KEPT_WEIGHINGS.spare);
  Object.assign(state, { scope: text, zoneFirms: scope.zoneFirms, leaderIds: scope.leaderIds, factsVersion: firms.facts.version, links: firms.links, won: firms.won, parents: firms.parents });
  if (key !== null) {
    weighingCounts[corrected ? "corrected" : "full"]++;
    byKey.delete(key);
    byKey.set(key, state);
    if (byKey.size > KEPT_WEIGHINGS.max) byKey.delete(byKey.keys().next().value!);
  }
  return {
    first: state.top.slice(0, limit),
    candidateCount: state.count,
    won: [...state.wonEntries.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.memberIds[0]! < b.memberIds[0]! ? -1 : 1)),
  };
}

/** The scope with what the walk needs at hand. */
interface Prepared extends WeighingScope {
  targets: ReadonlySet<string>;
  anywhere: boolean;
  weights: ScoringContext["profile"]["weights"];
}

function prepare(scope: WeighingScope): Prepared {
  return { ...scope, targets: new Set(scope.segmentIds), anywhere: scope.prefixes.includes(""), weights: scope.ctx.profile.weights };
}

/** Everything in the scope but the two sets compared apart, as text: equal text, equal weighing of every entry. */
function scopeText(s: WeighingScope): string {
  const allowed = [...s.allowed].map(([segmentId, ids]) => [segmentId, [...ids].sort()] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const { profile, zoneCountyCode, regionGroups, chainId, today } = s.ctx;
  return JSON.stringify([s.zoneId, [...s.segmentIds].sort(), allowed, s.prefixes, s.minCapital, s.tags, profile, zoneCountyCode, regionGroups, chainId, today.getTime()]);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** The firms' side as one version saw it. */
interface View {
  firm: (id: string) => ScoringFirm | undefined;
  links: LinkFacts;
  won: ReadonlySet<string>;
  parents: readonly ParentRow[];
  /** Each firm's last group link (the one resolveDecisionMakers keeps). */
  parentOf: Map<string, ParentRow>;
  /** Firms with a group link, and the parents they may give way to: their rows are resolved. */
  hasParent: Set<string>;
  deciders: Set<string>;
}

function view(firm: View["firm"], links: LinkFacts, won: ReadonlySet<string>, parents: readonly ParentRow[]): View {
  return {
    firm, links, won, parents,
    parentOf: new Map(parents.map((p) => [p.firmId, p])),
    hasParent: new Set(parents.map((p) => p.firmId)),
    deciders: new Set(parents.map((p) => p.id)),
  };
}

/**
 * The firms whose entries may differ between the kept weighing and now — facts changed,
 * links changed, won or no longer, group links among candidates changed — with the view as
 * the kept weighing saw it; null when the logs cannot tell (weigh everything).
 */
function changedSince(store: GraphStore, old: Kept, firms: WeighingFirms): { firms: Set<string>; before: View } | null {
  const before = firmsBefore(firms.facts, old.factsVersion);
  if (!before) return null;
  const relinked = old.links === firms.links ? new Set<string>() : firmsRelinked(store, old.links.version, firms.links.version);
  if (relinked === "all") return null;
  const changed = new Set<string>([...before.keys(), ...relinked]);
  for (const id of old.won) if (!firms.won.has(id)) changed.add(id);
  for (const id of firms.won) if (!old.won.has(id)) changed.add(id);
  const link = (p: ParentRow) => `${p.firmId}\t${p.id}\t${p.kind}\t${p.zoneId ?? ""}`;
  const oldLinks = new Map(old.parents.map((p) => [link(p), p]));
  const newLinks = new Map(firms.parents.map((p) => [link(p), p]));
  for (const [k, p] of oldLinks) if (!newLinks.has(k)) changed.add(p.firmId).add(p.id);
  for (const [k, p] of newLinks) if (!oldLinks.has(k)) changed.add(p.firmId).add(p.id);
  const current = firms.facts.firms;
  const then = view((id) => (before.has(id) ? before.get(id) : current.get(id)), old.links, old.won, old.parents);
  return { firms: changed, before: then };
}

/** The firm's links into the target segments if it is a candidate (outside the zone, in the regions, with the capital asked for). */
function candidateLinks(s: Prepared, firm: ScoringFirm): ScoringLink[] | null {
  if (isClosed(firm.standing)) return null;
  let links: ScoringLink[] | null = null;
  for (const link of firm.links) {
    if (!s.targets.has(link.segmentId) || s.allowed.get(link.segmentId)?.has(firm.id) === false) continue;
    (links ??= []).push(link);
  }
  if (!links || s.zoneFirms.has(firm.id)) return null;
  if (!s.anywhere && !inRegions(s.prefixes, firm.regionCode)) return null;
  if (s.minCapital !== null && (firm.capital === null || firm.capital < s.minCapital)) return null;
  return links;
}

function inRegions(prefixes: readonly string[], regionCode: string): boolean {
  for (const p of prefixes) if (regionCode.startsWith(p)) return true;
  return false;
}

/** Branches, firms with a parent, and the parents they may give way to are resolved as rows; every other firm is its own entry. */
const resolvedAsRows = (v: View, firm: ScoringFirm) => firm.branch || v.hasParent.has(firm.id) || v.deciders.has(firm.id);

const tagged = (s: Prepared, tags: readonly string[]) => !s.tags.length || tags.some((t) => s.tags.includes(t));

const UNTIED: readonly { isLeader: boolean }[] = [];

/** A firm's supply ties with the zone's firms as the scoring weighs them (whether each is with a leader). */
function tiesWeighed(s: Prepared, links: LinkFacts, id: string): { isLeader: boolean }[] {
  const ties: { isLeader: boolean }[] = [];
  for (const t of links.sells.get(id) ?? []) if (s.zoneFirms.has(t.buyerId)) ties.push({ isLeader: s.leaderIds.has(t.buyerId) });
  for (const t of links.buys.get(id) ?? []) if (s.zoneFirms.has(t.supplierId)) ties.push({ isLeader: s.leaderIds.has(t.supplierId) });
  return ties;
}

/** A firm that is its own entry: won, weighed, or left out by the tags asked for. */
function plainEntry(s: Prepared, v: View, firm: ScoringFirm, links: ScoringLink[], ties: readonly { isLeader: boolean }[]): Entry | null {
  if (v.won.has(firm.id)) return { won: { memberIds: [firm.id], first: firm.id } };
  if (!tagged(s, firm.tags)) return null;
  const confidences = links.map((l) => l.confidence);
  return { open: { decides: true, total: totalOf(componentsOf({ firm, confidences, ties, via: [] }, s.ctx), s.weights), c: { firm }, memberIds: [firm.id], rowIds: [firm.id] } };
}

/** Whether the firm has candidate rows that are resolved (won entries are listed by the first such firm). */
function hasRows(s: Prepared, v: View, id: string): boolean {
  const firm = v.firm(id);
  return !!firm && resolvedAsRows(v, firm) && candidateLinks(s, firm) !== null;
}

/** The entry rows resolve to under `key`: from the firm itself and the firms that belong to it. */
function rowEntry(s: Prepared, v: View, key: string): Entry | null {
  const rows: CandidateRow[] = [];
  const parents: ParentRow[] = [];
  const rowIds: string[] = [];
  for (const id of new Set([key, ...(v.links.childrenOf.get(key) ?? []).map((g) => g.firmId)])) {
    const firm = v.firm(id);
    if (!firm || !resolvedAsRows(v, firm)) continue;
    const links = candidateLinks(s, firm);
    const parent = v.parentOf.get(id);
    if (!links || s.decisionKey(id, firm.branch, parent) !== key) continue;
    for (const l of links) rows.push(memoryRow(firm, l.segmentId, l.confidence));
    if (parent) parents.push(parent);
    rowIds.push(id);
  }
  if (!rows.length) return null;
  const [r] = s.resolve(rows, parents);
  if (!r) return null;
  if (r.memberIds.some((id) => v.won.has(id))) return { won: { memberIds: r.memberIds, first: r.memberIds.filter((id) => hasRows(s, v, id)).sort()[0]! } };
  if (!tagged(s, r.firm.tags)) return null;
  const ties = r.memberIds.flatMap((id) => tiesWeighed(s, v.links, id));
  const components = componentsOf({ firm: r.firm, confidences: r.segments.map((x) => x.confidence), ties, via: r.via }, s.ctx);
  return { open: { decides: r.decisionMaker, total: totalOf(components, s.weights), c: { firm: r.firm }, memberIds: r.memberIds, rowIds } };
}

/** The entry under `key` as `v` sees it: the firm on its own, or rows resolved. */
function entryOf(s: Prepared, v: View, key: string): Entry | null {
  const firm = v.firm(key);
  const links = firm && !resolvedAsRows(v, firm) ? candidateLinks(s, firm) : null;
  if (firm && links) return plainEntry(s, v, firm, links, tiesWeighed(s, v.links, key));
  return rowEntry(s, v, key);
}

/** Every candidate weighed (`all`: every firm `v` holds); the first `keep` open entries kept in order. */
function weighAll(s: Prepared, v: View, all: Iterable<ScoringFirm>, keep: number): Kept {
  // The firms with supply ties to the zone: every other firm weighs none.
  const tied = new Set<string>();
  for (const localId of s.zoneFirms) {
    for (const t of v.links.buys.get(localId) ?? []) tied.add(t.supplierId);
    for (const t of v.links.sells.get(localId) ?? []) tied.add(t.buyerId);
  }
  const wonEntries = new Map<string, WonEntry>();
  const keys = new Set<string>();
  let count = 0;
  // The open entries go straight into the bounded heap, in the order met: only the first
  // `keep` outlive the walk (the others, and the firms built for them, die young).
  function* open(): Generator<Weighed> {
    for (const firm of all) {
      const links = candidateLinks(s, firm);
      if (!links) continue;
      if (resolvedAsRows(v, firm)) {
        const key = s.decisionKey(firm.id, firm.branch, v.parentOf.get(firm.id));
        if (key !== null) keys.add(key);
        continue;
      }
      const entry = plainEntry(s, v, firm, links, tied.has(firm.id) ? tiesWeighed(s, v.links, firm.id) : UNTIED);
      if (entry?.won) wonEntries.set(firm.id, entry.won);
      else if (entry) {
        count++;
        yield entry.open;
      }
    }
    for (const key of keys) {
      const entry = rowEntry(s, v, key);
      if (entry?.won) wonEntries.set(key, entry.won);
      else if (entry) {
        count++;
        yield entry.open;
      }
    }
  }
  const top = firstInOrder(open(), keep);
  return { count, wonEntries, top, cut: count > top.length ? top.at(-1)! : null } as Kept;
}

/**
 * The kept weighing corrected for the firms named: each entry they belong to, before or now,
 * taken out as it was and put in as it is. Null when fewer than `limit` entries are left
 * certain to be first (weigh everything).
 */
function correct(s: Prepared, old: Kept, now: View, changed: { firms: Set<string>; before: View }, limit: number): Kept | null {
  const then = changed.before;
  const keys = new Set<string>();
  for (const id of changed.firms) {
    keys.add(id);
    for (const v of [then, now]) {
      const firm = v.firm(id);
      if (firm && resolvedAsRows(v, firm) && candidateLinks(s, firm)) {
        const key = s.decisionKey(id, firm.branch, v.parentOf.get(id));
        if (key !== null) keys.add(key);
      }
    }
  }
  const state: Kept = { ...old, wonEntries: new Map(old.wonEntries), top: [...old.top] };
  const out = new Set<string>();
  const added: Weighed[] = [];
  for (const key of keys) {
    const was = entryOf(s, then, key);
    const is = entryOf(s, now, key);
    if (was?.open) state.count--, out.add(key);
    if (was?.won) state.wonEntries.delete(key);
    if (is?.open) {
      state.count++;
      if (state.cut === null || rankOrder(is.open, state.cut) <= 0) added.push(is.open);
    }
    if (is?.won) state.wonEntries.set(key, is.won);
  }
  state.top = [...state.top.filter((w) => !out.has(w.c.firm.id)), ...added].sort(rankOrder);
  return state.cut !== null && state.top.length < limit ? null : state;
}

/** A candidate row from memory; the display columns stay empty (the scoring reads none of them). */
function memoryRow(firm: ScoringFirm, segmentId: string, confidence: number): CandidateRow {
  return { ...memoryFirm(firm), segmentId, confidence, products: "", linkSource: "" };
}

export function memoryFirm(firm: ScoringFirm): Firm {
  return {
    id: firm.id, name: firm.name, regionCode: firm.regionCode, capital: firm.capital, staff: firm.staff, revenue: firm.revenue, tags: firm.tags, asOf: firm.asOf, standing: firm.standing,
    aliases: [], uscc: null, capitalAmount: null, capitalCurrency: null, sample: false, source: "",
  };
}
