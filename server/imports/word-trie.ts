/**
 * A set of words, each with a value, found in a text in one walk per start position:
 * the classifier looks for thousands of segment keywords in every firm's 经营范围, and
 * trying each keyword at each position costs far more than following one path of
 * characters. Characters are UTF-16 code units, as `text[i]` and `startsWith` see them.
 *
 * The trie's nodes are numbers and its edges one open-addressing table of typed arrays
 * (node, code unit → node): a step is a multiplication and a probe or two, where a Map
 * per node cost a tenth of an import's row preparation.
 */
const EMPTY = -1;

export class WordTrie<T> {
  /** The edges: slot → the node it leaves (EMPTY: a free slot), the code unit, the node it reaches. */
  private from = new Int32Array(1024).fill(EMPTY);
  private code = new Uint16Array(1024);
  private to = new Int32Array(1024);
  private edges = 0;
  private nodes = 1;
  /** The values of the words that end at each node, in the order they were added (node 0 is the root). */
  private readonly values: (T[] | undefined)[] = [undefined];
  /** 1 for each code unit some word starts with: most characters of a text start none, and this answers at once. */
  private readonly firsts = new Uint8Array(0x10000);

  private slotOf(node: number, code: number): number {
    const mask = this.from.length - 1;
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    while (this.from[slot] !== EMPTY && (this.from[slot] !== node || this.code[slot] !== code)) slot = (slot + 1) & mask;
    return slot;
  }

  /** The node reached from `node` by `code`, or EMPTY. */
  private step(node: number, code: number): number {
    const from = this.from;
    const mask = from.length - 1;
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    for (;;) {
      const at = from[slot]!;
      if (at === EMPTY) return EMPTY;
      if (at === node && this.code[slot] === code) return this.to[slot]!;
      slot = (slot + 1) & mask;
    }
  }

  /** Doubles the table once it is half full: probes stay short. */
  private grow(): void {
    const { from, code, to } = this;
    this.from = new Int32Array(from.length * 2).fill(EMPTY);
    this.code = new Uint16Array(from.length * 2);
    this.to = new Int32Array(from.length * 2);
    for (let slot = 0; slot < from.length; slot++) {
      if (from[slot] === EMPTY) continue;
      const moved = this.slotOf(from[slot]!, code[slot]!);
      this.from[moved] = from[slot]!;
      this.code[moved] = code[slot]!;
      this.to[moved] = to[slot]!;
    }
  }

  /** Adds `word` (non-empty) with `value`; a word added twice keeps both values. */
  add(word: string, value: T): void {
    if (!word) throw new Error("A trie word cannot be empty");
    this.firsts[word.charCodeAt(0)] = 1;
    let at = 0;
    for (let i = 0; i < word.length; i++) {
      const ch = word.charCodeAt(i);
      let next = this.step(at, ch);
      if (next === EMPTY) {
        if (2 * (this.edges + 1) > this.from.length) this.grow();
        const slot = this.slotOf(at, ch);
        next = this.nodes++;
        this.values.push(undefined);
        this.from[slot] = at;
        this.code[slot] = ch;
        this.to[slot] = next;
        this.edges++;
      }
      at = next;
    }
    (this.values[at] ??= []).push(value);
  }

  /** Whether some word starts with this UTF-16 code unit (a quick test before forEachAt). */
  startsWith(code: number): boolean {
    return this.firsts[code] === 1;
  }

  /**
   * Calls `visit` for every word that occurs in `text` starting at `start`, shortest
   * first, with the index just past its end.
   */
  forEachAt(text: string, start: number, visit: (value: T, end: number) => void): void {
    let at = 0;
    for (let i = start; i < text.length; i++) {
      at = this.step(at, text.charCodeAt(i));
      if (at === EMPTY) return;
      const values = this.values[at];
      if (values !== undefined) for (let v = 0; v < values.length; v++) visit(values[v]!, i + 1);
    }
  }

  /** Every word occurrence in `text`: [value, start, end], by start, then shortest first. */
  findAll(text: string): [T, number, number][] {
    const found: [T, number, number][] = [];
    for (let start = 0; start < text.length; start++) this.forEachAt(text, start, (value, end) => found.push([value, start, end]));
    return found;
  }
}
