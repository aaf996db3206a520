/**
 * A firm's registered name in its parts: the place it opens with (深圳市…, 湖南华联…), the
 * trade name and business words in the middle, the legal form it ends with (股份有限公司).
 * Only the middle says anything about what the firm does; the place can stand in for an
 * empty region column.
 */
import type { Region } from "../model/domain.js";
import { ALL_REGIONS, findRegion, shortRegionName } from "../regions/divisions.js";
import { WordTrie } from "./word-trie.js";
import { cutWords, wordBounds } from "./words.js";

/** What follows the business words: legal forms, and the branch or bracket that may follow them. */
const LEGAL_FORMS = [
  "股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "总公司", "公司", "集团",
  "特殊普通合伙企业", "普通合伙企业", "有限合伙企业", "合伙企业", "个人独资企业", "专业合作社", "合作社",
  "经营部", "营业部", "工作室", "门市部", "事务所", "研究院", "研究所", "分公司", "分厂", "办事处", "厂",
].sort((a, b) => b.length - a.length);
const TRAILING_BRACKET = /[（(][^（）()]{0,12}[）)]$/;
/** 唐山分公司, 迁安分厂: a branch named after its place. */
const NAMED_BRANCH = /[\u4e00-\u9fff]{1,6}(?=分公司$|分厂$)/;

/** The name without the legal forms, brackets and branch it ends with (a few string checks, no scanning). */
function withoutLegalForm(text: string): string {
  let rest = text;
  for (let changed = true; changed; ) {
    changed = false;
    const bracket = TRAILING_BRACKET.exec(rest);
    if (bracket) {
      rest = rest.slice(0, bracket.index);
      changed = true;
      continue;
    }
    const form = LEGAL_FORMS.find((f) => rest.endsWith(f));
    if (form) {
      const branch = form === "分公司" || form === "分厂" ? NAMED_BRANCH.exec(rest) : null;
      rest = rest.slice(0, branch ? branch.index : rest.length - form.length);
      changed = true;
    }
  }
  return rest;
}

/** Placeholder divisions no one names a firm after. */
const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

interface PlaceName {
  region: Region;
  /** The full name (深圳市) rather than the short one (深圳). */
  exact: boolean;
}

let places: WordTrie<PlaceName> | null = null;
function placeNames(): WordTrie<PlaceName> {
  if (!places) {
    places = new WordTrie();
    for (const region of ALL_REGIONS) {
      if (PLACEHOLDERS.has(region.name)) continue;
      places.add(region.name, { region, exact: true });
      const short = shortRegionName(region);
      if (short) places.add(short, { region, exact: false });
    }
  }
  return places;
}

const LEVEL_DEPTH = { province: 0, city: 1, county: 2 } as const;

const within = (inner: Region, outer: Region) =>
  outer.level === "province" ? inner.code.startsWith(outer.code.slice(0, 2)) : outer.level === "city" ? inner.code.startsWith(outer.code.slice(0, 4)) : inner.code === outer.code;

export interface NamePlace {
  /** The deepest region the opening place names names: 湖南省长沙市 → 长沙市. */
  region: Region;
  /** The characters naming it: "湖南省长沙市", "深圳市", "湖南". */
  text: string;
}

/**
 * Whether a place ending at `end` ends a word of `text`: where the segmenter cuts, or inside
 * a word made of the place and one more word (北京东方 is 北京 + 东方), but not inside a word
 * the place is only part of (白云石 is not 白云 + 石).
 */
function endsWord(text: string, bounds: Uint8Array, end: number): boolean {
  if (bounds[end]) return true;
  let start = end;
  while (start > 0 && !bounds[start]) start--;
  let stop = end;
  while (stop < text.length && !bounds[stop]) stop++;
  const rest = cutWords(text.slice(end, stop));
  return start < end && rest.length === 1 && rest[0]!.length >= 2;
}

/** A name as written, without a leading (中国) and without spaces: what is read. */
export const nameText = (name: string) => name.replace(/^[（(]?中国[）)]?/, "").replace(/\s+/g, "");

/** The place at the start of a name's text, and how many characters name it. */
function placeIn(text: string): { region: Region; length: number } | null {
  if (!text) return null;
  const bounds = wordBounds(text);
  let found: Region | null = null;
  let at = 0;
  for (let step = 0; step < 3; step++) {
    let longest = 0;
    let candidates: PlaceName[] = [];
    placeNames().forEachAt(text, at, (place, end) => {
      if (found && (!within(place.region, found) || place.region.code === found.code)) return;
      if (!endsWord(text, bounds, end)) return;
      const length = end - at;
      if (length > longest) {
        longest = length;
        candidates = [place];
      } else if (length === longest) candidates.push(place);
    });
    if (!candidates.length) break;
    // An exact name beats a short one; then the broader region (朝阳 is 朝阳市 before 朝阳县).
    const exact = candidates.filter((c) => c.exact);
    const pool = exact.length ? exact : candidates;
    const top = Math.min(...pool.map((c) => LEVEL_DEPTH[c.region.level]));
    const best = pool.filter((c) => LEVEL_DEPTH[c.region.level] === top);
    const regions = [...new Map(best.map((c) => [c.region.code, c.region])).values()];
    let region: Region | undefined = regions.length === 1 ? regions[0] : undefined;
    if (!region) {
      // Several regions share the name: only their common parent is certain, if it lies deeper than what was found.
      const parents = new Set(regions.map((r) => r.parentCode));
      const parent = parents.size === 1 ? findRegion([...parents][0] ?? "") : undefined;
      if (!parent || (found && !within(parent, found))) break;
      region = parent;
    }
    found = region;
    at += longest;
    if (found.level === "county") break;
  }
  return found ? { region: found, length: at } : null;
}

/**
 * The place a name opens with, read the way people write it: 深圳市…, 湖南华联…,
 * 辽宁省朝阳市…, (中国)… A place must end where a word ends (白云石矿业 is not 白云区), a
 * short name must be one region (or regions under one parent, which is then taken), and
 * each further place must lie inside the one before.
 */
export function placeOfName(name: string): NamePlace | null {
  const text = nameText(name);
  const place = placeIn(text);
  return place ? { region: place.region, text: text.slice(0, place.length) } : null;
}

/**
 * Where the words that can say what the firm does stand in the name's text (nameText):
 * after the place it opens with, before the legal form it ends with. 凌源钢铁股份有限公司 →
 * 钢铁; 楚天智能交通股份有限公司 → 楚天智能交通.
 */
export function businessRange(name: string): { text: string; start: number; end: number } {
  const text = nameText(name);
  let start = placeIn(text)?.length ?? 0;
  const opening = /^[（(][^）)]*[）)]/.exec(text.slice(start));
  let rest = withoutLegalForm(text.slice(start));
  if (opening && rest.length >= opening[0].length) {
    start += opening[0].length;
    rest = rest.slice(opening[0].length);
  }
  return { text, start, end: start + rest.length };
}

/** The business words of a name (businessRange): a name that is nothing but place and legal form leaves "". */
export function businessPart(name: string): string {
  const { text, start, end } = businessRange(name);
  return text.slice(start, end);
}
