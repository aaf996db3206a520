/**
 * `npm run seed`            loads the Chaoyang sample into an empty graph
 * `npm run seed -- --reset` deletes everything first, then loads it
 * Works on DATA_DIR (or NEO4J_URI); the embedded graph must not be open in a running server.
 * Exit codes: 0 done, 1 failed or the graph holds data already, 3 graph in use.
 */
import { parseArgs } from "node:util";
import { readEnv } from "../server/env.js";
import { openStoreOrExit } from "../server/cli/cli-store.js";
import { describeStore } from "../server/graph/open-store.js";
import { isEmpty, loadSample } from "./load-sample.js";
import { readSample, summarize } from "./sample.js";

const { values } = parseArgs({ options: { reset: { type: "boolean", default: false } } });
const env = readEnv();
const sample = readSample();
const store = await openStoreOrExit(env);
try {
  if (!values.reset && !(await isEmpty(store))) {
    console.error(`The graph (${describeStore(env)}) already holds data. Run "npm run seed -- --reset" to replace it.`);
    process.exitCode = 1;
  }
  if (process.exitCode !== 1) {
    const started = Date.now();
    await loadSample(store, sample, { replace: values.reset });
    console.log(`Seeded ${describeStore(env)} in ${((Date.now() - started) / 1000).toFixed(1)} s:`, summarize(sample));
  }
} finally {
  await store.close();
}
