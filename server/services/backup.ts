/**
 * Backups as JSON Lines: a header line, one line per row of every table (schema.ts), and
 * a closing line with the counts — so a cut-off file is recognised, not half restored.
 *
 *   {"format":"chainatlas-backup","formatVersion":1,"createdAt":"…","engine":"kuzu"}
 *   {"table":"Firm","row":{"id":"…","name":"…",…}}
 *   {"table":"OPERATES_IN","row":{"from":"…","to":"…","confidence":0.9,…}}
 *   {"end":true,"counts":{"Firm":373,…}}
 *
 * A backup checks itself before it reports success: the file is read back, every line
 * parsed, and its rows counted against its closing line and against the graph. It is
 * written beside its name and renamed only then, so a failed backup never replaces a good one.
 *
 * A restore goes into an empty graph in one transaction (staged files, bulk load), on
 * either engine: a backup of the embedded graph restores into Neo4j and back. Every
 * value comes back as it was (staging is lossless: server/graph/bulk.ts), and the
 * restored graph's counts are checked against the file's.
 */
import { createReadStream, createWriteStream, mkdtempSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { StagingWriter } from "../graph/bulk.js";
import { stagedColumns, TABLES, table } from "../graph/schema.js";
import type { GraphStore, Row, StagedFile } from "../graph/store.js";

export const BACKUP_FORMAT = "chainatlas-backup";
export const BACKUP_FORMAT_VERSION = 1;

const Header = z.object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.literal(BACKUP_FORMAT_VERSION), createdAt: z.string(), engine: z.string() });
const Line = z.union([
  z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) }),
  z.object({ end: z.literal(true), counts: z.record(z.string(), z.number().int()) }),
]);

/**
 * Empty text is written as null: a bulk load cannot tell them apart (Kùzu's COPY reads
 * both as null), and the app reads null text as "" anyway (services/rows.ts). A list is
 * never null: Kùzu reads an empty list written with parameters back as null.
 */
function normalised(tableName: string, row: Row): Row {
  const out: Row = { ...row };
  for (const [name, type] of stagedColumns(table(tableName))) {
    if (out[name] === "") out[name] = null;
    if (type === "string[]" && (out[name] === null || out[name] === undefined)) out[name] = [];
  }
  return out;
}

/** The cache token changes with every write; it is no data worth keeping. */
const isCacheToken = (tableName: string, row: Row) => tableName === "Setting" && row.key === "graph-version";

/** Backups made before records had versions restore them at version 1. */
function withVersion(tableName: string, row: Row): Row {
  const versioned = table(tableName).columns.some(([c]) => c === "version");
  return versioned && (row.version === null || row.version === undefined) ? { ...row, version: 1 } : row;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export async function writeBackup(store: GraphStore, file: string, now = new Date()): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: "utf8" });
  try {
    const write = async (value: unknown) => {
      if (!out.write(JSON.stringify(value) + "\n")) await once(out, "drain");
    };
    await write({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: now.toISOString(), engine: store.engine });
    const counts: Record<string, number> = {};
    const skipped: Record<string, number> = {};
    // Nodes first, so a restore can link relationships to them.
    for (const t of [...TABLES].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "node" ? -1 : 1))) {
      counts[t.name] = 0;
      for await (const row of store.scan(t.name)) {
        if (isCacheToken(t.name, row)) {
          skipped[t.name] = (skipped[t.name] ?? 0) + 1;
          continue;
        }
        counts[t.name]!++;
        await write({ table: t.name, row: normalised(t.name, row) });
      }
    }
    await write({ end: true, counts });
    out.end();
    await once(out, "finish");

    const read = await readBackup(partial, () => undefined);
    for (const t of TABLES) {
      const inFile = read[t.name] ?? 0;
      const inGraph = (await store.count(t.name)) - (skipped[t.name] ?? 0);
      if (inFile !== inGraph)
        throw new BackupError(`${t.name}: the graph holds ${inGraph} rows, the backup ${inFile}. The graph changed while it was backed up (stop the server first) or rows were lost; no backup was written.`);
    }
    renameSync(partial, file);
    return counts;
  } finally {
    out.destroy();
    rmSync(partial, { force: true });
  }
}

/**
 * Reads a backup line by line, handing each row to `onRow`; checks its header, that every
 * line is a row of a known table or its end, and that its closing counts match its rows.
 * Returns the counts.
 */
async function readBackup(file: string, onRow: (tableName: string, row: Row) => unknown): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let lineNumber = 0;
  let ended: Record<string, number> | null = null;
  for await (const text of lines) {
    lineNumber++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new BackupError(`Line ${lineNumber} of ${path.basename(file)} is not JSON: the file is damaged.`);
    }
    if (lineNumber === 1) {
      if (!Header.safeParse(value).success) throw new BackupError(`${path.basename(file)} is not a ChainAtlas backup (format ${BACKUP_FORMAT} version ${BACKUP_FORMAT_VERSION}).`);
      continue;
    }
    if (ended) throw new BackupError(`Line ${lineNumber}: rows after the end of the backup.`);
    const line = Line.safeParse(value);
    if (!line.success) throw new BackupError(`Line ${lineNumber} is neither a row nor the end of the backup.`);
    if ("end" in line.data) {
      ended = line.data.counts;
      continue;
    }
    const { table: name, row } = line.data;
    try {
      table(name);
    } catch {
      throw new BackupError(`Line ${lineNumber}: unknown table ${name} (a backup from another version?).`);
    }
    await onRow(name, row);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  if (!ended) throw new BackupError(`${path.basename(file)} ends before its last line: the backup is incomplete.`);
  for (const [name, expected] of Object.entries(ended))
    if ((counts[name] ?? 0) !== expected) throw new BackupError(`${name}: the backup says ${expected} rows, the file holds ${counts[name] ?? 0}.`);
  for (const [name, found] of Object.entries(counts))
    if (ended[name] !== found) throw new BackupError(`${name}: the backup says ${ended[name] ?? 0} rows, the file holds ${found}.`);
  return counts;
}

export async function restoreBackup(store: GraphStore, file: string): Promise<Record<string, number>> {
  const [existing] = await store.read("admin/count-nodes");
  if (Number(existing?.count ?? 0) > 0) throw new BackupError("A restore needs an empty graph: point DATA_DIR (or NEO4J_DATABASE) at an empty one.");

  const stageDir = mkdtempSync(path.join(tmpdir(), "chainatlas-restore-"));
  const writers = new Map<string, StagingWriter>();
  try {
    let counts: Record<string, number>;
    try {
      counts = await readBackup(file, async (name, row) => {
        let writer = writers.get(name);
        if (!writer) writers.set(name, (writer = new StagingWriter(name, path.join(stageDir, `${name}.csv`))));
        await writer.write(withVersion(name, row));
      });
    } catch (error) {
      if (error instanceof BackupError) error.message += " Nothing was restored.";
      throw error;
    }

    const files: StagedFile[] = [];
    const nodesFirst = [...TABLES.filter((x) => x.kind === "node"), ...TABLES.filter((x) => x.kind === "rel")];
    for (const t of nodesFirst) {
      const writer = writers.get(t.name);
      if (writer) files.push(await writer.close());
    }
    await store.load({ before: [], files, after: [] });
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
