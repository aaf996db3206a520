import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { ImportJobWithReport } from "../../server/model/api.js";
import { writeBackup } from "../../server/services/backup.js";
import { importedFirmId, importFirms } from "../../server/imports/import-firms.js";
import { benchChains, writeBenchExport } from "../../seed/generate/bench-data.js";
import { initialAdminFetch } from "../support/sample-app.js";
import { writeSampleGraph } from "../support/store.js";

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
 * restart), without accounts, sessions and audit entries (logging in writes them) and
 * without the history snapshots the server itself takes of the figures after writes.
 */
async function rowsOf(dataDir: string): Promise<string[]> {
  const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"));
  const out = path.join(work, `dump-${Date.now()}.jsonl`);
  await writeBackup(store, out);
  await store.close();
  return readFileSync(out, "utf8").trim().split("\n").slice(1, -1).filter((l) => !/^\{"table":"(ImportJob|User|Session|AuditEntry|ChainSnapshot)"/.test(l)).sort();
}

/** One seeded graph, copied for each run, so every run starts from the very same bytes. */
const seedDir = path.join(work, "seed");
async function seeded(dataDir: string) {
  if (!existsSync(seedDir)) await writeSampleGraph(seedDir);
  cpSync(seedDir, dataDir, { recursive: true });
}

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", NEO4J_URI: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  // What the server said on its way out, for a failure's message.
  let said = "";
  server.stderr!.on("data", (chunk: Buffer) => (said = (said + chunk.toString()).slice(-4000)));
  server.on("exit", (code, signal) => {
    if (signal !== "SIGKILL" && signal !== "SIGTERM" && code !== 0) console.error(`The server on ${dataDir} stopped (exit ${code}, signal ${signal}): ${said}`);
  });
  return (async () => {
    for (let i = 0; i < 300; i++) {
      if (server.exitCode !== null || server.signalCode !== null) throw new Error(`The server stopped as it started (exit ${server.exitCode}, signal ${server.signalCode})`);
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

/** How many firms a graph holds, read from a backup of it (which checks itself). */
async function firmsIn(dataDir: string): Promise<number> {
  const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"));
  try {
    return (await writeBackup(store, path.join(work, `count-${Date.now()}.jsonl`))).Firm!;
  } finally {
    await store.close();
  }
}

describe.runIf(embedded)("a kill while an import commits and edits are saved, then a restart", () => {
  const ROUNDS = 5;
  const SMALL = 5_000;

  it(`comes back with the import whole or absent, its job saying which, and every saved edit kept (${ROUNDS} rounds)`, async () => {
    const small = path.join(work, "small.csv");
    await writeBenchExport(small, { firms: SMALL, seed: 12, segments: benchChains({ chains: 1, segmentsPerChain: 20 }, 12).segments });
    const reference = path.join(work, "small-reference");
    await seeded(reference);
    const firmsBefore = await firmsIn(reference);
    const store = await KuzuStore.open(path.join(reference, "graph.kuzu"));
    const links = (await store.read("firms/firm-segments", { id: "xuyang-coking" })).map((row) => String(row.segmentId));
    await store.close();
    // The commit lasts from the last row read (rowsDone = all) to the job's end: measured
    // in the first round, which is not killed; later rounds are killed somewhere in it.
    let window = 0;
    const outcomes: string[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      const dataDir = path.join(work, `commit-kill-${round}`);
      await seeded(dataDir);
      const port = 24000 + (process.pid % 5000) + Math.floor(Math.random() * 1000);
      let server = await startServer(dataDir, port);
      let api = await initialAdminFetch(`http://127.0.0.1:${port}`, dataDir);

      // An editor saves link after link; what was acknowledged must survive the kill (the
      // edit under way when it came may have landed or not).
      const saved = new Map<string, string>();
      let underWay: { segmentId: string; products: string } | null = null;
      const versions = new Map<string, number>();
      let editing = true;
      const editor = (async () => {
        for (let i = 0; editing; i++) {
          const segmentId = links[i % links.length]!;
          const products = `焦炭 ${round}-${i}`;
          underWay = { segmentId, products };
          try {
            const res = await api(`/api/firms/xuyang-coking/segments/${segmentId}`, {
              method: "PUT",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ version: versions.get(segmentId) ?? 1, products, confidence: 0.9 }),
            });
            if (res.ok) {
              versions.set(segmentId, ((await res.json()) as { version: number }).version);
              saved.set(segmentId, products);
            } else await res.arrayBuffer();
            underWay = null;
          } catch {
            return; // the server was killed
          }
        }
      })();

      const form = new FormData();
      form.append("file", new Blob([readFileSync(small)]), "small.csv");
      const { id } = (await (await api("/api/imports?mode=commit", { method: "POST", body: form })).json()) as { id: string };
      let committing: number | null = null;
      const killAfter = round === 0 ? Infinity : Math.random() * window;
      for (;;) {
        const job = ImportJobWithReport.parse(await (await api(`/api/imports/${id}`)).json());
        if (job.status === "done" || job.status === "failed") {
          if (round === 0) window = Date.now() - (committing ?? Date.now());
          break;
        }
        if (job.rowsDone >= SMALL) committing ??= Date.now();
        if (committing !== null && Date.now() - committing >= killAfter) {
          server.kill("SIGKILL");
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      editing = false;
      server.kill(round === 0 ? "SIGTERM" : "SIGKILL");
      await exited(server);
      await editor;
      if (round === 0) {
        expect(window).toBeGreaterThan(0);
        continue;
      }

      server = await startServer(dataDir, port);
      api = await initialAdminFetch(`http://127.0.0.1:${port}`, dataDir);
      const jobs = await api("/api/imports");
      expect(jobs.status).toBe(200);
      const job = ImportJobWithReport.parse(await (await api(`/api/imports/${id}`)).json());
      const now = new Map(((await (await api("/api/firms/xuyang-coking")).json()) as { segments: { segmentId: string; products: string }[] }).segments.map((l) => [l.segmentId, l.products]));
      server.kill("SIGTERM");
      await exited(server);

      const last = underWay as { segmentId: string; products: string } | null;
      for (const [segmentId, products] of saved)
        expect([products, ...(last?.segmentId === segmentId ? [last.products] : [])], `edit of ${segmentId}`).toContain(now.get(segmentId));
      const firms = await firmsIn(dataDir);
      expect([firmsBefore, firmsBefore + SMALL]).toContain(firms);
      expect(job.status).toBe(firms === firmsBefore ? "failed" : "done");
      outcomes.push(`${job.status} after ${Math.round(killAfter)} of ${window} ms`);
    }
    expect(outcomes).toHaveLength(ROUNDS);
  }, 900_000);
});

describe.runIf(embedded)("a kill after an import committed while others read", () => {
  const ROUNDS = 3;
  const ROWS = 15_000;

  it(`keeps the import and what was saved after it, or neither, as its result said (${ROUNDS} rounds)`, async () => {
    const rowsFile = path.join(work, "durable.csv");
    let firstFirm: { uscc: string | null; name: string; regionCode: string } | null = null;
    await writeBenchExport(rowsFile, { firms: ROWS, seed: 13, segments: benchChains({ chains: 1, segmentsPerChain: 20 }, 13).segments, onFirm: (firm) => (firstFirm ??= firm) });
    const firmId = importedFirmId(firstFirm!);
    for (let round = 0; round < ROUNDS; round++) {
      const dataDir = path.join(work, `durable-${round}`);
      await seeded(dataDir);
      const child = spawnSync(process.execPath, ["--import", "tsx", "test/support/import-then-crash.ts", dataDir, rowsFile, String(ROWS), firmId], { encoding: "utf8", timeout: 240_000 });
      expect(child.signal, child.stderr).toBe("SIGKILL");
      const said = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { imported: string; edited: boolean };

      const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"));
      try {
        const [firm] = await store.read("firms/get-firm", { id: firmId });
        const counts = await writeBackup(store, path.join(work, `durable-${round}.jsonl`));
        // What the import said is what the graph holds, and an edit saved is kept.
        expect({ round, imported: said.imported.slice(0, 200), present: firm !== undefined }).toEqual({ round, imported: "done", present: true });
        expect(counts.Firm).toBeGreaterThanOrEqual(ROWS);
        if (said.edited) expect(String(firm!.name)).toMatch(/（已核实）$/);
      } finally {
        await store.close();
      }
    }
  }, 900_000);
});

describe.runIf(embedded)("a graph whose log Kùzu cannot replay", () => {
  it("starts at its last checkpoint, says so, and keeps the log aside", async () => {
    const dataDir = path.join(work, "unreplayable");
    await seeded(dataDir);
    const firmsBefore = await firmsIn(dataDir);
    const made = spawnSync(process.execPath, ["--import", "tsx", "test/support/unreplayable-log.ts", path.join(dataDir, "graph.kuzu"), work], { encoding: "utf8", timeout: 120_000 });
    expect(made.stdout, made.stderr).toBe("ready\n");

    const port = 24000 + (process.pid % 5000) + Math.floor(Math.random() * 1000);
    const server = await startServer(dataDir, port);
    const api = await initialAdminFetch(`http://127.0.0.1:${port}`, dataDir);
    expect((await api("/api/imports")).status).toBe(200);
    expect((await api("/api/zones")).status).toBe(200);
    server.kill("SIGTERM");
    await exited(server);
    expect(server.exitCode).toBe(0);
    expect(readdirSync(dataDir).filter((name) => name.startsWith("graph.kuzu.wal.unreplayable-"))).toHaveLength(1);
    expect(await firmsIn(dataDir)).toBe(firmsBefore);
  });
});
