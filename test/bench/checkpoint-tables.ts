/**
 * What Kùzu's checkpoint at an import's commit costs, table by table (docs/decisions/021).
 *
 * usage (DATA_DIR: a copy of a built graph; it is written to):
 *   node --import tsx test/bench/checkpoint-tables.ts stage <file> <dir>
 *     runs the import of <file> through the real path up to its load, and keeps the files it
 *     staged in <dir> (with files.json); nothing is loaded
 *   node --import tsx test/bench/checkpoint-tables.ts load <dir> <table,table…> [<table,table…> …]
 *     loads the staged files of each group of tables in a transaction of its own, one group
 *     after another, as the store does (COPY, then COMMIT, which Kùzu follows with a
 *     checkpoint), and prints the seconds of each COPY and COMMIT
 *   node --import tsx test/bench/checkpoint-tables.ts run <statement> [<statement> …]
 *     runs each statement in a transaction of its own and times its COMMIT (then a CHECKPOINT)
 */
import kuzu from "kuzu";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { kuzuFile, readEnv } from "../../server/env.js";
import type { GraphStore, StagedFile } from "../../server/graph/store.js";

const [command, ...args] = process.argv.slice(2);
const env = readEnv();
const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

if (command === "stage") {
  const [file, dir] = args as [string, string];
  mkdirSync(dir, { recursive: true });
  const { openStore } = await import("../../server/graph/open-store.js");
  const { importFirms } = await import("../../server/imports/import-firms.js");
  const store = await openStore(env);
  const kept = new Error("staged files kept");
  // The store as the import sees it, but its bulk load keeps the files instead of loading them.
  const staging = new Proxy(store, {
    get(target, property) {
      if (property === "load")
        return async ({ files }: { files: StagedFile[] }) => {
          const copies = files.map((f, i) => {
            const to = path.join(dir, `${i}-${f.table}.csv`);
            copyFileSync(f.path, to);
            return { ...f, path: to, apart: undefined, apartRows: f.apart?.rows ?? 0 };
          });
          writeFileSync(path.join(dir, "files.json"), JSON.stringify(copies, null, 1));
          throw kept;
        };
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as GraphStore;
  const phases: Record<string, number> = {};
  const t0 = performance.now();
  await importFirms(staging, { importId: "imp-checkpoint", path: file, fileName: path.basename(file), mode: "commit", actor: "bench", onPhase: (p, s) => (phases[p] = Math.round(s * 10) / 10) }).catch((error: Error) => {
    if (error !== kept) throw error;
  });
  console.log(JSON.stringify({ staged: dir, seconds: seconds(t0), phases, loadAverage: load() }));
  await store.close();
  process.exit(0);
}

const database = new kuzu.Database(kuzuFile(env), env.KUZU_BUFFER_POOL_MIB * 1024 * 1024, true, false, 0, false);
await database.init();
const connection = new kuzu.Connection(database);
await connection.init();
async function statement(text: string): Promise<void> {
  const result = await connection.query(text);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
}
const timed = async (text: string) => {
  const t0 = performance.now();
  await statement(text);
  return seconds(t0);
};

if (command === "load") {
  const [dir, ...groups] = args as [string, ...string[]];
  const files = JSON.parse(readFileSync(path.join(dir, "files.json"), "utf8")) as (StagedFile & { apartRows: number })[];
  for (const group of groups) {
    const tables = group.split(",");
    const before = load();
    await statement("BEGIN TRANSACTION");
    const copies: Record<string, number> = {};
    for (const file of files.filter((f) => tables.includes(f.table) && f.rows > 0)) {
      copies[`${file.table} (${file.rows} rows)`] = await timed(
        `COPY ${file.table} FROM '${file.path}' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', AUTO_DETECT=false${file.lineBreaks ? ", PARALLEL=false" : ""})`,
      );
    }
    const commit = await timed("COMMIT");
    console.log(JSON.stringify({ tables, copy: copies, commit, loadAverage: [before, load()] }));
  }
} else if (command === "run") {
  for (const text of args) {
    const before = load();
    await statement("BEGIN TRANSACTION");
    const run = await timed(text);
    const commit = await timed("COMMIT");
    const checkpoint = await timed("CHECKPOINT");
    console.log(JSON.stringify({ statement: text, run, commit, checkpoint, loadAverage: [before, load()] }));
  }
} else {
  console.error("usage: checkpoint-tables.ts stage <file> <dir> | load <dir> <tables>… | run <statement>…");
  process.exit(2);
}
await connection.close();
await database.close();
process.exit(0);
