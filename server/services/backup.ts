/**
 * Backups as JSON Lines: a header line, one line per row of every table (schema.ts), and
 * a closing line with the counts and a checksum — so a cut-off or damaged file is
 * recognised, not half restored.
 *
 *   {"format":"chainatlas-backup","formatVersion":1,"createdAt":"…","engine":"kuzu"}
 *   {"table":"Firm","row":{"id":"…","name":"…",…}}
 *   {"table":"OPERATES_IN","row":{"from":"…","to":"…","confidence":0.9,…}}
 *   {"end":true,"counts":{"Firm":373,…},"sha256":"…"}
 *
 * `sha256` is the checksum of every byte before the closing line. Backups made before it
 * had none and still restore; a program that does not know it reads the file as before.
 *
 * The engine writes the rows (GraphStore.exportTables): every table in one read
 * transaction, so a backup holds one version of the graph; Kùzu writes the lines itself
 * (docs/decisions/023). A backup checks itself before it reports success: the file is read
 * back, every line parsed, its checksum and its rows counted against its closing line and
 * against what the graph held. It is written beside its name and renamed only then, so a
 * failed backup never replaces a good one.
 *
 * A restore goes into an empty graph in one transaction (staged files, bulk load), on
 * either engine: a backup of the embedded graph restores into Neo4j and back. The whole
 * file is checked before anything is written; every value comes back as it was (staging
 * is lossless: server/graph/bulk.ts), and the restored graph's counts are checked against
 * the file's. A backup made before segment links kept their texts apart (in LINK_TEXTS,
 * graph/link-texts.ts) restores into today's layout: its links' texts go into LINK_TEXTS.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, createReadStream, createWriteStream, fsyncSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { stageRows, StagingWriter } from "../graph/bulk.js";
import { hasLinkTexts, linkTextsRow } from "../graph/link-texts.js";
import { TABLES, table } from "../graph/schema.js";
import type { ExportedTable, GraphStore, Row, StagedFile } from "../graph/store.js";
import { storageFault } from "../storage-faults.js";

export const BACKUP_FORMAT = "chainatlas-backup";
export const BACKUP_FORMAT_VERSION = 1;

const Header = z.object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.literal(BACKUP_FORMAT_VERSION), createdAt: z.string(), engine: z.string() });
const End = z.object({ end: z.literal(true), counts: z.record(z.string(), z.number().int()), sha256: z.string().regex(/^[0-9a-f]{64}$/).optional() });

/** Nodes first, so a restore can link relationships to them. */
const NODES_FIRST = [...TABLES.filter((t) => t.kind === "node"), ...TABLES.filter((t) => t.kind === "rel")];

/** The cache token changes with every write; it is no data worth keeping. */
const isCacheToken = (tableName: string, row: Row) => tableName === "Setting" && row.key === "graph-version";

