/**
 * A fresh, real graph per test file: embedded Kùzu in a temp directory, or — when
 * NEO4J_URI is set (npm run test:neo4j) — the Neo4j database, emptied first.
 * Never a mock.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readEnv } from "../../server/env.js";
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
