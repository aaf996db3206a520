/** GB/T 2260 regions and the region groups teams target. */
import type { GraphStore } from "../graph/store.js";
import { Region, RegionGroup } from "../model/domain.js";
import type { RegionLevel } from "../model/domain.js";
import { parseRows } from "./rows.js";

export async function listRegions(store: GraphStore, filter: { level: RegionLevel | null; parentCode: string | null }) {
  return parseRows(Region, await store.read("regions/list-regions", filter));
}

export async function listRegionGroups(store: GraphStore) {
  return parseRows(RegionGroup, await store.read("regions/list-region-groups"));
}
