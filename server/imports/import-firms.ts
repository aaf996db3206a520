/**
 * Imports an enterprise export (CSV or XLSX) into the graph.
 *
 * One streaming pass: rows are read, validated and classified into segments, then staged
 * as CSV files on disk, so memory holds only the keys of firms already in the graph and
 * of rows seen in this file. A commit then loads everything in ONE transaction (COPY on
 * Kùzu, batched UNWIND on Neo4j): all valid rows land or none do; invalid rows never do.
 * Re-importing the same file changes nothing: firms are matched by 统一社会信用代码, else
 * by name + region, and a firm whose facts are unchanged is counted, not rewritten.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { StagingWriter } from "../graph/bulk.js";
import type { GraphStore, WriteStep } from "../graph/store.js";
import type { ImportReport } from "../model/api.js";
import type { Firm } from "../model/domain.js";
import { parseRows } from "../services/rows.js";
import { searchKeys } from "../services/search-keys.js";
import { classify, REVIEW_THRESHOLD, type SegmentProfile } from "./classify.js";
import { findHeader, type HeaderMatch } from "./columns.js";
import { readTable, type RawRow } from "./read-table.js";
import { duplicateKey, normalizeRow, type ImportedFirm, type ImportProblem } from "./rows.js";

export type ImportMode = "dry-run" | "commit";

export interface ImportOptions {
  importId: string;
  path: string;
  /** The name the user knows the file by (uploads are stored under another). */
  fileName: string;
  mode: ImportMode;
  /** Where the data came from, kept on every firm (default: the file name). */
  source?: string;
  /** When set, the imported firms are located in this zone (local firms). */
  zoneId?: string | null;
  /** Called every few thousand rows while reading. */
  onProgress?: (rowsDone: number) => void | Promise<void>;
  today?: Date;
}

/** The most problems a report lists; the count is always complete. */
export const MAX_LISTED_PROBLEMS = 10_000;


/** The file cannot be imported at all (unreadable, no header): nothing was written. */
export class ImportRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRejected";
  }
}

const KeyRow = z.object({
  id: z.string(),
  uscc: z.string().nullable(),
  name: z.string(),
  aliases: z.array(z.string()),
  regionCode: z.string(),
  capital: z.number().nullable(),
  foundedOn: z.string().nullable(),
  staff: z.number().nullable(),
  revenue: z.number().nullable(),
  tags: z.array(z.string()),
  attributes: z.string().nullable(),
});
const SegmentRow = z.object({ id: z.string(), chainId: z.string(), name: z.string(), industryCodes: z.array(z.string()), keywords: z.array(z.string()) });
const DecisionRow = z.object({ firmId: z.string(), segmentId: z.string(), decision: z.enum(["accepted", "rejected"]) });

type Comparable = Pick<Firm, "uscc" | "name" | "aliases" | "regionCode" | "capital" | "foundedOn" | "staff" | "revenue" | "tags" | "attributes">;

/** What decides "unchanged": the firm's facts, not when or from where they came. */
export function factsHash(f: Comparable): string {
  const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const facts = [f.uscc || null, f.name, [...f.aliases].sort(), f.regionCode, f.capital, f.foundedOn || null, f.staff, f.revenue, [...f.tags].sort(), sorted(f.attributes)];
  return createHash("sha1").update(JSON.stringify(facts)).digest("hex");
}

/** A stable id: the same firm gets the same id in every import. */
export function importedFirmId(firm: Pick<ImportedFirm, "uscc" | "name" | "regionCode">): string {
  if (firm.uscc) return `u-${firm.uscc.toLowerCase()}`;
  return `n-${createHash("sha1").update(`${firm.name}|${firm.regionCode}`).digest("hex").slice(0, 20)}`;
}

