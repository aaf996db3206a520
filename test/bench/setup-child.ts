/**
 * Prepares the benchmark graph at DATA_DIR: the Chaoyang sample, the benchmark chains
 * (linked to a benchmark zone), then — after the imports — supply ties.
 * usage: node --import tsx test/bench/setup-child.ts chains <chains> <segmentsPerChain> <seed>
 *        node --import tsx test/bench/setup-child.ts ties <supplies.csv>
 */
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import { recordSteps } from "../../server/services/graph-writer.js";
import { loadSample } from "../../seed/load-sample.js";
import { benchChains } from "../../seed/generate/bench-data.js";

export const BENCH_ZONE = "bench-zone";

const [what, ...args] = process.argv.slice(2);
const store = await openStore(readEnv());
if (what === "chains") {
  const [chains, segmentsPerChain, seed] = args.map(Number);
  await store.clear(); // a Neo4j database is reused: start from nothing
  await loadSample(store);
  const data = benchChains({ chains: chains!, segmentsPerChain: segmentsPerChain! }, seed!);
  await store.write(
    recordSteps({
      regionGroups: [],
      ...data,
      zones: [{ id: BENCH_ZONE, name: "基准测试开发区", shortName: "基准区", countyCode: "211382", description: "benchmark", source: "benchmark generator" }],
      zoneChains: data.chains.slice(0, 3).map((c, i) => ({ zoneId: BENCH_ZONE, chainId: c.id, rank: i + 1 })),
      leads: [],
      firms: [],
      operatesIn: [],
      supplies: [],
      belongsTo: [],
      projects: [],
    }),
  );
} else if (what === "ties") {
  const [file, rows] = args;
  await store.load({ before: [], files: [{ table: "SUPPLIES", path: file!, rows: Number(rows) }], after: [] });
} else if (what === "leader") {
  const [firmId, chainId] = args;
  await store.write([{ query: "firms/link-leads", rows: [{ firmId, chainId, zoneId: BENCH_ZONE, source: "benchmark generator" }] }]);
}
await store.close();
process.exit(0);
