/**
 * Imports an enterprise export (CSV or XLSX) into the graph.
 *
 * One streaming pass: rows are read, validated and classified into segments, then staged
 * as CSV files on disk, so memory holds only the keys of firms already in the graph and
 * of rows seen in this file. A commit then loads everything in ONE transaction (COPY on
 * Kùzu, batched UNWIND on Neo4j): all valid rows land or none do; invalid rows never do.
 * Re-importing the same file changes nothing: firms are matched by 统一社会信用代码, else
 * by name in a compatible region (known-firms.ts), and a firm whose facts are unchanged is
 * counted, not rewritten.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { auditStep } from "../audit/audit.js";
import { StagingWriter } from "../graph/bulk.js";
import { codeSteps } from "../graph/firm-codes.js";
import type { GraphStore, WriteStep } from "../graph/store.js";
import type { ImportReport, PlacementSummary } from "../model/api.js";
import type { Firm } from "../model/domain.js";
import { getExchangeRates } from "../services/settings.js";
import { parseRows } from "../services/rows.js";
import type { SegmentProfile } from "./classify.js";
import { findHeader, HEADER_SCAN_ROWS } from "./columns.js";
import { RowWorkers, workersFor } from "./import-workers.js";
import { keyFilter } from "./key-filter.js";
import { firmKeys } from "./firm-keys.js";
import { KnownFirms, narrowerRegion, type KnownFirm } from "./known-firms.js";
import { describeFirm, factsHash, prepareRow, standingRecord, type PreparedRow, type RowContext } from "./prepare-row.js";
import { asStanding, isClosed, type Standing } from "../model/standing.js";
import { readTable, type RawRow, type SheetsRead } from "./read-table.js";
import { PlacementCollector } from "./placements.js";
import { keyHash, nameDuplicateKey, normalizeRow, type ImportProblem } from "./rows.js";

export { attributesOf, factsHash, importedFirmId } from "./prepare-row.js";

export type ImportMode = "dry-run" | "commit";

export interface ImportOptions {
  importId: string;
  path: string;
  /** The name the user knows the file by (uploads are stored under another). */
  fileName: string;
  mode: ImportMode;
  /** Who imports: a username, or e.g. "cli:alice"; a commit's audit entry names them. */
  actor: string;
  /** Where the data came from, kept on every firm (default: the file name). */
  source?: string;
  /** When set, the imported firms are located in this zone (local firms). */
  zoneId?: string | null;
  /** Called every few thousand rows while reading. */
  onProgress?: (rowsDone: number) => void | Promise<void>;
  /** Called as each phase ends, with its seconds: the graph's keys and the file's context read, the rows prepared and staged, the load (the benchmark reports them). */
  onPhase?: (phase: "keys" | "rows" | "load", seconds: number) => void;
  today?: Date;
  /** The folder to stage rows in (made, and removed at the end); by default a new one under the system's temporary folder. */
  stagingDir?: string;
  /** Worker threads preparing rows; 0 prepares them on this thread. Default: by file size (import-workers.ts). */
  workers?: number;
  /**
   * Steps a commit writes in the transaction of its data, given the finished report (the
   * import job records itself as done there: a committed import is never reported otherwise).
   */
  commitSteps?: (report: ImportReport) => WriteStep[];
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

const FactsRow = z.object({
  id: z.string(),
  uscc: z.string().nullable(),
  name: z.string(),
  aliases: z.array(z.string()),
  regionCode: z.string(),
  capital: z.number().nullable(),
  capitalAmount: z.number().nullable(),
  capitalCurrency: z.string().nullable(),
  foundedOn: z.string().nullable(),
  staff: z.number().nullable(),
  revenue: z.number().nullable(),
  tags: z.array(z.string()),
  attributes: z.string().nullable(),
  standing: z.string().nullable().optional(),
});
const SegmentRow = z.object({ id: z.string(), chainId: z.string(), chainName: z.string(), name: z.string(), industryCodes: z.array(z.string()), keywords: z.array(z.string()) });
const DecisionRow = z.object({ firmId: z.string(), segmentId: z.string(), decision: z.enum(["accepted", "rejected"]) });

