/**
 * Answers right after a write, on the benchmark's graph (in a process of its own, the
 * server stopped): each chain's ranking (top 100) is computed once first, as a team has its
 * rankings open; then each round edits one firm outside the zone that operates in a chain's
 * segments (its capital), then times the chain's ranking, map and gaps — the first request
 * after the write on the request path (rankChainTargets, getChainMap, getChainGaps; the
 * ranking corrects the weighing kept from before the write, target-weighing.ts) — and the
 * ranking with every candidate weighed again (the path before) and with its candidates from
 * the Cypher query (the naive path). Such an edit drops the chain's
 * rankings only (read-cache.ts, write-reach.ts): the map and gaps are kept. So each round
 * then edits a firm of the zone in that chain, which they stand on, and times them again,
 * computed afresh. And what the targets route answers (the ranking with each candidate's
 * 补链效果 and the 推荐组合, rankWithEffects), timed first after an edit of either kind. Then
 * single edits of each kind through their routes, the 统一社会信用代码 check an edit runs, the
 * audit page (single-edits.ts), and an import of a list into the full graph (the firms' keys
 * read at the start, as the server reads them after its start, and caught up through the
 * edits before it).
 * usage: node --import tsx test/bench/edits-child.ts <request.json>   (DATA_DIR from env)
 * prints: the figures as JSON
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import { firmKeys } from "../../server/imports/firm-keys.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { updateFirm } from "../../server/services/editing/firms.js";
import { readFirm } from "../../server/services/firms.js";
import { getChainGaps } from "../../server/services/gaps.js";
import { getChainMap } from "../../server/services/maps.js";
import { scoringFacts } from "../../server/services/scoring-facts.js";
import { rankWithEffects } from "../../server/services/simulation.js";
import { computeRanking, rankChainTargets, TargetFilters } from "../../server/services/targets.js";
import { measureSingleEdits, type SingleEdits } from "./single-edits.js";

export interface EditsRequest {
  zoneId: string;
  chainIds: string[];
  rounds: number;
  naiveRounds: number;
  importFile: string;
  /** Only the single edits and the audit page (measuring those alone). */
  singleEditsOnly?: boolean;
}

export type EditsResult = {
  loadAverage: number[];
  scoringFacts: { firms: number; seconds: number; heapMiB: number };
  firmKeys: { firms: number; seconds: number; heapMiB: number };
  first: { ranking: number; map: number; gaps: number } | null;
  afterEdit: Record<"edit" | "ranking" | "map" | "gaps" | "rankingFull" | "rankingNaive" | "mapAfterZoneEdit" | "gapsAfterZoneEdit" | "targets" | "targetsAfterZoneEdit", Timing>;
  edits: SingleEdits;
  importIntoFull: { rows: number; seconds: number; rankingAfterMs: number };
};
type Timing = { p50: number; p95: number; max: number; runs: number };

