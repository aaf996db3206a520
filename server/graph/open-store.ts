/** Picks the engine from the configuration: Neo4j when NEO4J_URI is set, embedded Kùzu otherwise. */
import type { Env } from "../env.js";
import { kuzuFile } from "../env.js";
import { KuzuStore } from "./kuzu-store.js";
import { Neo4jStore } from "./neo4j-store.js";
import type { GraphStore } from "./store.js";

export async function openStore(env: Env): Promise<GraphStore> {
  const store: GraphStore = env.NEO4J_URI
    ? await Neo4jStore.open({
        uri: env.NEO4J_URI,
        username: env.NEO4J_USERNAME,
        password: env.NEO4J_PASSWORD ?? "",
        database: env.NEO4J_DATABASE,
      })
    : await KuzuStore.open(kuzuFile(env), { bufferPoolMiB: env.KUZU_BUFFER_POOL_MIB });
  await store.ensureSchema();
  return store;
}

/** Where the graph lives, for log lines. */
export function describeStore(env: Env): string {
  return env.NEO4J_URI ? `Neo4j at ${env.NEO4J_URI}` : `embedded Kùzu at ${kuzuFile(env)}`;
}
