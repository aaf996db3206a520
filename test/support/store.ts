/**
 * A fresh, real graph per test file: embedded Kùzu in a temp directory, or — when
 * NEO4J_URI is set (npm run test:neo4j) — the Neo4j database, emptied first.
 * Never a mock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadSample } from "../../seed/load-sample.js";
import { readEnv } from "../../server/env.js";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { openStore } from "../../server/graph/open-store.js";
import type { GraphStore } from "../../server/graph/store.js";

export interface TestStore {
  store: GraphStore;
  dataDir: string;
  close(): Promise<void>;
}

export async function openTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "chainatlas-test-"));
  const env = readEnv({ ...process.env, DATA_DIR: dataDir, KUZU_BUFFER_POOL_MIB: "256" });
  const store = await openStore(env);
  if (store.engine === "neo4j") await store.clear();
  return {
    store,
    dataDir,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * An embedded graph holding the Chaoyang sample, written to `dataDir` and closed: a data
 * directory for a server or a command the test starts as a process of its own.
 */
export async function writeSampleGraph(dataDir: string): Promise<void> {
  const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"));
  await store.ensureSchema();
  await loadSample(store);
  await store.close();
}
