/** A firm with everything around it: segments, zone, supply ties, projects, chains it leads. */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { FirmDetail } from "../model/api.js";
import { StoredFirm, StoredProject, type Firm } from "../model/domain.js";
import { regionPath } from "../regions/divisions.js";
import { parseRows } from "./rows.js";
import { findZone } from "./chain-facts.js";
import { firmCards } from "./firm-cards.js";
import { linkFacts } from "./link-facts.js";

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
export type FirmRecord = Firm & Pick<z.infer<typeof StoredFirm>, "standing" | "standingText" | "standingOn"> & { version: number };

export async function readFirm(store: GraphStore, id: string): Promise<FirmRecord | undefined> {
  return parseRows(FirmRow, await store.read("firms/get-firm", { id }))[0];
}

export async function getFirm(store: GraphStore, id: string): Promise<FirmDetail> {
  const firm = await readFirm(store, id);
  if (!firm) throw new NotFound("firm", id);
  const [segments, customers, suppliers, projects, leads, parents, children, zone] = await Promise.all([
    store.read("firms/firm-segments", { id }).then((rows) => parseRows(FirmSegmentRow, rows)),
    readTies(store, id, "customers"),
    readTies(store, id, "suppliers"),
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

type Tie = z.infer<typeof TieRow>;

/**
 * A firm's supply ties, the firms it sells to (customers) or buys from (suppliers), each with
 * the other firm's name and zone, ordered by that firm, product and source. On the embedded
 * graph from memory (the links kept in memory and the other firms' cards, docs/decisions/029-firm-cards-and-ties-from-memory.md):
 * a firm of a zone buys from firms all over the firm table, whose names Kùzu reads at
 * ≈ 0.2 ms a firm (80 ties: ≈ 16 ms of every edit's answer). Elsewhere, and when asked for
 * "cypher", by firms/firm-customers and firms/firm-suppliers (the same rows:
 * test/integration/leader-suppliers.test.ts).
 */
export async function readTies(store: GraphStore, id: string, which: "customers" | "suppliers", from: "memory" | "cypher" = store.engine === "kuzu" ? "memory" : "cypher"): Promise<Tie[]> {
  if (from === "cypher") return parseRows(TieRow, which === "customers" ? await store.read("firms/firm-customers", { id }) : await store.read("firms/firm-suppliers", { id }));
  const links = await linkFacts(store);
  const ties = (which === "customers" ? links.sells.get(id) : links.buys.get(id)) ?? [];
  const other = (t: (typeof ties)[number]) => (which === "customers" ? t.buyerId : t.supplierId);
  const cards = await firmCards(store, ties.map(other));
  const rows: Tie[] = [];
  for (const t of ties) {
    const otherId = other(t);
    const card = cards.get(otherId);
    if (!card) continue; // gone since the links were read
    const zones = links.zonesOf.get(otherId) ?? [null];
    for (const otherZoneId of zones) rows.push({ otherId, otherName: card.name, otherZoneId, product: t.product, source: t.source });
  }
  const text = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return rows.sort((a, b) => text(a.otherId, b.otherId) || text(a.product, b.product) || text(a.source, b.source) || text(a.otherZoneId, b.otherZoneId));
}
