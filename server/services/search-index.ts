/**
 * An in-memory index over firms' search keys (search-keys.ts), answering exactly what a
 * scan of every firm would: firms with a key equal to the query first, then a key
 * starting with it, then a key containing it; within each, by which key (the name before
 * its pinyin, its initials, then aliases), then the shorter name, then the id.
 *
 * Entries are stored in that tie order (name length, then id), so every posting list
 * runs best-first and a query stops as soon as it has its `limit` firms. Each key's grams
 * (first character, first two, every character, every pair) point to the entries holding
 * them, by which key, and whole keys are found by their hash; candidates are then checked
 * against the key's text, so no coincidence of grams or hashes ever shows. Keys are kept as UTF-8 in one buffer, the lists compressed
 * (search-postings.ts): about 200 bytes a firm.
 */
import { STANDINGS, type Standing } from "../model/standing.js";

/** A firm's standing in its byte beside the sample bit. */
const STANDING_FLAGS: Record<Standing, number> = { active: 2, suspended: 4, closed: 8 };
import { PostingsBuilder, type Cursor, type Postings } from "./search-postings.js";

export interface IndexedFirm {
  id: string;
  name: string;
  aliases: string[];
  regionCode: string;
  sample: boolean;
  /** Its 登记状态 (model/standing.ts): shown beside the hit; null or absent when never said. */
  standing?: Standing | null;
  /** Its search keys joined by "|" (search-keys.ts). */
  searchText: string;
  /** The block of the graph it was read from (see firm-search.ts); queries may hide blocks. */
  block: number;
}

export interface FirmHit {
  /** kind × 1000 + key index: kind 0 a key equals the query, 1 starts with it, 2 holds it. */
  rank: number;
  id: string;
  name: string;
  aliases: string[];
  regionCode: string;
  sample: boolean;
  standing: Standing | null;
}

/** The order of hits: rank, then the shorter name, then the id (UTF-16 code units). */
export function compareHits(a: FirmHit, b: FirmHit): number {
  return a.rank - b.rank || a.name.length - b.name.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Keys 0, 1 and 2 (the name, its pinyin, its initials) each have lists; later keys (aliases) share one. */
const CLASSES = 4;
const PIPE = 0x7c;

/** Lists by a 32-bit gram (a pair of UTF-16 units, or a key's hash): open addressing. */
class GramTable {
  private keys = new Uint32Array(1024);
  private values = new Int32Array(1024).fill(-1);
  private size = 0;
  private shift = 22; // 32 − log2(capacity)

  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      if (this.values[i] === -1) return -1;
      if (this.keys[i] === key) return this.values[i]!;
    }
  }

  getOrAdd(key: number, create: () => number): number {
    const mask = this.keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      if (this.values[i] === -1) {
        const value = create();
        this.keys[i] = key;
        this.values[i] = value;
        if (++this.size * 2 > this.keys.length) this.grow();
        return value;
      }
      if (this.keys[i] === key) return this.values[i]!;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    this.shift -= 1;
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (values[j] === -1) continue;
      let i = this.slot(keys[j]!);
      while (this.values[i] !== -1) i = (i + 1) & mask;
      this.keys[i] = keys[j]!;
      this.values[i] = values[j]!;
    }
  }

  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }
}

/** Lists by one UTF-16 unit: a plain table. */
class CharTable {
  private readonly values = new Int32Array(0x10000).fill(-1);

  get(unit: number): number {
    return this.values[unit]!;
  }

  getOrAdd(unit: number, create: () => number): number {
    let value = this.values[unit]!;
    if (value === -1) this.values[unit] = value = create();
    return value;
  }

  get bytes(): number {
    return this.values.byteLength;
  }
}

/** Kinds of gram list, per key class. */
const FIRST = 0; // the key's first character
const FIRST_TWO = 1; // its first two
const ANY = 2; // any character of it
const ANY_TWO = 3; // any two in a row
const KINDS = 4;

const pairOf = (text: string, at: number) => ((text.charCodeAt(at) << 16) | text.charCodeAt(at + 1)) >>> 0;

/** FNV-1a over the UTF-16 units of a whole key, in `bits` bits. */
function keyHash(key: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) >>> (32 - bits);
}

