/**
 * A team at work, over HTTP against the running server: `editors` people each save an edit
 * every `everySeconds` (a firm's registered capital, PATCH /api/firms/:id with the version
 * they last saw; each editor has a firm of their own), while `readers` people browse maps,
 * gaps and rankings (each asks again as soon as its answer is in), for `seconds`. Every
 * latency is kept, so the percentiles are exact; an answer other than 2xx, or a request
 * that fails, is an error.
 */
export interface MixedLoadResult {
  seconds: number;
  editors: number;
  readers: number;
  reads: { requests: number; errors: number; p50: number; p95: number; p99: number; max: number };
  edits: { requests: number; errors: number; p50: number; p95: number; max: number };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function mixedLoad(
  base: string,
  { readPaths, firmIds, readers, everySeconds, seconds, headers = {} }: { readPaths: string[]; firmIds: string[]; readers: number; everySeconds: number; seconds: number; headers?: Record<string, string> },
): Promise<MixedLoadResult> {
  const end = performance.now() + seconds * 1000;
  const reads: number[] = [];
  const edits: number[] = [];
  let readErrors = 0;
  let editErrors = 0;

  const reader = async (k: number) => {
    for (let i = k; performance.now() < end; i++) {
      const t0 = performance.now();
      try {
        const res = await fetch(base + readPaths[i % readPaths.length]!, { headers });
        await res.arrayBuffer();
        if (!res.ok) readErrors++;
      } catch {
        readErrors++;
      }
      reads.push(performance.now() - t0);
    }
  };

  const editor = async (firmId: string, k: number) => {
    const url = `${base}/api/firms/${encodeURIComponent(firmId)}`;
    const current = (await (await fetch(url, { headers })).json()) as { version: number; capital: number | null };
    let { version, capital } = current;
    // Spread over the interval, as people are.
    await sleep((everySeconds * 1000 * k) / firmIds.length);
    for (let next = performance.now(); next < end; next += everySeconds * 1000) {
      await sleep(Math.max(0, next - performance.now()));
      const t0 = performance.now();
      try {
        const res = await fetch(url, { method: "PATCH", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ version, capital: (capital ?? 100) + 1 }) });
        const saved = (await res.json()) as { version: number; capital: number | null };
        if (res.ok) ({ version, capital } = saved);
        else editErrors++;
      } catch {
        editErrors++;
      }
      edits.push(performance.now() - t0);
    }
  };

  await Promise.all([...Array.from({ length: readers }, (_, k) => reader(k)), ...firmIds.map((id, k) => editor(id, k))]);
  const r = reads.sort((a, b) => a - b);
  const e = edits.sort((a, b) => a - b);
  return {
    seconds,
    editors: firmIds.length,
    readers,
    reads: { requests: r.length, errors: readErrors, p50: round(percentile(r, 50)), p95: round(percentile(r, 95)), p99: round(percentile(r, 99)), max: round(r.at(-1) ?? 0) },
    edits: { requests: e.length, errors: editErrors, p50: round(percentile(e, 50)), p95: round(percentile(e, 95)), max: round(e.at(-1) ?? 0) },
  };
}
