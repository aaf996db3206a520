import { readEnv } from "../server/env.js";
import { openStore } from "../server/graph/open-store.js";
import { rankChainTargets, TargetFilters } from "../server/services/targets.js";
import { readChainRows, assembleChainFacts } from "../server/services/chain-facts.js";
import { diagnose } from "../server/services/gap-rules.js";
import { getGapThresholds } from "../server/services/settings.js";
import { recommendLandings, landIn } from "../server/services/simulation.js";
const store = await openStore(readEnv({ ...process.env, DATA_DIR: "/tmp/prof-graph", KUZU_BUFFER_POOL_MIB: "3072" }));
const lap = (() => { let t = performance.now(); return (m: string) => { const n = performance.now(); console.log(m, Math.round(n - t), "ms"); t = n; }; })();
const zone = "bench-zone";
const chainId = process.argv[2]!;
const rows = await readChainRows(store, zone, chainId); lap("rows");
console.log("zoneFirms", rows.zoneFirms.length, "leaderSuppliers", rows.leaderSuppliers.length, Object.entries(rows).map(([k, v]) => `${k}:${Array.isArray(v) ? v.length : typeof v}`).join(" "));
const thresholds = await getGapThresholds(store);
for (let i = 0; i < 3; i++) { diagnose(assembleChainFacts(rows), thresholds); lap("diagnose"); }
for (let i = 0; i < 3; i++) { assembleChainFacts(rows); lap("assemble"); }
for (let i = 0; i < 3; i++) { landIn(rows, []); lap("landIn"); }
const ranking = await rankChainTargets(store, zone, chainId, TargetFilters.parse({ limit: 100 }), new Date()); lap("rank100");
const landings = ranking.results.map((r) => ({ firm: { id: r.firm.id, name: r.firm.name, aliases: r.firm.aliases, capital: r.firm.capital, tags: r.firm.tags, regionCode: r.firm.regionCode }, segments: r.segments.map((s) => ({ segmentId: s.segmentId, products: s.products, capacity: "", confidence: s.confidence, source: s.source, version: 1 })), parents: [] }));
const rec = recommendLandings(rows, thresholds, landings as never); lap(`recommend100 chose ${rec.chosen.length}`);
await store.close();
