/**
 * Turns domain records into the write steps of one transaction, in dependency order
 * (nodes before the relationships between them). Used by the sample seed and restores.
 */
import type { GraphRecords, Region } from "../model/domain.js";
import type { WriteStep } from "../graph/store.js";
import { searchKeys } from "./search-keys.js";

export function regionSteps(regions: readonly Region[]): WriteStep[] {
  return [{ query: "regions/upsert-region", rows: regions.map((r) => ({ ...r })) }];
}

export function recordSteps(g: GraphRecords): WriteStep[] {
  return [
    { query: "regions/upsert-region-group", rows: g.regionGroups.map((r) => ({ ...r })) },
    { query: "documents/upsert-document", rows: g.documents.map((d) => ({ ...d })) },
    { query: "chains/upsert-chain", rows: g.chains.map((c) => ({ ...c, searchText: searchKeys([c.name]) })) },
    {
      query: "chains/upsert-segment",
      rows: g.segments.map((s) => ({ ...s, searchText: searchKeys([s.name, ...s.keywords]) })),
    },
    { query: "chains/link-feeds", rows: g.feeds.map((f) => ({ ...f })) },
    { query: "zones/upsert-zone", rows: g.zones.map((z) => ({ ...z })) },
    { query: "zones/link-chain", rows: g.zoneChains.map((zc) => ({ ...zc })) },
    {
      query: "firms/upsert-firm",
      rows: g.firms.map((f) => ({ ...f, attributes: JSON.stringify(f.attributes), searchText: searchKeys([f.name, ...f.aliases]) })),
    },
    // Each code in the key table (graph/firm-codes.ts); a code two firms were given fails the load.
    { query: "firms/claim-code", rows: g.firms.filter((f) => f.uscc).map((f) => ({ uscc: f.uscc, id: f.id })), mustMatch: true },
    { query: "firms/unset-zone", rows: g.firms.map((f) => ({ id: f.id })) },
    { query: "firms/set-zone", rows: g.firms.filter((f) => f.zoneId).map((f) => ({ id: f.id, zoneId: f.zoneId })) },
    { query: "firms/link-segment", rows: g.operatesIn.map((o) => ({ ...o })) },
    { query: "firms/link-leads", rows: g.leads.map((l) => ({ ...l })) },
    { query: "firms/link-supplies", rows: g.supplies.map((s) => ({ ...s })) },
    { query: "firms/link-parent", rows: g.belongsTo.map((p) => ({ ...p })) },
    { query: "projects/upsert-project", rows: g.projects.map(({ segmentIds: _, ...p }) => ({ ...p })) },
    {
      query: "projects/link-segment",
      rows: g.projects.flatMap((p) => p.segmentIds.map((segmentId) => ({ projectId: p.id, segmentId }))),
    },
  ];
}
