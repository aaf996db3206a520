/** What every command-line tool does first: open the graph, or say why not and exit. */
import type { Env } from "../env.js";
import { openStore } from "../graph/open-store.js";
import { StoreError, type GraphStore } from "../graph/store.js";
import { keepFilesPrivate } from "../private-files.js";

/** Exit code when the embedded graph is held by another process (usually the server). */
export const EXIT_GRAPH_IN_USE = 3;

export async function openStoreOrExit(env: Env): Promise<GraphStore> {
  // The embedded graph's folder, and any backup written, are the user's only.
  keepFilesPrivate(env.NEO4J_URI ? undefined : env.DATA_DIR);
  try {
    return await openStore(env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(error instanceof StoreError && /in use by another process/.test((error as Error).message) ? EXIT_GRAPH_IN_USE : 1);
  }
}
