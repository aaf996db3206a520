/** `npm start`: open the graph (seeding the Chaoyang sample on first start) and serve the app. */
import { loadSample, isEmpty } from "../seed/load-sample.js";
import { createApp } from "./app.js";
import { readEnv } from "./env.js";
import { describeStore, openStore } from "./graph/open-store.js";

const env = readEnv();
const store = await openStore(env);
if (await isEmpty(store)) {
  console.log(`Empty graph (${describeStore(env)}): loading the Chaoyang sample…`);
  await loadSample(store);
}
const server = createApp(store).listen(env.PORT, env.HOST, () => {
  console.log(`ChainAtlas on http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT} — graph: ${describeStore(env)}`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  server.close();
  await store.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
