/**
 * Where a ranking computed after a write spends its time, phase by phase, on the benchmark's
 * graph (in a process of its own, the server stopped): each round edits one firm outside the
 * zone in a chain's segments (its capital), then runs the reads and the weighing of that
 * chain's ranking (top 100) one after another, in the order computeRanking runs them, each
 * timed; then the whole ranking as the request path computes it (the kept weighing
 * corrected) and with every candidate weighed again.
 * usage: node --import tsx test/bench/ranking-phases.ts <zoneId> <rounds> <chainId>…   (DATA_DIR from env)
 * prints: per phase p50 / p95 / max (ms) as JSON, with the load average before and after
 */
import { loadavg } from "node:os";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import { FILLING_STATUSES } from "../../server/model/domain.js";
import { loadChainFacts } from "../../server/services/chain-facts.js";
import { updateFirm } from "../../server/services/editing/firms.js";
import { readFirm } from "../../server/services/firms.js";
import { diagnose } from "../../server/services/gap-rules.js";
import { linkFacts } from "../../server/services/link-facts.js";
import { getProfile } from "../../server/services/profiles.js";
import { graphVersion } from "../../server/services/read-cache.js";
import { listRegionGroups } from "../../server/services/regions.js";
import { scoringFacts } from "../../server/services/scoring-facts.js";
import { getGapThresholds } from "../../server/services/settings.js";
import { computeRanking, rankChainTargets, TargetFilters } from "../../server/services/targets.js";
import { stillHolds } from "../../server/services/write-reach.js";

const [zoneId, roundsText, ...chainIds] = process.argv.slice(2);
const rounds = Number(roundsText);
const store = await openStore(readEnv());
const log = (message: string) => console.error(`[phases] ${message}`);
const loadBefore = loadavg();
const filters = TargetFilters.parse({ limit: 100 });
// As rankChainTargets weighs: as of the day's start.
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const times: Record<string, number[]> = {};
async function time<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  (times[phase] ??= []).push(performance.now() - t0);
  return result;
}

const facts = await scoringFacts(store);
await linkFacts(store);
const zoneFirms = new Set((await store.read("targets/zone-firm-ids", { zoneId: zoneId! })).map((r) => r.id as string));
const editable = chainIds.map((chainId) => {
  const ids: string[] = [];
  for (const f of facts.firms.values()) {
    if (ids.length >= 50) break;
    if (!zoneFirms.has(f.id) && f.links.some((l) => l.segmentId.startsWith(`${chainId}-`))) ids.push(f.id);
  }
  return ids;
});
// Each chain's ranking once, as a team has it open before the writes.
for (const chainId of chainIds) {
  const t0 = performance.now();
  await rankChainTargets(store, zoneId!, chainId, filters);
  log(`first ranking of ${chainId}: ${(performance.now() - t0).toFixed(0)} ms`);
}

for (let i = 0; i < rounds; i++) {
  const c = i % chainIds.length;
  const chainId = chainIds[c]!;
  const id = editable[c]![Math.floor(i / chainIds.length)]!;
  const firm = (await readFirm(store, id))!;
  const from = await graphVersion(store);
  await updateFirm(store, id, { version: firm.version, capital: (firm.capital ?? 100) + 1 }, "bench");
  const to = await time("version read", () => graphVersion(store));
  await time("reach of the write", () => stillHolds(store, { zoneId: zoneId!, chainId, candidates: true }, from, to));
  const chain = await time("chain facts", () => loadChainFacts(store, zoneId!, chainId));
  await time("thresholds, region groups, profile", () => Promise.all([getGapThresholds(store), listRegionGroups(store), getProfile(store, filters.profile)]));
  await time("won projects", () => store.read("targets/won-projects", { zoneId: zoneId!, statuses: [...FILLING_STATUSES] }));
  await time("won entries", () => store.read("targets/won-entries", { zoneId: zoneId!, chainId, statuses: ["已签约", "已落地"] }));
  await time("diagnosis", async () => diagnose(chain, await getGapThresholds(store)));
  await time("link facts", () => linkFacts(store));
  await time("scoring facts", () => scoringFacts(store));
  const ranking = await time("ranking, kept weighing corrected", () => computeRanking(store, zoneId!, chainId, filters, today, "kept"));
  const shown = ranking.results.map((r) => r.firm.id);
  await time("shown firms' columns and links (by key)", () => Promise.all(shown.flatMap((id) => [store.read("targets/firm-columns", { id }), store.read("targets/firm-links", { id })])));
  await time("ranking, every candidate weighed", () => computeRanking(store, zoneId!, chainId, filters, today, "memory"));
  log(`round ${i}: ${Object.entries(times).map(([k, v]) => `${k} ${v.at(-1)!.toFixed(0)}`).join(", ")}`);
}

const round = (x: number) => Math.round(x * 10) / 10;
const summary = Object.fromEntries(
  Object.entries(times).map(([phase, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
    return [phase, { p50: round(at(50)), p95: round(at(95)), max: round(sorted.at(-1)!), runs: sorted.length }];
  }),
);
await store.close();
console.log(JSON.stringify({ loadAverage: { before: loadBefore.map(round), after: loadavg().map(round) }, phases: summary }, null, 2));
process.exit(0);
