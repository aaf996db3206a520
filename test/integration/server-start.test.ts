import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ZoneList } from "../../server/model/api.js";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { initialAdminFetch } from "../support/sample-app.js";

// `npm start` minus the client build: the server seeds an empty embedded graph and serves.
const embedded = !process.env.NEO4J_URI;
const dataDir = mkdtempSync(path.join(tmpdir(), "chainatlas-start-"));
let server: ChildProcess | undefined;
afterAll(async () => {
  // The server closes the graph (and finishes a history snapshot under way) before it exits:
  // its folder goes once it has.
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(port: number): Promise<string> {
  server = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", NEO4J_URI: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return output;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start:\n${output}`);
}

describe.runIf(embedded)("starting the server", () => {
  it("seeds an empty graph with the sample and answers with the 7 zones; a second start keeps the data", async () => {
    const port = 21000 + (process.pid % 10000);
    const output = await start(port);
    expect(output).toContain("loaded the Chaoyang sample");
    expect(output).toMatch(/created "admin" with password \S+/);
    const anonymous = await fetch(`http://127.0.0.1:${port}/api/zones`);
    expect(anonymous.status).toBe(401);
    const api = await initialAdminFetch(`http://127.0.0.1:${port}`, dataDir);
    const zones = ZoneList.parse(await (await api("/api/zones")).json());
    expect(zones).toHaveLength(7);
    const stopped = new Promise((r) => server!.once("exit", r));
    server!.kill("SIGTERM");
    await stopped;

    const again = await start(port + 1);
    expect(again).not.toContain("loaded the Chaoyang sample");
    expect(again).not.toContain('created "admin"');
    const apiAgain = await initialAdminFetch(`http://127.0.0.1:${port + 1}`, dataDir);
    expect(ZoneList.parse(await (await apiAgain("/api/zones")).json())).toHaveLength(7);
  });

  it("marks imports cut off by a stop as failed at the next start, and removes the files they left", async () => {
    const stopped = new Promise((r) => server!.once("exit", r));
    server!.kill("SIGTERM");
    await stopped;
    const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"));
    await store.write([{ query: "imports/save-job", rows: [{ id: "imp-00000000-0000-0000-0000-000000000000", fileName: "a.csv", mode: "commit", source: "a", zoneId: null, status: "running", rowsDone: 10, rowsTotal: 100, createdAt: "2026-11-22T00:00:00Z", finishedAt: null, report: null, error: null, heartbeatAt: null }] }]);
    await store.close();
    // What a killed import leaves: its upload and its staging folder, named after the job;
    // and an upload of an older version, named at random.
    const uploads = path.join(dataDir, "uploads");
    mkdirSync(path.join(uploads, "imp-00000000-0000-0000-0000-000000000000"), { recursive: true });
    writeFileSync(path.join(uploads, "imp-00000000-0000-0000-0000-000000000000", "firms.csv"), "id\n");
    writeFileSync(path.join(uploads, "imp-00000000-0000-0000-0000-000000000000.csv"), "企业名称\n");
    writeFileSync(path.join(uploads, "0b7d6f9e-3c1a-4d2e-9f00-5a6b7c8d9e0f.xlsx"), "");
    const port = 23000 + (process.pid % 10000);
    const output = await start(port);
    expect(output).toContain("1 import(s) were cut off");
    expect(output).toContain("Removed 3 upload(s) and staging folder(s)");
    expect(readdirSync(uploads)).toEqual([]);
    const api = await initialAdminFetch(`http://127.0.0.1:${port}`, dataDir);
    const job = await (await api("/api/imports/imp-00000000-0000-0000-0000-000000000000")).json();
    expect(job).toMatchObject({ status: "failed", error: expect.stringContaining("wrote nothing") });
  });
});
