/**
 * `npm start` and the command-line tools as an administrator meets them: a wrong setting
 * or a taken port stops the server before anything is written, what they write is theirs
 * only, and a tool that finds the graph held by the server says so and exits 3.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const embedded = !process.env.NEO4J_URI;
const root = mkdtempSync(path.join(tmpdir(), "chainatlas-start-checks-"));
const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill("SIGTERM");
  rmSync(root, { recursive: true, force: true });
});

const basePort = 25000 + (process.pid % 5000);
const envFor = (dataDir: string, extra: Record<string, string> = {}) => ({ ...process.env, DATA_DIR: dataDir, HOST: "127.0.0.1", NEO4J_URI: "", ...extra });

/** Runs the server to its end (it is expected to stop by itself). */
function startToFailure(dataDir: string, extra: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "server/main.ts"], { env: envFor(dataDir, extra), encoding: "utf8", timeout: 60_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], { env: envFor(dataDir, { PORT: String(port) }), stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not start:\n${output}`);
}

const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));

/** Every file and folder under `dir` (and `dir` itself) with permission bits for others. */
function openToOthers(dir: string): string[] {
  const found: string[] = [];
  const visit = (p: string) => {
    const stat = statSync(p);
    if (stat.mode & 0o077) found.push(`${path.relative(root, p) || p} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return found;
}

describe.runIf(embedded)("starting with a wrong setting", () => {
  it("stops at once naming TRUST_PROXY when it is not a hop count, range or address; nothing is written", () => {
    const dataDir = path.join(root, "bad-proxy");
    const { code, output } = startToFailure(dataDir, { TRUST_PROXY: "yes please", PORT: String(basePort) });
    expect(code).toBe(1);
    expect(output).toMatch(/TRUST_PROXY/);
    expect(output).not.toMatch(/at .*\(/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("stops at once naming ALLOWED_ORIGINS when one is not an origin", () => {
    const { code, output } = startToFailure(path.join(root, "bad-origins"), { ALLOWED_ORIGINS: "https://ok.example.cn, not an origin", PORT: String(basePort) });
    expect(code).toBe(1);
    expect(output).toMatch(/ALLOWED_ORIGINS/);
  });

  it("stops naming the port when it is taken, before the graph is seeded or an admin made", async () => {
    const dataDir = path.join(root, "port-taken");
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(basePort + 1, "127.0.0.1", resolve));
    try {
      const { code, output } = startToFailure(dataDir, { PORT: String(basePort + 1) });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${basePort + 1}`);
      expect(output).not.toContain("loaded the Chaoyang sample");
      expect(existsSync(path.join(dataDir, "graph.kuzu"))).toBe(false);
      expect(existsSync(path.join(dataDir, "initial-admin.txt"))).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe.runIf(embedded)("what the server and the tools write", () => {
  const dataDir = path.join(root, "data");

  it("keeps the data folder, the graph's files and the admin's password to the server's user", async () => {
    // A data folder made earlier with the usual 0755 is tightened.
    rmSync(dataDir, { recursive: true, force: true });
    spawnSync("mkdir", ["-m", "755", dataDir]);
    const server = await startServer(dataDir, basePort + 2);
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(["graph.kuzu", "initial-admin.txt"]));
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(openToOthers(dataDir)).toEqual([]);

    // npm run seed while the server holds the graph: exit 3, like the other tools.
    const seed = spawnSync(process.execPath, ["--import", "tsx", "seed/cli.ts"], { env: envFor(dataDir), encoding: "utf8", timeout: 60_000 });
    expect(seed.status).toBe(3);
    expect(seed.stderr).toMatch(/in use by another process/);

    server.kill("SIGTERM");
    await stopped(server);
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it("writes backups readable by their owner only", () => {
    const file = path.join(root, "backup.jsonl");
    chmodSync(root, 0o755);
    const backup = spawnSync(process.execPath, ["--import", "tsx", "server/cli/backup.ts", "backup", file], { env: envFor(dataDir), encoding: "utf8", timeout: 120_000 });
    expect(backup.status, backup.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(openToOthers(dataDir)).toEqual([]);
  });
});
