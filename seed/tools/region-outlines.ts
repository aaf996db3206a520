/**
 * Regenerates client/src/geo/: the outlines 招商地图 draws, as plain GeoJSON, from the
 * China and province maps shipped in Apache ECharts 4.9.0 (Apache-2.0), the last release
 * that bundled them (the same maps region-coordinates.ts takes its centre points from):
 *
 *   npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz
 *   npx tsx seed/tools/region-outlines.ts package/map/json
 *
 * china.json holds the provinces; <province code>.json the units of one province as the map
 * draws them (mapUnitsOf in server/regions/divisions.ts): its prefecture-level cities, or the
 * districts and counties a province administers directly. Every feature carries the GB/T 2260
 * code the app stores (properties.code) and its name; a city the divisions have since merged
 * (莱芜 into 济南) joins the city it became. Coordinates are rounded (see PRECISION), which
 * keeps the files small and the boundaries approximate.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ALL_REGIONS, findRegion, mapUnitsOf, OUTSIDE_DIVISIONS } from "../../server/regions/divisions.js";

type Ring = [number, number][];
interface SourceFeature {
  id?: string;
  properties: { name: string; id?: string };
  geometry: { type: "Polygon" | "MultiPolygon"; coordinates: unknown; encodeOffsets?: unknown };
}
interface SourceMap {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: SourceFeature[];
}
interface Outline {
  code: string;
  name: string;
  polygons: Ring[][];
}

/**
 * How far a simplified outline may stray from ECharts' (degrees; 0.01° is about 1 km), and
 * the grid its points are rounded to: the country at 0.02° on 0.01°, a province's cities at
 * 0.005° on 0.001°. Neighbours are simplified apart, so shared borders may part by as much.
 */
const PRECISION = { china: { tolerance: 0.02, factor: 100 }, province: { tolerance: 0.005, factor: 1000 } } as const;

const mapDir = process.argv[2];
if (!mapDir) {
  console.error("usage: npx tsx seed/tools/region-outlines.ts <echarts-4.9.0>/map/json");
  process.exit(2);
}
const outDir = fileURLToPath(new URL("../../client/src/geo/", import.meta.url));

/** ECharts' compact encoding: each ring a string of zigzag deltas from its offset, in 1/scale degrees. */
function decodeRing(encoded: string, offset: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function polygonsOf(feature: SourceFeature, map: SourceMap): Ring[][] {
  const { type, coordinates, encodeOffsets } = feature.geometry;
  const polygons = (type === "Polygon" ? [coordinates] : coordinates) as unknown[][];
  if (!map.UTF8Encoding) return polygons as Ring[][];
  const offsets = (type === "Polygon" ? [encodeOffsets] : encodeOffsets) as [number, number][][];
  return polygons.map((rings, p) => rings.map((ring, r) => decodeRing(ring as string, offsets[p]![r]!, map.UTF8Scale ?? 1024)));
}

/** Douglas–Peucker: the fewest of a ring's points that keep it within `tolerance` of itself. */
function simplify(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    const [ax, ay] = ring[first]!;
    const [bx, by] = ring[last]!;
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = ring[i]!;
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return ring.filter((_, i) => keep[i]);
}

/** Simplified and rounded, with the points rounding made repeat dropped; rings left with under four points go. */
function rounded(polygons: Ring[][], { tolerance, factor }: { tolerance: number; factor: number }): Ring[][] {
  const round = (x: number) => Math.round(x * factor) / factor;
  return polygons
    .map((rings) =>
      rings
        .map((ring) => {
          const out: Ring = [];
          for (const [x, y] of simplify(ring, tolerance)) {
            const point: [number, number] = [round(x), round(y)];
            const last = out[out.length - 1];
            if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
          }
          if (out.length && (out[0]![0] !== out[out.length - 1]![0] || out[0]![1] !== out[out.length - 1]![1])) out.push(out[0]!);
          return out;
        })
        .filter((ring) => ring.length >= 4),
    )
    .filter((rings) => rings.length > 0 && rings[0]!.length >= 4);
}

/** ECharts names drop suffixes at times (合肥 for 合肥市, 梁平县 now 梁平区); compare on the stem. */
const stem = (name: string) => name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|林区|盟|省|市|区|县)$/u, "");
/** Cities merged into another since the maps were drawn: the outline joins the city it became. */
const MERGED: Record<string, string> = { 莱芜市: "济南市" };

function codeOf(name: string, provinceCode: string | null): string | null {
  if (!provinceCode) {
    const province = ALL_REGIONS.find((r) => r.level === "province" && stem(r.name) === stem(name));
    return province?.code ?? Object.entries(OUTSIDE_DIVISIONS).find(([, n]) => stem(n) === stem(name))?.[0] ?? null;
  }
  const wanted = stem(MERGED[name] ?? name);
  // A province's map units: its cities, or the counties it administers directly.
  const unit = ALL_REGIONS.find((r) => r.code.startsWith(provinceCode.slice(0, 2)) && r.level !== "province" && stem(r.name) === wanted && mapUnitsOf(r.code)?.city?.code === r.code);
  return unit?.code ?? null;
}

function collect(map: SourceMap, provinceCode: string | null, unmatched: string[]): Outline[] {
  const byCode = new Map<string, Outline>();
  for (const feature of map.features) {
    const code = codeOf(feature.properties.name, provinceCode);
    if (!code) {
      unmatched.push(`${provinceCode ?? "china"}: ${feature.properties.name}`);
      continue;
    }
    const outline = byCode.get(code) ?? { code, name: findRegion(code)?.name ?? OUTSIDE_DIVISIONS[code]!, polygons: [] };
    outline.polygons.push(...polygonsOf(feature, map));
    byCode.set(code, outline);
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function write(file: string, outlines: Outline[], precision: { tolerance: number; factor: number }): number {
  const features = outlines.map((o) => {
    const polygons = rounded(o.polygons, precision);
    return {
      type: "Feature",
      properties: { code: o.code, name: o.name },
      geometry: polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons },
    };
  });
  const text = `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`;
  writeFileSync(path.join(outDir, file), text);
  return text.length;
}

const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as SourceMap;
mkdirSync(outDir, { recursive: true });
const unmatched: string[] = [];
const china = collect(read(path.join(mapDir, "china.json")), null, unmatched);
let bytes = write("china.json", china, PRECISION.china);
let files = 1;
for (const file of readdirSync(path.join(mapDir, "province"))) {
  const map = read(path.join(mapDir, "province", file));
  // The province the file draws: the one most of its units' names belong to.
  // (朝阳 is a city of 辽宁 and a district of 北京: one name alone does not tell.)
  const matches = (code: string) => map.features.filter((f) => codeOf(f.properties.name, code)).length;
  const province = china
    .filter((p) => !(p.code in OUTSIDE_DIVISIONS))
    .map((p) => ({ ...p, matched: matches(p.code) }))
    .sort((a, b) => b.matched - a.matched)[0];
  if (!province?.matched) {
    console.log(`${file}: no province of the divisions (drawn on the China map only)`);
    continue;
  }
  bytes += write(`${province.code}.json`, collect(map, province.code, unmatched), PRECISION.province);
  files++;
}
console.log(`${files} files, ${Math.round(bytes / 1024)} KiB written to ${outDir}; unmatched: ${unmatched.length}`);
if (unmatched.length) console.log(unmatched.join("\n"));
