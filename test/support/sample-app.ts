/** The real app on port 0 over a fresh graph seeded with the Chaoyang sample. */
import type { AddressInfo } from "node:net";
import { createApp, type AppOptions } from "../../server/app.js";
import type { GraphStore } from "../../server/graph/store.js";
import { loadSample } from "../../seed/load-sample.js";
import type { SampleGraph } from "../../seed/sample.js";
import { openTestStore } from "./store.js";

export interface RunningApp {
  url: string;
  store: GraphStore;
  close(): Promise<void>;
}

export async function startApp(seed: (store: GraphStore) => Promise<void>, options: AppOptions = {}): Promise<RunningApp> {
  const test = await openTestStore();
  await seed(test.store);
  const server = createApp(test.store, { logError: () => undefined, ...options }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store: test.store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await test.close();
    },
  };
}

export function startSampleApp(options: AppOptions & { sample?: SampleGraph } = {}): Promise<RunningApp> {
  return startApp((store) => loadSample(store, options.sample), options);
}
