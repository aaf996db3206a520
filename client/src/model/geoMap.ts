/**
 * 招商地图 as an ECharts option, pure so what it draws is tested without a browser: the
 * outlines of the level shown (China's provinces, a province's cities, one city) shaded by
 * how many firms are there, a disc per region sized by its best firm's score (a ranking) or
 * its signed entries (a list), the zone marked with rings at the weight profile's near and
 * far distances, and where the zone's signed projects came from. Title and legend are drawn
 * inside the chart, so a saved PNG carries them.
 */
import type { ListGeography, MapRegion, RegionTally, TargetGeography } from "../../../server/model/api";

export type Geography = TargetGeography | ListGeography;
export type LngLat = [number, number];

export const isRanking = (g: Geography): g is TargetGeography => "profile" in g;

/** Which outlines file a view draws: the country, or the province the area lies in. */
export function outlineFile(g: Pick<Geography, "trail">): string {
  return g.trail[0]?.code ?? "china";
}

/** The ECharts map name of an outlines file; China keeps "china" (ECharts adds 南海诸岛 to it). */
export const mapName = (file: string) => (file === "china" ? "china" : `province-${file}`);

/** The regions the current level draws, most firms first. */
export function regionsShown(g: Geography): RegionTally[] {
  const area = g.area;
  const shown = !area ? g.provinces : area.level === "province" ? g.cities.filter((c) => c.parentCode === area.code) : g.cities.filter((c) => c.code === area.code);
  return [...shown].sort((a, b) => b.count - a.count || (a.best?.rank ?? 0) - (b.best?.rank ?? 0) || a.code!.localeCompare(b.code!));
}

/**
 * Firms counted at this level but in no region drawn: at China's, those in 未知地区; in a
 * province, those known only as far as the province (a firm coded 130000).
 */
export function unplacedCount(g: Geography): number {
  if (!g.area) return g.unknown?.count ?? 0;
  if (g.area.level !== "province") return 0;
  const province = g.provinces.find((p) => p.code === g.area!.code);
  return (province?.count ?? 0) - regionsShown(g).reduce((n, c) => n + c.count, 0);
}

/** Where a click on a region leads: one level down, or nowhere from a city. */
export function drillTarget(g: Pick<Geography, "area">, code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  if (!g.area) return code;
  if (g.area.level === "province" && code !== g.area.code) return code;
  return null;
}

/** One level up the breadcrumb: the province from a city, China (null) from a province. */
export function parentArea(trail: readonly MapRegion[]): string | null {
  return trail.length > 1 ? trail[trail.length - 2]!.code : null;
}

/** Is a point's region inside the area shown (China shows all)? */
export function inArea(area: MapRegion | null, codes: { provinceCode: string | null; cityCode: string | null }): boolean {
  if (!area) return true;
  return area.level === "province" ? codes.provinceCode === area.code : codes.cityCode === area.code;
}

/** Is a region code inside the area (a province, a city, or a county a province's map draws; null: China)? */
export function withinArea(code: string, area: string | null): boolean {
  if (!area) return true;
  if (area.endsWith("0000")) return code.startsWith(area.slice(0, 2));
  return area.endsWith("00") ? code.startsWith(area.slice(0, 4)) : code === area;
}

const EARTH_KM = 6371;

/** A circle of `km` around `centre` on the sphere, as a closed line of points. */
export function ringPath(centre: LngLat, km: number, steps = 120): LngLat[] {
  const rad = Math.PI / 180;
  const [lng, lat] = [centre[0] * rad, centre[1] * rad];
  const d = km / EARTH_KM;
  const points: LngLat[] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = (2 * Math.PI * i) / steps;
    const lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(bearing));
    const lng2 = lng + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
    points.push([Math.round((lng2 / rad) * 1e4) / 1e4, Math.round((lat2 / rad) * 1e4) / 1e4]);
  }
  return points;
}

/** Bins for the shading: from one firm up to the most any region has, the last bin open. */
export function countBins(max: number): { min: number; max?: number }[] {
  const edges = (max <= 4 ? [1, 2, 3, 4] : max <= 10 ? [1, 2, 4, 7] : [1, 3, 6, 11, 21, 51]).filter((edge) => edge <= Math.max(1, max));
  return edges.map((min, i) => (i === edges.length - 1 ? { min } : { min, max: edges[i + 1]! - 1 }));
}

export interface GeoStyle {
  fontSize: number;
  titleSize: number;
  border: string;
  borderWidth: number;
  empty: string;
  shades: readonly string[];
  disc: string;
  zone: string;
  project: string;
  ring: { near: string; far: string; width: number };
  text: string;
  halo: string;
}

