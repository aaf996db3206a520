/**
 * Posting lists for the search index: for each gram, the entries (by their place in the
 * index, ascending) whose keys hold it. Built in one pass in entry order, then stored
 * compactly: a sparse list as variable-length gaps (one byte for a gap under 128), a
 * dense one as a bitmap (one bit per entry), whichever is smaller.
 */

/** Reads a list in ascending order; -1 when it is done. */
export interface Cursor {
  next(): number;
}

const BLOCK = 32;

/** Collects lists while entries are added in ascending order. */
export class PostingsBuilder {
  private arena = new Uint8Array(1 << 20);
  private nextBlock = new Int32Array(1 << 15);
  private blocks = 0;
  private head = new Int32Array(1024);
  private tail = new Int32Array(1024);
  private tailUsed = new Uint8Array(1024);
  private last = new Int32Array(1024);
  private counts = new Uint32Array(1024);
  private bytes = new Uint32Array(1024);
  lists = 0;

  /** A new, empty list; its id. */
  newList(): number {
    if (this.lists === this.head.length) {
      const grow = <T extends Int32Array | Uint32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.head = grow(this.head);
      this.tail = grow(this.tail);
      this.tailUsed = grow(this.tailUsed);
      this.last = grow(this.last);
      this.counts = grow(this.counts);
      this.bytes = grow(this.bytes);
    }
    const id = this.lists++;
    const block = this.allocate();
    this.head[id] = block;
    this.tail[id] = block;
    this.tailUsed[id] = 0;
    this.last[id] = -1;
    return id;
  }

  private allocate(): number {
    if (this.blocks === this.nextBlock.length) {
      const next = new Int32Array(this.nextBlock.length * 2);
      next.set(this.nextBlock);
      this.nextBlock = next;
    }
    if ((this.blocks + 1) * BLOCK > this.arena.length) {
      const arena = new Uint8Array(this.arena.length * 2);
      arena.set(this.arena);
      this.arena = arena;
    }
    this.nextBlock[this.blocks] = -1;
    return this.blocks++;
  }

  private push(list: number, byte: number): void {
    if (this.tailUsed[list] === BLOCK) {
      const block = this.allocate();
      this.nextBlock[this.tail[list]!] = block;
      this.tail[list] = block;
      this.tailUsed[list] = 0;
    }
    this.arena[this.tail[list]! * BLOCK + this.tailUsed[list]!] = byte;
    this.tailUsed[list]! += 1;
  }

  /** Adds entry `at` to `list`; entries come in ascending order, and adding one twice keeps it once. */
  add(list: number, at: number): void {
    if (this.last[list] === at) return;
    let gap = at - this.last[list]!;
    this.last[list] = at;
    this.counts[list]! += 1;
    while (gap >= 0x80) {
      this.push(list, (gap & 0x7f) | 0x80);
      this.bytes[list]! += 1;
      gap = Math.floor(gap / 128);
    }
    this.push(list, gap);
    this.bytes[list]! += 1;
  }

  count(list: number): number {
    return this.counts[list]!;
  }

  /** The finished lists over `entries` entries; the builder is spent. */
  finish(entries: number): Postings {
    const bitmapBytes = Math.ceil(entries / 8);
    const offsets = new Float64Array(this.lists + 1);
    const bitmap = new Uint8Array(this.lists);
    let total = 0;
    for (let list = 0; list < this.lists; list++) {
      offsets[list] = total;
      if (this.bytes[list]! > bitmapBytes) bitmap[list] = 1;
      total += bitmap[list] ? bitmapBytes : this.bytes[list]!;
    }
    offsets[this.lists] = total;
    const data = new Uint8Array(total);
    for (let list = 0; list < this.lists; list++) {
      let out = offsets[list]!;
      const bitmapAt = out;
      let value = -1;
      let shift = 1;
      let gap = 0;
      for (let block = this.head[list]!; block >= 0; block = this.nextBlock[block]!) {
        const used = block === this.tail[list] ? this.tailUsed[list]! : BLOCK;
        for (let i = 0; i < used; i++) {
          const byte = this.arena[block * BLOCK + i]!;
          if (!bitmap[list]) {
            data[out++] = byte;
            continue;
          }
          gap += (byte & 0x7f) * shift;
          if (byte & 0x80) {
            shift *= 128;
            continue;
          }
          value += gap;
          data[bitmapAt + (value >>> 3)]! |= 1 << (value & 7);
          gap = 0;
          shift = 1;
        }
      }
    }
    const counts = this.counts.slice(0, this.lists);
    // Let the arena go.
    this.arena = new Uint8Array(0);
    return new Postings(data, offsets, bitmap, counts);
  }
}

export class Postings {
  constructor(
    private readonly data: Uint8Array,
    private readonly offsets: Float64Array,
    private readonly bitmap: Uint8Array,
    private readonly counts: Uint32Array,
  ) {}

  get bytes(): number {
    return this.data.byteLength + this.offsets.byteLength + this.bitmap.byteLength + this.counts.byteLength;
  }

  count(list: number): number {
    return this.counts[list]!;
  }

  /**
   * The entries on all of the lists: the shortest is read, and each entry is looked up in
   * the bitmaps among the others (one bit each) and walked to in the rest.
   */
  all(lists: number[]): Cursor {
    const [driver, ...others] = [...new Set(lists)].sort((a, b) => this.counts[a]! - this.counts[b]!);
    const bitmaps = others.filter((l) => this.bitmap[l]);
    const walked = others.filter((l) => !this.bitmap[l]).map((l) => this.cursor(l));
    const base = walked.length ? intersect([this.cursor(driver!), ...walked]) : this.cursor(driver!);
    if (!bitmaps.length) return base;
    const data = this.data;
    const starts = bitmaps.map((l) => this.offsets[l]!);
    return {
      next() {
        for (let at = base.next(); at >= 0; at = base.next()) {
          if (starts.every((start) => data[start + (at >>> 3)]! & (1 << (at & 7)))) return at;
        }
        return -1;
      },
    };
  }

  cursor(list: number): Cursor {
    const data = this.data;
    const end = this.offsets[list + 1]!;
    let at = this.offsets[list]!;
    if (this.bitmap[list]) {
      const start = at;
      let byte = -1;
      let bits = 0;
      return {
        next() {
          while (bits === 0) {
            at = start + ++byte;
            if (at >= end) return -1;
            bits = data[at]!;
          }
          const low = bits & -bits;
          bits ^= low;
          return byte * 8 + 31 - Math.clz32(low);
        },
      };
    }
    let value = -1;
    return {
      next() {
        if (at >= end) return -1;
        let gap = 0;
        let shift = 1;
        for (;;) {
          const b = data[at++]!;
          gap += (b & 0x7f) * shift;
          if (!(b & 0x80)) break;
          shift *= 128;
        }
        value += gap;
        return value;
      },
    };
  }
}

/** The entries on every one of the lists' cursors. */
export function intersect(cursors: Cursor[]): Cursor {
  if (cursors.length === 1) return cursors[0]!;
  const values = cursors.map((c) => c.next());
  return {
    next() {
      for (;;) {
        let max = -1;
        for (const v of values) {
          if (v < 0) return -1;
          if (v > max) max = v;
        }
        let same = true;
        for (let i = 0; i < cursors.length; i++) {
          while (values[i]! >= 0 && values[i]! < max) values[i] = cursors[i]!.next();
          if (values[i]! < 0) return -1;
          if (values[i] !== max) same = false;
        }
        if (same) {
          for (let i = 0; i < cursors.length; i++) values[i] = cursors[i]!.next();
          return max;
        }
      }
    },
  };
}