/** Backups made before records had versions restore them at version 1. */
function withVersions(tableName: string, rows: Row[]): Row[] {
  if (!table(tableName).columns.some(([c]) => c === "version")) return rows;
  return rows.map((row) => (row.version === null || row.version === undefined ? { ...row, version: 1 } : row));
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export async function writeBackup(store: GraphStore, file: string, now = new Date()): Promise<Record<string, number>> {
  try {
    return await writeChecked(store, file, now);
  } catch (error) {
    // A disk that would not take the backup says so, and what to do.
    throw storageFault(error, `${file}.partial`) ?? error;
  }
}

/** A write of the backup that failed: a disk that refused it says so (storage-faults.ts), anything else as a BackupError. */
const cannotWrite = (error: Error, where: string) => storageFault(error, where) ?? new BackupError(`Cannot write ${where}: ${error.message}`);

async function writeChecked(store: GraphStore, file: string, now: Date): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  // The engine's export goes beside the backup, under a name of its own: a backup cut off
  // (a kill, a power cut) leaves it there, and the next backup to that name removes it.
  const exportDir = `${file}.tables`;
  try {
    rmSync(exportDir, { recursive: true, force: true });
    mkdirSync(exportDir, { mode: 0o700 });
  } catch (error) {
    throw cannotWrite(error as Error, exportDir);
  }
  const out = createWriteStream(partial);
  let failed: Error | null = null;
  out.on("error", (error) => (failed ??= error));
  try {
    const sha256 = createHash("sha256");
    let bodyBytes = 0;
    const write = async (bytes: Buffer) => {
      if (failed) throw cannotWrite(failed, partial);
      sha256.update(bytes);
      bodyBytes += bytes.length;
      // A stream that failed is destroyed and never drains: its error is thrown at the next write.
      if (!out.write(bytes) && !out.destroyed) await once(out, "drain");
    };
    await write(Buffer.from(JSON.stringify({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: now.toISOString(), engine: store.engine }) + "\n"));

    // Each table's rows are checked and copied into the backup while the engine writes the next.
    const counts: Record<string, number> = {};
    const copy = async ({ table: name, path: rowsFile, rows }: ExportedTable) => {
      const { lines, skipped } = await copyRows(name, rowsFile, write);
      rmSync(rowsFile);
      if (lines + skipped !== rows) throw new BackupError(`${name}: the graph holds ${rows} rows, its export ${lines + skipped}: rows were lost; no backup was written.`);
      counts[name] = lines;
    };
    let copying = Promise.resolve();
    const exporting = store.exportTables(
      NODES_FIRST.map((t) => t.name),
      exportDir,
      (exported) => {
        copying = copying.then(() => copy(exported));
        copying.catch(() => undefined); // awaited below, once the export is done
      },
    );
    await exporting.catch(async (error: unknown) => {
      await copying.catch(() => undefined);
      throw error;
    });
    await copying;

    const checksum = sha256.digest("hex");
    const endLine = JSON.stringify({ end: true, counts, sha256: checksum }) + "\n";
    out.end(endLine);
    if (!out.destroyed && !out.writableFinished) await once(out, "finish");
    if (failed) throw cannotWrite(failed as Error, partial);
    // On disk before it takes its name: a power cut never leaves an empty file under it.
    const fd = openSync(partial, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    await checkWritten(partial, bodyBytes, checksum, endLine);
    renameSync(partial, file);
    return counts;
  } finally {
    out.destroy();
    rmSync(partial, { force: true });
    rmSync(exportDir, { recursive: true, force: true });
  }
}

/**
 * Copies one table's exported lines into the backup, each parsed and checked to be a row
 * of that table on the way; the cache token is left out. Returns how many were copied and
 * left out.
 */
async function copyRows(tableName: string, file: string, write: (bytes: Buffer) => Promise<void>): Promise<{ lines: number; skipped: number }> {
  let lines = 0;
  let skipped = 0;
  let pending: Buffer = Buffer.alloc(0);
  const take = async (bytes: Buffer) => {
    const kept: string[] = [];
    let leftOut = false;
    for (const line of bytes.toString("utf8").split("\n")) {
      if (!line) continue;
      let value: { table?: unknown; row?: unknown };
      try {
        value = JSON.parse(line) as typeof value;
      } catch {
        throw new BackupError(`${tableName}: the graph engine wrote a row that is not JSON (${line.slice(0, 200)}); no backup was written.`);
      }
      if (value.table !== tableName || typeof value.row !== "object" || value.row === null) throw new BackupError(`${tableName}: the graph engine wrote a line that is no row of it (${line.slice(0, 200)}); no backup was written.`);
      if (isCacheToken(tableName, value.row as Row)) {
        skipped++;
        leftOut = true;
        continue;
      }
      lines++;
      kept.push(line);
    }
    await write(leftOut ? Buffer.from(kept.map((line) => line + "\n").join("")) : bytes);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const lastBreak = chunk.lastIndexOf(0x0a);
    if (lastBreak < 0) {
      pending = Buffer.concat([pending, chunk]);
      continue;
    }
    await take(pending.length ? Buffer.concat([pending, chunk.subarray(0, lastBreak + 1)]) : chunk.subarray(0, lastBreak + 1));
    pending = chunk.subarray(lastBreak + 1);
  }
  if (pending.length) throw new BackupError(`${tableName}: the export's last line is cut off; no backup was written.`);
  return { lines, skipped };
}

/** Reads a written backup back: its bytes must be those written, their checksum and closing line. */
async function checkWritten(file: string, bodyBytes: number, checksum: string, endLine: string): Promise<void> {
  const sha256 = createHash("sha256");
  const tail: Buffer[] = [];
  let offset = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const body = Math.max(0, Math.min(chunk.length, bodyBytes - offset));
    sha256.update(chunk.subarray(0, body));
    if (body < chunk.length) tail.push(chunk.subarray(body));
    offset += chunk.length;
  }
  if (sha256.digest("hex") !== checksum || Buffer.concat(tail).toString("utf8") !== endLine)
    throw new BackupError(`${path.basename(file)} reads back other than it was written (a full disk, or a failing one?); no backup was written.`);
}

