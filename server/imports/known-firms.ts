/**
 * The firms the graph already holds, as an import matches its rows to them: by
 * 统一社会信用代码, else by name in a compatible region. A list of listed companies gives
 * the province (浙江省) where the graph knows the county (宁波市北仑区): the same name in a
 * region that contains the other is the same firm, updated rather than added twice.
 *
 * Held compactly (docs/decisions/040-compact-firm-keys.md): a million firms are a few long
 * strings and typed arrays, not a million entry objects and three million strings. Each
 * firm takes a slot, in the order added; its id (unless made of its code), 统一社会信用代码
 * and name key are slices of long strings (services/slot-texts.ts), its region an index
 * into the regions held once, its place a number. Three hash tables of slots (open addressing, linear
 * probing) find a firm by id, and the last firm of a code or a name key; the firms sharing
 * a key are linked from the last to the first, in the order of their places. A firm
 * removed leaves its slot unused; the unused slots are dropped, in order, once they are a
 * quarter of all.
 */
import { hashOf, room, SlotTexts } from "../services/slot-texts.js";
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

/** Unused slots dropped once they are more than this and a quarter of all. */
export const KNOWN_FIRMS = { compactAfter: 1024 };

/** A text per slot, as a table of slots reads it. */
interface Column {
  get(slot: number): string;
  equals(slot: number, text: string): boolean;
  hash(slot: number): number;
}

/** A table's buckets stay at most this full. */
const MAX_LOAD = 0.75;

/**
 * Slots by the text a column holds for them: each key (a slot's text) at most once, with
 * one slot. Open addressing with linear probing, at most three quarters full; a key removed
 * moves the keys probed past it back (no tombstones).
 */
class SlotTable {
  /** Slot + 1 per bucket, 0 for none. */
  private table = new Int32Array(1024);
  count = 0;

  constructor(private readonly texts: Column) {}

  /** Room for `keys` keys without growing. */
  reserve(keys: number): void {
    if (keys > this.table.length * MAX_LOAD) this.rehash(Math.ceil(keys / MAX_LOAD) + 1);
  }

  /** The slot held under `key` (whose hash is `hash`), or -1. */
  get(key: string, hash = hashOf(key)): number {
    const at = this.bucketOf(key, hash);
    return at < 0 ? -1 : this.table[at]! - 1;
  }