/**
 * Whole keys of one class by their hash: hash × scale + entry, sorted, so the entries
 * whose key may equal a query are one binary search away (8 bytes a key).
 */
class WholeKeys {
  private values: Float64Array = new Float64Array(1024);
  private length = 0;
  constructor(
    private readonly scale: number,
    private readonly bits: number,
  ) {}

  add(key: string, ord: number): void {
    if (this.length === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = keyHash(key, this.bits) * this.scale + ord;
  }

  finish(): void {
    this.values = this.values.slice(0, this.length).sort();
  }

  /** Entries with a key of this hash, ascending. */
  cursor(key: string): Cursor {
    const values = this.values;
    const from = keyHash(key, this.bits) * this.scale;
    let low = 0;
    let high = values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (values[mid]! < from) low = mid + 1;
      else high = mid;
    }
    const scale = this.scale;
    return {
      next() {
        if (low >= values.length || values[low]! >= from + scale) return -1;
        return values[low++]! - from;
      },
    };
  }

  get bytes(): number {
    return this.values.byteLength;
  }
}

/** Appends strings as UTF-8 to a growing buffer. */
class TextBuffer {
  buffer = Buffer.allocUnsafe(1 << 20);
  length = 0;

  add(text: string): void {
    const need = Buffer.byteLength(text);
    if (this.length + need > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + need));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
    this.length += this.buffer.write(text, this.length);
  }

  /** The exact bytes, copied (the growth room goes). */
  done(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

export class SearchIndex {
  private constructor(
    readonly size: number,
    private readonly text: Buffer,
    private readonly textAt: Uint32Array,
    private readonly ids: Buffer,
    private readonly idAt: Uint32Array,
    /** Display names that differ from the first key (which is the name in lower case). */
    private readonly names: Map<number, string>,
    private readonly aliases: Map<number, string[]>,
    private readonly regions: string[],
    private readonly regionOf: Uint16Array,
    private readonly samples: Uint8Array,
    private readonly blocks: Uint32Array,
    private readonly tables: (GramTable | CharTable)[],
    private readonly postings: Postings,
    private readonly wholeKeys: WholeKeys[],
  ) {}

  /**
   * Builds the index; yields to the event loop now and then (`pause`), so a server stays
   * responsive while a large one is built.
   */
  static async build(firms: Iterable<IndexedFirm> | AsyncIterable<IndexedFirm>, pause: () => Promise<void> = async () => undefined): Promise<SearchIndex> {
    // 1. The firms in load order, compactly; then their tie order.
    const loaded = new TextBuffer();
    const loadedAt: number[] = [0];
    const ids: string[] = [];
    const nameLengths: number[] = [];
    const names = new Map<number, string>();
    const aliases = new Map<number, string[]>();
    const regionIds = new Map<string, number>();
    const regionOf: number[] = [];
    const samples: number[] = [];
    const blocks: number[] = [];
    for await (const firm of firms) {
      const i = ids.length;
      ids.push(firm.id);
      nameLengths.push(firm.name.length);
      const firstKey = firm.searchText.split("|", 1)[0];
      if (firstKey !== firm.name) names.set(i, firm.name);
      if (firm.aliases.length) aliases.set(i, firm.aliases);
      let region = regionIds.get(firm.regionCode);
      if (region === undefined) regionIds.set(firm.regionCode, (region = regionIds.size));
      regionOf.push(region);
      // One byte a firm: the sample bit, and its standing's.
      samples.push((firm.sample ? 1 : 0) | (firm.standing ? STANDING_FLAGS[firm.standing] : 0));
      blocks.push(firm.block);
      loaded.add(firm.searchText);
      loadedAt.push(loaded.length);
      if (i % 50_000 === 49_999) await pause();
    }
    const n = ids.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => nameLengths[a]! - nameLengths[b]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
    await pause();

    // 2. Everything in tie order.
    const textOut = Buffer.allocUnsafe(loaded.length);
    const textAt = new Uint32Array(n + 1);
    const idText = new TextBuffer();
    const idAt = new Uint32Array(n + 1);
    const orderedNames = new Map<number, string>();
    const orderedAliases = new Map<number, string[]>();
    const regions = [...regionIds.keys()];
    if (regions.length > 0xffff) throw new Error("More than 65,535 region codes in one index");
    const regionOrd = new Uint16Array(n);
    const sampleOrd = new Uint8Array(n);
    const blockOrd = new Uint32Array(n);
    let at = 0;
    for (let ord = 0; ord < n; ord++) {
      const i = order[ord]!;
      textAt[ord] = at;
      at += loaded.buffer.copy(textOut, at, loadedAt[i]!, loadedAt[i + 1]!);
      idText.add(ids[i]!);
      idAt[ord + 1] = idText.length;
      if (names.has(i)) orderedNames.set(ord, names.get(i)!);
      if (aliases.has(i)) orderedAliases.set(ord, aliases.get(i)!);
      regionOrd[ord] = regionOf[i]!;
      sampleOrd[ord] = samples[i]!;
      blockOrd[ord] = blocks[i]!;
    }
    textAt[n] = at;

    // 3. The gram lists, entry by entry in tie order (each list comes out ascending).
    const builder = new PostingsBuilder();
    const newList = () => builder.newList();
    const tables = Array.from({ length: KINDS * CLASSES }, (_, i) => (Math.floor(i / CLASSES) === FIRST || Math.floor(i / CLASSES) === ANY ? new CharTable() : new GramTable()));
    const add = (kind: number, cls: number, gram: number, ord: number) => builder.add(tables[kind * CLASSES + cls]!.getOrAdd(gram, newList), ord);
    // Entry numbers take the low bits of a whole key's value, its hash the rest of 53.
    const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
    const wholeKeys = Array.from({ length: CLASSES }, () => new WholeKeys(scale, Math.min(32, 53 - Math.log2(scale))));
    for (let ord = 0; ord < n; ord++) {
      const keys = textOut.toString("utf8", textAt[ord], textAt[ord + 1]).split("|");
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (!key) continue;
        const cls = Math.min(k, CLASSES - 1);
        wholeKeys[cls]!.add(key, ord);
        add(FIRST, cls, key.charCodeAt(0), ord);
        if (key.length > 1) add(FIRST_TWO, cls, pairOf(key, 0), ord);
        for (let j = 0; j < key.length; j++) {
          add(ANY, cls, key.charCodeAt(j), ord);
          if (j + 1 < key.length) add(ANY_TWO, cls, pairOf(key, j), ord);
        }
      }
      if (ord % 20_000 === 19_999) await pause();
    }
    const postings = builder.finish(n);
    for (const whole of wholeKeys) whole.finish();
    return new SearchIndex(n, textOut, textAt, idText.done(), idAt, orderedNames, orderedAliases, regions, regionOrd, sampleOrd, blockOrd, tables, postings, wholeKeys);
  }

  /** Memory held, roughly. */
  get bytes(): number {
    return (
      this.text.byteLength +
      this.textAt.byteLength +
      this.ids.byteLength +
      this.idAt.byteLength +
      this.regionOf.byteLength +
      this.samples.byteLength +
      this.blocks.byteLength +
      this.tables.reduce((s, t) => s + t.bytes, 0) +
      this.postings.bytes +
      this.wholeKeys.reduce((s, w) => s + w.bytes, 0) +
      (this.names.size + this.aliases.size) * 100
    );
  }

  /**
   * The best `limit` firms for `q` (a normalised query, search-keys.ts), best first, leaving
   * out firms of the blocks `hidden` names.
   */
  search(q: string, limit: number, hidden?: (block: number) => boolean): FirmHit[] {
    const hits: FirmHit[] = [];
    if (!q || limit <= 0) return hits;
    const query = Buffer.from(q, "utf8");
    const taken = new Set<number>();
    for (let kind = 0; kind < 3; kind++) {
      for (let cls = 0; cls < CLASSES; cls++) {
        const cursor = this.candidates(q, kind, cls);
        if (!cursor) continue;
        if (cls < CLASSES - 1) {
          for (let ord = cursor.next(); ord >= 0; ord = cursor.next()) {
            if (taken.has(ord) || hidden?.(this.blocks[ord]!) || !this.matches(ord, cls, kind, query)) continue;
            taken.add(ord);
            hits.push(this.hit(ord, kind * 1000 + cls));
            if (hits.length >= limit) return hits;
          }
        } else {
          // Later keys (aliases) rank by which one matches: all candidates, then sorted.
          const found: [number, number][] = [];
          for (let ord = cursor.next(); ord >= 0; ord = cursor.next()) {
            if (taken.has(ord) || hidden?.(this.blocks[ord]!)) continue;
            const key = this.laterKeyMatching(ord, kind, query);
            if (key >= 0) found.push([kind * 1000 + key, ord]);
          }
          found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          for (const [rank, ord] of found) {
            taken.add(ord);
            hits.push(this.hit(ord, rank));
            if (hits.length >= limit) return hits;
          }
        }
      }
    }
    return hits;
  }

  /** Entries whose key of class `cls` may match `q` in the way `kind` asks; null: none can. */
  private candidates(q: string, kind: number, cls: number): Cursor | null {
    const list = (gramKind: number, gram: number) => this.tables[gramKind * CLASSES + cls]!.get(gram);
    const cursor = (id: number) => (id < 0 ? null : this.postings.cursor(id));
    if (kind === 0) return this.wholeKeys[cls]!.cursor(q);
    if (q.length === 1) return cursor(kind === 1 ? list(FIRST, q.charCodeAt(0)) : list(ANY, q.charCodeAt(0)));
    // Every pair of the query must be in the key (and a prefix's first pair start it): the
    // rarest list is read, the others only consulted.
    const pairs = new Set<number>();
    for (let j = 0; j + 1 < q.length; j++) {
      const id = list(ANY_TWO, pairOf(q, j));
      if (id < 0) return null;
      pairs.add(id);
    }
    const lists = kind === 1 ? [list(FIRST_TWO, pairOf(q, 0)), ...pairs] : [...pairs];
    if (lists.some((id) => id < 0)) return null;
    return this.postings.all(lists);
  }

  /** Where key `k` of an entry lies in `text`: [start, end), or null when it has fewer keys. */
  private keyRange(ord: number, k: number): [number, number] | null {
    const text = this.text;
    let start = this.textAt[ord]!;
    const end = this.textAt[ord + 1]!;
    for (let i = 0; i < k; i++) {
      const pipe = text.indexOf(PIPE, start);
      if (pipe < 0 || pipe >= end) return null;
      start = pipe + 1;
    }
    const pipe = text.indexOf(PIPE, start);
    return [start, pipe < 0 || pipe >= end ? end : pipe];
  }

  private matchesRange(start: number, end: number, kind: number, query: Buffer): boolean {
    const text = this.text;
    const length = end - start;
    if (kind === 0 && length !== query.length) return false;
    if (length < query.length) return false;
    if (kind < 2) {
      for (let i = 0; i < query.length; i++) if (text[start + i] !== query[i]) return false;
      return true;
    }
    const first = query[0]!;
    for (let s = start; s + query.length <= end; s++) {
      if (text[s] !== first) continue;
      let i = 1;
      while (i < query.length && text[s + i] === query[i]) i++;
      if (i === query.length) return true;
    }
    return false;
  }

  private matches(ord: number, k: number, kind: number, query: Buffer): boolean {
    const range = this.keyRange(ord, k);
    return range !== null && this.matchesRange(range[0], range[1], kind, query);
  }

  /** The first key from the fourth on that matches as `kind` asks; -1 if none. */
  private laterKeyMatching(ord: number, kind: number, query: Buffer): number {
    for (let k = CLASSES - 1; ; k++) {
      const range = this.keyRange(ord, k);
      if (!range) return -1;
      if (this.matchesRange(range[0], range[1], kind, query)) return k;
    }
  }

  private hit(ord: number, rank: number): FirmHit {
    const firstKey = this.keyRange(ord, 0)!;
    return {
      rank,
      id: this.ids.toString("utf8", this.idAt[ord], this.idAt[ord + 1]),
      name: this.names.get(ord) ?? this.text.toString("utf8", firstKey[0], firstKey[1]),
      aliases: this.aliases.get(ord) ?? [],
      regionCode: this.regions[this.regionOf[ord]!]!,
      sample: (this.samples[ord]! & 1) === 1,
      standing: STANDINGS.find((s) => (this.samples[ord]! & STANDING_FLAGS[s]) !== 0) ?? null,
    };
  }
}
