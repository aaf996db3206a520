/** A firm with everything around it: segments, zone, supply ties, projects, chains it leads. */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { FirmDetail } from "../model/api.js";
import { StoredFirm, StoredProject, type Firm } from "../model/domain.js";
import { regionPath } from "../regions/divisions.js";
import { parseRows } from "./rows.js";
import { findZone } from "./chain-facts.js";

const FirmSegmentRow = FirmDetail.shape.segments.element;
const TieRow = FirmDetail.shape.ties.element.omit({ direction: true });
const FirmProjectRow = StoredProject.omit({ firmId: true });
const LeadRow = FirmDetail.shape.leads.element;
const FamilyRow = FirmDetail.shape.children.element;

/** Firm rows keep `attributes` as JSON text (one property on both engines). */
const FirmRow = StoredFirm.extend({
  attributes: z.string().nullable().transform((text) => (text ? (JSON.parse(text) as Record<string, string>) : {})),
  version: z.number().int(),
});

/** A firm's own facts and its version (for optimistic concurrency). */
export type FirmRecord = Firm & { version: number };

export async function readFirm(store: GraphStore, id: string): Promise<FirmRecord | undefined> {
  return parseRows(FirmRow, await store.read("firms/get-firm", { id }))[0];
}

export async function getFirm(store: GraphStore, id: string): Promise<FirmDetail> {
  const firm = await readFirm(store, id);
  if (!firm) throw new NotFound("firm", id);
  const [segments, customers, suppliers, projects, leads, parents, children, zone] = await Promise.all([
    store.read("firms/firm-segments", { id }).then((rows) => parseRows(FirmSegmentRow, rows)),
    store.read("firms/firm-customers", { id }).then((rows) => parseRows(TieRow, rows)),
    store.read("firms/firm-suppliers", { id }).then((rows) => parseRows(TieRow, rows)),
    store.read("firms/firm-projects", { id }).then((rows) => parseRows(FirmProjectRow, rows)),
    store.read("firms/firm-leads", { id }).then((rows) => parseRows(LeadRow, rows)),
    store.read("firms/firm-parent", { id }).then((rows) => parseRows(FamilyRow, rows)),
    store.read("firms/firm-children", { id }).then((rows) => parseRows(FamilyRow, rows)),
    firm.zoneId ? findZone(store, firm.zoneId) : undefined,
  ]);
  return {
    ...firm,
    region: { code: firm.regionCode, path: regionPath(firm.regionCode) },
    zone: zone ? { id: zone.id, name: zone.name, shortName: zone.shortName } : null,
    segments,
    ties: [
      ...suppliers.map((t) => ({ ...t, direction: "buys" as const })),
      ...customers.map((t) => ({ ...t, direction: "supplies" as const })),
    ],
    projects,
    leads,
    parent: parents[0] ?? null,
    children,
  };
}
