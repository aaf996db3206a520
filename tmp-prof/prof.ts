import { openTestStore } from "../test/support/store.js";
import { loadSample } from "../seed/load-sample.js";
import { rankWithEffects } from "../server/services/simulation.js";
import { TargetFilters } from "../server/services/targets.js";
import { listZones } from "../server/services/zones.js";
const t = await openTestStore();
await loadSample(t.store);
const zones = await listZones(t.store, null);
for (const z of zones) for (const c of z.chains) {
  for (const limit of [50, 100]) {
    const s = performance.now();
    const r = await rankWithEffects(t.store, z.id, c.id, TargetFilters.parse({ limit }), "score");
    console.log(z.id, c.id, limit, r.results.length, Math.round(performance.now() - s), "ms");
  }
}
await t.close();
