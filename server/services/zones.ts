/** Zones with their leading chains: rank, leader and the figures of each. */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import type { ZoneDetail, ZoneSummary } from "../model/api.js";
import { Id, Zone } from "../model/domain.js";
import { getZoneRecord } from "./chain-facts.js";
import { readChainDiagnosis } from "./chain-diagnosis.js";
import { groupBy, parseRows } from "./rows.js";
import { cached } from "./read-cache.js";

const ZoneChainRow = z.object({ zoneId: Id, chainId: Id, chainName: z.string(), rank: z.number().int() });
const TotalsRow = z.object({ firmCount: z.number().int(), projectCount: z.number().int() });

export function listZones(store: GraphStore, zoneId: string | null = null): Promise<ZoneSummary[]> {
  return cached(store, `zones:${zoneId}`, () => computeZones(store, zoneId));
}

async function computeZones(store: GraphStore, zoneId: string | null): Promise<ZoneSummary[]> {
  const [zones, chainRows] = await Promise.all([
    store.read("zones/list-zones", { zoneId }).then((rows) => parseRows(Zone, rows)),
    store.read("zones/list-zone-chains", { zoneId }).then((rows) => parseRows(ZoneChainRow, rows)),
  ]);
  const chainsByZone = groupBy(chainRows, (r) => r.zoneId);
  return Promise.all(
    zones.map(async (zone) => ({
      ...zone,
      chains: await Promise.all(
        (chainsByZone.get(zone.id) ?? []).map(async (c) => {
          const { facts, kept } = await readChainDiagnosis(store, zone.id, c.chainId);
          return { id: c.chainId, name: c.chainName, rank: c.rank, figures: kept.gaps.figures, leaders: facts.leaders };
        }),
      ),
    })),
  );
}

export async function getZone(store: GraphStore, zoneId: string): Promise<ZoneDetail> {
  await getZoneRecord(store, zoneId);
  const [[zone], [totals]] = await Promise.all([
    listZones(store, zoneId),
    store.read("zones/zone-totals", { zoneId }).then((rows) => parseRows(TotalsRow, rows)),
  ]);
  return { ...zone!, firmCount: totals?.firmCount ?? 0, projectCount: totals?.projectCount ?? 0 };
}
