/**
 * Backups as JSON Lines: a header line, one line per row of every table (schema.ts), and
 * a closing line with the counts — so a cut-off file is recognised, not half restored.
 *
 *   {"format":"chainatlas-backup","formatVersion":1,"createdAt":"…","engine":"kuzu"}
 *   {"table":"Firm","row":{"id":"…","name":"…",…}}
 *   {"table":"OPERATES_IN","row":{"from":"…","to":"…","confidence":0.9,…}}
 *   {"end":true,"counts":{"Firm":373,…}}
 *
 * A restore goes into an empty graph in one transaction (staged files, bulk load), on
 * either engine: a backup of the embedded graph restores into Neo4j and back.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { StagingWriter, type StagedFile } from "../graph/bulk.js";
import { TABLES, table } from "../graph/schema.js";
import type { GraphStore, Row } from "../graph/store.js";

export const BACKUP_FORMAT = "chainatlas-backup";
export const BACKUP_FORMAT_VERSION = 1;

const Header = z.object({ format: z.literal(BACKUP_FORMAT), formatVersion: z.literal(BACKUP_FORMAT_VERSION), createdAt: z.string(), engine: z.string() });
const Line = z.union([
  z.object({ table: z.string(), row: z.record(z.string(), z.unknown()) }),
  z.object({ end: z.literal(true), counts: z.record(z.string(), z.number().int()) }),
]);

/**
 * Empty text is written as null: a bulk load cannot tell them apart (Kùzu's COPY reads
 * both as null), and the app reads null text as "" anyway (services/rows.ts).
 */
const normalised = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === "" ? null : v]));

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
  const out = createWriteStream(file, { encoding: "utf8" });
  const write = async (value: unknown) => {
    if (!out.write(JSON.stringify(value) + "\n")) await once(out, "drain");
  };
  await write({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: now.toISOString(), engine: store.engine });
  const counts: Record<string, number> = {};
  // Nodes first, so a restore can link relationships to them.
  for (const t of [...TABLES].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "node" ? -1 : 1))) {
    counts[t.name] = 0;
    for await (const row of store.scan(t.name)) {
      if (isCacheToken(t.name, row)) continue;
      counts[t.name]!++;
      await write({ table: t.name, row: normalised(row) });
    }
  }
  await write({ end: true, counts });
  out.end();
  await once(out, "finish");
  return counts;
}

export async function restoreBackup(store: GraphStore, file: string): Promise<Record<string, number>> {
  const [existing] = await store.read("admin/count-nodes");
  if (Number(existing?.count ?? 0) > 0) throw new BackupError("A restore needs an empty graph: point DATA_DIR (or NEO4J_DATABASE) at an empty one.");

  const stageDir = mkdtempSync(path.join(tmpdir(), "chainatlas-restore-"));
  const writers = new Map<string, StagingWriter>();
  const counts: Record<string, number> = {};
  try {
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
      let writer = writers.get(name);
      if (!writer) writers.set(name, (writer = new StagingWriter(name, path.join(stageDir, `${name}.csv`))));
      await writer.write(withVersion(name, row));
      counts[name] = (counts[name] ?? 0) + 1;
    }
    if (!ended) throw new BackupError(`${path.basename(file)} ends before its last line: the backup is incomplete. Nothing was restored.`);
    for (const [name, expected] of Object.entries(ended))
      if ((counts[name] ?? 0) !== expected) throw new BackupError(`${name}: the backup says ${expected} rows, the file holds ${counts[name] ?? 0}. Nothing was restored.`);

    const files: StagedFile[] = [];
    const nodesFirst = [...TABLES.filter((x) => x.kind === "node"), ...TABLES.filter((x) => x.kind === "rel")];
    for (const t of nodesFirst) {
      const writer = writers.get(t.name);
      if (writer) files.push(await writer.close());
    }
    await store.load({ before: [], files, after: [] });
    return counts;
  } finally {
    await Promise.allSettled([...writers.values()].map((w) => w.close()));
    rmSync(stageDir, { recursive: true, force: true });
  }
}
