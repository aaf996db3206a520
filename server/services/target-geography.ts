/**
 * 招商地图: where a ranking's firms are (the rows the targets table shows, with the same
 * filters), or a target list's entries, counted by province and by the units of a province's
 * map, with the zone's own place, the weight profile's distances and where the zone's signed
 * projects came from. The outlines themselves are static files the client draws
 * (client/src/geo/); the regions here carry the same codes (mapUnitsOf).
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { ValidationError } from "../errors.js";
import type { ListGeography, MapRegion, RegionTally, TargetGeography } from "../model/api.js";
import { ENTRY_STATUSES, FILLING_STATUSES, Id, ProjectStatus, RegionCode } from "../model/domain.js";
import type { EntryStatus, Region, Zone } from "../model/domain.js";
import { displayName } from "../model/format.js";
import { coveringPrefix, findRegion, mapUnitsOf, regionPath } from "../regions/divisions.js";
import { regionPoint } from "../regions/geo.js";
import { getZoneRecord } from "./chain-facts.js";
import { getList } from "./lists.js";
import { parseRows } from "./rows.js";
import { rankWithEffects, type TargetOrder } from "./simulation.js";
import type { TargetFilters } from "./targets.js";

/** What is counted: a firm at its region, with its rank and score (a ranking) or status (a list). */
export interface Placed {
  regionCode: string;
  firmId: string;
  name: string;
  rank?: number;
  score?: number;
  status?: EntryStatus;
}

export const UNKNOWN_REGION = "未知地区";

const noStatuses = () => Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;

function emptyTally(region: Region | null, level: RegionTally["level"], withStatuses: boolean): RegionTally {
  return {
    code: region?.code ?? null,
    name: region?.name ?? UNKNOWN_REGION,
    level,
    parentCode: level === "city" ? `${region!.code.slice(0, 2)}0000` : null,
    point: region ? regionPoint(region.code) : null,
    count: 0,
    best: null,
    statuses: withStatuses ? noStatuses() : null,
  };
}

/**
 * Counts by province and map unit; the best is the first by rank. A firm the divisions do
 * not place goes to 未知地区; one placed only as far as its province counts there alone.
 */
export function tallyRegions(placed: readonly Placed[], withStatuses: boolean): Pick<ListGeography, "provinces" | "cities" | "unknown"> {
  const provinces = new Map<string, RegionTally>();
  const cities = new Map<string, RegionTally>();
  let unknown: RegionTally | null = null;
  const add = (tally: RegionTally, p: Placed) => {
    tally.count++;
    if (p.rank !== undefined && p.score !== undefined && (!tally.best || p.rank < tally.best.rank)) tally.best = { firmId: p.firmId, name: p.name, rank: p.rank, score: p.score };
    if (tally.statuses && p.status) tally.statuses[p.status]++;
  };
  for (const p of placed) {
    const units = mapUnitsOf(p.regionCode);
    if (!units) {
      add((unknown ??= emptyTally(null, null, withStatuses)), p);
      continue;
    }
    const province = provinces.get(units.province.code) ?? emptyTally(units.province, "province", withStatuses);
    provinces.set(province.code!, province);
    add(province, p);
    if (units.city) {
      const city = cities.get(units.city.code) ?? emptyTally(units.city, "city", withStatuses);
      cities.set(city.code!, city);
      add(city, p);
    }
  }
  const byCode = (a: RegionTally, b: RegionTally) => a.code!.localeCompare(b.code!);
  return { provinces: [...provinces.values()].sort(byCode), cities: [...cities.values()].sort(byCode), unknown };
}

/** The map's region and the way back up to it: a province, or a unit of a province's map. */
export function mapArea(code: string | undefined): { area: MapRegion | null; trail: MapRegion[] } {
  if (!code) return { area: null, trail: [] };
  const units = mapUnitsOf(code);
  const region = findRegion(code);
  if (!units || !region || (region.level !== "province" && units.city?.code !== code))
    throw new ValidationError(`Region ${code} is not drawn on the map`, [
      { field: "query.area", message: `${code} 不是地图上的省份或城市（区县只在直辖市和省直辖县级单位上绘出）；请选省份代码（如 130000）或城市代码（如 130200）` },
    ]);
  const trail: MapRegion[] = [{ code: units.province.code, name: units.province.name, level: "province" }];
  if (units.city) trail.push({ code: units.city.code, name: units.city.name, level: "city" });
  return { area: trail[trail.length - 1]!, trail };
}

function zonePlace(zone: Zone): TargetGeography["zone"] {
  return { id: zone.id, name: zone.name, shortName: zone.shortName, countyCode: zone.countyCode, point: regionPoint(zone.countyCode) };
}

const ProjectRow = z.object({ id: Id, name: z.string(), status: ProjectStatus, firmName: z.string(), firmAliases: z.array(z.string()), regionCode: RegionCode });

/**
 * 招商地图 of the rows the targets table shows with these filters and this order (the
 * table's own answer, read through its cache): by 补链效果, the firms that close most, not
 * the first by score.
 */
export async function targetGeography(store: GraphStore, zoneId: string, chainId: string, filters: TargetFilters, order: z.infer<typeof TargetOrder>, today = new Date()): Promise<TargetGeography> {
  const { area, trail } = mapArea(filters.area);
  const [ranking, zone, projectRows] = await Promise.all([
    rankWithEffects(store, zoneId, chainId, filters, order, today),
    getZoneRecord(store, zoneId),
    store.read("targets/signed-project-homes", { zoneId, chainId, statuses: [...FILLING_STATUSES] }),
  ]);
  const placed = ranking.results.map((r) => ({ regionCode: r.firm.regionCode, firmId: r.firm.id, name: r.firm.name, rank: r.rank, score: r.total }));
  return {
    zone: zonePlace(zone),
    chain: ranking.chain,
    area,
    trail,
    ...tallyRegions(placed, false),
    profile: { id: ranking.profile.id, name: ranking.profile.name, nearKm: ranking.profile.nearKm, farKm: ranking.profile.farKm },
    candidateCount: ranking.candidateCount,
    order: ranking.order,
    orderedAmong: ranking.orderedAmong,
    shown: ranking.results.length,
    projects: parseRows(ProjectRow, projectRows).map((p) => {
      const units = mapUnitsOf(p.regionCode);
      return {
        id: p.id,
        name: p.name,
        status: p.status,
        firmName: displayName(p.firmName, p.firmAliases),
        regionCode: p.regionCode,
        region: regionPath(p.regionCode) || UNKNOWN_REGION,
        provinceCode: units?.province.code ?? null,
        cityCode: units?.city?.code ?? null,
        point: regionPoint(p.regionCode),
      };
    }),
  };
}

/** 招商地图 of a target list: its entries (within `area`, when given) by region and status. */
export async function listGeography(store: GraphStore, listId: string, areaCode?: string): Promise<ListGeography> {
  const { area, trail } = mapArea(areaCode);
  const list = await getList(store, listId);
  const zone = await getZoneRecord(store, list.zone.id);
  const prefix = area ? coveringPrefix(findRegion(area.code)!) : "";
  const entries = list.entries.filter((e) => e.firm.regionCode.startsWith(prefix));
  return {
    zone: zonePlace(zone),
    chain: list.chain,
    area,
    trail,
    ...tallyRegions(entries.map((e) => ({ regionCode: e.firm.regionCode, firmId: e.firm.id, name: e.firm.name, status: e.status })), true),
    list: { id: list.id, name: list.name },
    entryCount: entries.length,
  };
}
