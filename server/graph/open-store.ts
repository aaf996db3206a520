/** Picks the engine from the configuration: Neo4j when NEO4J_URI is set, embedded Kùzu otherwise. */
import type { Env } from "../env.js";
import { kuzuFile } from "../env.js";
import { fillFirmCodes } from "./firm-codes.js";
import { KuzuStore } from "./kuzu-store.js";
import { Neo4jStore } from "./neo4j-store.js";
import type { GraphStore } from "./store.js";

export async function openStore(env: Env): Promise<GraphStore> {
  let store: GraphStore;
  if (env.NEO4J_URI) {
    store = await Neo4jStore.open({ uri: env.NEO4J_URI, username: env.NEO4J_USERNAME, password: env.NEO4J_PASSWORD ?? "", database: env.NEO4J_DATABASE });
  } else {
    const kuzu = await KuzuStore.open(kuzuFile(env), { bufferPoolMiB: env.KUZU_BUFFER_POOL_MIB, minFreeBytes: env.MIN_FREE_DISK_MIB * 1024 * 1024 });
    const recovered = kuzu.recovered;
    if (recovered?.replayed) console.log(`The graph at ${kuzuFile(env)} was not closed cleanly (a crash or kill): it was brought back to its last committed change.`);
    else if (recovered)
      console.error(
        `The graph at ${kuzuFile(env)} was not closed cleanly, and its log of changes since the last checkpoint could not be replayed: ` +
          `it opened at its last checkpoint, and the log was kept as ${recovered.setAside}. Changes made shortly before the crash may be missing.`,
      );
    store = kuzu;
  }
  await store.ensureSchema();
  // A graph made before the key table of 统一社会信用代码 (or restored from a backup without it) gets it now.
  const codes = await fillFirmCodes(store);
  if (codes > 0) console.log(`Keyed the 统一社会信用代码 of ${codes} firms (a graph made before codes were keyed; docs/decisions/024).`);
  return store;
}

/** Where the graph lives, for log lines. */
export function describeStore(env: Env): string {
  return env.NEO4J_URI ? `Neo4j at ${env.NEO4J_URI}` : `embedded Kùzu at ${kuzuFile(env)}`;
}
