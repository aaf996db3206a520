/**
 * GB/T 4754-2017 国民经济行业分类, every entry of the standard (20 门类, 97 大类, 473 中类,
 * 1,381 小类), read from the copy in seed/reference/gbt4754-2017.csv (see its README for
 * where it comes from). Codes are written as exports and segments write them: the 门类
 * letter and the digits, C3130 (小类), C313 (中类), C31 (大类), C (门类).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type IndustryLevel = "section" | "division" | "group" | "class";

export interface IndustryEntry {
  /** C3130, C313, C31 or C. */
  code: string;
  level: IndustryLevel;
  name: string;
}

const STANDARD_FILE = fileURLToPath(new URL("../../seed/reference/gbt4754-2017.csv", import.meta.url));

const BY_CODE = new Map<string, IndustryEntry>();
/** 门类 letter of each 大类 (two digits). */
const SECTION_OF_DIVISION = new Map<string, string>();
/** Name → the entries of that name, most specific first (炼铁 is both 中类 311 and 小类 3110). */
const BY_NAME = new Map<string, IndustryEntry[]>();
const DEPTH: Record<IndustryLevel, number> = { section: 0, division: 1, group: 2, class: 3 };

for (const line of readFileSync(STANDARD_FILE, "utf8").trim().split(/\r?\n/).slice(1)) {
  const [digits, level, section, name] = line.split(",").map((cell) => cell.trim()) as [string, IndustryLevel, string, string];
  const code = level === "section" ? section : `${section}${digits}`;
  const entry: IndustryEntry = { code, level, name };
  BY_CODE.set(code, entry);
  if (level === "division") SECTION_OF_DIVISION.set(digits, section);
  const named = BY_NAME.get(normalizeIndustryName(name)) ?? [];
  named.push(entry);
  named.sort((a, b) => DEPTH[b.level] - DEPTH[a.level]);
  BY_NAME.set(normalizeIndustryName(name), named);
}

/**
 * An industry name as exports vary it: no spaces, half-width brackets as full-width, no
 * level marks (申万 writes 特钢Ⅲ for the third-level 特钢), no trailing 行业 (钢铁行业).
 */
export function normalizeIndustryName(text: string): string {
  return text
    .replace(/[\s\u3000]/g, "")
    .replace(/[()]/g, (c) => (c === "(" ? "（" : "）"))
    .replace(/[ⅠⅡⅢⅣ]+$|(?<=[\u4e00-\u9fff])(?:I{1,3}|IV)$/, "")
    .replace(/(?<=.{2})行业$/, "");
}

/** The 门类 letter of a code's 大类: "3130" → "C"; null for digits that are no 大类. */
export function sectionOf(digits: string): string | null {
  return SECTION_OF_DIVISION.get(digits.slice(0, 2)) ?? null;
}

export function industryEntry(code: string): IndustryEntry | undefined {
  return BY_CODE.get(code);
}

export function industryName(code: string): string | undefined {
  return BY_CODE.get(code)?.name;
}

/** The entries the standard gives this name, most specific first. */
export function entriesNamed(name: string): IndustryEntry[] {
  return BY_NAME.get(normalizeIndustryName(name)) ?? [];
}

/** C3130 → [C3130, C313, C31, C]: the code and every level above it. */
export function ancestorsOf(code: string): string[] {
  const out = [code];
  for (let length = code.length - 1; length >= 3; length--) out.push(code.slice(0, length));
  if (code.length > 1) out.push(code[0]!);
  return out.filter((c) => BY_CODE.has(c));
}

/** Whether `inner` is `outer` or lies under it (C3130 under C31). */
export function within(inner: string, outer: string): boolean {
  return inner.startsWith(outer);
}

/** Names of the standard longest first, for finding one inside a longer text. */
const NAMES_LONGEST_FIRST = [...BY_NAME.keys()].filter((name) => name.length >= 4).sort((a, b) => b.length - a.length);

/** Codes written out in a cell: "C3130", "3130", "C31 黑色金属冶炼和压延加工业" (a letter must be the code's own). */
export function writtenCodes(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![A-Za-z0-9])([A-Ta-t])?\s?(\d{2,4})(?!\d)/g)) {
    const digits = match[2]!;
    const section = sectionOf(digits);
    if (!section || (match[1] && match[1].toUpperCase() !== section)) continue;
    if (BY_CODE.has(`${section}${digits}`)) found.add(`${section}${digits}`);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/** The most specific entry whose name of four characters or more a longer text holds ("主要从事钢压延加工的企业"). */
export function containedName(text: string): IndustryEntry | undefined {
  const whole = normalizeIndustryName(text);
  const name = NAMES_LONGEST_FIRST.find((n) => whole.includes(n));
  return name ? entriesNamed(name)[0] : undefined;
}

/**
 * GB/T 4754 codes an industry cell gives, most specific first: codes written out, else
 * names of the standard at any level, taking the last part of a path
 * "制造业>黑色金属冶炼和压延加工业>钢压延加工" first, else a name of the standard inside a
 * longer text.
 */
export function industryCodes(text: string): string[] {
  // Most exports leave the column empty; the name search below would try every name.
  if (!text.trim()) return [];
  const written = writtenCodes(text);
  if (written.length) return written;
  const named = industryPathParts(text)
    .map((part) => entriesNamed(part)[0]?.code)
    .filter((code): code is string => Boolean(code));
  if (named.length) return [...new Set(named)];
  const contained = containedName(text);
  return contained ? [contained.code] : [];
}

/** The parts of an industry path, most specific (last) first: "钢铁-普钢-板材" → 板材, 普钢, 钢铁. */
export function industryPathParts(text: string): string[] {
  return text
    .split(/[>＞/／|｜\\→]+|\s[-—]\s|(?<=[\u4e00-\u9fffⅠⅡⅢ）)])[-—–](?=[\u4e00-\u9fff])/)
    .map(normalizeIndustryName)
    .filter(Boolean)
    .reverse();
}