  /** Holds `slot` under its own text, `key` (replacing the slot held under it, if any). */
  set(slot: number, key = this.texts.get(slot), hash = hashOf(key)): void {
    for (let i = this.home(hash); ; i = this.next(i)) {
      const held = this.table[i]!;
      if (held === 0) {
        this.table[i] = slot + 1;
        if (++this.count > this.table.length * MAX_LOAD) this.rehash(this.table.length * 2);
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
    let hole = this.bucketOf(this.texts.get(slot), this.texts.hash(slot));
    if (hole < 0) return;
    this.table[hole] = 0;
    this.count--;
    // Each key probed past the hole moves into it, unless its own bucket lies after the hole.
    for (let i = this.next(hole); this.table[i] !== 0; i = this.next(i)) {
      const home = this.home(this.texts.hash(this.table[i]! - 1));
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

  /** A hash's own bucket: the hash scaled to the table's length (any length, not only powers of two). */
  private home(hash: number): number {
    return Math.floor((hash / 0x1_0000_0000) * this.table.length);
  }

  private next(i: number): number {
    return i + 1 === this.table.length ? 0 : i + 1;
  }

  private bucketOf(key: string, hash: number): number {
    for (let i = this.home(hash); ; i = this.next(i)) {
      const held = this.table[i]!;
      if (held === 0) return -1;
      if (this.texts.equals(held - 1, key)) return i;
    }
  }

  private rehash(length: number): void {
    const old = this.table;
    this.table = new Int32Array(length);
    for (const held of old) {
      if (held === 0) continue;
      let i = this.home(this.texts.hash(held - 1));
      while (this.table[i] !== 0) i = this.next(i);
      this.table[i] = held;
    }
  }
}

const NO_CODE = 1;
const GONE = 2;
/** The firm's id is "u-" and its code in lower case (the import's id for a firm with a code): not held apart. */
const ID_OF_CODE = 4;
const NONE = -1;

/** The text in lower case, A–Z only (as the import's ids are made of codes, which are ASCII). */
const lowerAscii = (text: string) => text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
const lowerUnit = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
/** Whether `text` from `from` on is `upper` in lower case (A–Z only). */
function lowerEquals(text: string, from: number, upper: string): boolean {
  for (let k = 0; k < upper.length; k++) if (text.charCodeAt(from + k) !== lowerUnit(upper.charCodeAt(k))) return false;
  return true;
}
const U = "u".charCodeAt(0);
const DASH = "-".charCodeAt(0);

/**
 * The graph's firms by their keys. Built once from every firm, or kept and changed firm by
 * firm (firm-keys.ts): either way it holds the same firms in the same order (by place), so
 * it finds the same firm for every row.
 */
export class KnownFirms {
  /** The ids not made of the code (ID_OF_CODE: "" here). */
  private ids!: SlotTexts;
  /** The 统一社会信用代码 ("" for none; NO_CODE tells null from ""). */
  private codes!: SlotTexts;
  /** The name keys (nameKey). */
  private names!: SlotTexts;
  private flags!: Uint8Array;
  private place!: Float64Array;
  private region!: Int32Array;
  private regions!: string[];
  private regionIndex!: Map<string, number>;
  /**
   * Of the firms sharing a code, or a name key: the one placed before each (none for the
   * first). Only shared keys have entries: few firms share one.
   */
  private codeBefore!: Map<number, number>;
  private nameBefore!: Map<number, number>;
  private idTable!: SlotTable;
  /** By 统一社会信用代码: the last of the firms holding it (old firms made before the key table may share one). */
  private codeTable!: SlotTable;
  /** By name key: the last of the firms holding it (several firms of one name, in different regions). */
  private nameTable!: SlotTable;
  private slots!: number;
  private unused!: number;

  constructor() {
    this.clear();
  }

  /** Holds nothing. */
  private clear(): void {
    this.ids = new SlotTexts();
    this.codes = new SlotTexts();
    this.names = new SlotTexts();
    this.flags = new Uint8Array(0);
    this.place = new Float64Array(0);
    this.region = new Int32Array(0);
    this.regions = [];
    this.regionIndex = new Map();
    this.codeBefore = new Map();
    this.nameBefore = new Map();
    this.idTable = new SlotTable({ get: (s) => this.idOf(s), equals: (s, id) => this.hasId(s, id), hash: (s) => this.idHash(s) });
    this.codeTable = new SlotTable(this.codes);
    this.nameTable = new SlotTable(this.names);
    this.slots = 0;
    this.unused = 0;
  }

  /** Room for `firms` more firms without growing (a read of every firm knows how many come). */
  reserve(firms: number): void {
    const n = this.slots + firms;
    this.flags = room(this.flags, n, true);
    this.place = room(this.place, n, true);
    this.region = room(this.region, n, true);
    for (const texts of [this.ids, this.codes, this.names]) texts.reserve(firms);
    for (const table of [this.idTable, this.codeTable, this.nameTable]) table.reserve(table.count + firms);
  }

  /** Adds a firm, or replaces the one of its id. */
  add(name: string, firm: KnownFirm): void {
    const idHash = hashOf(firm.id);
    this.remove(firm.id, idHash);
    this.put(nameKey(name), firm, idHash);
  }

  private put(key: string, firm: KnownFirm, idHash = hashOf(firm.id)): void {
    const s = this.slots++;
    this.flags = room(this.flags, this.slots);
    this.place = room(this.place, this.slots);
    this.region = room(this.region, this.slots);
    const idOfCode = !!firm.uscc && firm.id.length === firm.uscc.length + 2 && firm.id.startsWith("u-") && lowerEquals(firm.id, 2, firm.uscc);
    this.ids.push(idOfCode ? "" : firm.id);
    this.codes.push(firm.uscc ?? "");
    this.names.push(key);
    this.flags[s] = (firm.uscc === null ? NO_CODE : 0) | (idOfCode ? ID_OF_CODE : 0);
    this.place[s] = firm.place;
    let r = this.regionIndex.get(firm.regionCode);
    if (r === undefined) this.regionIndex.set(firm.regionCode, (r = this.regions.push(firm.regionCode) - 1));
    this.region[s] = r;
    this.idTable.set(s, firm.id, idHash);
    if (firm.uscc) this.link(this.codeTable, this.codeBefore, s, firm.uscc);
    this.link(this.nameTable, this.nameBefore, s, key);
  }
  /** Forgets the firm of that id (if held). */
  remove(id: string, idHash = hashOf(id)): void {
    const s = this.idTable.get(id, idHash);
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
    for (let s = this.nameTable.get(nameKey(row.name)); s !== NONE; s = this.nameBefore.get(s) ?? NONE) {
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
    const ids = (last: number, before: Map<number, number>) => {
      const list: string[] = [];
      for (let s = last; s !== NONE; s = before.get(s) ?? NONE) list.push(this.idOf(s));
      return list.reverse().join(" ");
    };
    return {
      firms: [...this.idTable.slots()].map((s) => [this.idOf(s), this.names.get(s), this.flags[s]! & NO_CODE ? "-" : this.codes.get(s), this.regions[this.region[s]!], this.place[s]].join(" ")).sort(),
      codes: [...this.codeTable.slots()].map((s) => `${this.codes.get(s)}: ${ids(s, this.codeBefore)}`).sort(),
      names: [...this.nameTable.slots()].map((s) => `${this.names.get(s)}: ${ids(s, this.nameBefore)}`).sort(),
    };
  }

  /** The firm of a slot, as a new object. */
  private firm(s: number): KnownFirm {
    return { id: this.idOf(s), uscc: this.flags[s]! & NO_CODE ? null : this.codes.get(s), regionCode: this.regions[this.region[s]!]!, place: this.place[s]! };
  }

  /** Puts slot `s` among the firms of its key, after every firm placed before it or at its place. */
  private link(table: SlotTable, before: Map<number, number>, s: number, key: string): void {
    const hash = hashOf(key);
    const last = table.get(key, hash);
    if (last === NONE) return table.set(s, key, hash);
    if (this.place[last]! <= this.place[s]!) {
      before.set(s, last);
      return table.set(s, key, hash);
    }
    let after = last;
    for (let b = before.get(after) ?? NONE; b !== NONE && this.place[b]! > this.place[s]!; b = before.get(after) ?? NONE) after = b;
    const first = before.get(after);
    if (first === undefined) before.delete(s);
    else before.set(s, first);
    before.set(after, s);
  }

  /** Takes slot `s` out of the firms of its key. */
  private unlink(table: SlotTable, before: Map<number, number>, s: number, key: string): void {
    const last = table.get(key);
    const previous = before.get(s);
    before.delete(s);
    if (last === s) {
      if (previous === undefined) table.delete(s);
      else table.set(previous);
      return;
    }
    let after = last;
    while (before.get(after) !== s) after = before.get(after)!;
    if (previous === undefined) before.delete(after);
    else before.set(after, previous);
  }

  /** The id of a slot. */
  private idOf(s: number): string {
    return this.flags[s]! & ID_OF_CODE ? `u-${lowerAscii(this.codes.get(s))}` : this.ids.get(s);
  }

  private hasId(s: number, id: string): boolean {
    if (!(this.flags[s]! & ID_OF_CODE)) return this.ids.equals(s, id);
    return id.length === this.codes.length(s) + 2 && id.startsWith("u-") && this.codes.equals(s, id, 2, lowerUnit);
  }

  /** hashOf(idOf(s)), without making the id of a code. */
  private idHash(s: number): number {
    if (!(this.flags[s]! & ID_OF_CODE)) return this.ids.hash(s);
    return this.codes.hash(s, [U, DASH], lowerUnit);
  }

  /** Drops the unused slots: every firm held is put again, in the order of its slot. */
  private compact(): void {
    const held: [string, KnownFirm][] = [];
    for (let s = 0; s < this.slots; s++) if (!(this.flags[s]! & GONE)) held.push([this.names.get(s), this.firm(s)]);
    this.clear();
    this.reserve(held.length);
    for (const [key, firm] of held) this.put(key, firm);
  }
}
