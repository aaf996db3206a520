/**
 * A firm's segment link keeps its numbers and its texts apart
 * (docs/decisions/033-segment-link-texts-apart.md): OPERATES_IN (firm → segment) holds its
 * confidence and version, LINK_TEXTS — a link from the firm to itself naming the segment —
 * its products, capacity, source and evidence. At most one LINK_TEXTS link per segment link;
 * none reads as empty texts.
 */
import type { Params } from "./store.js";

/** The texts a segment link keeps in LINK_TEXTS. */
export const LINK_TEXT_COLUMNS = ["products", "capacity", "source", "evidence"] as const;

/** The LINK_TEXTS row of a segment link given as an OPERATES_IN row with its texts ({from: firm, to: segment, products, …}). */
export function linkTextsRow(link: Params): Params {
  const row: Params = { from: link.from, to: link.from, segmentId: link.to };
  for (const column of LINK_TEXT_COLUMNS) row[column] = link[column] ?? null;
  return row;
}

/** Whether an OPERATES_IN row still carries texts (a backup made before they were kept apart). */
export function hasLinkTexts(link: Params): boolean {
  return LINK_TEXT_COLUMNS.some((column) => link[column] !== undefined && link[column] !== null);
}
