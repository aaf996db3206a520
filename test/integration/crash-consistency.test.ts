import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { ImportJobWithReport } from "../../server/model/api.js";
import { writeBackup } from "../../server/services/backup.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { loadSample } from "../../seed/load-sample.js";
import { benchChains, writeBenchExport } from "../../seed/generate/bench-data.js";
import { initialAdminFetch } from "../support/sample-app.js";

// kill -9 mid-import, then restart: the graph must equal the state before the import or
// the state after it, never something in between. Embedded engine: the test owns the files.
const embedded = !process.env.NEO4J_URI;
const work = mkdtempSync(path.join(tmpdir(), "chainatlas-crash-"));
const FIRMS = 15_000;
let file: string;
let before: string[];
let after: string[];

/**
 * A backup's rows without the import job records (a killed job is marked failed on
 * restart) and without accounts, sessions and audit entries (logging in writes them).
 */
async function rowsOf(dataDir: string): Promise<string[]> {
  const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"));
  const out = path.join(work, `dump-${Date.now()}.jsonl`);
  await writeBackup(store, out);
  await store.close();
  return readFileSync(out, "utf8").trim().split("\n").slice(1, -1).filter((l) => !/^\{"table":"(ImportJob|User|Session|AuditEntry)"/.test(l)).sort();
}

/** One seeded graph, copied for each run, so every run starts from the very same bytes. */
const seedDir = path.join(work, "seed");
async function seeded(dataDir: string) {
  if (!existsSync(seedDir)) {
    const store = await KuzuStore.open(path.join(seedDir, "graph.kuzu"));
    await store.ensureSchema();
    await loadSample(store);
    await store.close();
  }
  cpSync(seedDir, dataDir, { recursive: true });
}

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", NEO4J_URI: "" },
    stdio: "ignore",
  });
  return (async () => {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("server did not start");
  })();
}

const exited = (p: ChildProcess) => new Promise((r) => (p.exitCode !== null || p.signalCode !== null ? r(null) : p.once("exit", r)));

beforeAll(async () => {
  if (!embedded) return;
  file = path.join(work, "firms.csv");
  await writeBenchExport(file, { firms: FIRMS, seed: 11, segments: benchChains({ chains: 2, segmentsPerChain: 30 }, 11).segments });
  // The reference states: the seeded graph, and the same graph after a clean import.
  const reference = path.join(work, "reference");
  await seeded(reference);
  before = await rowsOf(reference);
  const store = await KuzuStore.open(path.join(reference, "graph.kuzu"));
  await importFirms(store, { importId: "imp-reference", path: file, fileName: "firms.csv", mode: "commit", actor: "test" });
  await store.close();
  after = await rowsOf(reference);
  expect(after.length).toBeGreaterThan(before.length + FIRMS);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.runIf(embedded)("a crash in the middle of an import", () => {
  it.each([
    ["while rows are read", (job: ImportJobWithReport) => job.rowsDone > 0 && job.rowsDone < FIRMS / 2],
    ["while the rows are written", (job: ImportJobWithReport) => job.rowsDone >= FIRMS],
  ])("leaves the graph as before or as after the import (killed %s)", async (_when, killWhen) => {
    const dataDir = path.join(work, `crash-${Math.random().toString(36).slice(2)}`);
    await seeded(dataDir);
    const port = 24000 + (process.pid % 5000) + Math.floor(Math.random() * 1000);
    let server = await startServer(dataDir, port);
    let api = await initialAdminFetch(`http://127.0.0.1:${port}`, dataDir);
    const form = new FormData();
    form.append("file", new Blob([readFileSync(file)]), "firms.csv");
    const { id } = (await (await api("/api/imports?mode=commit", { method: "POST", body: form })).json()) as { id: string };
    let killed = false;
    for (let i = 0; i < 2000 && !killed; i++) {
      const job = ImportJobWithReport.parse(await (await api(`/api/imports/${id}`)).json());
      if (job.status === "done" || job.status === "failed") break;
      if (killWhen(job)) {
        server.kill("SIGKILL");
        killed = true;
      } else await new Promise((r) => setTimeout(r, 20));
    }
    if (!killed) server.kill("SIGKILL");
    await exited(server);

    server = await startServer(dataDir, port);
    api = await initialAdminFetch(`http://127.0.0.1:${port}`, dataDir);
    const job = ImportJobWithReport.parse(await (await api(`/api/imports/${id}`)).json());
    server.kill("SIGTERM");
    await exited(server);
    const rows = await rowsOf(dataDir);
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    expect(same(rows, before) || same(rows, after), `${rows.length} rows; before ${before.length}, after ${after.length}`).toBe(true);
    if (same(rows, before)) expect(job.status).toBe("failed");
  });
});
