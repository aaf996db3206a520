/**
 * Search keys for names: the text itself, its full pinyin and its pinyin initials, so that
 * "凌钢", "linggang" and "lg" all find 凌钢. Stored lower-case on each node, joined by "|"
 * so a match never spans two keys.
 *
 * The pinyin is pinyin-pro's. Asking it for every name costs an import of a million firms
 * a sixth of its CPU (it cuts each name into words to read polyphonic characters right), so
 * a name is read character by character from a table whenever that gives what pinyin-pro
 * would: when none of pinyin-pro's words that read a character otherwise than alone (银行,
 * 重庆, 长沙 …) occurs in it. Other names still go to pinyin-pro.
 */
import { pinyin } from "pinyin-pro";
import { PatternsNormal } from "pinyin-pro/dist/esm/data/patterns.mjs";

export function searchKeys(names: readonly string[]): string {
  const keys = new Set<string>();
  for (const name of names) {
    const text = name.trim().toLowerCase();
    if (!text) continue;
    keys.add(text);
    const [full, first] = readAlone(text) ?? readByPinyinPro(text);
    keys.add(full);
    keys.add(first);
  }
  return [...keys].join("|");
}

const PINYIN = { toneType: "none", type: "array", nonZh: "consecutive" } as const;

/** The full pinyin and the initials as pinyin-pro gives them, without spaces. */
function readByPinyinPro(text: string): [string, string] {
  const syllables = pinyin(text, PINYIN);
  return [syllables.join("").replace(/\s+/g, ""), initials(text, syllables).replace(/\s+/g, "")];
}

/**
 * The same from the table, when every character reads as it does alone and the Chinese
 * characters are those pinyin-pro reads; null otherwise.
 */
function readAlone(text: string): [string, string] | null {
  if (readsByWords(text)) return null;
  let full = "";
  let first = "";
  for (let i = 0; i < text.length; i++) {
    const reading = readingOf(text.charCodeAt(i));
    // A character outside the first plane (𠮷) is read by pinyin-pro itself.
    if (reading === null) return null;
    if (reading.space) continue;
    if (reading.han !== (reading.syllable !== null)) return null;
    full += reading.syllable ?? text[i];
    first += reading.syllable?.[0] ?? text[i];
  }
  return [full, first];
}

interface Reading {
  /** The character's pinyin as pinyin-pro reads it outside any word; null when it is no Chinese character to pinyin-pro. */
  syllable: string | null;
  /** A Chinese character by Unicode's script. */
  han: boolean;
  /** White space, which no key keeps. */
  space: boolean;
}
/** By UTF-16 code unit; surrogates have none. */
const readings: (Reading | undefined)[] = [];
function readingOf(code: number): Reading | null {
  if (code >= 0xd800 && code <= 0xdfff) return null;
  let reading = readings[code];
  if (!reading) {
    const char = String.fromCharCode(code);
    const [read] = pinyin(char, PINYIN);
    reading = { syllable: read === undefined || read === char ? null : read, han: /\p{Script=Han}/u.test(char), space: /\s/.test(char) };
    readings[code] = reading;
  }
  return reading;
}
const syllableAlone = (char: string) => readingOf(char.charCodeAt(0))?.syllable;

/** Without tone marks, as pinyin-pro writes toneless pinyin (ü kept). */
const toneless = (syllable: string) => syllable.normalize("NFD").replace(/[\u0300\u0301\u0304\u030c]/g, "").normalize("NFC");

/**
 * pinyin-pro's words (not its surnames, which it reads only when asked to) in which some
 * character reads otherwise than alone, by their first character. 了 and 々 read after
 * the character before them: any text holding one goes to pinyin-pro.
 */
const otherwiseRead = (() => {
  const byFirst = new Map<number, string[]>();
  for (const word of PatternsNormal) {
    if (word.priority !== 1 || word.length < 2) continue;
    const readings = word.pinyin.split(" ");
    const chars = [...word.zh];
    if (chars.every((char, i) => toneless(readings[i] ?? "") === syllableAlone(char))) continue;
    const first = word.zh.charCodeAt(0);
    if (!byFirst.has(first)) byFirst.set(first, []);
    byFirst.get(first)!.push(word.zh);
  }
  for (const code of "了々") byFirst.set(code.charCodeAt(0), [code]);
  return byFirst;
})();

/** Whether pinyin-pro might read some character of `text` otherwise than alone. */
function readsByWords(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const words = otherwiseRead.get(text.charCodeAt(i));
    if (words) for (const word of words) if (text.startsWith(word, i)) return true;
  }
  return false;
}

/**
 * First letters from the syllables already found (a second pinyin pass would double the
 * cost): each Chinese character gave one syllable, each run of other characters one item,
 * kept as it is.
 */
function initials(text: string, syllables: string[]): string {
  const tokens = text.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? [];
  if (tokens.length !== syllables.length) return pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" }).join("");
  // A character pinyin-pro cannot read (𠮷) stays itself, as in its own initials.
  return tokens.map((token, i) => (/\p{Script=Han}/u.test(token) && syllables[i] !== token ? (syllables[i]![0] ?? "") : token)).join("");
}

/** A user's query in the same form as the keys. */
export function normalizeQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, "");
}