/** Rows taken at a time to look up the firms they name. */
const FACTS_BATCH = 2_000;
/** Beyond this many firms named, their facts are read in one scan of every firm instead of one lookup each. */
export const FACTS_LOOKUPS = { atMost: 2_000 };

function hashOf(row: z.infer<typeof FactsRow>): string {
  // Compared as given: a foreign capital in its own currency.
  const given = row.capitalCurrency ? { capital: row.capitalAmount, capitalCurrency: row.capitalCurrency } : { capital: row.capital, capitalCurrency: null };
  return factsHash({ ...row, ...given, tags: row.tags as Firm["tags"], attributes: row.attributes ? JSON.parse(row.attributes) : {} });
}

/** The facts hash of the known firms a file names, with their standing, by id, as the graph holds them (read as rows name them). */
type Hashes = Map<string, Held>;
/** A known firm as the graph holds it: its facts hash, and its 登记状态 (apart: a row without one leaves it). */
interface Held {
  hash: string;
  standing: Standing | null;
}
const heldOf = (row: z.infer<typeof FactsRow>): Held => ({ hash: hashOf(row), standing: asStanding(row.standing) });

/**
 * Reads the facts hash of the given known firms not read yet: by key, one firm per query,
 * while the file has named few of them; once it has named many, every firm's in one scan (a
 * file that updates much of the graph).
 */
async function readHashes(store: GraphStore, firms: KnownFirm[], hashes: Hashes, looked: { count: number; all: boolean }): Promise<void> {
  if (looked.all) return;
  const ids = [...new Set(firms.map((f) => f.id).filter((id) => !hashes.has(id)))];
  if (!ids.length) return;
  looked.count += ids.length;
  if (looked.count <= FACTS_LOOKUPS.atMost) {
    const rows = await Promise.all(ids.map((id) => store.read("imports/firm-facts", { id })));
    for (const row of parseRows(FactsRow, rows.flat())) hashes.set(row.id, heldOf(row));
    return;
  }
  for (const row of parseRows(FactsRow, await store.read("imports/list-firm-facts"))) hashes.set(row.id, heldOf(row));
  looked.all = true;
}

/**
 * The prepared rows in file order, each with the firm of the graph it names (if any) and
 * that firm's facts hash: rows are taken `FACTS_BATCH` at a time, and the facts of the
 * firms they name read in one query, so an import into a large graph reads the facts of
 * the firms it touches, not of every firm.
 */
async function* withKnown(rows: AsyncIterable<[RawRow, PreparedRow]>, existing: KnownFirms, store: GraphStore): AsyncGenerator<[RawRow, PreparedRow, KnownFirm | undefined, Held | null]> {
  let batch: [RawRow, PreparedRow, KnownFirm | undefined][] = [];
  const hashes: Hashes = new Map();
  const looked = { count: 0, all: false };
  async function* flush() {
    await readHashes(store, batch.flatMap(([, , known]) => (known ? [known] : [])), hashes, looked);
    const done = batch;
    batch = [];
    for (const [raw, row, known] of done) yield [raw, row, known, known ? (hashes.get(known.id) ?? null) : null] as [RawRow, PreparedRow, KnownFirm | undefined, Held | null];
  }
  for await (const [raw, row] of rows) {
    batch.push([raw, row, row.firm ? existing.find(row.firm) : undefined]);
    if (batch.length >= FACTS_BATCH) yield* flush();
  }
  yield* flush();
}

/** Rows sent to a worker at a time, and how many batches per worker may be on their way. */
const BATCH_ROWS = 256;
const BATCHES_PER_WORKER = 4;

/**
 * The data rows of the file with each one prepared (prepare-row.ts), in file order: on
 * this thread, or by `workers` with a bounded number of batches under way.
 */