/** The Chinese labels under which an imported firm's further facts are kept. */
function attributesOf(firm: ImportedFirm): Record<string, string> {
  const known: Record<string, string | null | undefined> = {
    国标行业: firm.industry,
    经营范围: firm.scope,
    主营产品: firm.products,
    企业类型: firm.companyType,
    注册地址: firm.address,
    官网: firm.website,
    电话: firm.phone,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(known)) if (v) out[k] = v;
  for (const [k, v] of Object.entries(firm.extras)) if (v && !(k in out)) out[k] = v;
  if (firm.capitalCurrency && firm.capitalCurrency !== "CNY") out["注册资本币种"] = firm.capitalCurrency;
  return out;
}

async function loadExisting(store: GraphStore) {
  const byUscc = new Map<string, { id: string; hash: string }>();
  const byNameRegion = new Map<string, { id: string; hash: string }>();
  for (const row of parseRows(KeyRow, await store.read("imports/list-firm-keys"))) {
    const entry = { id: row.id, hash: factsHash({ ...row, tags: row.tags as Firm["tags"], attributes: row.attributes ? JSON.parse(row.attributes) : {} }) };
    if (row.uscc) byUscc.set(row.uscc, entry);
    byNameRegion.set(`${row.name}|${row.regionCode}`, entry);
  }
  return { byUscc, byNameRegion };
}

