/**
 * A team at work, over HTTP against the running server: `editors` people each save an edit
 * every `everySeconds` (or as soon as their last save is answered, when it took longer; a
 * firm's registered capital, PATCH /api/firms/:id with the version
 * they last saw; each editor has a firm of their own), while `readers` people browse maps,
 * gaps and rankings (each asks again as soon as its answer is in), for `seconds`. Every
 * latency is kept, so the percentiles are exact, and reported by kind of read. An answer
 * other than 2xx, or a request that fails, is an error — except an edit refused because
 * the firm changed since its editor read it (409), the intended version conflict, counted
 * as a refusal (the editor reads the firm again and goes on).
 *
 * Each answer's `Server-Timing` (server/request-timing.ts) says where its time went; the
 * reads slower than the target are summed by it, so a stall names what it waited on.
 *
 * Run alone against a built graph (the server started on it, logged in as its admin):
 *   tsx test/bench/mixed.ts --data /tmp/x/data [--seconds 60] [--zone bench-zone] [--node-args "--cpu-prof"]
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { parseServerTiming } from "../../server/request-timing.js";
import { adminHeaders, untilHealthy } from "./load.js";

/** A read slower than this is a stall, and its Server-Timing is summed (the target's p95). */
export const STALL_MS = 150;

export interface Percentiles {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface MixedLoadResult {
  seconds: number;
  editors: number;
  readers: number;
  /** Load average (1, 5, 15 min) as the load began and as it ended. */
  loadAverage: { before: number[]; after: number[] };
  reads: Percentiles;
  /** Reads by kind (map, gaps, targets). */
  readsByKind: Record<string, Percentiles>;
  edits: Percentiles & { refused: number };
  /** The reads slower than STALL_MS: how many, and where their time went in all (Server-Timing, seconds). */
  stalls: { reads: number; seconds: number; serverTiming: Record<string, number> };
  /**
   * The load slice by slice (SLICE_S each, by when a request began): reads begun, their p95,
   * the edits saved, and how long the server's event loop stood still (Server-Timing `loop`
   * of the slowest read). Tells a stall at the start (facts read first, a snapshot run
   * catching up) from one that lasts.
   */
  timeline: { from: number; reads: number; p95: number; edits: number; loopMs: number }[];
  /** The first errors, each as its answer or failure says it (at most 10). */
  errorsSeen: string[];
}

/** The timeline's slices (seconds). */
const SLICE_S = 10;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () => loadavg().map(round);

function summary(latencies: number[], errors: number): Percentiles {
  const r = [...latencies].sort((a, b) => a - b);
  return { requests: r.length, errors, p50: round(percentile(r, 50)), p95: round(percentile(r, 95)), p99: round(percentile(r, 99)), max: round(r.at(-1) ?? 0) };
}

export async function mixedLoad(
  base: string,
  { readPaths, firmIds, readers, everySeconds, seconds, headers = {} }: { readPaths: Record<string, string[]>; firmIds: string[]; readers: number; everySeconds: number; seconds: number; headers?: Record<string, string> },
): Promise<MixedLoadResult> {
  if (new Set(firmIds).size !== firmIds.length) throw new Error(`Each editor needs a firm of their own: ${firmIds.join(", ")}`);
  // The kinds interleaved, so readers spread over them as they start.
  const kinds = Object.keys(readPaths);
  const paths: { kind: string; path: string }[] = [];
  for (let i = 0; i < Math.max(...kinds.map((k) => readPaths[k]!.length)); i++) for (const kind of kinds) if (readPaths[kind]![i]) paths.push({ kind, path: readPaths[kind]![i]! });
  const before = load();
  const end = performance.now() + seconds * 1000;
  const reads = new Map<string, { latencies: number[]; errors: number }>(kinds.map((k) => [k, { latencies: [], errors: 0 }]));
  const stalls = { reads: 0, seconds: 0, serverTiming: {} as Record<string, number> };
  const edits: number[] = [];
  const slices = Array.from({ length: Math.ceil(seconds / SLICE_S) }, (_, i) => ({ from: i * SLICE_S, latencies: [] as number[], edits: 0, loopMs: 0 }));
  const sliceOf = (t0: number) => slices[Math.min(slices.length - 1, Math.floor((t0 - (end - seconds * 1000)) / (SLICE_S * 1000)))]!;
  let editErrors = 0;
  const errorsSeen: string[] = [];
  const noteError = (what: string) => void (errorsSeen.length < 10 && errorsSeen.push(what));
  let refused = 0;

  const reader = async (k: number) => {
    for (let i = k; performance.now() < end; i++) {
      const { kind, path } = paths[i % paths.length]!;
      const of = reads.get(kind)!;
      const t0 = performance.now();
      let timing: string | null = null;
      try {
        const res = await fetch(base + path, { headers });
        timing = res.headers.get("server-timing");
        const body = await res.arrayBuffer();
        if (!res.ok) {
          of.errors++;
          noteError(`${kind} ${res.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
        }
      } catch (error) {
        of.errors++;
        noteError(`${kind}: ${(error as Error).message}`);
      }
      const ms = performance.now() - t0;
      of.latencies.push(ms);
      const slice = sliceOf(t0);
      slice.latencies.push(ms);
      const times = parseServerTiming(timing);
      slice.loopMs = Math.max(slice.loopMs, times.loop ?? 0);
      if (ms > STALL_MS) {
        stalls.reads++;
        stalls.seconds += ms / 1000;
        for (const [name, dur] of Object.entries(times)) stalls.serverTiming[name] = (stalls.serverTiming[name] ?? 0) + dur / 1000;
      }
    }
  };

  const editor = async (firmId: string, k: number) => {
    const url = `${base}/api/firms/${encodeURIComponent(firmId)}`;
    const readFirm = async () => (await (await fetch(url, { headers })).json()) as { version: number; capital: number | null };
    let { version, capital } = await readFirm();
    // Spread over the interval, as people are.
    await sleep((everySeconds * 1000 * k) / firmIds.length);
    // A person saves, waits for the answer, and saves again `everySeconds` after the last
    // save began — or at once when that took longer, never several saves in a row to catch up.
    for (let next = performance.now(); next < end; next = Math.max(next + everySeconds * 1000, performance.now())) {
      await sleep(Math.max(0, next - performance.now()));
      const t0 = performance.now();
      try {
        const res = await fetch(url, { method: "PATCH", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ version, capital: (capital ?? 100) + 1 }) });
        const saved = (await res.json()) as { version: number; capital: number | null };
        if (res.ok) ({ version, capital } = saved);
        else if (res.status === 409) {
          // Someone else saved the firm meanwhile: read it again, as the edit form does.
          refused++;
          ({ version, capital } = await readFirm());
        } else {
          editErrors++;
          noteError(`edit ${res.status} ${JSON.stringify(saved).slice(0, 200)}`);
        }
      } catch (error) {
        editErrors++;
        noteError(`edit: ${(error as Error).message}${(error as Error).cause ? ` (${String((error as Error).cause)})` : ""}`);
      }
      edits.push(performance.now() - t0);
      sliceOf(t0).edits++;
    }
  };

  await Promise.all([...Array.from({ length: readers }, (_, k) => reader(k)), ...firmIds.map((id, k) => editor(id, k))]);
  const readsByKind = Object.fromEntries([...reads].map(([kind, r]) => [kind, summary(r.latencies, r.errors)]));
  const all = [...reads.values()];
  return {
    seconds,
    editors: firmIds.length,
    readers,
    loadAverage: { before, after: load() },
    reads: summary(
      all.flatMap((r) => r.latencies),
      all.reduce((n, r) => n + r.errors, 0),
    ),
    readsByKind,
    edits: { ...summary(edits, editErrors), refused },
    stalls: { reads: stalls.reads, seconds: round(stalls.seconds), serverTiming: Object.fromEntries(Object.entries(stalls.serverTiming).map(([k, v]) => [k, round(v)])) },
    errorsSeen,
    timeline: slices.map(({ from, latencies, edits, loopMs }) => ({ from, reads: latencies.length, p95: summary(latencies, 0).p95, edits, loopMs: round(loopMs) })),
  };
}

/**
 * The firms the editors save: five of the zone (on its chains' maps) and five elsewhere in
 * its chains (ranked candidates), each editor one of its own.
 */
export async function editedFirms(base: string, headers: Record<string, string>, zoneId: string, chainIds: string[]): Promise<string[]> {
  // A kept-alive connection the server closed as the request left (its first answers take
  // tens of seconds on a loaded machine) fails with ECONNRESET: a read is asked again.
  const get = async (p: string, tries = 3): Promise<any> => {
    try {
      return await (await fetch(base + p, { headers })).json();
    } catch (error) {
      if (tries <= 1 || (error as { cause?: { code?: string } }).cause?.code !== "ECONNRESET") throw error;
      return get(p, tries - 1);
    }
  };
  const here: string[] = [];
  const elsewhere: string[] = [];
  for (const c of chainIds) {
    const map = await get(`/api/zones/${zoneId}/chains/${c}/map`);
    here.push(...map.firms.map((f: { id: string }) => f.id).slice(0, 5));
    const ranked = await get(`/api/zones/${zoneId}/chains/${c}/targets?limit=100`);
    elsewhere.push(...ranked.results.map((x: { firm: { id: string } }) => x.firm.id).slice(50, 55));
  }
  const mine = [...new Set(here)].slice(0, 5);
  return [...mine, ...[...new Set(elsewhere)].filter((id) => !mine.includes(id)).slice(0, 5)];
}

/** The reads of the mixed load: the zone's maps, gaps and top-100 rankings of each chain. */
export function mixedReadPaths(zoneId: string, chainIds: string[]): Record<string, string[]> {
  return {
    map: chainIds.map((c) => `/api/zones/${zoneId}/chains/${c}/map`),
    gaps: chainIds.map((c) => `/api/zones/${zoneId}/chains/${c}/gaps`),
    targets: chainIds.map((c) => `/api/zones/${zoneId}/chains/${c}/targets?limit=100`),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      seconds: { type: "string", default: "60" },
      zone: { type: "string", default: "bench-zone" },
      chains: { type: "string", default: "b-steel,b-auto,b-titanium" },
      port: { type: "string", default: String(20000 + (process.pid % 20000)) },
      // Node's own options for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see what stops its event loop.
      "node-args": { type: "string", default: "" },
    },
  });
  if (!values.data) throw new Error("--data DIR: the data directory of a built graph (a copy: the edits write to it)");
  const dataDir = path.resolve(values.data);
  const chainIds = values.chains!.split(",");
  const log = (message: string) => console.error(`[mixed ${new Date().toISOString().slice(11, 19)}] ${message}`);
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const server = spawn(process.execPath, [...values["node-args"]!.split(" ").filter(Boolean), "--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: values.port, HOST: "127.0.0.1", KUZU_BUFFER_POOL_MIB: process.env.KUZU_BUFFER_POOL_MIB ?? "2048" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${values.port}`;
  try {
    await untilHealthy(base);
    const headers = await adminHeaders(base, dataDir);
    const readPaths = mixedReadPaths(values.zone!, chainIds);
    // Every answer computed once first, as the benchmark's endpoint rows leave them.
    const t0 = performance.now();
    for (const p of Object.values(readPaths).flat()) {
      const res = await fetch(base + p, { headers });
      if (!res.ok) throw new Error(`${p} answered ${res.status}`);
      await res.arrayBuffer();
    }
    log(`first answers in ${((performance.now() - t0) / 1000).toFixed(1)} s (load ${load().join(" / ")})`);
    const firmIds = await editedFirms(base, headers, values.zone!, chainIds);
    log(`editors' firms: ${firmIds.join(", ")}`);
    const result = await mixedLoad(base, { readPaths, firmIds, readers: 40, everySeconds: 5, seconds: Number(values.seconds), headers });
    console.log(JSON.stringify(result, null, 2));
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await main();
