/**
 * The naive paths, measured on the benchmark's graph for comparison with the ones the app
 * takes (in a process of its own, with the server stopped):
 * - search: scanning every firm's keys (the Cypher CONTAINS the index replaced) against
 *   the in-memory index (embedded graph only: on Neo4j both are the TEXT index scan);
 * - map, gaps and targets computed afresh (the read cache emptied by a write before each)
 *   against kept answers;
 * - importing rows with a MERGE per firm and per link, one transaction per row (for at
 *   most a minute), against the real bulk path on a sample file, in rows per second.
 * usage: node --import tsx test/bench/compare-child.ts <request.json>   (DATA_DIR / NEO4J_URI from env)
 * prints: the comparison as JSON
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_EXCHANGE_RATES } from "../../server/model/domain.js";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import type { GraphStore } from "../../server/graph/store.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { keyFilter } from "../../server/imports/key-filter.js";
import { findHeader } from "../../server/imports/columns.js";
import { describeFirm, importedFirmId, type RowContext } from "../../server/imports/prepare-row.js";
import { readTable, type RawRow } from "../../server/imports/read-table.js";
import { normalizeRow } from "../../server/imports/rows.js";
import type { SegmentProfile } from "../../server/imports/classify.js";
import { prepareFirmIndex } from "../../server/services/firm-search.js";
import { getChainGaps } from "../../server/services/gaps.js";
import { getChainMap } from "../../server/services/maps.js";
import { search } from "../../server/services/search.js";
import { getGapThresholds, putGapThresholds } from "../../server/services/settings.js";
import { forgetWeighings } from "../../server/services/target-weighing.js";
import { rankChainTargets, TargetFilters } from "../../server/services/targets.js";

export interface CompareRequest {
  zoneId: string;
  chainIds: string[];
  queries: string[];
  /** Two exports of the same size: one imported row by row, one through the real path. */
  naiveFile: string;
  bulkFile: string;
}

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

const round = (x: number) => Math.round(x * 10) / 10;
function timing(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: round(at(50)), p95: round(at(95)), runs: sorted.length };
}

async function timed(runs: number, work: () => Promise<unknown>, before: () => Promise<unknown> = async () => undefined): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before();
    const t0 = performance.now();
    await work();
    ms.push(performance.now() - t0);
  }
  return ms;
}

const request = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as CompareRequest;
const store = await openStore(readEnv());
const log = (message: string) => console.error(`[compare] ${message}`);

// Gap thresholds saved unchanged: a write every kept answer stands on (read-cache.ts drops
// answers by what a write reaches, so a write of nothing would keep them all). The kept
// weighings are forgotten too: such a write leaves a ranking's scope equal, and the ranking
// would be corrected (target-weighing.ts) rather than computed afresh.
const invalidate = async () => {
  await putGapThresholds(store, await getGapThresholds(store), "bench");
  forgetWeighings(store);
};

// 1. Search.
let searchResult: Record<string, unknown>;
if (store.engine === "kuzu") {
  const t0 = performance.now();
  const index = await prepareFirmIndex(store);
  const buildSeconds = (performance.now() - t0) / 1000;
  const indexed: number[] = [];
  const scanned: number[] = [];
  for (const q of request.queries) {
    indexed.push(...(await timed(20, () => search(store, q, 10))));
    scanned.push(...(await timed(3, () => search(store, q, 10, { scan: true }))));
  }
  const [i, s] = [timing(indexed), timing(scanned)];
  searchResult = { indexed: i, scan: s, ratioP50: round(s.p50 / Math.max(i.p50, 0.1)), ratioP95: round(s.p95 / Math.max(i.p95, 0.1)), indexBuildSeconds: round(buildSeconds), indexMiB: Math.round(index.bytes / 2 ** 20) };
} else {
  const scanned: number[] = [];
  for (const q of request.queries) scanned.push(...(await timed(5, () => search(store, q, 10))));
  searchResult = { scan: timing(scanned), note: "Neo4j: search is the TEXT-index scan; there is no in-memory index to compare" };
}
log(`search ${JSON.stringify(searchResult)}`);

