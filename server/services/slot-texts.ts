/**
 * Texts by slot, laid out for the garbage collector: one long string per 65,536 of them
 * instead of a string each (the scoring facts' names, server/services/scoring-table.ts; the
 * firms' keys for imports, server/imports/known-firms.ts). A text is read, compared and
 * hashed where it lies, without being cut out.
 */

/** Slots per long string. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;

/**
 * A text longer than `apartOver` is held apart, so that a long string of CHUNK texts stays
 * under 2²⁸ characters, far below the longest string the engine can make (2²⁹ − 24),
 * whatever a file's names are.
 */
export const SLOT_TEXTS = { apartOver: 4096 };

export type Typed = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** `a` with room for `n` elements (doubled, copied), or `a` itself when it has it. */
export function room<T extends Typed>(a: T, n: number, exactly = false): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (length: number) => T)(exactly ? n : Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}

/** FNV-1a over the UTF-16 code units of `text` from `start` to `end`. */
export function hashOf(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** hashOf of `prefix` followed by `text` from `start` to `end`, each of its units through `unit`. */
export function hashMapped(text: string, start: number, end: number, prefix: readonly number[], unit: (c: number) => number): number {
  let hash = 0x811c9dc5;
  for (const c of prefix) hash = Math.imul(hash ^ c, 0x01000193);
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ unit(text.charCodeAt(i)), 0x01000193);
  return hash >>> 0;
}

/**
 * A text per slot, held as one long string per CHUNK slots (the newest apart until their
 * chunk is full). A text longer than SLOT_TEXTS.apartOver is held apart, so that a long
 * string stays far below the longest string the engine can make (2²⁹ − 24 characters)
 * whatever a file's names are.
 */
export class SlotTexts {
  private readonly chunks: string[] = [];
  private open: string[] = [];
  /** Where each slot's text ends in its chunk. */
  private ends = new Uint32Array(0);
  private size = 0;
  private readonly long = new Map<number, string>();

  reserve(n: number): void {
    this.ends = room(this.ends, this.size + n, true);
  }

  push(text: string): void {
    const i = this.size++;
    if (text.length > SLOT_TEXTS.apartOver) {
      this.long.set(i, text);
      text = "";
    }
    this.ends = room(this.ends, this.size);
    this.ends[i] = ((i & (CHUNK - 1)) === 0 ? 0 : this.ends[i - 1]!) + text.length;
    this.open.push(text);
    if (this.open.length === CHUNK) {
      this.chunks.push(this.open.join(""));
      this.open = [];
    }
  }

  get(i: number): string {
    this.find(i);
    const { held, from, to } = this;
    return from === 0 && to === held.length ? held : held.slice(from, to);
  }

  length(i: number): number {
    this.find(i);
    return this.to - this.from;
  }

  /**
   * Whether slot `i` holds `text`, read in place; with `offset`, whether `text` from there
   * on is slot `i`'s text with each unit through `unit`.
   */
  equals(i: number, text: string, offset?: number, unit?: (c: number) => number): boolean {
    this.find(i);
    const { held, from, to } = this;
    if (offset === undefined) return to - from === text.length && held.startsWith(text, from);
    if (to - from !== text.length - offset) return false;
    for (let k = 0; k < to - from; k++) if (text.charCodeAt(offset + k) !== unit!(held.charCodeAt(from + k))) return false;
    return true;
  }

  hash(i: number, prefix?: readonly number[], unit?: (c: number) => number): number {
    this.find(i);
    return prefix && unit ? hashMapped(this.held, this.from, this.to, prefix, unit) : hashOf(this.held, this.from, this.to);
  }

  /** Where the last slot found lies: in `held`, from `from` to `to` (set by find; read at once). */
  private held = "";
  private from = 0;
  private to = 0;

  private find(i: number): void {
    const apart = this.long.size === 0 ? undefined : this.long.get(i);
    const chunk = i >>> CHUNK_BITS;
    if (apart !== undefined || chunk === this.chunks.length) {
      this.held = apart ?? this.open[i & (CHUNK - 1)]!;
      this.from = 0;
      this.to = this.held.length;
    } else {
      this.held = this.chunks[chunk]!;
      this.from = this.start(i);
      this.to = this.ends[i]!;
    }
  }

  private start(i: number): number {
    return (i & (CHUNK - 1)) === 0 ? 0 : this.ends[i - 1]!;
  }
}