async function* preparedRows(rows: AsyncIterable<RawRow>, context: RowContext, workers: RowWorkers | null): AsyncGenerator<[RawRow, PreparedRow]> {
  const wanted = (raw: RawRow) => raw.rowNumber > context.header.headerRowNumber && !raw.cells.every((c) => c.trim() === "");
  if (!workers) {
    for await (const raw of rows) if (wanted(raw)) yield [raw, prepareRow(raw, context)];
    return;
  }
  const underWay: { raws: RawRow[]; prepared: Promise<PreparedRow[]> }[] = [];
  const send = (raws: RawRow[]) => {
    const prepared = workers.prepare(raws);
    prepared.catch(() => undefined); // awaited in turn below; a failure surfaces there
    underWay.push({ raws, prepared });
  };
  let batch: RawRow[] = [];
  for await (const raw of rows) {
    if (!wanted(raw)) continue;
    batch.push(raw);
    if (batch.length < BATCH_ROWS) continue;
    send(batch);
    batch = [];
    while (underWay.length >= workers.size * BATCHES_PER_WORKER) {
      const done = underWay.shift()!;
      const prepared = await done.prepared;
      for (let i = 0; i < prepared.length; i++) yield [done.raws[i]!, prepared[i]!];
    }
  }
  if (batch.length) send(batch);
  for (const done of underWay.splice(0)) {
    const prepared = await done.prepared;
    for (let i = 0; i < prepared.length; i++) yield [done.raws[i]!, prepared[i]!];
  }
}

/** The first rows up to the header, then the rest of the file: one stream read once. */
async function* chain(head: RawRow[], rest: AsyncIterator<RawRow>): AsyncGenerator<RawRow> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