export const GEO_STYLE: GeoStyle = {
  fontSize: 13,
  titleSize: 18,
  border: "#8c97a8",
  borderWidth: 0.8,
  empty: "#f5f6f8",
  shades: ["#dbe9f6", "#a9cbe8", "#6aa3d5", "#2f74b5", "#0b4a8b"],
  disc: "#e8590c",
  zone: "#c92a2a",
  project: "#2b8a3e",
  ring: { near: "#c92a2a", far: "#e8590c", width: 2 },
  text: "#1d2633",
  halo: "#ffffff",
};

/** Meeting mode: type that reads from the back of a room, black borders, stronger colours. */
export const GEO_MEETING_STYLE: GeoStyle = {
  ...GEO_STYLE,
  fontSize: 20,
  titleSize: 30,
  border: "#000000",
  borderWidth: 1.5,
  empty: "#ffffff",
  shades: ["#c6dbef", "#7fb0dc", "#3a82c4", "#125ea6", "#06306b"],
  ring: { near: "#a61e1e", far: "#d9480f", width: 3 },
  text: "#000000",
};

export interface GeoWords {
  title: string;
  subtitle: string;
  countLegend: string;
  bins: (bin: { min: number; max?: number }) => string;
  best: string;
  entries: string;
  signed: string;
  zone: string;
  near: (km: number) => string;
  far: (km: number) => string;
  projects: string;
  regionLabel: (region: RegionTally) => string;
  tooltip: (region: RegionTally | null, name: string) => string;
  projectTooltip: (names: string[]) => string;
}

/** What the option is drawn from. */
export interface GeoOptionInput {
  geography: Geography;
  map: string;
  /** The outlines' names by code: every region the map draws. */
  outlines: ReadonlyMap<string, string>;
  style: GeoStyle;
  words: GeoWords;
  fontFamily: string;
}

/** A disc's size: 12 px for the weakest best score, 40 px for a perfect one. */
const discSize = (score: number) => 12 + (28 * Math.max(0, Math.min(100, score))) / 100;