export async function importFirms(store: GraphStore, options: ImportOptions): Promise<ImportReport> {
  const startedAt = (options.today ?? new Date()).toISOString();
  const today = startedAt.slice(0, 10);
  const source = options.source?.trim() || options.fileName;
  const zoneId = options.zoneId ?? null;
  if (zoneId && (await store.read("zones/list-zones", { zoneId })).length === 0) throw new ImportRejected(`Unknown zone "${zoneId}"`);

  const [existing, segments, decisions] = await Promise.all([
    loadExisting(store),
    store.read("imports/list-segments").then((rows) => parseRows(SegmentRow, rows) as SegmentProfile[]),
    store.read("review/list-decisions").then((rows) => parseRows(DecisionRow, rows)),
  ]);
  const decided = new Map(decisions.map((d) => [`${d.firmId}|${d.segmentId}`, d.decision]));

  const stageDir = mkdtempSync(path.join(tmpdir(), "chainatlas-import-"));
  const firmsOut = new StagingWriter("Firm", path.join(stageDir, "firms.csv"));
  const linksOut = new StagingWriter("OPERATES_IN", path.join(stageDir, "links.csv"));
  const suggestedOut = new StagingWriter("SUGGESTED", path.join(stageDir, "suggested.csv"));
  const zoneOut = new StagingWriter("LOCATED_IN", path.join(stageDir, "located.csv"));
  const updates: WriteStep[] = [
    { query: "imports/update-firm", rows: [] },
    { query: "firms/link-segment", rows: [] },
    { query: "review/link-suggested", rows: [] },
    { query: "firms/unset-zone", rows: [] },
    { query: "firms/set-zone", rows: [] },
  ];
  const [updateRows, linkRows, suggestRows, unzoneRows, zoneRows] = updates.map((s) => s.rows) as WriteStep["rows"][];

  const counts = { rows: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, links: 0, pendingReview: 0 };
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const note = (list: ImportProblem[]) => {
    problemCount += list.length;
    for (const p of list) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
  };
  const seenInFile = new Map<string, number>();

  let header: HeaderMatch | null = null;
  const headBuffer: RawRow[] = [];
  try {
    const handle = async (raw: RawRow) => {
      if (raw.rowNumber <= header!.headerRowNumber) return;
      if (raw.cells.every((c) => c.trim() === "")) return;
      counts.rows++;
      const { firm, problems: rowProblems } = normalizeRow(raw, header!);
      note(rowProblems);
      if (!firm) {
        counts.rejected++;
        return;
      }
      const key = duplicateKey(firm);
      const firstRow = seenInFile.get(key);
      if (firstRow !== undefined) {
        counts.rejected++;
        note([{ row: raw.rowNumber, column: firm.uscc ? "统一社会信用代码" : "企业名称", value: firm.uscc ?? firm.name, message: `与第 ${firstRow} 行重复`, fix: "删除重复行，或合并两行的信息" }]);
        return;
      }
      seenInFile.set(key, raw.rowNumber);

      const attributes = attributesOf(firm);
      const known = (firm.uscc && existing.byUscc.get(firm.uscc)) || existing.byNameRegion.get(`${firm.name}|${firm.regionCode}`);
      const id = known?.id ?? importedFirmId(firm);
      const record = {
        id,
        uscc: firm.uscc,
        name: firm.name,
        aliases: firm.aliases,
        regionCode: firm.regionCode,
        capital: firm.capital,
        foundedOn: firm.foundedOn,
        staff: firm.staff,
        revenue: firm.revenue,
        tags: firm.tags,
        sample: false,
        source,
        asOf: today,
        attributes: JSON.stringify(attributes),
        searchText: searchKeys([firm.name, ...firm.aliases]),
        version: 1,
      };
      const assignments = classify({ name: firm.name, industry: firm.industry ?? "", scope: firm.scope ?? "", products: firm.products ?? "" }, segments).filter(
        (a) => decided.get(`${id}|${a.segmentId}`) !== "rejected",
      );
      const confident = assignments.filter((a) => a.confidence >= REVIEW_THRESHOLD || decided.get(`${id}|${a.segmentId}`) === "accepted");
      const doubtful = assignments.filter((a) => !confident.includes(a));
      const links = confident.map((a) => ({ from: id, to: a.segmentId, firmId: id, segmentId: a.segmentId, products: firm.products ?? "", capacity: "", confidence: a.confidence, source, evidence: a.evidence, version: 1 }));
      const suggestions = doubtful.map((a) => ({ from: id, to: a.segmentId, firmId: id, segmentId: a.segmentId, confidence: a.confidence, evidence: a.evidence, importId: options.importId }));

      if (!known) {
        counts.new++;
        if (options.mode === "commit") {
          await firmsOut.write(record);
          for (const l of links) await linksOut.write(l);
          for (const s of suggestions) await suggestedOut.write(s);
          if (zoneId) await zoneOut.write({ from: id, to: zoneId });
        }
      } else if (known.hash !== factsHash({ ...firm, attributes })) {
        counts.updated++;
        if (options.mode === "commit") {
          updateRows!.push(record);
          linkRows!.push(...links);
          suggestRows!.push(...suggestions);
          if (zoneId) {
            unzoneRows!.push({ id });
            zoneRows!.push({ id, zoneId });
          }
        }
      } else {
        counts.unchanged++;
      }
      counts.links += links.length;
      counts.pendingReview += suggestions.length;
      if (counts.rows % 5_000 === 0) await options.onProgress?.(counts.rows);
    };

    for await (const raw of readTable(options.path)) {
      if (header) {
        await handle(raw);
        continue;
      }
      headBuffer.push(raw);
      if (headBuffer.length < 30) continue;
      header = findHeader(headBuffer);
      if (!header) break;
      for (const buffered of headBuffer) await handle(buffered);
    }
    if (!header) {
      header = findHeader(headBuffer);
      if (!header)
        throw new ImportRejected("No header row found: the first rows need a column named 企业名称 (or 公司名称). Check that this is an enterprise list and that the header is within the first 30 rows.");
      for (const buffered of headBuffer) await handle(buffered);
    }
    await options.onProgress?.(counts.rows);

    const files = await Promise.all([firmsOut.close(), linksOut.close(), suggestedOut.close(), zoneOut.close()]);
    if (options.mode === "commit") await store.load({ before: updates.filter((s) => s.rows.length > 0), files, after: [] });
  } finally {
    await Promise.allSettled([firmsOut.close(), linksOut.close(), suggestedOut.close(), zoneOut.close()]);
    rmSync(stageDir, { recursive: true, force: true });
  }

  return {
    importId: options.importId,
    fileName: options.fileName,
    mode: options.mode,
    source,
    zoneId,
    committed: options.mode === "commit",
    headerRow: header.headerRowNumber,
    columns: header.columns.map((c) => ({ header: c.header, field: c.field })),
    unknownColumns: header.unknownHeaders,
    counts,
    problemCount,
    problems,
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}
