/**
 * The audit log as its pages show it, kept in memory beside the embedded graph, so that a
 * page of the audit screen — whatever its filters, first or a thousand pages deep — is a
 * look in memory with no read of the graph (docs/decisions/027). Kùzu 0.11.3 indexes
 * nothing but primary keys: by Cypher every page was a scan and sort of every entry, and
 * even 51 entries read by key cost 8–25 ms.
 *
 * Contract — `auditIndex(store)`:
 * - Holds, per entry, what a page lists (audit-log.ts): its time, actor, kind of record and
 *   action (codes into small tables of the texts), record id, summary and id (texts in
 *   buffers off the JS heap), ≈ 200 bytes an entry; not the records before and after,
 *   which are read by key when a row is opened. Ordered as the log is shown: by time,
 *   then id — the cursor's order.
 * - Is read from the graph at its first use, then follows every write this process commits
 *   (CommitLog.follow), those that keep the caches too (logins, accounts): each
 *   `audit/add-entry` row is placed where its time puts it. A write it cannot follow — a
 *   bulk load into AuditEntry (a restore, a benchmark's entries), `admin/delete-all`, a
 *   write that failed yet may have committed (`uncertain`) — sends it back to the graph
 *   at its next use. A write during that read is placed once the read is in (an entry the
 *   read saw already is not placed twice).
 * Neo4j may be written by other instances, which no CommitLog hears: there pages are read
 * with Cypher, ordered by the index on `at`, and this module is not used.
 */
import type { CommittedWrite, GraphStore, Row } from "../graph/store.js";

/** The fields of an entry this index keeps (as `audit/add-entry` and `audit/index-entries` give them): a page's item. */
export interface IndexedEntry {
  id: string;
  at: string;
  actor: string;
  entity: string;
  action: string;
  entityId: string;
  summary: string;
}

/** What a page asks for: each field null for any; times as ISO text. */
export interface IndexFilter {
  actor: string | null;
  entity: string | null;
  entityId: string | null;
  action: string | null;
  /** Inclusive. */
  fromAt: string | null;
  /** Exclusive. */
  toAt: string | null;
}

/** A place in the log: entries before it are older (earlier, or as early with a smaller id). */
export interface LogPlace {
  /** The time, as `instant` reads it. */
  at: number;
  id: string;
}

/** FNV-1a over the text's UTF-16 code units. */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * An entry's time as a number. `at` is written as ISO text in UTC to the millisecond
 * (Date.toISOString), whose order as text is its order in time; a time that is no date
 * (none is written so) counts as older than every other.
 */
export const instant = (at: string) => {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? -Infinity : ms;
};

/** Texts, each a slice of one growing buffer: a million ids take ≈ 50 MB outside the JS heap, not a million strings. */
class Texts {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private ends = new Uint32Array(1024);
  private used = 0;
  private count = 0;

  add(id: string): number {
    const length = Buffer.byteLength(id, "utf8");
    if (this.used + length > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(Math.ceil(this.bytes.length * 1.5), this.used + length));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    if (this.count === this.ends.length) this.ends = grown(this.ends);
    this.bytes.write(id, this.used, "utf8");
    this.used += length;
    this.ends[this.count] = this.used;
    return this.count++;
  }

  get bytesHeld(): number {
    return this.bytes.length + this.ends.byteLength;
  }

  get(slot: number): string {
    return this.bytes.toString("utf8", slot === 0 ? 0 : this.ends[slot - 1]!, this.ends[slot]!);
  }
}

/** The array with room for `length` (half as much again as it held, when not given). */
function grown<T extends Float64Array | Uint32Array>(array: T, length = Math.ceil(array.length * 1.5)): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** The few texts many entries share (actors, kinds of record, actions), each given a code once. */
class Codes {
  private readonly codes = new Map<string, number>();
  readonly texts: string[] = [];

  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) this.codes.set(text, (code = this.texts.push(text) - 1));
    return code;
  }

  /** The code of a text, or -1 when no entry has it. */
  find(text: string): number {
    return this.codes.get(text) ?? -1;
  }
}

/** Per position: the slot of its texts (id, record, summary), the codes of actor, entity and action, the record's hash. */
const FIELDS = 5;
const [SLOT, ACTOR, ENTITY, ACTION, RECORD] = [0, 1, 2, 3, 4] as const;

/** The log's entries in order (oldest first), as the page needs them. */
export class AuditPositions {
  size = 0;
  private at = new Float64Array(1024);
  private fields = new Uint32Array(1024 * FIELDS);
  private readonly ids = new Texts();
  private readonly records = new Texts();
  private readonly summaries = new Texts();
  private readonly codes = { actor: new Codes(), entity: new Codes(), action: new Codes() };
  /** An entry's time as written, where its ISO form from the number would differ (none the app writes). */
  private readonly oddTimes = new Map<number, string>();

  /** The memory it holds (its arrays, grown ahead of need). */
  get bytesHeld(): number {
    return this.at.byteLength + this.fields.byteLength + this.ids.bytesHeld + this.records.bytesHeld + this.summaries.bytesHeld;
  }

