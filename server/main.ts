/** `npm start`: open the graph (seeding the Chaoyang sample on first start) and serve the app. */
import { createServer } from "node:http";
import path from "node:path";
import { seedIfEmpty } from "../seed/load-sample.js";
import { stopSnapshots } from "./services/history.js";
import { createApp } from "./app.js";
import { ensureInitialAdmin, INITIAL_ADMIN_FILE } from "./accounts/accounts.js";
import { firmKeys } from "./imports/firm-keys.js";
import { failInterruptedJobs, removeOrphanFiles } from "./imports/jobs.js";
import { readEnv, type Env } from "./env.js";
import { describeStore, openStore } from "./graph/open-store.js";
import { keepFilesPrivate } from "./private-files.js";
import { inBackground, requestsQuiet } from "./request-timing.js";
import { prepareFirmIndex } from "./services/firm-search.js";
import { auditIndex } from "./audit/audit-index.js";
import { linkFacts } from "./services/link-facts.js";
import { scoringFacts } from "./services/scoring-facts.js";

// Everything that can be wrong with the configuration or the port is found before the
// graph is opened, seeded or given an admin.
const env = readEnvOrExit();
const server = await listenOrExit(env);
keepFilesPrivate(env.DATA_DIR);
const store = await openStore(env).catch(exitSaying);
if (await seedIfEmpty(store)) console.log(`The graph (${describeStore(env)}) was empty: loaded the Chaoyang sample.`);
const adminPassword = await ensureInitialAdmin(store, env.DATA_DIR).catch(exitSaying);
if (adminPassword) {
  const file = path.resolve(env.DATA_DIR, INITIAL_ADMIN_FILE);
  console.log(`No users yet: created "admin" with password ${adminPassword} (also in ${file}, readable by you only).`);
  console.log(`Log in, add your team under 用户管理, then delete that file.`);
}
// On Neo4j other instances may share the graph and run imports of their own: only jobs
// whose instance went silent are failed, at start and then every minute.
const othersMayRun = store.engine === "neo4j";
const interrupted = await failInterruptedJobs(store, { othersMayRun });
if (interrupted) console.log(`${interrupted} import(s) were cut off by the last stop and wrote nothing; they are marked failed.`);
if (othersMayRun) setInterval(() => void failInterruptedJobs(store, { othersMayRun }).catch((error) => console.error(error)), 60_000).unref();
const uploadDir = path.resolve(env.DATA_DIR, "uploads");
const orphans = await removeOrphanFiles(store, uploadDir);
if (orphans) console.log(`Removed ${orphans} upload(s) and staging folder(s) left by imports that were cut off.`);
const app = createApp(store, {
  trustProxy: env.TRUST_PROXY,
  allowedOrigins: env.ALLOWED_ORIGINS,
  uploadDir,
  maxUploadBytes: env.IMPORT_MAX_MIB * 1024 * 1024,
});
server.removeAllListeners("request");
server.on("request", app);
console.log(`ChainAtlas on http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${env.PORT} — graph: ${describeStore(env)}`);
// The embedded graph's layers kept in memory are built now rather than at their first use,
// in the order a team needs them after a start: first the facts a target ranking weighs
// (the scoring facts and the links between firms, the longest read), then side by side the
// audit log's index (the cockpit's latest changes, the audit screen), the firm search
// index and the firms' keys an import matches its rows by. They read in the background: a
// request's reads go first, and one read connection is left to them
// (docs/decisions/041-start-up-warm-ups.md). A first use before its turn builds it at once
// (the warm-up then finds it built); each first use tries again after a failure.
function warm<T>(what: string, build: () => Promise<T>, ready: (built: T) => string): Promise<void> {
  const t0 = performance.now();
  return build().then(
    (built) => console.log(`${what} ready: ${ready(built)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`),
    (error: Error) => {
      if (!stopping) console.error(`${what} could not be built (its first use will try again): ${error.message}`);
    },
  );
}
if (store.engine === "kuzu") {
  // Each step starts once requests have left the server alone for a moment (at most a few
  // seconds after it was due), so the first answers asked the moment it is up run alone.
  const quiet = () => requestsQuiet(250, 5_000);
  void inBackground(async () => {
    await quiet();
    await warm("Scoring facts", () => Promise.all([scoringFacts(store), linkFacts(store)]), ([facts]) => `${facts.firms.size.toLocaleString("en-US")} firms`);
    await quiet();
    await Promise.all([
      warm("Audit log index", () => auditIndex(store), (index) => `${index.size.toLocaleString("en-US")} entries`),
      warm("Search index", () => prepareFirmIndex(store), ({ firms, bytes }) => `${firms.toLocaleString("en-US")} firms, ${Math.round(bytes / 2 ** 20)} MiB`),
      warm("Firm keys for imports", () => firmKeys(store), (known) => `${known.firms.toLocaleString("en-US")} firms`),
    ]);
  });
}

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  server.close();
  await stopSnapshots(store);
  await store.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

/** A start that cannot go on (bad configuration, a graph that cannot be opened, an admin's password that cannot be written down) says why and exits 1. */
function exitSaying(error: Error): never {
  console.error(error.message);
  process.exit(1);
}

function readEnvOrExit(): Env {
  try {
    return readEnv();
  } catch (error) {
    return exitSaying(error as Error);
  }
}

/** Holds the port from the start (answering 503 until the app is ready), or says why it cannot. */
async function listenOrExit({ PORT, HOST }: Env) {
  const starting = createServer((_req, res) => {
    res.writeHead(503, { "content-type": "application/json", "retry-after": "5" });
    res.end(JSON.stringify({ error: { code: "starting", message: "ChainAtlas 正在启动，请稍后再试", details: null } }));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      starting.once("error", reject);
      starting.listen(PORT, HOST, () => resolve());
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") console.error(`Port ${PORT} on ${HOST} is taken: stop the other program or set PORT.`);
    else if (code === "EACCES") console.error(`Not allowed to listen on port ${PORT}: pick a port above 1023 with PORT.`);
    else console.error(`Cannot listen on ${HOST}:${PORT} (PORT, HOST): ${(error as Error).message}`);
    process.exit(1);
  }
  starting.on("error", (error) => console.error(error.message));
  return starting;
}
