/**
 * Chinese text as words. A keyword counts where the text says it as a word, not where its
 * characters happen to sit inside another word: 智能交通 in 楚天智能交通 is a word, 工程 in
 * 工程机械轮胎 is the first half of 工程机械, 再生资源 is not in 再生资源化. Which it is, a
 * segmenter decides: jieba (`@node-rs/jieba`, prebuilt for every platform, with its
 * maintained dictionary of about 350,000 words), to which the classifier adds its own
 * vocabulary (segment keywords and names, industry names) so they stay whole.
 *
 * One segmenter per thread (an import's worker threads each load their own, about 1.5 s
 * and 45 MB): loading the dictionary is the expensive part. Words added stay added for the
 * life of the thread; a word that no longer is a keyword only keeps its characters
 * together, which changes nothing a keyword could match.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let segmenter: Jieba | null = null;
const added = new Set<string>();
/**
 * Word boundaries of texts already cut: exports repeat the same scope items and product
 * names across millions of rows. Bounded; cleared when full or when words are added.
 */
const memo = new Map<string, Uint8Array>();
const MEMO_SIZE = 200_000;
/**
 * Texts cut for one firm only (its name, which no other row repeats): kept until the next
 * prepareBounds, so they do not crowd the memo out.
 */
let once = new Map<string, Uint8Array>();

/**
 * How often an added word counts as seen. High enough that the segmenter keeps an added
 * word whole rather than cut it into two common words (热轧|卷板 → 热轧卷板), which at the
 * dictionary's size takes a count in the thousands.
 */
const ADDED_WORD_COUNT = 20_000;

function jieba(): Jieba {
  segmenter ??= Jieba.withDict(dict);
  return segmenter;
}

/** Makes the segmenter keep these words whole. Adding a word again costs nothing. */
export function addWords(words: Iterable<string>): void {
  let lines = "";
  for (const raw of words) {
    // The dictionary format is "word count tag", one a line: a word cannot hold spaces.
    const word = raw.trim();
    if (!word || /\s/.test(word) || added.has(word)) continue;
    added.add(word);
    lines += `${word} ${ADDED_WORD_COUNT} n\n`;
  }
  if (!lines) return;
  jieba().loadDict(Buffer.from(lines, "utf8"));
  // Texts cut before may now be cut differently.
  memo.clear();
}

/** The words of `text` in order; together they are the text, character for character. */
export function cutWords(text: string): string[] {
  if (!text) return [];
  const words = jieba().cut(text, false);
  // The segmenter keeps every character (spaces and punctuation become words of their
  // own); should that ever not hold, the text counts as one word rather than misplace one.
  let length = 0;
  for (const word of words) length += word.length;
  return length === text.length ? words : [text];
}

/** Boundaries as wordBounds gives them, from the words of a text. */
function boundsOf(words: string[], length: number): Uint8Array {
  const bounds = new Uint8Array(length + 1);
  bounds[0] = 1;
  let at = 0;
  for (const word of words) {
    at += word.length;
    if (at <= length) bounds[at] = 1;
  }
  bounds[length] = 1;
  return bounds;
}

function remember(text: string, bounds: Uint8Array): void {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(text, bounds);
}

/**
 * Where words begin and end in `text`: `bounds[i]` is 1 when a word boundary lies before
 * character i (so `bounds[0]` and `bounds[text.length]` are always 1).
 */
export function wordBounds(text: string): Uint8Array {
  let bounds = memo.get(text) ?? once.get(text);
  if (!bounds) {
    bounds = boundsOf(cutWords(text), text.length);
    remember(text, bounds);
  }
  return bounds;
}

/** Keeps a text's bounds: until the next prepareBounds if it is one of `fresh` (a firm's own), else in the memo. */
function keep(fresh: string[], text: string, bounds: Uint8Array): void {
  if (fresh.includes(text)) once.set(text, bounds);
  else remember(text, bounds);
}

/**
 * Cuts, in one call of the segmenter, every text not cut before, so that wordBounds
 * answers them from memory: each call costs about as much again as the cutting itself.
 * The texts are joined by line breaks, which the segmenter never joins to a word.
 * `unique` texts (a firm's name) are kept only until the next call.
 */
export function prepareBounds(texts: readonly string[], unique: readonly string[] = []): void {
  once = new Map();
  let missing: string[] | null = null;
  // A text twice in one call is cut twice: rare, and cheaper than looking for it.
  for (const text of texts) if (text && !memo.has(text)) (missing ??= []).push(text);
  const fresh = unique.filter((text) => text && !memo.has(text));
  if (!missing && fresh.length === 0) return;
  const all = [...(missing ?? []), ...fresh];
  if (all.length === 1) {
    keep(fresh, all[0]!, boundsOf(cutWords(all[0]!), all[0]!.length));
    return;
  }
  const joined = all.join("\n");
  const cut = boundsOf(cutWords(joined), joined.length);
  let start = 0;
  for (const text of all) {
    const end = start + text.length;
    // A word across a line break would mean the join misled the segmenter: cut alone.
    keep(fresh, text, !cut[end] || !cut[start] ? boundsOf(cutWords(text), text.length) : cut.slice(start, end + 1));
    start = end + 1;
  }
}
