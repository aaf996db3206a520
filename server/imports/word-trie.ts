/**
 * A set of words, each with a value, found in a text in one walk per start position:
 * the classifier looks for thousands of segment keywords in every firm's 经营范围, and
 * trying each keyword at each position costs far more than following one path of
 * characters. Characters are UTF-16 code units, as `text[i]` and `startsWith` see them.
 */
interface TrieNode<T> {
  /** By UTF-16 code unit (numbers: no one-character string is made per step). */
  next: Map<number, TrieNode<T>>;
  /** The values of the words that end here, in the order they were added. */
  values: T[];
}

const node = <T>(): TrieNode<T> => ({ next: new Map(), values: [] });

export class WordTrie<T> {
  private readonly root: TrieNode<T> = node();
  /** 1 for each code unit some word starts with: most characters of a text start none, and this answers at once. */
  private readonly firsts = new Uint8Array(0x10000);

  /** Adds `word` (non-empty) with `value`; a word added twice keeps both values. */
  add(word: string, value: T): void {
    if (!word) throw new Error("A trie word cannot be empty");
    this.firsts[word.charCodeAt(0)] = 1;
    let at = this.root;
    for (let i = 0; i < word.length; i++) {
      const ch = word.charCodeAt(i);
      let next = at.next.get(ch);
      if (!next) at.next.set(ch, (next = node()));
      at = next;
    }
    at.values.push(value);
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
    let at: TrieNode<T> | undefined = this.root;
    for (let i = start; i < text.length; i++) {
      at = at.next.get(text.charCodeAt(i));
      if (!at) return;
      for (const value of at.values) visit(value, i + 1);
    }
  }

  /** Every word occurrence in `text`: [value, start, end], by start, then shortest first. */
  findAll(text: string): [T, number, number][] {
    const found: [T, number, number][] = [];
    for (let start = 0; start < text.length; start++) this.forEachAt(text, start, (value, end) => found.push([value, start, end]));
    return found;
  }
}