export function geoMapOption({ geography: g, map, outlines, style, words, fontFamily }: GeoOptionInput) {
  const regions = regionsShown(g);
  const byCode = new Map(regions.map((r) => [r.code!, r]));
  const max = Math.max(1, ...regions.map((r) => r.count));
  const bins = countBins(max);
  const text = { fontFamily, fontSize: style.fontSize, color: style.text, textBorderColor: style.halo, textBorderWidth: 3 };
  const zoneShown = g.zone.point && withinArea(g.zone.countyCode, g.area?.code ?? null);
  // Every outline gets a value (0: none), so the empty ones take the empty colour, not a palette's.
  const series: object[] = [
    {
      type: "map",
      name: words.countLegend,
      geoIndex: 0,
      data: [...outlines.keys()].map((code) => ({ name: code, value: byCode.get(code)?.count ?? 0 })),
    },
  ];
  // One disc per region with firms, labelled with its name and count; labels that would overlap hide.
  const discs = regions.filter((r) => r.point && r.count > 0);
  const discLabel = { show: true, position: "right", distance: 4, ...text, formatter: (p: { data: { label: string } }) => p.data.label };
  if (isRanking(g)) {
    series.push({
      type: "scatter",
      name: words.best,
      coordinateSystem: "geo",
      data: discs.map((r) => ({ name: r.code!, value: [...r.point!, r.best?.score ?? 0], code: r.code, label: words.regionLabel(r) })),
      symbolSize: (value: number[]) => discSize(value[2]!),
      itemStyle: { color: style.disc, opacity: 0.85, borderColor: "#fff", borderWidth: 1 },
      label: discLabel,
      labelLayout: { hideOverlap: true },
      zlevel: 1,
    });
  } else {
    const signed = (r: RegionTally) => (r.statuses?.已签约 ?? 0) + (r.statuses?.已落地 ?? 0);
    series.push(
      {
        type: "scatter",
        name: words.entries,
        coordinateSystem: "geo",
        data: discs.map((r) => ({ name: r.code!, value: [...r.point!, r.count], code: r.code, label: words.regionLabel(r) })),
        symbolSize: (value: number[]) => 12 + 5 * Math.min(6, value[2]!),
        itemStyle: { color: style.disc, opacity: 0.85, borderColor: "#fff", borderWidth: 1 },
        label: discLabel,
        labelLayout: { hideOverlap: true },
        zlevel: 1,
      },
      {
        type: "scatter",
        name: words.signed,
        coordinateSystem: "geo",
        symbol: "diamond",
        data: discs.filter((r) => signed(r) > 0).map((r) => ({ name: r.code!, value: [...r.point!, signed(r)], code: r.code })),
        symbolSize: style.fontSize * 1.3,
        itemStyle: { color: style.project, borderColor: "#fff", borderWidth: 1.5 },
        zlevel: 2,
      },
    );
  }
  if (zoneShown) {
    if (isRanking(g)) {
      for (const [km, name, color, type] of [
        [g.profile.nearKm, words.near(g.profile.nearKm), style.ring.near, "solid"],
        [g.profile.farKm, words.far(g.profile.farKm), style.ring.far, "dashed"],
      ] as const) {
        series.push({
          type: "lines",
          name,
          coordinateSystem: "geo",
          polyline: true,
          silent: true,
          data: [{ coords: ringPath(g.zone.point!, km) }],
          lineStyle: { color, width: style.ring.width, type, opacity: 0.9 },
          zlevel: 1,
        });
      }
    }
    series.push({
      type: "scatter",
      name: words.zone,
      coordinateSystem: "geo",
      symbol: "pin",
      symbolSize: style.fontSize * 2.6,
      data: [{ name: g.zone.shortName, value: g.zone.point }],
      itemStyle: { color: style.zone },
      label: { show: true, position: "left", formatter: g.zone.shortName, ...text, fontWeight: 700 },
      zlevel: 3,
    });
  }
  if (isRanking(g)) {
    // Projects from one region share one mark.
    const homes = new Map<string, { point: LngLat; names: string[] }>();
    for (const p of g.projects) {
      if (!p.point || !inArea(g.area, p)) continue;
      const key = p.point.join(",");
      const home = homes.get(key) ?? { point: p.point, names: [] };
      home.names.push(`${p.name}（${p.firmName}，${p.status}）`);
      homes.set(key, home);
    }
    series.push({
      type: "scatter",
      name: words.projects,
      coordinateSystem: "geo",
      symbol: "diamond",
      symbolSize: style.fontSize * 1.3,
      data: [...homes.values()].map((h) => ({ value: h.point, names: h.names })),
      itemStyle: { color: style.project, borderColor: "#fff", borderWidth: 1.5 },
      tooltip: { formatter: (p: { data: { names: string[] } }) => words.projectTooltip(p.data.names) },
      zlevel: 2,
    });
  }
  const legendNames = series.map((s) => (s as { name: string }).name).filter((n) => n !== words.countLegend);
  return {
    backgroundColor: "#ffffff",
    textStyle: { fontFamily },
    animation: false,
    title: {
      text: words.title,
      subtext: words.subtitle,
      left: 16,
      top: 10,
      textStyle: { fontFamily, fontSize: style.titleSize, color: style.text, fontWeight: 700 },
      subtextStyle: { fontFamily, fontSize: Math.max(12, style.fontSize - 2), color: style.text },
    },
    tooltip: { trigger: "item", textStyle: { fontFamily, fontSize: style.fontSize } },
    legend: { data: legendNames, bottom: 8, left: 16, right: 16, textStyle: { fontFamily, fontSize: style.fontSize, color: style.text }, itemGap: 18 },
    visualMap: {
      type: "piecewise",
      seriesIndex: 0,
      pieces: bins.map((bin, i) => ({ gte: bin.min, ...(bin.max === undefined ? {} : { lte: bin.max }), label: words.bins(bin), color: style.shades[i] ?? style.shades[style.shades.length - 1] })),
      text: [words.countLegend],
      showLabel: true,
      right: 12,
      top: "middle",
      orient: "vertical",
      itemWidth: style.fontSize * 1.2,
      itemHeight: style.fontSize * 0.9,
      textStyle: { fontFamily, fontSize: style.fontSize, color: style.text },
      outOfRange: { color: style.empty },
    },
    geo: {
      map,
      nameProperty: "code",
      roam: true,
      layoutCenter: ["44%", "54%"],
      layoutSize: "80%",
      selectedMode: false,
      itemStyle: { areaColor: style.empty, borderColor: style.border, borderWidth: style.borderWidth },
      emphasis: { itemStyle: { areaColor: "#ffe08a" }, label: { show: true, ...text, formatter: (p: { name: string }) => outlines.get(p.name) ?? "" } },
      label: { show: false },
      tooltip: { show: true, formatter: (p: { name: string }) => words.tooltip(byCode.get(p.name) ?? null, p.name) },
    },
    series,
  };
}