// 2. Map, gaps and targets: computed afresh against kept.
const filters = TargetFilters.parse({ limit: 100 });
const views: Record<string, (chainId: string) => Promise<unknown>> = {
  map: (chainId) => getChainMap(store, request.zoneId, chainId),
  gaps: (chainId) => getChainGaps(store, request.zoneId, chainId),
  targets: (chainId) => rankChainTargets(store, request.zoneId, chainId, filters),
};
const computed: Record<string, unknown> = {};
for (const [name, view] of Object.entries(views)) {
  const fresh: number[] = [];
  const kept: number[] = [];
  for (const chainId of request.chainIds) {
    fresh.push(...(await timed(3, () => view(chainId), invalidate)));
    kept.push(...(await timed(20, () => view(chainId))));
  }
  const [f, k] = [timing(fresh), timing(kept)];
  computed[name] = { fresh: f, kept: k, ratioP50: round(f.p50 / Math.max(k.p50, 0.1)) };
  log(`${name} ${JSON.stringify(computed[name])}`);
}

// 3. Import: one MERGE per firm and per link, a transaction per row, against the bulk path.
async function rowsOf(file: string): Promise<{ context: RowContext; rows: RawRow[] }> {
  const rows: RawRow[] = [];
  for await (const row of readTable(file)) rows.push(row);
  const header = findHeader(rows.slice(0, 30))!;
  const segments = (await store.read("imports/list-segments")).map((s) => ({ ...s, industryCodes: s.industryCodes ?? [], keywords: s.keywords ?? [] })) as unknown as SegmentProfile[];
  const context: RowContext = { header, segments, decisions: [], importId: "imp-naive", source: "benchmark", today: new Date().toISOString().slice(0, 10), commit: true, known: keyFilter([], 0), rates: DEFAULT_EXCHANGE_RATES };
  return { context, rows: rows.filter((r) => r.rowNumber > header.headerRowNumber) };
}

/** Row by row until the rows or `budgetSeconds` run out (on a large graph it is slow). */
async function naiveImport(s: GraphStore, file: string, budgetSeconds: number): Promise<{ rows: number; seconds: number }> {
  const { context, rows } = await rowsOf(file);
  const t0 = performance.now();
  let done = 0;
  for (const raw of rows) {
    if (performance.now() - t0 > budgetSeconds * 1000) break;
    done++;
    const { firm } = normalizeRow(raw, context.header);
    if (!firm) continue;
    const { record, links } = describeFirm(firm, importedFirmId(firm), context);
    await s.write([
      { query: "firms/upsert-firm", rows: [record] },
      { query: "firms/link-segment", rows: links },
    ]);
  }
  return { rows: done, seconds: (performance.now() - t0) / 1000 };
}

const naive = await naiveImport(store, request.naiveFile, 60);
log(`row-by-row import: ${naive.rows} rows in ${naive.seconds.toFixed(1)} s`);
const t0 = performance.now();
const bulkReport = await importFirms(store, { importId: "imp-bench-sample", path: request.bulkFile, fileName: path.basename(request.bulkFile), mode: "commit", actor: "bench", source: "benchmark" });
const bulkSeconds = (performance.now() - t0) / 1000;
log(`bulk import: ${bulkReport.counts.rows} rows in ${bulkSeconds.toFixed(1)} s`);

await store.close();
console.log(
  JSON.stringify({
    search: searchResult,
    computed,
    import: {
      rowByRow: { rows: naive.rows, seconds: round(naive.seconds), rowsPerSecond: round(naive.rows / naive.seconds) },
      bulk: { rows: bulkReport.counts.rows, seconds: round(bulkSeconds), rowsPerSecond: round(bulkReport.counts.rows / bulkSeconds) },
      ratio: round(bulkReport.counts.rows / bulkSeconds / (naive.rows / naive.seconds)),
    },
  }),
);
process.exit(0);
