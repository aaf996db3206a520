/**
 * node --expose-gc --import tsx test/bench/firm-keys-child.ts  (DATA_DIR: a copy of a built graph)
 *
 * Reads every firm's keys for imports (server/imports/firm-keys.ts) as the server does after
 * its start, and prints what they cost as JSON: the seconds, and what the process holds more
 * once they are read, after a full collection — the JS heap and the array buffers (typed
 * arrays live outside the heap) apart.
 */
import { loadavg } from "node:os";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import { firmKeys } from "../../server/imports/firm-keys.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("Run with node --expose-gc");
const held = () => (gc(), process.memoryUsage());
const store = await openStore(readEnv());
const load = loadavg()[0]!.toFixed(1);
const before = held();
const t0 = performance.now();
const known = await firmKeys(store);
const seconds = (performance.now() - t0) / 1000;
const after = held();
const MiB = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const heapMiB = MiB(after.heapUsed - before.heapUsed);
const arrayBuffersMiB = MiB(after.arrayBuffers - before.arrayBuffers);
console.log(JSON.stringify({ firms: known.firms, keys: known.size, seconds: Math.round(seconds * 10) / 10, heapMiB, arrayBuffersMiB, totalMiB: MiB(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers), load: [load, loadavg()[0]!.toFixed(1)] }));
await store.close();
