/**
 * Load on loopback with autocannon: `connections` connections each send one request after
 * another, cycling through the paths, for `seconds`. Every response's latency is kept,
 * so the percentiles are exact; any answer other than 2xx, and any socket error or
 * timeout, counts as an error.
 */
import autocannon from "autocannon";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { logInAt } from "../support/sample-app.js";

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
const round = (x: number) => Math.round(x * 10) / 10;

export async function load(
  base: string,
  paths: string[],
  { seconds, connections, headers = {} }: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failed = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        timeout: 30,
        headers,
        requests: paths.map((path) => ({ method: "GET", path })),
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) failed++;
    });
  });
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors: failed + result.errors + result.timeouts,
    rps: round(sorted.length / (result.duration || seconds)),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
}

/**
 * Waits until the server at `base` answers /api/health with 2xx (it answers 503 while it
 * starts), asking every `everyMs`; fails after `timeoutMs`.
 */
export async function untilHealthy(base: string, { everyMs = 200, timeoutMs = 300_000 }: { everyMs?: number; timeoutMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the server at ${base} did not start within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * Request headers with a session of the admin the server made at its first start in
 * `dataDir` (its password in initial-admin.txt); none when there is no such file (a server
 * whose admin was made otherwise: requests then go without a session).
 */
export async function adminHeaders(base: string, dataDir: string): Promise<Record<string, string>> {
  const adminFile = path.join(dataDir, "initial-admin.txt");
  if (!existsSync(adminFile)) return {};
  const password = /^password: (.+)$/m.exec(readFileSync(adminFile, "utf8"))?.[1]?.trim();
  if (!password) throw new Error(`No password in ${adminFile}`);
  return { cookie: `chainatlas_session=${await logInAt(base, "admin", password)}` };
}
