/**
 * npm run bench -- [--firms N] [--out file.json] [--seconds S] [--keep DIR]
 *
 * Generates a deterministic dataset (fixed seed) of N firms (default 1,000,000) over ten
 * chains of 300 segments, writes it as an enterprise export, loads it through the real
 * import path, then measures the API under concurrent load on loopback and the map's
 * render time in headless Chromium. Prints a table and writes the figures as JSON.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { StagingWriter } from "../../server/graph/bulk.js";
import { importedFirmId } from "../../server/imports/import-firms.js";
import { benchChains, writeBenchExport } from "../../seed/generate/bench-data.js";
import { Random } from "../../seed/generate/random.js";
import { CLIENT_DIR } from "../../server/app.js";
import { load, type LoadResult } from "./load.js";
import { measureRender } from "./render.js";

/** The targets of the scale issue, and the table that compares each figure with its target. */
const TARGETS = { importSeconds: 90, peakRssMiB: 4096, map: 50, gaps: 100, targets: 150, search: 50, mapRps: 300, renderMs: 1500 };

function printTable(r: { firms: number; links: number; importSeconds: number; peakRssMiB: number; endpoints: Record<string, LoadResult>; renderMs: number; date: string; machine: string }) {
  const row = (figure: string, value: string, target: string, met: boolean) => console.log(`| ${figure} | ${value} | ${target} | ${met ? "met" : "missed"} |`);
  console.log(`\n${r.firms.toLocaleString("en-US")} firms, ${r.links.toLocaleString("en-US")} links — ${r.date}, ${r.machine}\n`);
  console.log("| figure | measured | target | |\n|---|---|---|---|");
  row("import", `${r.importSeconds} s, peak RSS ${r.peakRssMiB} MiB`, `≤ ${TARGETS.importSeconds} s, ≤ ${TARGETS.peakRssMiB / 1024} GiB`, r.importSeconds <= TARGETS.importSeconds && r.peakRssMiB <= TARGETS.peakRssMiB);
  for (const name of ["map", "gaps", "targets", "search"] as const) {
    const e = r.endpoints[name]!;
    row(`${name} p50 / p95 / p99`, `${e.p50} / ${e.p95} / ${e.p99} ms (${e.rps} req/s, ${e.errors} errors)`, `p95 ≤ ${TARGETS[name]} ms`, e.p95 <= TARGETS[name] && e.errors === 0);
  }
  row("map throughput", `${r.endpoints.map!.rps} req/s`, `≥ ${TARGETS.mapRps} req/s, 0 errors`, r.endpoints.map!.rps >= TARGETS.mapRps && r.endpoints.map!.errors === 0);
  row("2,000-element map render", `${r.renderMs} ms`, `≤ ${TARGETS.renderMs} ms`, r.renderMs <= TARGETS.renderMs);
}

const { values } = parseArgs({
  options: {
    firms: { type: "string", default: "1000000" },
    out: { type: "string" },
    seconds: { type: "string", default: "10" },
    keep: { type: "string" },
    connections: { type: "string", default: "8" },
  },
});
const FIRMS = Number(values.firms);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const SEED = 20261122;
const SHAPE = { chains: 10, segmentsPerChain: 300 };
const LOCAL_FIRMS = 600;
const BENCH_ZONE = "bench-zone";

