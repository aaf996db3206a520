/**
 * Where a request's time went, sent back in its `Server-Timing` header (browsers' network
 * panels and the benchmark read it): how long it waited for a read connection (`pool`),
 * was held by a checkpoint (`held`), ran in the graph (`db`); and how much of its time the
 * process spent meanwhile on work that competes with it — garbage collection (`gc`),
 * checkpoints (`checkpoint`), writes (`write`) and history snapshots (`snapshot`) — and how
 * long the event loop was stopped meanwhile (`loop`: synchronous work of any request or
 * task, or a garbage collection, during which no answer can be sent and no finished read
 * can hand its connection back, so it also shows as `pool`). A slow answer then says what
 * it waited on, without a profiler. A request's own times are summed
 * over its reads, which may run side by side: they can add up to more than its `total`.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { PerformanceObserver } from "node:perf_hooks";

/** Time a request spent waiting or working itself, by kind (ms). */
type Own = "pool" | "held" | "db";
/** Work of the process that competes with requests, by kind. */
export type Activity = "gc" | "checkpoint" | "write" | "snapshot" | "loop";

const ACTIVITIES: readonly Activity[] = ["gc", "checkpoint", "write", "snapshot", "loop"];

interface RequestTimes {
  own: Record<Own, number>;
  /** Each activity's running total when the request began. */
  start: Record<Activity, number>;
}

const current = new AsyncLocalStorage<RequestTimes>();

const background = new AsyncLocalStorage<true>();

/**
 * Runs work no request waits for (the server's warm-ups at start): its reads of the
 * embedded graph give way to every other read (kuzu-store.ts), and leave a connection free.
 * Without `work`: whether the caller runs in such work.
 */
export function inBackground(): boolean;
export function inBackground<T>(work: () => Promise<T>): Promise<T>;
export function inBackground<T>(work?: () => Promise<T>): Promise<T> | boolean {
  return work ? background.run(true, work) : background.getStore() === true;
}

/** Time each activity has taken so far, those under way counted up to now. */
const done: Record<Activity, number> = { gc: 0, checkpoint: 0, write: 0, snapshot: 0, loop: 0 };
const running: Record<Activity, Set<{ since: number }>> = { gc: new Set(), checkpoint: new Set(), write: new Set(), snapshot: new Set(), loop: new Set() };

function elapsed(activity: Activity, now: number): number {
  let total = done[activity];
  for (const r of running[activity]) total += now - r.since;
  if (activity === "loop") total += Math.max(0, now - lastTick - TICK_MS);
  return total;
}

/**
 * The event loop's stops, measured by a timer due every TICK_MS: however much later than
 * that it fires, the loop could run nothing else. A stop still under way when an answer
 * is sent (its own synchronous work) counts up to then.
 */
const TICK_MS = 10;
let lastTick = performance.now();
let loopObserved = false;
function observeLoop(): void {
  if (loopObserved) return;
  loopObserved = true;
  lastTick = performance.now();
  setInterval(() => {
    const now = performance.now();
    done.loop += Math.max(0, now - lastTick - TICK_MS);
    lastTick = now;
  }, TICK_MS).unref();
}

/** Runs `work` as one spell of `activity`, counted against the requests it overlaps. */
export async function during<T>(activity: Activity, work: () => Promise<T>): Promise<T> {
  const spell = { since: performance.now() };
  running[activity].add(spell);
  try {
    return await work();
  } finally {
    running[activity].delete(spell);
    done[activity] += performance.now() - spell.since;
  }
}

/** Runs `work`, adding its duration to the current request's `kind` (no request: just runs it). */
export async function timed<T>(kind: Own, work: () => Promise<T>): Promise<T> {
  const times = current.getStore();
  if (!times) return work();
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    times.own[kind] += performance.now() - t0;
  }
}

let gcObserved = false;
function observeGc(): void {
  if (gcObserved) return;
  gcObserved = true;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) done.gc += entry.duration;
  }).observe({ entryTypes: ["gc"] });
}

/** The event loop's stops so far (ms), with the one under way: for logs and benchmarks inside the process. */
export function loopStopped(): number {
  observeLoop();
  return elapsed("loop", performance.now());
}

/** Requests under way, and when the last one ended or the server began to take them (performance.now()). */
let underWay = 0;
let lastEndedAt = 0;

/**
 * Resolves once no request has been under way for `quietMs`, or after `atMostMs` whatever
 * the traffic: the server's warm-ups start each step then, so a team's first requests after
 * a start run alone, and a steady stream of them does not keep the warm-ups off for long.
 */
export async function requestsQuiet(quietMs: number, atMostMs: number): Promise<void> {
  const until = performance.now() + atMostMs;
  for (;;) {
    const now = performance.now();
    const quietFor = underWay > 0 ? 0 : now - lastEndedAt;
    if (quietFor >= quietMs || now >= until) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(until - now, quietMs - quietFor))));
  }
}

/** Express-style middleware: times the request and adds `Server-Timing` to its answer. */
export function requestTiming() {
  observeGc();
  observeLoop();
  // The server is quiet from when it takes requests on, not before: the first ones come then.
  lastEndedAt = performance.now();
  return (_req: unknown, res: import("node:http").ServerResponse, next: () => void): void => {
    const t0 = performance.now();
    underWay++;
    res.once("close", () => {
      underWay--;
      lastEndedAt = performance.now();
    });
    const times: RequestTimes = { own: { pool: 0, held: 0, db: 0 }, start: Object.fromEntries(ACTIVITIES.map((a) => [a, elapsed(a, t0)])) as Record<Activity, number> };
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      const now = performance.now();
      const parts = [`total;dur=${(now - t0).toFixed(1)}`, ...Object.entries(times.own).map(([k, v]) => `${k};dur=${v.toFixed(1)}`), ...ACTIVITIES.map((a) => `${a};dur=${(elapsed(a, now) - times.start[a]).toFixed(1)}`)];
      if (!res.headersSent) res.setHeader("Server-Timing", parts.join(", "));
      return writeHead.apply(this, args);
    } as typeof writeHead;
    current.run(times, next);
  };
}

/** The entries of a `Server-Timing` header as numbers (ms), by name. */
export function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    const dur = params.find((p) => p.trim().startsWith("dur="));
    if (name && dur) out[name] = Number(dur.trim().slice(4));
  }
  return out;
}
