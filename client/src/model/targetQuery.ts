/**
 * The filters of a target ranking, kept in the page's URL so a shared link shows the same
 * list, and turned into the API's query for the ranking, its export and a saved list.
 * Defaults are left out of the URL: a plain link ranks every gap segment in 京津冀 with
 * the default profile.
 */
import { FIRM_TAGS } from "../../../server/model/domain";
import type { FirmTag } from "../../../server/model/domain";

export interface TargetQuery {
  /** One segment, or null for every gap segment of the chain. */
  segment: string | null;
  /** A region group id, or null for no group (then only `regions`, or everywhere). */
  regionGroup: string | null;
  /** GB/T 2260 codes; a province covers its cities and counties. */
  regions: string[];
  tags: FirmTag[];
  /** 万元. */
  minCapital: number | null;
  /** 招商地图's region (a province or a unit of its map), within the regions above; null: all of them. */
  area: string | null;
  profile: string;
  limit: number;
  /** By score (the default), or by 补链效果: the server orders, over the candidates it names. */
  order: TargetOrder;
}

export type TargetOrder = "score" | "effect";

export const DEFAULT_REGION_GROUP = "jingjinji";
export const DEFAULT_PROFILE = "default";
export const DEFAULT_LIMIT = 50;
export const LIMIT_CHOICES = [20, 50, 100, 200] as const;
/** How the URL says "no region group" (absent means the default, 京津冀). */
export const ALL_REGIONS = "all";

export const DEFAULT_TARGET_QUERY: TargetQuery = {
  segment: null,
  regionGroup: DEFAULT_REGION_GROUP,
  regions: [],
  tags: [],
  minCapital: null,
  area: null,
  profile: DEFAULT_PROFILE,
  limit: DEFAULT_LIMIT,
  order: "score",
};

const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const REGION = /^\d{6}$/;

function list(query: URLSearchParams, key: string): string[] {
  return (query.get(key) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseTargetQuery(query: URLSearchParams): TargetQuery {
  const segment = query.get("segment");
  const group = query.get("group");
  const profile = query.get("profile");
  const minCapital = Number(query.get("minCapital"));
  const limit = Number(query.get("limit"));
  const area = query.get("area");
  return {
    segment: segment && ID.test(segment) ? segment : null,
    regionGroup: group === null ? DEFAULT_REGION_GROUP : group === ALL_REGIONS || !ID.test(group) ? null : group,
    regions: [...new Set(list(query, "regions").filter((r) => REGION.test(r)))].sort(),
    tags: FIRM_TAGS.filter((tag) => list(query, "tags").includes(tag)),
    minCapital: query.has("minCapital") && Number.isFinite(minCapital) && minCapital > 0 ? minCapital : null,
    area: area && REGION.test(area) ? area : null,
    profile: profile && ID.test(profile) ? profile : DEFAULT_PROFILE,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 500 ? limit : DEFAULT_LIMIT,
    order: query.get("order") === "effect" ? "effect" : "score",
  };
}

/** The page's URL query: only what differs from the defaults, lists sorted. */
export function writeTargetQuery(q: Partial<TargetQuery>): URLSearchParams {
  const query = new URLSearchParams();
  if (q.segment) query.set("segment", q.segment);
  if (q.regionGroup !== undefined && q.regionGroup !== DEFAULT_REGION_GROUP) query.set("group", q.regionGroup ?? ALL_REGIONS);
  if (q.regions?.length) query.set("regions", [...new Set(q.regions)].sort().join(","));
  if (q.tags?.length) query.set("tags", FIRM_TAGS.filter((t) => q.tags!.includes(t)).join(","));
  if (q.minCapital != null && q.minCapital > 0) query.set("minCapital", String(q.minCapital));
  if (q.area) query.set("area", q.area);
  if (q.profile && q.profile !== DEFAULT_PROFILE) query.set("profile", q.profile);
  if (q.limit && q.limit !== DEFAULT_LIMIT) query.set("limit", String(q.limit));
  if (q.order === "effect") query.set("order", "effect");
  return query;
}

/** The ranking filters as the API names them (also for the export, with `format`). */
export function targetApiQuery(q: TargetQuery, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  if (q.segment) query.set("segment", q.segment);
  if (q.regionGroup) query.set("regionGroup", q.regionGroup);
  if (q.regions.length) query.set("regions", q.regions.join(","));
  if (q.tags.length) query.set("tags", q.tags.join(","));
  if (q.minCapital != null) query.set("minCapital", String(q.minCapital));
  if (q.area) query.set("area", q.area);
  query.set("limit", String(q.limit));
  query.set("profile", q.profile);
  if (q.order === "effect") query.set("order", "effect");
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString().replace(/%2C/g, ",");
}

/** The filters a saved list records (the API's TargetFilters without the limit). */
export function listFilters(q: TargetQuery) {
  return {
    ...(q.segment ? { segment: q.segment } : {}),
    ...(q.regionGroup ? { regionGroup: q.regionGroup } : {}),
    regions: q.regions,
    tags: q.tags,
    ...(q.minCapital != null ? { minCapital: q.minCapital } : {}),
    ...(q.area ? { area: q.area } : {}),
    profile: q.profile,
  };
}
