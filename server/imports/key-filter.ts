/**
 * A Bloom filter over text keys: "certainly not in the set" or "maybe in it". An import
 * tells its workers which firms the graph may already hold this way, so a row that is
 * certainly new skips the facts hash only a known firm needs; at ten bits a key, one key
 * in a hundred is a false "maybe", which costs nothing but that hash.
 */
export interface KeyFilter {
  bits: Uint8Array;
  /** Bit positions per key. */
  hashes: number;
}

/**
 * The keys of the firms a graph holds, as a row's preparation asks about them: a filter (what
 * workers are sent), or the keys themselves where the rows are prepared beside them (an import
 * preparing its rows on its own thread need not build a filter of a million firms' keys).
 */
export type KeySet = KeyFilter | { has(key: string): boolean };

const BITS_PER_KEY = 10;
const HASHES = 7;

/** Two independent 32-bit FNV-1a hashes of the text (different offset bases). */
function hashPair(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, (b | 1) >>> 0];
}

export function keyFilter(keys: Iterable<string>, count: number): KeyFilter {
  const bits = new Uint8Array(Math.max(64, Math.ceil((Math.max(1, count) * BITS_PER_KEY) / 8)));
  const filter = { bits, hashes: HASHES };
  for (const key of keys) {
    const [a, b] = hashPair(key);
    const size = bits.length * 8;
    for (let i = 0; i < HASHES; i++) {
      const bit = (a + i * b) % size;
      bits[bit >>> 3]! |= 1 << (bit & 7);
    }
  }
  return filter;
}

/** false: the key was certainly not among those the filter was made of. */
export function mayHold(filter: KeySet, key: string): boolean {
  if (!("bits" in filter)) return filter.has(key);
  const [a, b] = hashPair(key);
  const size = filter.bits.length * 8;
  for (let i = 0; i < filter.hashes; i++) {
    const bit = (a + i * b) % size;
    if ((filter.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}