/**
 * Reads a backup, handing its rows to `onRows` a batch at a time (rows of one table each);
 * checks its header, that every line is a row of a known table or its end, that its
 * closing counts match its rows and its checksum its bytes. Returns the counts.
 */
async function readBackup(file: string, onRows: (tableName: string, rows: Row[]) => unknown): Promise<Record<string, number>> {
  const name = path.basename(file);
  const counts: Record<string, number> = {};
  const sha256: Hash = createHash("sha256");
  let lineNumber = 0;
  let ended: z.infer<typeof End> | null = null;
  let pending: Buffer = Buffer.alloc(0);

  /** Complete lines: parsed and checked, their bytes (before the closing line) in the checksum. */
  const take = async (bytes: Buffer) => {
    const endedBefore = ended !== null;
    const text = bytes.toString("utf8");
    let batch: Row[] = [];
    let batchTable = "";
    const flush = async () => {
      if (batch.length) await onRows(batchTable, batch);
      batch = [];
    };
    let start = 0;
    let endAt = -1;
    while (start < text.length) {
      let stop = text.indexOf("\n", start);
      if (stop < 0) stop = text.length;
      const line = text.slice(start, stop);
      const lineStart = start;
      start = stop + 1;
      lineNumber++;
      if (!line.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new BackupError(`Line ${lineNumber} of ${name} is not JSON: the file is damaged.`);
      }
      if (lineNumber === 1) {
        if (!Header.safeParse(value).success) throw new BackupError(`${name} is not a ChainAtlas backup (format ${BACKUP_FORMAT} version ${BACKUP_FORMAT_VERSION}).`);
        continue;
      }
      if (ended) throw new BackupError(`Line ${lineNumber}: rows after the end of the backup.`);
      const { table: tableName, row } = (value ?? {}) as { table?: unknown; row?: unknown };
      if (typeof tableName !== "string" || typeof row !== "object" || row === null || Array.isArray(row)) {
        const end = End.safeParse(value);
        if (!end.success) throw new BackupError(`Line ${lineNumber} is neither a row nor the end of the backup.`);
        ended = end.data;
        endAt = Buffer.byteLength(text.slice(0, lineStart));
        continue;
      }
      if (tableName !== batchTable) {
        try {
          table(tableName);
        } catch {
          throw new BackupError(`Line ${lineNumber}: unknown table ${tableName} (a backup from another version?).`);
        }
        await flush();
        batchTable = tableName;
      }
      batch.push(row as Row);
      counts[tableName] = (counts[tableName] ?? 0) + 1;
    }
    await flush();
    if (!endedBefore) sha256.update(endAt < 0 ? bytes : bytes.subarray(0, endAt));
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const lastBreak = chunk.lastIndexOf(0x0a);
    if (lastBreak < 0) {
      pending = Buffer.concat([pending, chunk]);
      continue;
    }
    const complete = pending.length ? Buffer.concat([pending, chunk.subarray(0, lastBreak + 1)]) : chunk.subarray(0, lastBreak + 1);
    pending = chunk.subarray(lastBreak + 1);
    await take(complete);
  }
  if (pending.length) await take(pending);

  if (!ended) throw new BackupError(`${name} ends before its last line: the backup is incomplete.`);
  const { counts: expected, sha256: checksum } = ended as z.infer<typeof End>;
  for (const [tableName, rows] of Object.entries(expected))
    if ((counts[tableName] ?? 0) !== rows) throw new BackupError(`${tableName}: the backup says ${rows} rows, the file holds ${counts[tableName] ?? 0}.`);
  for (const [tableName, found] of Object.entries(counts))
    if (expected[tableName] !== found) throw new BackupError(`${tableName}: the backup says ${expected[tableName] ?? 0} rows, the file holds ${found}.`);
  if (checksum && sha256.digest("hex") !== checksum) throw new BackupError(`${name} does not match its checksum: the file is damaged.`);
  return counts;
}

