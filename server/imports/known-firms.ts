/**
 * The firms the graph already holds, as an import matches its rows to them: by
 * 统一社会信用代码, else by name in a compatible region. A list of listed companies gives
 * the province (浙江省) where the graph knows the county (宁波市北仑区): the same name in a
 * region that contains the other is the same firm, updated rather than added twice.
 *
 * Held compactly (docs/decisions/0XX-compact-firm-keys.md): a million firms are a few long
 * strings and typed arrays, not a million entry objects and three million strings. Each
 * firm takes a slot, in the order added; its id, 统一社会信用代码 and name key are slices
 * of long strings (one per 65,536 firms of each), its region an index into the regions
 * held once, its place a number. Three hash tables of slots (open addressing, linear
 * probing) find a firm by id, and the last firm of a code or a name key; the firms sharing
 * a key are linked from the last to the first, in the order of their places. A firm
 * removed leaves its slot unused; the unused slots are dropped, in order, once they are a
 * quarter of all.
 */
import { halfWidth } from "./values.js";

export interface KnownFirm {
  id: string;
  uscc: string | null;
  regionCode: string;
  /**
   * Its place in the graph's firm table (Kùzu's node offset; 0 where the engine has none):
   * of several firms holding one code or one name, the order they are compared in.
   */
  place: number;
}

/** What nameKey changes: a full-width form or space, any other space. */
const NOT_A_KEY = /[\uff01-\uff5e\u3000\s]/;

/** A name as compared: half-width, without spaces (（中国） and (中国) are one). */
export const nameKey = (name: string) => (NOT_A_KEY.test(name) ? halfWidth(name).replace(/\s+/g, "") : name);

/** Whether region `outer` is `inner` or contains it (codes: 330000 province, 330200 city, 330206 county). */
export function regionContains(outer: string, inner: string): boolean {
  if (outer.endsWith("0000")) return inner.startsWith(outer.slice(0, 2));
  if (outer.endsWith("00")) return inner.startsWith(outer.slice(0, 4));
  return inner === outer;
}

/** Of two compatible regions, the one that says more (the county rather than its province). */
export const narrowerRegion = (a: string, b: string) => (regionContains(a, b) ? b : a);

/** Slots per long string of texts. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/** Unused slots dropped once they are more than this and a quarter of all. */
export const KNOWN_FIRMS = { compactAfter: 1024 };

type Typed = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** `a` with room for `n` elements (doubled, copied), or `a` itself when it has it. */
function room<T extends Typed>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (length: number) => T)(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}

