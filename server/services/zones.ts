/** Zones with their leading chains: rank, leader, and how much of each chain is covered locally. */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import type { FirmRef, ZoneDetail, ZoneSummary } from "../model/api.js";
import { Id, Zone } from "../model/domain.js";
import { groupBy, parseRows } from "./rows.js";

const ZoneChainRow = z.object({
  zoneId: Id,
  chainId: Id,
  chainName: z.string(),
  rank: z.number().int(),
  segmentCount: z.number().int(),
  coveredCount: z.number().int(),
});
const LeaderRow = z.object({ zoneId: Id, chainId: Id, firmId: Id, firmName: z.string(), aliases: z.array(z.string()) });
const TotalsRow = z.object({ firmCount: z.number().int(), projectCount: z.number().int() });

/** The name people use: the first alias (凌钢) when the legal name is long. */
export function displayName(firm: { firmName: string; aliases: string[] }): string {
  return firm.aliases[0] ?? firm.firmName;
}

export async function listLeaders(store: GraphStore, zoneId: string | null) {
  return parseRows(LeaderRow, await store.read("zones/list-leaders", { zoneId }));
}

export function leadersOf(leaders: z.infer<typeof LeaderRow>[], zoneId: string, chainId: string): FirmRef[] {
  return leaders
    .filter((l) => l.zoneId === zoneId && l.chainId === chainId)
    .map((l) => ({ id: l.firmId, name: displayName(l) }));
}

export async function listZones(store: GraphStore, zoneId: string | null = null): Promise<ZoneSummary[]> {
  const [zones, chainRows, leaders] = await Promise.all([
    store.read("zones/list-zones", { zoneId }).then((rows) => parseRows(Zone, rows)),
    store.read("zones/list-zone-chains", { zoneId }).then((rows) => parseRows(ZoneChainRow, rows)),
    listLeaders(store, zoneId),
  ]);
  const chainsByZone = groupBy(chainRows, (r) => r.zoneId);
  return zones.map((zone) => ({
    ...zone,
    chains: (chainsByZone.get(zone.id) ?? []).map((c) => ({
      id: c.chainId,
      name: c.chainName,
      rank: c.rank,
      segmentCount: c.segmentCount,
      coveredCount: c.coveredCount,
      completeness: c.segmentCount ? c.coveredCount / c.segmentCount : 0,
      leaders: leadersOf(leaders, zone.id, c.chainId),
    })),
  }));
}

export async function getZone(store: GraphStore, zoneId: string): Promise<ZoneDetail> {
  const [zone] = await listZones(store, zoneId);
  if (!zone) throw new NotFound("zone", zoneId);
  const [totals] = parseRows(TotalsRow, await store.read("zones/zone-totals", { zoneId }));
  return { ...zone, firmCount: totals?.firmCount ?? 0, projectCount: totals?.projectCount ?? 0 };
}
