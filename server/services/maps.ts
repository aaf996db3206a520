/**
 * 一链一图: everything the map of one chain in one zone needs, in one response —
 * segments with local coverage, FEEDS links, the zone's firms in the chain, and the
 * projects building its segments.
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import type { ChainMap, MapFirm, MapProject, MapSegment } from "../model/api.js";
import { FirmTag, Id, IsoDate, ProjectStatus, RegionCode } from "../model/domain.js";
import { getChain } from "./chains.js";
import { groupBy, parseRows } from "./rows.js";
import { getZone, leadersOf, listLeaders } from "./zones.js";

const LocalFirmRow = z.object({
  id: Id,
  name: z.string(),
  aliases: z.array(z.string()),
  capital: z.number().nullable(),
  tags: z.array(FirmTag),
  regionCode: RegionCode,
  segmentId: Id,
  products: z.string(),
  capacity: z.string(),
  confidence: z.number(),
  source: z.string(),
});

const ProjectRow = z.object({
  id: Id,
  name: z.string(),
  firmId: Id,
  firmName: z.string(),
  investment: z.number().nullable(),
  status: ProjectStatus,
  statusOn: IsoDate.nullable(),
  description: z.string(),
  source: z.string(),
  segmentId: Id,
});

export async function getChainMap(store: GraphStore, zoneId: string, chainId: string): Promise<ChainMap> {
  const [zone, chain, firmRows, projectRows, leaderRows] = await Promise.all([
    getZone(store, zoneId),
    getChain(store, chainId),
    store.read("maps/local-firms", { zoneId, chainId }).then((rows) => parseRows(LocalFirmRow, rows)),
    store.read("maps/zone-projects", { zoneId, chainId }).then((rows) => parseRows(ProjectRow, rows)),
    listLeaders(store, zoneId),
  ]);
  const leaders = leadersOf(leaderRows, zoneId, chainId);
  const leaderIds = new Set(leaders.map((l) => l.id));

  const firms: MapFirm[] = [...groupBy(firmRows, (r) => r.id).values()].map((rows) => {
    const { segmentId: _, products: _p, capacity: _c, confidence: _k, source: _s, ...firm } = rows[0]!;
    return {
      ...firm,
      isLeader: leaderIds.has(firm.id),
      segments: rows.map(({ segmentId, products, capacity, confidence, source }) => ({ segmentId, products, capacity, confidence, source })),
    };
  });
  const projects: MapProject[] = [...groupBy(projectRows, (r) => r.id).values()].map((rows) => {
    const { segmentId: _, ...project } = rows[0]!;
    return { ...project, segmentIds: rows.map((r) => r.segmentId) };
  });

  const firmsBySegment = groupBy(firmRows, (r) => r.segmentId);
  const projectsBySegment = groupBy(projectRows, (r) => r.segmentId);
  const segments: MapSegment[] = chain.segments.map((segment) => {
    const local = firmsBySegment.get(segment.id) ?? [];
    return {
      ...segment,
      localFirmCount: local.length,
      leader: local.some((f) => leaderIds.has(f.id)),
      projectCount: projectsBySegment.get(segment.id)?.length ?? 0,
    };
  });

  const own = (l: { sourceChainId: string; targetChainId: string }) => l.sourceChainId === chainId && l.targetChainId === chainId;
  const covered = segments.filter((s) => s.localFirmCount > 0).length;
  const { chains: _chains, firmCount: _f, projectCount: _pc, ...zoneFields } = zone;
  const { segments: _segments, links: _links, ...chainFields } = chain;
  return {
    zone: zoneFields,
    chain: chainFields,
    completeness: segments.length ? covered / segments.length : 0,
    leaders,
    segments,
    links: chain.links.filter(own).map(({ source, target }) => ({ source, target })),
    externalLinks: chain.links.filter((l) => !own(l)),
    firms,
    projects,
  };
}
