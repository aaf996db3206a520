import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSampleGraph } from "../support/store.js";

// The backup and restore commands met by a disk that refuses their writes, and by a kill -9
// in their middle: no backup that looks complete unless it is, the graph as it was, and the
// same command run again does the job.
const embedded = !process.env.NEO4J_URI;
const work = mkdtempSync(path.join(tmpdir(), "chainatlas-backup-faults-"));
const seedDir = path.join(work, "seed");

beforeAll(async () => {
  if (!embedded) return;
  await writeSampleGraph(seedDir);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The command line of `npm run backup|restore -- file` on DATA_DIR, optionally with a file-size limit (EFBIG past it). */
function command(action: "backup" | "restore", dataDir: string, file: string, fileSizeLimit?: number) {
  const node = [process.execPath, "--import", "tsx", "server/cli/backup.ts", action, file];
  const argv = fileSizeLimit ? ["prlimit", `--fsize=${fileSizeLimit}:unlimited`, ...node] : node;
  return { argv, env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: "", KUZU_BUFFER_POOL_MIB: "256" } };
}

function run(action: "backup" | "restore", dataDir: string, file: string, fileSizeLimit?: number) {
  const { argv, env } = command(action, dataDir, file, fileSizeLimit);
  const result = spawnSync(argv[0]!, argv.slice(1), { env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, said: `${result.stdout}${result.stderr}` };
}

/** Starts the command and kills it (SIGKILL) once `when` holds; gives whether it was killed before it ended. */
async function killMidway(action: "backup" | "restore", dataDir: string, file: string, when: () => boolean): Promise<boolean> {
  const { argv, env } = command(action, dataDir, file);
  const child = spawn(argv[0]!, argv.slice(1), { env, stdio: "ignore" });
  const ended = new Promise((resolve) => child.once("exit", resolve));
  for (;;) {
    if (child.exitCode !== null) return false;
    if (when()) {
      child.kill("SIGKILL");
      await ended;
      return child.signalCode === "SIGKILL";
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

const rowsOf = (file: string) => readFileSync(file, "utf8").trim().split("\n").slice(1, -1).sort();
const leftovers = (dir: string, name: string) => readdirSync(dir).filter((f) => f.startsWith(name) && f !== name);

describe.runIf(embedded)("a backup the disk refuses", () => {
  it("exits 1 saying which file could not be written and what to do, leaves no file that looks like a backup, and works when run again", async () => {
    const dataDir = path.join(work, "refused");
    cpSync(seedDir, dataDir, { recursive: true });
    const out = path.join(work, "refused-out");
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const file = path.join(out, "backup.jsonl");

    const refused = run("backup", dataDir, file, 256 * 1024);
    expect(refused.code, refused.said).toBe(1);
    expect(refused.said).toMatch(/无法写入 .*backup\.jsonl\.(partial|tables).*文件超出系统允许的大小|无法写入 .*backup\.jsonl\.(partial|tables).*只写入了一部分/s);
    expect(refused.said).toMatch(/请清理或扩容该磁盘/);
    expect(existsSync(file)).toBe(false);
    expect(leftovers(out, "backup.jsonl")).toEqual([]);

    const again = run("backup", dataDir, file);
    expect(again.code, again.said).toBe(0);
    const restored = path.join(work, "refused-restored");
    expect(run("restore", restored, file).code).toBe(0);
    const second = path.join(out, "second.jsonl");
    expect(run("backup", restored, second).code).toBe(0);
    expect(rowsOf(second)).toEqual(rowsOf(file));
  }, 240_000);
});

describe.runIf(embedded)("a kill -9 in the middle", () => {
  it("of a backup: the same command run again writes a whole backup and leaves nothing behind", async () => {
    const dataDir = path.join(work, "kill-backup");
    cpSync(seedDir, dataDir, { recursive: true });
    const out = mkdtempSync(path.join(work, "kill-backup-out-"));
    const file = path.join(out, "backup.jsonl");
    // Killed while the engine exports the tables, then while the file is written.
    expect(await killMidway("backup", dataDir, file, () => existsSync(`${file}.tables`) && readdirSync(`${file}.tables`).length > 0)).toBe(true);
    expect(existsSync(file)).toBe(false);
    expect(await killMidway("backup", dataDir, file, () => existsSync(`${file}.partial`))).toBe(true);
    expect(existsSync(file)).toBe(false);

    const again = run("backup", dataDir, file);
    expect(again.code, again.said).toBe(0);
    expect(leftovers(out, "backup.jsonl")).toEqual([]);
    const restored = path.join(work, "kill-backup-restored");
    expect(run("restore", restored, file).code).toBe(0);
  }, 240_000);

  it("of a restore: the graph holds the whole backup or nothing, and running the restore again finishes it", async () => {
    const file = path.join(work, "for-restore.jsonl");
    expect(run("backup", seedDir, file).code).toBe(0);
    // How long a whole restore takes; the kills fall at a share of it.
    const started = Date.now();
    expect(run("restore", path.join(work, "kill-restore-whole"), file).code).toBe(0);
    const whole = Date.now() - started;
    const outcomes: string[] = [];
    for (const [i, delay] of [0.25, 0.4, 0.55].map((share) => Math.round(share * whole)).entries()) {
      const dataDir = path.join(work, `kill-restore-${i}`);
      const started = Date.now();
      const killed = await killMidway("restore", dataDir, file, () => Date.now() - started > delay);
      const again = run("restore", dataDir, file);
      const check = path.join(work, `kill-restore-${i}.jsonl`);
      expect(run("backup", dataDir, check).code).toBe(0);
      // Run again: restored, or refused because the first one had finished — never a graph in between.
      if (again.code !== 0) expect(again.said).toMatch(/empty graph/);
      // What the cut-off restore staged is gone with the next one.
      expect(existsSync(path.join(dataDir, "restore-staging"))).toBe(false);
      expect(rowsOf(check)).toEqual(rowsOf(file));
      outcomes.push(`${killed ? "killed" : "ended"} after ${delay} ms: ${again.code === 0 ? "restored when run again" : "already whole"}`);
    }
    console.log(outcomes.join("\n"));
    expect(outcomes.some((outcome) => outcome.startsWith("killed")), outcomes.join("; ")).toBe(true);
  }, 300_000);
});