const work = values.keep ? path.resolve(values.keep) : mkdtempSync(path.join(tmpdir(), "chainatlas-bench-"));
mkdirSync(work, { recursive: true });
const dataDir = path.join(work, "data");
// A bulk load of a million firms holds its pages in Kùzu's buffer pool until it commits.
const env = { ...process.env, DATA_DIR: dataDir, NEO4J_URI: process.env.NEO4J_URI ?? "", KUZU_BUFFER_POOL_MIB: process.env.KUZU_BUFFER_POOL_MIB ?? "3072" };
const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function child(script: string, args: string[]): string {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${script} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

// 1. The graph: the sample, the benchmark chains and zone.
log(`preparing ${work}`);
rmSync(dataDir, { recursive: true, force: true });
child("test/bench/setup-child.ts", ["chains", String(SHAPE.chains), String(SHAPE.segmentsPerChain), String(SEED)]);
const { segments } = benchChains(SHAPE, SEED);

// 2. The exports: N firms over China, and the zone's own firms; supply ties among them.
const random = new Random(SEED + 1);
const national: { id: string; segmentIds: string[] }[] = [];
const keepForTies = (f: { name: string; uscc: string | null; regionCode: string; segmentIds: string[] }) => {
  if (random.next() < 0.05) national.push({ id: importedFirmId(f), segmentIds: f.segmentIds });
};
let t0 = performance.now();
const nationalFile = path.join(work, "enterprises.csv");
await writeBenchExport(nationalFile, { firms: FIRMS, seed: SEED, segments, onFirm: keepForTies });
const local: string[] = [];
const localFile = path.join(work, "zone-enterprises.csv");
// The zone's firms cover part of its three chains, so their maps have gaps.
const zoneSegments = segments.filter((s) => /^b-(steel|auto|titanium)-/.test(s.id) && random.next() < 0.5);
await writeBenchExport(localFile, { firms: LOCAL_FIRMS, seed: SEED + 2, segments: zoneSegments, countyCode: "211382", prefix: "Z", onFirm: (f) => local.push(importedFirmId(f)) });
log(`generated ${FIRMS.toLocaleString()} + ${LOCAL_FIRMS} firms in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// 3. The real import path, timed in processes of their own.
log("importing the national export");
const imported = JSON.parse(child("test/bench/import-child.ts", [nationalFile])) as { seconds: number; peakRssMiB: number; counts: Record<string, number> };
log(`imported in ${imported.seconds.toFixed(1)} s, peak RSS ${imported.peakRssMiB.toFixed(0)} MiB: ${JSON.stringify(imported.counts)}`);
const importedLocal = JSON.parse(child("test/bench/import-child.ts", [localFile, BENCH_ZONE])) as { counts: Record<string, number> };
log(`zone firms: ${JSON.stringify(importedLocal.counts)}`);

const ties = new StagingWriter("SUPPLIES", path.join(work, "supplies.csv"));
for (const supplier of national) {
  await ties.write({ from: supplier.id, to: random.pick(local), product: "配套产品", source: "benchmark generator" });
  await ties.write({ from: supplier.id, to: random.pick(national).id, product: "原材料", source: "benchmark generator" });
}
const tiesFile = await ties.close();
child("test/bench/setup-child.ts", ["ties", tiesFile.path, String(tiesFile.rows)]);
child("test/bench/setup-child.ts", ["leader", local[0]!, "b-steel"]);
const links = imported.counts.links! + importedLocal.counts.links! + tiesFile.rows;

// 4. The API under load.
const port = 20000 + (process.pid % 20000);
const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { env: { ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "pipe", "inherit"] });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    if (i > 600) throw new Error("the server did not start");
  }
  await new Promise((r) => setTimeout(r, 200));
}
const chains = ["b-steel", "b-auto", "b-titanium"];
const endpoints: Record<string, string[]> = {
  map: chains.map((c) => `${base}/api/zones/${BENCH_ZONE}/chains/${c}/map`),
  gaps: chains.map((c) => `${base}/api/zones/${BENCH_ZONE}/chains/${c}/gaps`),
  targets: chains.flatMap((c) => [`${base}/api/zones/${BENCH_ZONE}/chains/${c}/targets?limit=100`, `${base}/api/zones/${BENCH_ZONE}/chains/${c}/targets?limit=100&regionGroup=jingjinji`]),
  search: ["唐山", "tangshan", "ts", "高纯钛锭", "gcty", "冷轧", "凌钢", "lg"].map((q) => `${base}/api/search?q=${encodeURIComponent(q)}`),
};
const results: Record<string, LoadResult> = {};
for (const [name, urls] of Object.entries(endpoints)) {
  for (const url of urls) await fetch(url); // warm up once
  results[name] = await load(urls, { seconds: SECONDS, connections: CONNECTIONS });
  log(`${name}: ${JSON.stringify(results[name])}`);
}
server.kill("SIGTERM");

// 5. The 2,000-element map in Chromium.
if (!existsSync(path.join(CLIENT_DIR, "index.html"))) spawnSync("npx", ["vite", "build"], { stdio: "ignore" });
const render = await measureRender();
log(`render: ${JSON.stringify(render)}`);

const report = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  engine: process.env.NEO4J_URI ? "neo4j" : "kuzu",
  firms: FIRMS + LOCAL_FIRMS,
  segments: segments.length,
  links,
  importSeconds: Math.round(imported.seconds * 10) / 10,
  peakRssMiB: Math.round(imported.peakRssMiB),
  endpoints: results,
  renderMs: render.renderMs,
};
printTable(report);
console.log(`\n${JSON.stringify(report, null, 2)}`);
if (values.out) writeFileSync(values.out, JSON.stringify(report, null, 2) + "\n");
if (!values.keep) rmSync(work, { recursive: true, force: true });
process.exit(0);
