/** What every command-line tool does first: open the graph, or say why not and exit. */
import type { Env } from "../env.js";
import { openStore } from "../graph/open-store.js";
import { StoreError, type GraphStore } from "../graph/store.js";

/** Exit code when the embedded graph is held by another process (usually the server). */
export const EXIT_GRAPH_IN_USE = 3;

export async function openStoreOrExit(env: Env): Promise<GraphStore> {
  try {
    return await openStore(env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(error instanceof StoreError && /in use by another process/.test((error as Error).message) ? EXIT_GRAPH_IN_USE : 1);
  }
}
