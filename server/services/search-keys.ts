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
    keys.add(pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" }).join("").replace(/\s+/g, ""));
    keys.add(pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" }).join("").replace(/\s+/g, ""));
  }
  return [...keys].join("|");
}

/** A user's query in the same form as the keys. */
export function normalizeQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, "");
}
