/**
 * 补链模拟 at scale: a handful of candidates (the first five of the ranking, the next five,
 * …) simulated as landed in the benchmark zone, against the running server. Each handful's
 * first answer is computed (its firms read by key, the chain's rows as kept for the graph's
 * version, the diagnosis run with them landed); then autocannon loads all of them, kept.
 * Both are held to the targets endpoint's budget: a simulation is opened from the ranking,
 * in the same meeting.
 */
import { load, type LoadResult } from "./load.js";

export interface SimulationBench {
  /** Firms per simulation, and how many distinct handfuls were simulated. */
  firmsEach: number;
  handfuls: number;
  /** The first answer of each handful, computed: p50 / p95 over the handfuls. */
  fresh: { p50: number; p95: number; max: number };
  /** All handfuls under load, answered from what the first answers kept. */
  kept: LoadResult;
}

const FIRMS_EACH = 5;
const HANDFULS_PER_CHAIN = 8;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (x: number) => Math.round(x * 10) / 10;

export async function measureSimulation(
  base: string,
  headers: Record<string, string>,
  { zoneId, chainIds, seconds, connections }: { zoneId: string; chainIds: string[]; seconds: number; connections: number },
): Promise<SimulationBench> {
  const paths: string[] = [];
  for (const chainId of chainIds) {
    const res = await fetch(`${base}/api/zones/${zoneId}/chains/${chainId}/targets?limit=100`, { headers });
    if (!res.ok) throw new Error(`targets of ${chainId} answered ${res.status}`);
    const ids = ((await res.json()) as { results: { firm: { id: string } }[] }).results.map((r) => r.firm.id);
    for (let i = 0; i + FIRMS_EACH <= ids.length && i < HANDFULS_PER_CHAIN * FIRMS_EACH; i += FIRMS_EACH)
      paths.push(`/api/zones/${zoneId}/chains/${chainId}/simulation?firms=${ids.slice(i, i + FIRMS_EACH).join(",")}`);
  }
  if (!paths.length) throw new Error("no candidates to simulate");
  const fresh: number[] = [];
  for (const path of paths) {
    const t = performance.now();
    const res = await fetch(base + path, { headers });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer();
    fresh.push(performance.now() - t);
  }
  const sorted = fresh.sort((a, b) => a - b);
  const kept = await load(base, paths, { seconds, connections, headers });
  return { firmsEach: FIRMS_EACH, handfuls: paths.length, fresh: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1)!) }, kept };
}