/** FNV-1a over the UTF-16 code units of `text` from `start` to `end`. */
function hashOf(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A text per slot, held as one long string per CHUNK slots (the newest apart until their chunk is full). */
class Texts {
  private readonly chunks: string[] = [];
  private open: string[] = [];
  /** Where each slot's text ends in its chunk. */
  private ends = new Uint32Array(0);
  private size = 0;

  push(text: string): void {
    const i = this.size++;
    this.ends = room(this.ends, this.size);
    this.ends[i] = ((i & (CHUNK - 1)) === 0 ? 0 : this.ends[i - 1]!) + text.length;
    this.open.push(text);
    if (this.open.length === CHUNK) {
      this.chunks.push(this.open.join(""));
      this.open = [];
    }
  }

  get(i: number): string {
    const chunk = i >>> CHUNK_BITS;
    if (chunk === this.chunks.length) return this.open[i & (CHUNK - 1)]!;
    return this.chunks[chunk]!.slice(this.start(i), this.ends[i]);
  }

  length(i: number): number {
    return this.ends[i]! - this.start(i);
  }

  /** Whether slot `i` holds `text`, read in place. */
  equals(i: number, text: string): boolean {
    const chunk = i >>> CHUNK_BITS;
    if (chunk === this.chunks.length) return this.open[i & (CHUNK - 1)] === text;
    const start = this.start(i);
    return this.ends[i]! - start === text.length && this.chunks[chunk]!.startsWith(text, start);
  }

  hash(i: number): number {
    const chunk = i >>> CHUNK_BITS;
    return chunk === this.chunks.length ? hashOf(this.open[i & (CHUNK - 1)]!) : hashOf(this.chunks[chunk]!, this.start(i), this.ends[i]);
  }

  private start(i: number): number {
    return (i & (CHUNK - 1)) === 0 ? 0 : this.ends[i - 1]!;
  }
}

/**
 * Slots by the text a column holds for them: each key (a slot's text) at most once, with
 * one slot. Open addressing with linear probing, at most half full; a key removed moves the
 * keys probed past it back (no tombstones).
 */
class SlotTable {
  /** Slot + 1 per bucket, 0 for none. */
  private table = new Int32Array(1024);
  count = 0;

  constructor(private readonly texts: Texts) {}

  /** The slot held under `key`, or -1. */
  get(key: string): number {
    const at = this.bucketOf(key, hashOf(key));
    return at < 0 ? -1 : this.table[at]! - 1;
  }

  /** Holds `slot` under its own text (replacing the slot held under it, if any). */
  set(slot: number): void {
    const key = this.texts.get(slot);
    const mask = this.table.length - 1;
    for (let i = this.texts.hash(slot) & mask; ; i = (i + 1) & mask) {
      const held = this.table[i]!;
      if (held === 0) {
        this.table[i] = slot + 1;
        if (++this.count * 2 > this.table.length) this.grow();
        return;
      }
      if (this.texts.equals(held - 1, key)) {
        this.table[i] = slot + 1;
        return;
      }
    }
  }

  /** Forgets the key `slot`'s text is. */
  delete(slot: number): void {
    const mask = this.table.length - 1;
    let hole = this.bucketOf(this.texts.get(slot), this.texts.hash(slot));
    if (hole < 0) return;
    this.table[hole] = 0;
    this.count--;
    // Each key probed past the hole moves into it, unless its own bucket lies after the hole.
    for (let i = (hole + 1) & mask; this.table[i] !== 0; i = (i + 1) & mask) {
      const home = this.texts.hash(this.table[i]! - 1) & mask;
      const stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
      if (stays) continue;
      this.table[hole] = this.table[i]!;
      this.table[i] = 0;
      hole = i;
    }
  }

  /** Each slot held, one per key. */
  *slots(): Iterable<number> {
    for (const held of this.table) if (held !== 0) yield held - 1;
  }

  private bucketOf(key: string, hash: number): number {
    const mask = this.table.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const held = this.table[i]!;
      if (held === 0) return -1;
      if (this.texts.equals(held - 1, key)) return i;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    const mask = this.table.length - 1;
    for (const held of old) {
      if (held === 0) continue;
      let i = this.texts.hash(held - 1) & mask;
      while (this.table[i] !== 0) i = (i + 1) & mask;
      this.table[i] = held;
    }
  }
}

const NO_CODE = 1;
const GONE = 2;
const NONE = -1;

/**
 * The graph's firms by their keys. Built once from every firm, or kept and changed firm by
 * firm (firm-keys.ts): either way it holds the same firms in the same order (by place), so
 * it finds the same firm for every row.
 */
export class KnownFirms {
  private ids = new Texts();
  /** The 统一社会信用代码 ("" for none; NO_CODE tells null from ""). */
  private codes = new Texts();
  /** The name keys (nameKey). */
  private names = new Texts();
  private flags = new Uint8Array(0);
  private place = new Float64Array(0);
  private region = new Int32Array(0);
  private regions: string[] = [];
  private regionIndex = new Map<string, number>();
  /** Of the firms sharing a code, or a name key: the one placed before this one (NONE for the first). */
  private codeBefore = new Int32Array(0);
  private nameBefore = new Int32Array(0);
  private idTable = new SlotTable(this.ids);
  /** By 统一社会信用代码: the last of the firms holding it (old firms made before the key table may share one). */
  private codeTable = new SlotTable(this.codes);
  /** By name key: the last of the firms holding it (several firms of one name, in different regions). */
  private nameTable = new SlotTable(this.names);
  private slots = 0;
  private unused = 0;

  /** Adds a firm, or replaces the one of its id. */
  add(name: string, firm: KnownFirm): void {
    this.remove(firm.id);
    this.put(nameKey(name), firm);
  }

  private put(key: string, firm: KnownFirm): void {
    const s = this.slots++;
    this.flags = room(this.flags, this.slots);
    this.place = room(this.place, this.slots);
    this.region = room(this.region, this.slots);
    this.codeBefore = room(this.codeBefore, this.slots);
    this.nameBefore = room(this.nameBefore, this.slots);
    this.ids.push(firm.id);
    this.codes.push(firm.uscc ?? "");
    this.names.push(key);
    this.flags[s] = firm.uscc === null ? NO_CODE : 0;
    this.place[s] = firm.place;
    let r = this.regionIndex.get(firm.regionCode);
    if (r === undefined) this.regionIndex.set(firm.regionCode, (r = this.regions.push(firm.regionCode) - 1));
    this.region[s] = r;
    this.idTable.set(s);
    if (firm.uscc) this.link(this.codeTable, this.codeBefore, s, firm.uscc);
    this.link(this.nameTable, this.nameBefore, s, key);
  }

  /** Forgets the firm of that id (if held). */
  remove(id: string): void {
    const s = this.idTable.get(id);
    if (s < 0) return;
    this.idTable.delete(s);
    if (this.codes.length(s) > 0) this.unlink(this.codeTable, this.codeBefore, s, this.codes.get(s));
    this.unlink(this.nameTable, this.nameBefore, s, this.names.get(s));
    this.flags[s]! |= GONE;
    if (++this.unused > KNOWN_FIRMS.compactAfter && this.unused * 4 > this.slots) this.compact();
  }

  /**
   * The firm a row names: the one with its code (of several, the one placed last); else the
   * one of its name in its region, or the only one of its name in a region that contains it
   * or that it contains. Never a firm whose code differs from the row's.
   */
  find(row: { uscc: string | null; name: string; regionCode: string }): KnownFirm | undefined {
    if (row.uscc) {
      const byCode = this.codeTable.get(row.uscc);
      if (byCode >= 0) return this.firm(byCode);
    }
    // Walked from the last placed to the first: the first placed of the region wins.
    let exact = NONE;
    let compatible = NONE;
    let compatibles = 0;
    for (let s = this.nameTable.get(nameKey(row.name)); s !== NONE; s = this.nameBefore[s]!) {
      if (row.uscc && this.codes.length(s) > 0 && !this.codes.equals(s, row.uscc)) continue;
      const region = this.regions[this.region[s]!]!;
      if (region === row.regionCode) exact = s;
      if (regionContains(region, row.regionCode) || regionContains(row.regionCode, region)) {
        compatible = s;
        compatibles++;
      }
    }
    if (exact !== NONE) return this.firm(exact);
    return compatibles === 1 ? this.firm(compatible) : undefined;
  }

  byId(id: string): KnownFirm | undefined {
    const s = this.idTable.get(id);
    return s < 0 ? undefined : this.firm(s);
  }

  /** Whether a row may be found by this key (a code or a name key). */
  has(key: string): boolean {
    return this.codeTable.get(key) >= 0 || this.nameTable.get(key) >= 0;
  }

  /** The keys a row may be found by (codes and name keys), for the workers' filter. */
  *keys(): Iterable<string> {
    for (const s of this.codeTable.slots()) yield this.codes.get(s);
    for (const s of this.nameTable.slots()) yield this.names.get(s);
  }

  get size(): number {
    return this.codeTable.count + this.nameTable.count;
  }

  /** How many firms it holds. */
  get firms(): number {
    return this.idTable.count;
  }

  /**
   * Everything it holds, in a canonical order: each firm (id, name key, code, region, place),
   * and under each code and name key the ids in the order they are compared. Two of them
   * find the same firm for every row when these are equal.
   */
  describe(): { firms: string[]; codes: string[]; names: string[] } {
    const ids = (last: number, before: Int32Array) => {
      const list: string[] = [];
      for (let s = last; s !== NONE; s = before[s]!) list.push(this.ids.get(s));
      return list.reverse().join(" ");
    };
    return {
      firms: [...this.idTable.slots()].map((s) => [this.ids.get(s), this.names.get(s), this.flags[s]! & NO_CODE ? "-" : this.codes.get(s), this.regions[this.region[s]!], this.place[s]].join(" ")).sort(),
      codes: [...this.codeTable.slots()].map((s) => `${this.codes.get(s)}: ${ids(s, this.codeBefore)}`).sort(),
      names: [...this.nameTable.slots()].map((s) => `${this.names.get(s)}: ${ids(s, this.nameBefore)}`).sort(),
    };
  }

  /** The firm of a slot, as a new object. */
  private firm(s: number): KnownFirm {
    return { id: this.ids.get(s), uscc: this.flags[s]! & NO_CODE ? null : this.codes.get(s), regionCode: this.regions[this.region[s]!]!, place: this.place[s]! };
  }

  /** Puts slot `s` among the firms of its key, after every firm placed before it or at its place. */
  private link(table: SlotTable, before: Int32Array, s: number, key: string): void {
    const last = table.get(key);
    if (last === NONE || this.place[last]! <= this.place[s]!) {
      before[s] = last;
      table.set(s);
      return;
    }
    let after = last;
    while (before[after] !== NONE && this.place[before[after]!]! > this.place[s]!) after = before[after]!;
    before[s] = before[after]!;
    before[after] = s;
  }

  /** Takes slot `s` out of the firms of its key. */
  private unlink(table: SlotTable, before: Int32Array, s: number, key: string): void {
    const last = table.get(key);
    if (last === s) {
      if (before[s] === NONE) table.delete(s);
      else table.set(before[s]!);
      return;
    }
    let after = last;
    while (before[after] !== s) after = before[after]!;
    before[after] = before[s]!;
  }

  /** Drops the unused slots: every firm held is added again, in the order of its slot. */
  private compact(): void {
    const fresh = new KnownFirms();
    for (let s = 0; s < this.slots; s++) if (!(this.flags[s]! & GONE)) fresh.put(this.names.get(s), this.firm(s));
    Object.assign(this, fresh);
  }
}
