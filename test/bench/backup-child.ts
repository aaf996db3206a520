/**
 * Backup and restore of the benchmark graph, each in a process of its own (as `npm run
 * backup` and `npm run restore` run them), so their wall time and CPU are their own.
 * usage: node --import tsx test/bench/backup-child.ts backup <file>     (DATA_DIR from env)
 *        node --import tsx test/bench/backup-child.ts restore <file>    (DATA_DIR: an empty graph)
 *        node --import tsx test/bench/backup-child.ts naive <file>      every row through the
 *          binding, written with JSON.stringify: how backups read the graph before Kùzu wrote
 *          the lines itself (without that path's read-back check, so a lower bound of it)
 *        node --import tsx test/bench/backup-child.ts compare <a> <b>   the same rows, in any order?
 * prints: {"seconds":…, "cpuSeconds":…, "rows":…, "bytes":…, "loadAverage":[…]} (compare: {"identical":…, "rows":…})
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import { TABLES } from "../../server/graph/schema.js";
import { restoreBackup, writeBackup } from "../../server/services/backup.js";

const [what, file, other] = process.argv.slice(2);

/** Per table, how many rows and the sum of their lines' hashes: equal for the same rows in any order. */
async function fingerprint(path: string): Promise<Map<string, { rows: number; sum: bigint }>> {
  const tables = new Map<string, { rows: number; sum: bigint }>();
  for await (const line of createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity })) {
    const name = /^\{"table":"(\w+)"/.exec(line)?.[1];
    if (!name) continue; // the header and the closing line (its time and checksum differ)
    const entry = tables.get(name) ?? { rows: 0, sum: 0n };
    entry.rows++;
    entry.sum = (entry.sum + createHash("sha1").update(line).digest().readBigUInt64BE(0)) & 0xffffffffffffffffn;
    tables.set(name, entry);
  }
  return tables;
}

if (what === "compare") {
  const [a, b] = await Promise.all([fingerprint(file!), fingerprint(other!)]);
  const identical = a.size === b.size && [...a].every(([name, x]) => b.get(name)?.rows === x.rows && b.get(name)?.sum === x.sum);
  console.log(JSON.stringify({ identical, rows: [...a.values()].reduce((n, x) => n + x.rows, 0) }));
  process.exit(0);
}

const store = await openStore(readEnv());
const loadBefore = loadavg()[0]!;
const started = performance.now();
let rows = 0;
if (what === "backup") {
  rows = Object.values(await writeBackup(store, file!)).reduce((a, b) => a + b, 0);
} else if (what === "restore") {
  rows = Object.values(await restoreBackup(store, file!)).reduce((a, b) => a + b, 0);
} else if (what === "naive") {
  const out = createWriteStream(file!);
  for (const t of TABLES)
    for await (const row of store.scan(t.name)) {
      rows++;
      if (!out.write(JSON.stringify({ table: t.name, row }) + "\n")) await once(out, "drain");
    }
  out.end();
  await once(out, "finish");
} else {
  throw new Error(`unknown step ${what}`);
}
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage();
await store.close();
const round = (x: number) => Math.round(x * 10) / 10;
console.log(JSON.stringify({ seconds: round(seconds), cpuSeconds: round((user + system) / 1e6), rows, bytes: statSync(file!).size, loadAverage: [round(loadBefore), round(loadavg()[0]!)] }));
process.exit(0);
