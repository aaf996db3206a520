/**
 * tsx test/bench/first-answers.ts --data DIR [--zone Z] [--chain C] [--settle S]
 *
 * The first answers after a start, as a team meets them: starts the server on DIR (a copy
 * of a built graph: it is written to), and the moment it answers /api/health asks one
 * map, one gaps and one targets answer (top 100) of the zone's chain, one after the
 * other as the benchmark does (run.ts), each timed from its own request and from the
 * health answer, with its `Server-Timing` (what it waited for). The server's warm-ups are
 * timed by its log lines ("… ready"). Once every warm-up is done (or after --settle
 * seconds), the server's resident memory is read from its `/proc` status. Prints JSON on
 * stdout.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseServerTiming } from "../../server/request-timing.js";
import { adminHeaders, untilHealthy } from "./load.js";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    zone: { type: "string", default: "bench-zone" },
    chain: { type: "string", default: "b-steel" },
    settle: { type: "string", default: "180" },
  },
});
if (!values.data) throw new Error("--data DIR (a copy of a built graph) is needed");
const dataDir = path.resolve(values.data);
const log = (message: string) => console.error(`[first-answers ${new Date().toISOString().slice(11, 19)}] ${message}`);
const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");

const port = 20000 + (process.pid % 20000);
const env = { ...process.env, DATA_DIR: dataDir, NEO4J_URI: "", PORT: String(port), HOST: "127.0.0.1", KUZU_BUFFER_POOL_MIB: process.env.KUZU_BUFFER_POOL_MIB ?? "2048" };
const loadBefore = load();
const spawnedAt = performance.now();
const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
let healthAt = 0;
/** Each "… ready" line of the server, at seconds after the health answer (negative: before it). */
const ready: Record<string, number> = {};
let pending = "";
server.stdout!.on("data", (chunk: Buffer) => {
  pending += chunk.toString();
  const lines = pending.split("\n");
  pending = lines.pop()!;
  for (const line of lines) {
    const m = /^(.+?) ready: (.*)$/.exec(line);
    if (m) {
      ready[m[1]!] = Math.round((performance.now() - (healthAt || spawnedAt)) / 100) / 10;
      log(`${line} (${ready[m[1]!]} s after health)`);
    }
  }
});
const base = `http://127.0.0.1:${port}`;
await untilHealthy(base, { everyMs: 50 });
healthAt = performance.now();
const startSeconds = Math.round((healthAt - spawnedAt) / 100) / 10;
log(`health after ${startSeconds} s`);

const headers = await adminHeaders(base, dataDir);
const at = `/api/zones/${values.zone}/chains/${values.chain}`;
const asked = { map: `${at}/map`, gaps: `${at}/gaps`, targets: `${at}/targets?limit=100` };
const answers: Record<string, { ms: number; sinceHealthMs: number; timing: Record<string, number> }> = {};
for (const [name, url] of Object.entries(asked)) {
  const t = performance.now();
  const res = await fetch(base + url, { headers });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
  answers[name] = { ms: Math.round(performance.now() - t), sinceHealthMs: Math.round(performance.now() - healthAt), timing: parseServerTiming(res.headers.get("server-timing")) };
  log(`${name}: ${JSON.stringify(answers[name])}`);
}
const loadAfterAnswers = load();

// The warm-ups the server logs: wait for them all (or --settle seconds), then read its memory.
// (The scoring facts are read by the first targets answer, if not warmed.)
const WARMUPS = ["Search index", "Firm keys for imports", "Audit log index"];
const settleBy = performance.now() + Number(values.settle) * 1000;
while (WARMUPS.some((w) => !(w in ready)) && performance.now() < settleBy) await new Promise((r) => setTimeout(r, 250));
const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
const memory = { rssMiB: Math.round(kib("VmRSS") / 1024), peakRssMiB: Math.round(kib("VmHWM") / 1024) };
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
const result = { startSeconds, answers, ready, memory, load: { before: loadBefore, afterAnswers: loadAfterAnswers, end: load() } };
console.log(JSON.stringify(result));
