/**
 * One import through the real path (importFirms, as `npm run import` runs it), in a
 * process of its own so its wall time and peak memory are its own.
 * usage: node --import tsx test/bench/import-child.ts <file> [zoneId] [--keys-held]   (DATA_DIR from env)
 * prints: {"seconds":…, "cpuSeconds":…, "peakRssMiB":…, "phases":{…}, "counts":{…}} — cpuSeconds (user
 * and system, every thread, since the process started) tells its own work from a busy
 * machine's wait; phases are the seconds of the graph's keys, the rows, and the load.
 * --keys-held: the firms' keys are read first (as the server reads them after its start;
 * `keysHeld` their seconds and heap) and the import finds them held; otherwise it reads them itself.
 */
import path from "node:path";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import { firmKeys } from "../../server/imports/firm-keys.js";
import { importFirms } from "../../server/imports/import-firms.js";

const args = process.argv.slice(2);
const [file, zoneId] = args.filter((a) => !a.startsWith("--"));
const store = await openStore(readEnv());
let keysHeld: { seconds: number; heapMiB: number } | undefined;
if (args.includes("--keys-held")) {
  const t0 = performance.now();
  const heap = process.memoryUsage().heapUsed;
  await firmKeys(store);
  keysHeld = { seconds: Math.round((performance.now() - t0) / 100) / 10, heapMiB: Math.round((process.memoryUsage().heapUsed - heap) / 2 ** 20) };
}
const started = performance.now();
const phases: Record<string, number> = {};
const report = await importFirms(store, {
  importId: "imp-bench",
  path: file!,
  fileName: path.basename(file!),
  mode: "commit",
  actor: "bench",
  source: "benchmark",
  zoneId: zoneId ?? null,
  onPhase: (phase, seconds) => (phases[phase] = Math.round(seconds * 10) / 10),
});
const seconds = (performance.now() - started) / 1000;
const { user, system } = process.cpuUsage();
await store.close();
console.log(JSON.stringify({ seconds, cpuSeconds: (user + system) / 1e6, peakRssMiB: process.resourceUsage().maxRSS / 1024, phases, counts: report.counts, problems: report.problemCount, ...(keysHeld === undefined ? {} : { keysHeld }) }));
process.exit(0);
