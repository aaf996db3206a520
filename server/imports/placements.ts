/**
 * Where an import's firms landed, row by row: the segments each was linked to, with
 * confidence and evidence, those waiting for review, and the firms that landed nowhere.
 * Counted for every row; listed row by row up to MAX_LISTED_PLACEMENTS of each kind (a
 * million-row import lists the first ones, as its problems do), in pages of
 * PLACEMENT_PAGE_ROWS stored in the graph apart from the job's report, so any instance can
 * page through them and the report itself stays small.
 */
import { z } from "zod";
import { StagingWriter } from "../graph/bulk.js";
import type { GraphStore, StagedFile } from "../graph/store.js";
import { PLACEMENT_KINDS, PlacementRow, type PlacementKind, type PlacementPage, type PlacementSummary } from "../model/api.js";
import { parseRows } from "../services/rows.js";
import type { Placement } from "./prepare-row.js";

/** The most rows of one kind an import lists; the counts are always complete. */
export const MAX_LISTED_PLACEMENTS = 10_000;
/** Rows in one stored page. */
export const PLACEMENT_PAGE_ROWS = 100;

export interface SegmentNames {
  name: string;
  chainId: string;
  chainName: string;
}

export const placementKind = (placements: readonly Placement[]): PlacementKind => (placements.some((p) => p.linked) ? "placed" : placements.length ? "review" : "none");

const pageId = (importId: string, kind: PlacementKind, page: number) => `${importId}|${kind}|${page}`;

/** Collects an import's placements as its rows come, writing full pages to a staged file. */
export class PlacementCollector {
  private readonly counts = { placed: 0, review: 0, none: 0 };
  private readonly pending: Record<PlacementKind, PlacementRow[]> = { placed: [], review: [], none: [] };
  private readonly pages = { placed: 0, review: 0, none: 0 };
  private readonly bySegment = new Map<string, { links: number; review: number }>();
  private regionFromName = 0;
  private readonly out: StagingWriter;

  constructor(
    private readonly importId: string,
    private readonly segments: ReadonlyMap<string, SegmentNames>,
    file: string,
  ) {
    this.out = new StagingWriter("ImportPlacementPage", file);
  }

  async add(row: Omit<PlacementRow, "segments"> & { placements: readonly Placement[] }): Promise<void> {
    const kind = placementKind(row.placements);
    this.counts[kind]++;
    if (row.regionFromName) this.regionFromName++;
    for (const p of row.placements) {
      const seen = this.bySegment.get(p.segmentId) ?? { links: 0, review: 0 };
      if (p.linked) seen.links++;
      else seen.review++;
      this.bySegment.set(p.segmentId, seen);
    }
    if (this.counts[kind] > MAX_LISTED_PLACEMENTS) return;
    const { placements, ...facts } = row;
    this.pending[kind].push({
      ...facts,
      segments: placements.map((p) => {
        const names = this.segments.get(p.segmentId);
        return { segmentId: p.segmentId, segmentName: names?.name ?? p.segmentId, chainName: names?.chainName ?? "", confidence: p.confidence, evidence: p.evidence, linked: p.linked };
      }),
    });
    if (this.pending[kind].length >= PLACEMENT_PAGE_ROWS) await this.flush(kind);
  }

  private async flush(kind: PlacementKind): Promise<void> {
    const rows = this.pending[kind];
    if (rows.length === 0) return;
    this.pending[kind] = [];
    const page = this.pages[kind]++;
    await this.out.write({ id: pageId(this.importId, kind, page), importId: this.importId, kind, page, rows: JSON.stringify(rows) });
  }

  /** Writes the last pages and closes the file; the summary is then final. */
  async close(): Promise<StagedFile> {
    for (const kind of PLACEMENT_KINDS) await this.flush(kind);
    return this.out.close();
  }

  summary(): PlacementSummary {
    const listed = (kind: PlacementKind) => Math.min(this.counts[kind], MAX_LISTED_PLACEMENTS);
    const bySegment = [...this.bySegment]
      .map(([segmentId, n]) => {
        const names = this.segments.get(segmentId);
        return { segmentId, segmentName: names?.name ?? segmentId, chainId: names?.chainId ?? "", chainName: names?.chainName ?? "", ...n };
      })
      .sort((a, b) => a.chainName.localeCompare(b.chainName, "zh") || b.links - a.links || a.segmentName.localeCompare(b.segmentName, "zh"));
    return { counts: { ...this.counts }, listed: { placed: listed("placed"), review: listed("review"), none: listed("none") }, regionFromName: this.regionFromName, bySegment };
  }
}

const PageRow = z.object({ rows: z.string() });

/** Listed placements of one kind from `offset`, at most `limit`, read from the stored pages. */
export async function placementPage(store: GraphStore, importId: string, summary: PlacementSummary, kind: PlacementKind, offset: number, limit: number): Promise<PlacementPage> {
  const listed = summary.listed[kind];
  const rows: PlacementRow[] = [];
  const end = Math.min(listed, offset + limit);
  for (let page = Math.floor(offset / PLACEMENT_PAGE_ROWS); page * PLACEMENT_PAGE_ROWS < end; page++) {
    const [stored] = parseRows(PageRow, await store.read("imports/get-placement-page", { id: pageId(importId, kind, page) }));
    if (!stored) break;
    const pageRows = z.array(PlacementRow).parse(JSON.parse(stored.rows));
    const first = page * PLACEMENT_PAGE_ROWS;
    rows.push(...pageRows.slice(Math.max(0, offset - first), end - first));
  }
  return { kind, total: summary.counts[kind], listed, offset, rows };
}

/** Every listed placement of every kind, in row order (for the workbook and the CLI). */
export async function listedPlacements(store: GraphStore, importId: string, summary: PlacementSummary): Promise<PlacementRow[]> {
  const all: PlacementRow[] = [];
  for (const kind of PLACEMENT_KINDS) all.push(...(await placementPage(store, importId, summary, kind, 0, summary.listed[kind])).rows);
  return all.sort((a, b) => a.row - b.row);
}
