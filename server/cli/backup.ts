/**
 * npm run backup -- <file.jsonl>    a complete, versioned dump of the graph (JSON Lines)
 * npm run restore -- <file.jsonl>   into an EMPTY graph (a new DATA_DIR, or an empty Neo4j
 *                                   database): embedded → Neo4j works, and back.
 * Works on DATA_DIR (or NEO4J_URI); stop the server first when using the embedded graph.
 * Exit codes: 0 done, 1 failed (nothing restored), 2 wrong usage, 3 graph in use.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { readEnv } from "../env.js";
import { describeStore } from "../graph/open-store.js";
import { openStoreOrExit } from "./cli-store.js";
import { BackupError, restoreBackup, writeBackup } from "../services/backup.js";
import { StorageFault } from "../storage-faults.js";

const [command, fileArg, ...rest] = process.argv.slice(2);
if (!["backup", "restore"].includes(command ?? "") || !fileArg || rest.length) {
  console.error("usage: npm run backup -- <file.jsonl>   |   npm run restore -- <file.jsonl>");
  process.exit(2);
}
const file = path.resolve(fileArg);
if (command === "restore" && !existsSync(file)) {
  console.error(`No such file: ${file}`);
  process.exit(1);
}

const env = readEnv();
const store = await openStoreOrExit(env);
try {
  const started = Date.now();
  // The embedded graph's rows are staged in its own folder: a restore cut off by a kill leaves them there, and the next restore removes them.
  const stagingDir = env.NEO4J_URI ? undefined : path.join(path.resolve(env.DATA_DIR), "restore-staging");
  const counts = command === "backup" ? await writeBackup(store, file) : await restoreBackup(store, file, { stagingDir });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${command === "backup" ? "Backed up" : "Restored"} ${total.toLocaleString("en-US")} rows (${describeStore(env)} ${command === "backup" ? "→" : "←"} ${file}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await store.close();
  process.exit(0);
} catch (error) {
  // Said before the graph closes, so that it is said whatever the close meets.
  console.error(error instanceof BackupError || error instanceof StorageFault ? error.message : `The ${command} failed: ${(error as Error).message}`);
  await store.close();
  process.exit(1);
}