export async function importFirms(store: GraphStore, options: ImportOptions): Promise<ImportReport> {
  const startedAt = (options.today ?? new Date()).toISOString();
  const today = startedAt.slice(0, 10);
  const source = options.source?.trim() || options.fileName;
  const zoneId = options.zoneId ?? null;
  if (zoneId && (await store.read("zones/list-zones", { zoneId })).length === 0) throw new ImportRejected(`Unknown zone "${zoneId}"`);

  const workerCount = options.workers ?? workersFor(statSync(options.path, { throwIfNoEntry: false })?.size ?? 0);
  // Workers start (and load their code) while the graph's keys are read.
  const workers = workerCount > 0 ? new RowWorkers(workerCount) : null;
  const stageDir = options.stagingDir ?? mkdtempSync(path.join(tmpdir(), "chainatlas-import-"));
  mkdirSync(stageDir, { recursive: true });
  const firmsOut = new StagingWriter("Firm", path.join(stageDir, "firms.csv"));
  const linksOut = new StagingWriter("OPERATES_IN", path.join(stageDir, "links.csv"));
  // The links' texts, kept apart from their numbers (graph/link-texts.ts).
  const linkTextsOut = new StagingWriter("LINK_TEXTS", path.join(stageDir, "link-texts.csv"));
  const suggestedOut = new StagingWriter("SUGGESTED", path.join(stageDir, "suggested.csv"));
  const zoneOut = new StagingWriter("LOCATED_IN", path.join(stageDir, "located.csv"));
  // New firms' 统一社会信用代码 go into the key table with them (docs/decisions/024).
  const codesOut = new StagingWriter("FirmCode", path.join(stageDir, "codes.csv"));
  let placementsOut: PlacementCollector | null = null;
  const closeAll = () => Promise.all([firmsOut.close(), linksOut.close(), linkTextsOut.close(), suggestedOut.close(), zoneOut.close(), placementsOut?.close(), codesOut.close()]);
  const updates: WriteStep[] = [
    // A known firm the file gives a code (or another one) moves its key first (graph/firm-codes.ts).
    { query: "firms/claim-code", rows: [], mustMatch: true },
    { query: "firms/release-code", rows: [] },
    { query: "imports/update-firm", rows: [] },
    // A known firm's 登记状态 as a row states it: closed, or live again (model/standing.ts).
    { query: "firms/set-standing", rows: [] },
    { query: "firms/link-segment", rows: [] },
    { query: "review/link-suggested", rows: [] },
    { query: "firms/unset-zone", rows: [] },
    { query: "firms/set-zone", rows: [] },
  ];
  const [claimRows, releaseRows, updateRows, standingRows, linkRows, suggestRows, unzoneRows, zoneRows] = updates.map((s) => s.rows) as WriteStep["rows"][];

  const counts = { rows: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, closed: 0, markedClosed: 0, reopened: 0, links: 0, pendingReview: 0 };
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const note = (list: ImportProblem[]) => {
    problemCount += list.length;
    for (const p of list) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
  };
  const seenInFile = new Map<string, number>();
  /** keyHash of the name key of each row with a code: the row a later row without a code repeats. */
  const codedNames = new Map<number, number>();
  const commit = options.mode === "commit";

  let report: ImportReport | null = null;
  let rows: AsyncGenerator<RawRow> | null = null;
  let phaseStart = performance.now();
  const phaseEnds = (phase: "keys" | "rows" | "load") => {
    const now = performance.now();
    options.onPhase?.(phase, (now - phaseStart) / 1000);
    phaseStart = now;
  };
  try {
    const [existing, segmentRows, decisions, rates] = await Promise.all([
      firmKeys(store),
      store.read("imports/list-segments").then((rows) => parseRows(SegmentRow, rows)),
      store.read("review/list-decisions").then((rows) => parseRows(DecisionRow, rows)),
      getExchangeRates(store),
    ]);
    phaseEnds("keys");
    const segments: SegmentProfile[] = segmentRows.map(({ id, chainId, name, industryCodes, keywords }) => ({ id, chainId, name, industryCodes, keywords }));
    const placements = (placementsOut = new PlacementCollector(options.importId, new Map(segmentRows.map((s) => [s.id, s])), path.join(stageDir, "placements.csv")));

    // The header is within the first 30 rows.
    const sheets: SheetsRead = {};
    rows = readTable(options.path, sheets);
    const head: RawRow[] = [];
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      head.push(next.value);
      if (head.length >= HEADER_SCAN_ROWS) break;
    }
    const header = findHeader(head);
    if (!header)
      throw new ImportRejected(
        `No header row found: the first rows need a column named 企业名称 (or 公司名称). Check that this is an enterprise list and that the header is within the first 30 rows.${sheets.sheet !== undefined ? ` No worksheet of the workbook has one (read: “${sheets.sheet}”).` : ""}`,
      );
    const context: RowContext = {
      header,
      segments,
      decisions: decisions.map((d) => [`${d.firmId}|${d.segmentId}`, d.decision]),
      importId: options.importId,
      source,
      today,
      commit,
      rates,
      // Workers are sent a filter of the keys; rows prepared on this thread look them up.
      known: workers ? keyFilter(existing.keys(), existing.size) : existing,
    };
    workers?.setContext(context);

    const statusColumn = header.columns.find((c) => c.field === "status")?.header ?? "登记状态";
    /**
     * A known firm's standing as the row states it, when it changes the one held: written
     * apart from its facts (a row without 登记状态 leaves it as it is), and said at the row.
     */
    const restand = (rowNumber: number, name: string, firmId: string, held: Standing | null, status: string | null | undefined) => {
      const next = standingRecord(status, today);
      if (next.standing === null) {
        if (isClosed(held)) note([{ row: rowNumber, column: "企业名称", value: name, message: `图谱中此企业已标为注销或吊销，本行未写登记状态：仍按注销处理，不作为招商目标或本地企业`, fix: "确已恢复经营的，请在本行写明登记状态（如“存续”），或在企业页改正" }]);
        return;
      }
      if (next.standing === held || (next.standing === "active" && held === null)) return;
      if (isClosed(held)) {
        counts.reopened++;
        note([{ row: rowNumber, column: statusColumn, value: status!, message: `图谱中此企业曾标为注销或吊销；本行登记状态为“${status}”，${commit ? "已恢复" : "将恢复"}：重新作为招商目标或本地企业计入`, fix: "无需处理；如状态有误，请在企业页改正" }]);
      }
      if (commit) standingRows!.push({ id: firmId, ...next });
    };
    for await (const [raw, row, known, held] of withKnown(preparedRows(chain(head, rows), context, workers), existing, store)) {
      const knownHash = held?.hash ?? null;
      // A note or the 合计 line under the data is no data row: not counted, and not refused.
      if (row.blank) continue;
      counts.rows++;
      note(row.problems);
      const prepared = row.firm;
      if (!prepared) {
        counts.rejected++;
        continue;
      }
      // The same firm: the same code, or the same name in the same region where one of the two rows has no code.
      const byCode = prepared.uscc ? seenInFile.get(prepared.key) : undefined;
      const nameKey = prepared.uscc ? nameDuplicateKey(prepared) : prepared.key;
      const byName = byCode === undefined ? (prepared.uscc ? seenInFile.get(nameKey) : (seenInFile.get(nameKey) ?? codedNames.get(keyHash(nameKey)))) : undefined;
      const firstRow = byCode ?? byName;
      if (firstRow !== undefined) {
        counts.rejected++;
        note([{ row: raw.rowNumber, column: byCode !== undefined ? "统一社会信用代码" : "企业名称", value: byCode !== undefined ? prepared.uscc! : prepared.name, message: `与第 ${firstRow} 行重复`, fix: "删除重复行，或合并两行的信息" }]);
        continue;
      }
      seenInFile.set(prepared.key, raw.rowNumber);
      // A row with a code is kept by its name as well, for a later row without one; as a hash, for memory's sake.
      if (prepared.uscc && !codedNames.has(keyHash(nameKey))) codedNames.set(keyHash(nameKey), raw.rowNumber);
      if (prepared.closed) {
        // 注销, 吊销, 迁出 …: no target and no local firm. One the graph already holds is marked
        // closed (its other facts are left as they are), and said so.
        counts.closed++;
        const column = statusColumn;
        if (!known) {
          note([{ row: raw.rowNumber, column, value: prepared.closed, message: `登记状态为“${prepared.closed}”：企业已注销、吊销、迁出或在清算，未导入，不作为招商目标`, fix: "无需处理；如状态有误，请改正登记状态后重新导入" }]);
        } else if (isClosed(held?.standing)) {
          note([{ row: raw.rowNumber, column, value: prepared.closed, message: `登记状态为“${prepared.closed}”：图谱中此企业（${prepared.name}）已标为注销或吊销，未改动`, fix: "无需处理" }]);
        } else {
          counts.markedClosed++;
          if (commit) standingRows!.push({ id: known.id, ...standingRecord(prepared.closed, today) });
          note([{ row: raw.rowNumber, column, value: prepared.closed, message: `登记状态为“${prepared.closed}”：图谱中此企业（${prepared.name}）${commit ? "已" : "将"}标为注销或吊销，不再作为招商目标或本地企业计入；企业页仍可查看`, fix: "无需处理；如状态有误，请在企业页改正登记状态" }]);
        }
        continue;
      }

      const place = (firmId: string, outcome: "new" | "updated" | "unchanged", found: typeof prepared.placements, nowhere: string | null) =>
        placements.add({ row: raw.rowNumber, firmId, name: prepared.name, outcome, regionFromName: prepared.regionFromName, ...(nowhere ? { nowhere } : {}), placements: found });
      if (!known) {
        counts.new++;
        if (prepared.staged) {
          await firmsOut.writeStaged(prepared.staged.firm);
          if (prepared.uscc) await codesOut.write({ uscc: prepared.uscc, firmId: prepared.id });
          await linksOut.writeStaged(prepared.staged.links);
          await linkTextsOut.writeStaged(prepared.staged.linkTexts);
          await suggestedOut.writeStaged(prepared.staged.suggestions);
          if (zoneId) await zoneOut.write({ from: prepared.id, to: zoneId });
        }
        counts.links += prepared.links;
        counts.pendingReview += prepared.suggestions;
        await place(prepared.id, "new", prepared.placements, prepared.nowhere);
      } else if (known.id === prepared.id && knownHash === prepared.hash) {
        counts.unchanged++;
        // Its facts as held; a standing other than live is checked against the row's 登记状态.
        if (held?.standing && held.standing !== "active") restand(raw.rowNumber, prepared.name, known.id, held.standing, normalizeRow(raw, header).firm?.status);
        await place(prepared.id, "unchanged", prepared.placements, prepared.nowhere);
        counts.links += prepared.links;
        counts.pendingReview += prepared.suggestions;
      } else {
        // A firm the graph knows under another id, or with other facts: prepared again as that
        // firm, in the narrower of its two regions (a province in the file keeps the graph's county).
        const firm = normalizeRow(raw, header).firm!;
        firm.regionCode = narrowerRegion(known.regionCode, firm.regionCode);
        const { record, attributes, links, suggestions, placements: found, nowhere } = describeFirm(firm, known.id, context);
        const changed = knownHash !== factsHash({ ...firm, attributes });
        restand(raw.rowNumber, prepared.name, known.id, held?.standing ?? null, firm.status);
        await place(known.id, changed ? "updated" : "unchanged", found, nowhere);
        if (changed) {
          counts.updated++;
          if (commit) {
            updateRows!.push(record);
            for (const step of codeSteps(known.id, known.uscc, firm.uscc)) (step.query === "firms/claim-code" ? claimRows! : releaseRows!).push(...step.rows);
            linkRows!.push(...links);
            suggestRows!.push(...suggestions);
            if (zoneId) {
              unzoneRows!.push({ id: known.id });
              zoneRows!.push({ id: known.id, zoneId });
            }
          }
        } else {
          counts.unchanged++;
        }
        counts.links += links.length;
        counts.pendingReview += suggestions.length;
      }
      if (counts.rows % 5_000 === 0) await options.onProgress?.(counts.rows);
    }
    await options.onProgress?.(counts.rows);

    const [firmFile, linkFile, linkTextsFile, suggestedFile, zoneFile, placementFile, codeFile] = await closeAll();
    phaseEnds("rows");
    report = {
      importId: options.importId,
      fileName: options.fileName,
      mode: options.mode,
      source,
      zoneId,
      committed: commit,
      headerRow: header.headerRowNumber,
      ...(sheets.sheet !== undefined ? { sheet: sheets.sheet, otherSheets: sheets.otherSheets ?? [] } : {}),
      columns: header.columns.map((c) => ({ header: c.header, field: c.field })),
      unknownColumns: header.unknownHeaders,
      counts,
      problemCount,
      problems,
      placements: placements.summary(),
      startedAt,
      finishedAt: new Date().toISOString(),
    };
    // An import id is new for every run; one given again (a script's fixed id) replaces its pages.
    await store.write([{ query: "imports/delete-placement-pages", rows: [{ importId: options.importId }] }], { keepsCaches: true });
    // A file that changes nothing (every row unchanged or refused) writes no firm, not even an
    // audit entry; its placements are kept all the same, for the report (and a dry run's too).
    if (commit && counts.new + counts.updated + standingRows!.length > 0) {
      const standings = `${counts.markedClosed ? `、标为注销 ${counts.markedClosed} 家` : ""}${counts.reopened ? `、恢复存续 ${counts.reopened} 家` : ""}`;
      const summary = `导入“${options.fileName}”：新增 ${counts.new}、更新 ${counts.updated}、未变 ${counts.unchanged}、拒绝 ${counts.rejected} 行${counts.closed ? `、已注销或吊销未导入 ${counts.closed} 行` : ""}${standings}，${counts.links} 个环节关联`;
      const audit = auditStep(options.actor, { action: "import.commit", entity: "import", entityId: options.importId, summary, before: null, after: { counts } });
      const files = [firmFile!, codeFile!, linkFile!, linkTextsFile!, suggestedFile!, zoneFile!, placementFile!];
      await store.load({ before: updates.filter((s) => s.rows.length > 0), files, after: [audit, ...(options.commitSteps?.(report) ?? [])] });
    } else if (placementFile!.rows > 0) {
      await store.load({ before: [], files: [placementFile!], after: [] }, { keepsCaches: true });
    }
    phaseEnds("load");
  } finally {
    // Clean-up cannot fail the import: after a commit, the data is in the graph. The file
    // is closed however the reading ended (a reader left suspended keeps its descriptor).
    await Promise.allSettled([rows?.return(undefined), workers?.close(), closeAll()]);
    rmSync(stageDir, { recursive: true, force: true, maxRetries: 2 });
  }
  return report;
}