  /** Places an entry by its time and id; one already held is left as it is. */
  add(entry: IndexedEntry): void {
    const at = instant(entry.at);
    const p = this.firstNotBefore(at, entry.id);
    if (p < this.size && this.at[p] === at && this.idAt(p) === entry.id) return;
    if (this.size === this.at.length) {
      this.at = grown(this.at);
      this.fields = grown(this.fields, this.at.length * FIELDS);
    }
    if (p < this.size) {
      // Written out of order (a write that waited for another): the later ones move up one.
      this.at.copyWithin(p + 1, p, this.size);
      this.fields.copyWithin((p + 1) * FIELDS, p * FIELDS, this.size * FIELDS);
    }
    this.at[p] = at;
    const f = p * FIELDS;
    const slot = this.ids.add(entry.id);
    this.records.add(entry.entityId);
    this.summaries.add(entry.summary);
    if (!Number.isFinite(at) || new Date(at).toISOString() !== entry.at) this.oddTimes.set(slot, entry.at);
    this.fields[f + SLOT] = slot;
    this.fields[f + ACTOR] = this.codes.actor.code(entry.actor);
    this.fields[f + ENTITY] = this.codes.entity.code(entry.entity);
    this.fields[f + ACTION] = this.codes.action.code(entry.action);
    this.fields[f + RECORD] = textHash(entry.entityId);
    this.size++;
  }

  /** The entry at a position, as a page lists it. */
  private entryAt(p: number): IndexedEntry {
    const f = p * FIELDS;
    const slot = this.fields[f + SLOT]!;
    return {
      id: this.ids.get(slot),
      at: this.oddTimes.get(slot) ?? new Date(this.at[p]!).toISOString(),
      actor: this.codes.actor.texts[this.fields[f + ACTOR]!]!,
      action: this.codes.action.texts[this.fields[f + ACTION]!]!,
      entity: this.codes.entity.texts[this.fields[f + ENTITY]!]!,
      entityId: this.records.get(slot),
      summary: this.summaries.get(slot),
    };
  }

  /** Up to `count` entries older than `before` (null: from the newest) that match `filter`, newest first. */
  newestFirst(filter: IndexFilter, before: LogPlace | null, count: number): IndexedEntry[] {
    let p = this.size;
    if (before) p = Math.min(p, this.firstNotBefore(before.at, before.id));
    if (filter.toAt !== null) p = Math.min(p, this.firstNotBefore(instant(filter.toAt), ""));
    const from = filter.fromAt === null ? -Infinity : instant(filter.fromAt);
    const given: [number, number][] = [];
    if (filter.actor !== null) given.push([ACTOR, this.codes.actor.find(filter.actor)]);
    if (filter.entity !== null) given.push([ENTITY, this.codes.entity.find(filter.entity)]);
    if (filter.action !== null) given.push([ACTION, this.codes.action.find(filter.action)]);
    if (filter.entityId !== null) given.push([RECORD, textHash(filter.entityId)]);
    const found: IndexedEntry[] = [];
    // A text no entry has matches nothing.
    if (given.some(([, code]) => code < 0)) return found;
    const fields = this.fields;
    scan: while (--p >= 0 && found.length < count) {
      if (this.at[p]! < from) break;
      for (const [field, code] of given) if (fields[p * FIELDS + field] !== code) continue scan;
      // The record's hash only says "maybe": its text decides.
      if (filter.entityId !== null && this.records.get(fields[p * FIELDS + SLOT]!) !== filter.entityId) continue;
      found.push(this.entryAt(p));
    }
    return found;
  }

  private idAt(p: number): string {
    return this.ids.get(this.fields[p * FIELDS + SLOT]!);
  }

  /** The first position whose entry is not older than (at, id). */
  private firstNotBefore(at: number, id: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.at[mid]!;
      if (t < at || (t === at && this.idAt(mid) < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Writes after which the index is read from the graph again. */
const READ_AGAIN = new Set(["admin/delete-all"]);

interface Holder {
  positions: AuditPositions | null;
  reading: Promise<AuditPositions> | null;
  /** Entries written while the graph is being read: placed once the read is in. */
  heard: IndexedEntry[];
  /** Counts writes the index cannot follow: a read that began before one is read again. */
  upsets: number;
}

const holders = new WeakMap<GraphStore, Holder>();

const entryOf = (row: Row): IndexedEntry => ({
  id: String(row.id),
  at: String(row.at ?? ""),
  actor: String(row.actor ?? ""),
  entity: String(row.entity ?? ""),
  action: String(row.action ?? ""),
  entityId: String(row.entityId ?? ""),
  summary: String(row.summary ?? ""),
});

function hear(holder: Holder, write: CommittedWrite): void {
  // A write that failed may have committed entries this index never saw.
  if (write.uncertain || write.tables.includes("AuditEntry") || write.steps.some((s) => READ_AGAIN.has(s.query))) {
    holder.positions = null;
    holder.heard = [];
    holder.upsets++;
    return;
  }
  for (const step of write.steps) {
    if (step.query !== "audit/add-entry") continue;
    for (const row of step.rows) {
      const entry = entryOf(row);
      if (holder.positions) holder.positions.add(entry);
      else if (holder.reading) holder.heard.push(entry);
    }
  }
}

async function readPositions(store: GraphStore, holder: Holder): Promise<AuditPositions> {
  for (;;) {
    const upsets = holder.upsets;
    holder.heard = [];
    const rows = await store.read("audit/index-entries");
    if (holder.upsets !== upsets) continue;
    const positions = new AuditPositions();
    // Oldest first, as the graph sorted them: each is placed at the end.
    for (const row of rows) positions.add(entryOf(row));
    for (const entry of holder.heard) positions.add(entry);
    holder.heard = [];
    // Set in the turn the read came back in: no write can be heard between.
    holder.positions = positions;
    return positions;
  }
}

/** The log's positions as of the last write this process committed (Kùzu only). */
export async function auditIndex(store: GraphStore): Promise<AuditPositions> {
  let holder = holders.get(store);
  if (!holder) {
    const h: Holder = { positions: null, reading: null, heard: [], upsets: 0 };
    store.commits.follow((write) => hear(h, write));
    holders.set(store, (holder = h));
  }
  const h = holder;
  if (h.positions) return h.positions;
  h.reading ??= readPositions(store, h).finally(() => (h.reading = null));
  return h.reading;
}
