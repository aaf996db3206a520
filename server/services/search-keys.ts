/**
 * Search keys for names: the text itself, its full pinyin and its pinyin initials, so that
 * "凌钢", "linggang" and "lg" all find 凌钢. Stored lower-case on each node, joined by "|"
 * so a match never spans two keys.
 */
import { pinyin } from "pinyin-pro";

export function searchKeys(names: readonly string[]): string {
  const keys = new Set<string>();
  for (const name of names) {
    const text = name.trim().toLowerCase();
    if (!text) continue;
    keys.add(text);
    const syllables = pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" });
    keys.add(syllables.join("").replace(/\s+/g, ""));
    keys.add(initials(text, syllables).replace(/\s+/g, ""));
  }
  return [...keys].join("|");
}

/**
 * First letters from the syllables already found (imports key a million names, and a
 * second pinyin pass would double the cost): each Chinese character gave one syllable,
 * each run of other characters one item, kept as it is.
 */
function initials(text: string, syllables: string[]): string {
  const tokens = text.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? [];
  if (tokens.length !== syllables.length) return pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" }).join("");
  return tokens.map((token, i) => (/\p{Script=Han}/u.test(token) ? (syllables[i]![0] ?? "") : token)).join("");
}

/** A user's query in the same form as the keys. */
export function normalizeQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, "");
}