const request = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as EditsRequest;
const store = await openStore(readEnv());
const log = (message: string) => console.error(`[edits] ${message}`);
const round = (x: number) => Math.round(x * 10) / 10;
function timing(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: round(at(50)), p95: round(at(95)), max: round(sorted.at(-1) ?? 0), runs: sorted.length };
}
async function time(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

const filters = TargetFilters.parse({ limit: 100 });
// Heap used and array buffers (typed arrays live outside the heap), after a full collection
// when the process was started with --expose-gc (the garbage of a read left out); as it
// stands otherwise.
const heapUsed = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
const heapBefore = heapUsed();
const factsSeconds = (await time(() => scoringFacts(store))) / 1000;
const facts = await scoringFacts(store);
const factsMiB = Math.round((heapUsed() - heapBefore) / 2 ** 20);
log(`scoring facts: ${facts.firms.size} firms in ${factsSeconds.toFixed(1)} s, ≈ ${factsMiB} MiB of heap and array buffers`);
const heapBeforeKeys = heapUsed();
const keysSeconds = (await time(() => firmKeys(store))) / 1000;
const keys = { firms: (await firmKeys(store)).firms, seconds: round(keysSeconds), heapMiB: Math.round((heapUsed() - heapBeforeKeys) / 2 ** 20) };
log(`firm keys for imports: ${keys.firms} firms in ${keysSeconds.toFixed(1)} s, ≈ ${keys.heapMiB} MiB of heap and array buffers`);

// Firms outside the zone in each chain's segments, to edit one per round.
const zoneFirms = new Set((await store.read("targets/zone-firm-ids", { zoneId: request.zoneId })).map((r) => r.id as string));
const editable = request.chainIds.map((chainId) => {
  const ids: string[] = [];
  for (const f of facts.firms.values()) {
    if (ids.length >= 50) break;
    if (!zoneFirms.has(f.id) && f.links.some((l) => l.segmentId.startsWith(`${chainId}-`))) ids.push(f.id);
  }
  return ids;
});

// Firms of the zone in each chain's segments, to edit one per round: the map and gaps stand on them.
const zoneEditable = request.chainIds.map((chainId) => [...zoneFirms].filter((id) => facts.firms.get(id)?.links.some((l) => l.segmentId.startsWith(`${chainId}-`))));

const after = { edit: [] as number[], ranking: [] as number[], map: [] as number[], gaps: [] as number[], rankingFull: [] as number[], rankingNaive: [] as number[], mapAfterZoneEdit: [] as number[], gapsAfterZoneEdit: [] as number[], targets: [] as number[], targetsAfterZoneEdit: [] as number[] };
let first: { ranking: number; map: number; gaps: number } | null = null;
// Each chain's ranking once before the writes (the first answer after a start is a row of its own).
const firstRankings: number[] = [];
for (const chainId of request.singleEditsOnly ? [] : request.chainIds) {
  firstRankings.push(await time(() => rankChainTargets(store, request.zoneId, chainId, filters)));
  log(`first ranking of ${chainId}: ${firstRankings.at(-1)!.toFixed(0)} ms`);
}
// As rankChainTargets weighs: as of the day's start.
const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
for (let i = 0; i < (request.singleEditsOnly ? 0 : request.rounds); i++) {
  const c = i % request.chainIds.length;
  const chainId = request.chainIds[c]!;
  const id = editable[c]![Math.floor(i / request.chainIds.length)]!;
  const firm = (await readFirm(store, id))!;
  after.edit.push(await time(() => updateFirm(store, id, { version: firm.version, capital: (firm.capital ?? 100) + 1 }, "bench")));
  const ranking = await time(() => rankChainTargets(store, request.zoneId, chainId, filters));
  const map = await time(() => getChainMap(store, request.zoneId, chainId));
  const gaps = await time(() => getChainGaps(store, request.zoneId, chainId));
  after.ranking.push(ranking);
  if (i === 0) first = { ranking: round(firstRankings[0]!), map: round(map), gaps: round(gaps) };
  else after.map.push(map), after.gaps.push(gaps);
  after.rankingFull.push(await time(() => computeRanking(store, request.zoneId, chainId, filters, today, "memory")));
  if (i < request.naiveRounds) after.rankingNaive.push(await time(() => computeRanking(store, request.zoneId, chainId, filters, today, "cypher")));
  const local = zoneEditable[c]![Math.floor(i / request.chainIds.length) % zoneEditable[c]!.length]!;
  const localFirm = (await readFirm(store, local))!;
  after.edit.push(await time(() => updateFirm(store, local, { version: localFirm.version, capital: (localFirm.capital ?? 100) + 1 }, "bench")));
  const mapAfresh = await time(() => getChainMap(store, request.zoneId, chainId));
  const gapsAfresh = await time(() => getChainGaps(store, request.zoneId, chainId));
  if (i > 0) after.mapAfterZoneEdit.push(mapAfresh), after.gapsAfterZoneEdit.push(gapsAfresh);
  log(`round ${i}: edit ${after.edit.at(-2)!.toFixed(0)} ms, ranking ${ranking.toFixed(0)} (every candidate weighed: ${after.rankingFull.at(-1)!.toFixed(0)}), map ${map.toFixed(0)}, gaps ${gaps.toFixed(0)} ms; a zone firm's edit ${after.edit.at(-1)!.toFixed(0)} ms, map ${mapAfresh.toFixed(0)}, gaps ${gapsAfresh.toFixed(0)} ms afresh`);
  // The targets route's answer, first after an edit of each kind (others than those above, whose answers are kept by now).
  const bump = async (firmId: string) => {
    const f = (await readFirm(store, firmId))!;
    await updateFirm(store, firmId, { version: f.version, capital: (f.capital ?? 100) + 1 }, "bench");
  };
  await bump(editable[c]![editable[c]!.length - 1 - Math.floor(i / request.chainIds.length)]!);
  const targets = await time(() => rankWithEffects(store, request.zoneId, chainId, filters, "score"));
  await bump(zoneEditable[c]![(Math.floor(i / request.chainIds.length) + 1) % zoneEditable[c]!.length]!);
  const targetsAfresh = await time(() => rankWithEffects(store, request.zoneId, chainId, filters, "score"));
  if (i > 0) after.targets.push(targets), after.targetsAfterZoneEdit.push(targetsAfresh);
  log(`round ${i}: targets answer ${targets.toFixed(0)} ms after an edit elsewhere, ${targetsAfresh.toFixed(0)} ms after a zone firm's`);
}

// Single edits of each kind, through their routes; the 统一社会信用代码 check and the audit page.
const edits = await measureSingleEdits(store, { zoneId: request.zoneId, chainId: request.chainIds[0]!, ofZone: zoneEditable[0]!.slice(0, 10), outside: editable[0]!.slice(20, 40) }, log);
if (request.singleEditsOnly) {
  await store.close();
  console.log(JSON.stringify({ loadAverage: loadavg().map((x) => Math.round(x * 10) / 10), edits }));
  process.exit(0);
}

// A list of firms imported into the full graph.
const t0 = performance.now();
const report = await importFirms(store, { importId: "imp-bench-full", path: request.importFile, fileName: path.basename(request.importFile), mode: "commit", actor: "bench", source: "benchmark" });
const importSeconds = (performance.now() - t0) / 1000;
log(`import into the full graph: ${report.counts.rows} rows in ${importSeconds.toFixed(1)} s`);
const rankingAfterImport = await time(() => rankChainTargets(store, request.zoneId, request.chainIds[0]!, filters));

await store.close();
console.log(
  JSON.stringify({
    loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
    scoringFacts: { firms: facts.firms.size, seconds: round(factsSeconds), heapMiB: factsMiB },
    firmKeys: keys,
    first,
    afterEdit: {
      edit: timing(after.edit), ranking: timing(after.ranking), map: timing(after.map), gaps: timing(after.gaps), rankingFull: timing(after.rankingFull), rankingNaive: timing(after.rankingNaive),
      mapAfterZoneEdit: timing(after.mapAfterZoneEdit), gapsAfterZoneEdit: timing(after.gapsAfterZoneEdit),
      targets: timing(after.targets), targetsAfterZoneEdit: timing(after.targetsAfterZoneEdit),
    },
    edits,
    importIntoFull: { rows: report.counts.rows, seconds: round(importSeconds), rankingAfterMs: round(rankingAfterImport) },
  } satisfies EditsResult),
);
process.exit(0);