/**
 * `stagingDir`: where the rows are staged for the load (by default a new folder in the
 * system's temporary folder). A folder of its own for each graph (the command line's is in
 * DATA_DIR) is emptied first: what a restore cut off by a kill left there goes with the
 * next restore.
 */
export async function restoreBackup(store: GraphStore, file: string, { stagingDir }: { stagingDir?: string } = {}): Promise<Record<string, number>> {
  try {
    if (stagingDir) rmSync(stagingDir, { recursive: true, force: true });
    return await restoreChecked(store, file, stagingDir);
  } catch (error) {
    // A disk that would not take the staged rows, or the graph's, says so: the load is one transaction, nothing was restored.
    throw storageFault(error, stagingDir ?? tmpdir()) ?? error;
  }
}

async function restoreChecked(store: GraphStore, file: string, stagingDir: string | undefined): Promise<Record<string, number>> {
  const [existing] = await store.read("admin/count-nodes");
  if (Number(existing?.count ?? 0) > 0) throw new BackupError(
      "A restore needs an empty graph: point DATA_DIR (or NEO4J_DATABASE) at an empty one. " +
        "(A restore loads in one transaction: one cut off by a kill left the graph empty or holding the whole backup, so a graph found holding data after one holds all of it.)",
    );

  const stageDir = stagingDir ?? mkdtempSync(path.join(tmpdir(), "chainatlas-restore-"));
  if (stagingDir) mkdirSync(stagingDir, { recursive: true, mode: 0o700 });
  const writers = new Map<string, StagingWriter>();
  try {
    let counts: Record<string, number>;
    const stage = async (name: string, rows: Row[]) => {
      let writer = writers.get(name);
      if (!writer) writers.set(name, (writer = new StagingWriter(name, path.join(stageDir, `${name}.csv`))));
      await writer.writeStaged(stageRows(name, withVersions(name, rows)));
    };
    // A backup made before segment links kept their texts apart holds them on its links: they restore into LINK_TEXTS.
    let movedTexts = 0;
    try {
      counts = await readBackup(file, async (name, rows) => {
        await stage(name, rows);
        if (name !== "OPERATES_IN") return;
        const texts = rows.filter(hasLinkTexts).map(linkTextsRow);
        movedTexts += texts.length;
        if (texts.length) await stage("LINK_TEXTS", texts);
      });
    } catch (error) {
      if (error instanceof BackupError) error.message += " Nothing was restored.";
      throw error;
    }

    const files: StagedFile[] = [];
    for (const t of NODES_FIRST) {
      const writer = writers.get(t.name);
      if (writer) files.push(await writer.close());
    }
    await store.load({ before: [], files, after: [] });
    if (movedTexts) counts = { ...counts, LINK_TEXTS: (counts.LINK_TEXTS ?? 0) + movedTexts };
    for (const [name, expected] of Object.entries(counts)) {
      const restored = (await store.count(name)) - (name === "Setting" ? 1 : 0); // the load's own cache token
      if (restored !== expected) throw new BackupError(`${name}: the backup holds ${expected} rows, the graph took ${restored}. The restored graph is incomplete: empty it before trying again.`);
    }
    return counts;
  } finally {
    await Promise.allSettled([...writers.values()].map((w) => w.close()));
    rmSync(stageDir, { recursive: true, force: true });
  }
}
