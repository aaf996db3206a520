import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { benchChains, writeBenchExport } from "../../seed/generate/bench-data.js";
import { ImportJobWithReport } from "../../server/model/api.js";
import { limitFileSize, smallDisk, startServer, stopAll, type RunningServer } from "../support/disk-faults.js";
import type { ApiFetch } from "../support/sample-app.js";
import { writeSampleGraph } from "../support/store.js";

// Storage faults met by the running server, made real: a file-size limit on the server's
// process (EFBIG, and writes cut short), and a small disk of its own filled to the last
// byte (ENOSPC). Nothing acknowledged may be lost, reads go on, the failing action says
// what, where and what to do, and writes work again once the disk takes them.
const embedded = !process.env.NEO4J_URI;
const work = mkdtempSync(path.join(tmpdir(), "chainatlas-faults-"));
const seedDir = path.join(work, "seed");
let csv: string;
let bigCsv: string;

beforeAll(async () => {
  if (!embedded) return;
  await writeSampleGraph(seedDir);
  csv = path.join(work, "firms.csv");
  await writeBenchExport(csv, { firms: 300, seed: 21, segments: benchChains({ chains: 1, segmentsPerChain: 10 }, 21).segments });
  bigCsv = path.join(work, "more-firms.csv");
  await writeBenchExport(bigCsv, { firms: 4000, seed: 22, segments: benchChains({ chains: 1, segmentsPerChain: 10 }, 22).segments });
}, 300_000);
afterAll(() => {
  stopAll();
  rmSync(work, { recursive: true, force: true });
});

async function createFirm(api: ApiFetch, name: string) {
  const res = await api("/api/firms", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, regionCode: "211382" }) });
  const body = (await res.json()) as { id?: string; error?: { code: string; message: string; details: { where: string; errno: string } } };
  return { status: res.status, ...body };
}

const firmThere = async (api: ApiFetch, id: string) => (await api(`/api/firms/${id}`)).status;
const walBytes = (dataDir: string) => statSync(path.join(dataDir, "graph.kuzu.wal"), { throwIfNoEntry: false })?.size ?? 0;

async function importFile(api: ApiFetch, file = csv) {
  const form = new FormData();
  form.append("file", new Blob([readFileSync(file)]), "firms.csv");
  return api("/api/imports?mode=commit", { method: "POST", body: form });
}

async function finished(api: ApiFetch, id: string): Promise<ImportJobWithReport> {
  for (const started = Date.now(); ; ) {
    const job = ImportJobWithReport.parse(await (await api(`/api/imports/${id}`)).json());
    if (job.status === "done" || job.status === "failed") return job;
    if (Date.now() - started > 60_000) throw new Error(`Import ${id} still says ${job.status} after a minute`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(embedded)("a write the disk refuses (a file-size limit on the server: EFBIG)", () => {
  let server: RunningServer | null = null;
  afterAll(async () => void (await server?.stop("SIGKILL")));

  it("answers 507 saying what, where and what to do, goes on serving reads, and writes again once the disk takes them, without a restart", async () => {
    const dataDir = path.join(work, "efbig");
    cpSync(seedDir, dataDir, { recursive: true });
    server = await startServer(dataDir);
    const acked = await createFirm(server.api, "落盘测试甲公司");
    expect(acked.status).toBe(201);

    // The log may not grow by another byte: the next commit is written in part, then refused.
    limitFileSize(server.process.pid!, walBytes(dataDir) + 1);
    const cutShort = await createFirm(server.api, "落盘测试乙公司");
    expect(cutShort.status, JSON.stringify(cutShort)).toBe(507);
    expect(cutShort.error!.code).toBe("write_failed");
    expect(cutShort.error!.message).toMatch(/^无法写入 .*graph\.kuzu/);
    expect(cutShort.error!.message).toMatch(/这次操作没有写入任何内容，之前保存的数据都在/);
    expect(cutShort.error!.message).toMatch(/后重试。服务无需重启，浏览和查询不受影响。$/);
    // While the disk refuses, every write says so, and the server lives.
    const refused = await createFirm(server.api, "落盘测试丙公司");
    expect(refused.status).toBe(507);
    // Reads go on, and show every acknowledged write (Kùzu's memory after the refused commit hid it).
    expect(await firmThere(server.api, acked.id!)).toBe(200);
    expect((await server.api("/api/zones")).status).toBe(200);
    expect(server.process.exitCode).toBeNull();

    // The disk takes writes again: so does the graph.
    limitFileSize(server.process.pid!, "unlimited");
    const after = await createFirm(server.api, "落盘测试丁公司");
    expect(after.status, JSON.stringify(after)).toBe(201);

    expect((await server.stop()).code).toBe(0);
    server = await startServer(dataDir);
    expect(await firmThere(server.api, acked.id!)).toBe(200);
    expect(await firmThere(server.api, after.id!)).toBe(200);
    // What was refused was not written.
    const found = async (name: string) => ((await (await server!.api(`/api/search?q=${encodeURIComponent(name)}`)).json()) as { firms: { name: string }[] }).firms.map((f) => f.name);
    expect(await found("落盘测试丁公司")).toContain("落盘测试丁公司");
    expect(await found("落盘测试乙公司")).not.toContain("落盘测试乙公司");
    expect(await found("落盘测试丙公司")).not.toContain("落盘测试丙公司");
    await server.stop();
    server = null;
  }, 180_000);

  it("an import the disk refuses midway ends as failed, says why, and its end is saved once the disk takes it", async () => {
    const dataDir = path.join(work, "efbig-import");
    cpSync(seedDir, dataDir, { recursive: true });
    server = await startServer(dataDir);
    const started = await importFile(server.api, bigCsv);
    expect(started.status).toBe(202);
    // From here no file may grow: the staged rows, the log, the job's own record.
    limitFileSize(server.process.pid!, walBytes(dataDir) + 1);
    const { id } = (await started.json()) as { id: string };
    const job = await finished(server.api, id);
    expect(job.status).toBe("failed");
    expect(job.error).toMatch(/^无法写入 .*这次操作没有写入任何内容/);
    expect((await server.api("/api/zones")).status).toBe(200);

    limitFileSize(server.process.pid!, "unlimited");
    expect((await finished(server.api, id)).status).toBe("failed");
    expect((await server.stop()).code).toBe(0);
    server = await startServer(dataDir);
    // Its end was saved, not found cut off by the stop.
    const saved = await finished(server.api, id);
    expect(saved.error).toBe(job.error);
    expect(saved.report).toBeNull();
    await server.stop();
    server = null;
  }, 180_000);

  it("stopped while the disk still refuses writes, the graph opens at the next start with every acknowledged write", async () => {
    const dataDir = path.join(work, "efbig-stop");
    cpSync(seedDir, dataDir, { recursive: true });
    server = await startServer(dataDir);
    const acked = await createFirm(server.api, "停机测试甲公司");
    expect(acked.status).toBe(201);
    limitFileSize(server.process.pid!, walBytes(dataDir) + 1);
    expect((await createFirm(server.api, "停机测试乙公司")).status).toBe(507);
    expect(await firmThere(server.api, acked.id!)).toBe(200);
    expect((await server.stop()).code, server.said()).toBe(0);

    server = await startServer(dataDir);
    expect(await firmThere(server.api, acked.id!)).toBe(200);
    expect((await createFirm(server.api, "停机测试丙公司")).status).toBe(201);
    await server.stop();
    server = null;
  }, 180_000);
});

describe.runIf(embedded)("a full disk (a small disk of the server's own: ENOSPC)", () => {
  let server: RunningServer | null = null;
  let disk: Awaited<ReturnType<typeof smallDisk>> | null = null;
  afterAll(async () => {
    await server?.stop("SIGKILL");
    disk?.close();
  });

  for (const [title, reserveMiB] of [
    ["with room kept free (MIN_FREE_DISK_MIB), refuses writes before they reach the graph", "8"],
    ["with no room kept free, the graph's own write fails", "0"],
  ] as const)
    it(`${title}; reads go on, uploads say the disk is full, and once space is back writes and imports work without a restart`, async () => {
      disk = await smallDisk(path.join(work, `disk-${reserveMiB}`), 110);
      cpSync(seedDir, path.join(disk.outside, "data"), { recursive: true });
      mkdirSync(path.join(disk.outside, "tmp"));
      const env = { MIN_FREE_DISK_MIB: reserveMiB, TMPDIR: path.join(disk.dir, "tmp") };
      server = await startServer(path.join(disk.dir, "data"), { env, prefix: disk.prefix, dataDirOutside: path.join(disk.outside, "data") });
      const acked = await createFirm(server.api, "满盘测试甲公司");
      expect(acked.status).toBe(201);

      expect(disk.fill()).toBeGreaterThan(0);
      const refused = await createFirm(server.api, "满盘测试乙公司");
      expect(refused.status, JSON.stringify(refused)).toBe(507);
      expect(refused.error!.message).toMatch(reserveMiB === "0" ? /无法写入 .*graph\.kuzu/ : /磁盘剩余空间只剩 .*MIN_FREE_DISK_MIB/);
      // A second write on the full disk: refused again, the server alive.
      expect((await createFirm(server.api, "满盘测试丙公司")).status).toBe(507);
      expect(await firmThere(server.api, acked.id!)).toBe(200);
      expect((await server.api("/api/zones")).status).toBe(200);

      const upload = await importFile(server.api);
      const answer = (await upload.json()) as { error?: { code: string; message: string } };
      expect(upload.status, JSON.stringify(answer)).toBe(507);
      expect(answer.error!.code).toBe("disk_full");
      expect(answer.error!.message).toMatch(/无法写入 .*uploads.*磁盘已满/);
      expect(readdirSync(path.join(disk.outside, "data", "uploads")).filter((name) => name.endsWith(".csv"))).toEqual([]);

      disk.free();
      const after = await createFirm(server.api, "满盘测试丁公司");
      expect(after.status, JSON.stringify(after)).toBe(201);
      const started = await importFile(server.api);
      expect(started.status).toBe(202);
      const job = await finished(server.api, ((await started.json()) as { id: string }).id);
      expect(job.status, job.error ?? "").toBe("done");

      expect((await server.stop()).code).toBe(0);
      server = await startServer(path.join(disk.dir, "data"), { env, prefix: disk.prefix, dataDirOutside: path.join(disk.outside, "data") });
      expect(await firmThere(server.api, acked.id!)).toBe(200);
      expect(await firmThere(server.api, after.id!)).toBe(200);
      await server.stop();
      server = null;
      disk.close();
      disk = null;
    }, 240_000);
});

describe.runIf(embedded)("a start on a full disk after a crash", () => {
  it.each([
    // Without room kept free, the replay is tried and the disk refuses it.
    ["0", /上次没有正常关闭.*磁盘拒绝了写入.*图谱和日志都原样保留.*请清理或扩容该磁盘/s],
    // With room kept free, the replay is not even tried on a disk short of it.
    ["8", /上次没有正常关闭.*磁盘剩余空间不足.*MIN_FREE_DISK_MIB.*图谱和日志都原样保留.*请清理或扩容该磁盘/s],
  ])("with MIN_FREE_DISK_MIB=%s, stops saying why, keeps the graph and its log, and starts once space is back", async (reserveMiB, said) => {
    const disk = await smallDisk(path.join(work, `disk-restart-${reserveMiB}`), 110);
    try {
      cpSync(seedDir, path.join(disk.outside, "data"), { recursive: true });
      const data = path.join(disk.dir, "data");
      const outside = path.join(disk.outside, "data");
      const options = { env: { MIN_FREE_DISK_MIB: reserveMiB }, prefix: disk.prefix, dataDirOutside: outside };
      let server = await startServer(data, options);
      const acked = await createFirm(server.api, "重启测试甲公司");
      expect(acked.status).toBe(201);
      await server.stop("SIGKILL");
      const log = walBytes(outside);
      expect(log).toBeGreaterThan(0);

      disk.fill();
      await expect(startServer(data, options)).rejects.toThrow(said);
      expect(walBytes(outside)).toBeGreaterThan(0);

      disk.free();
      server = await startServer(data, options);
      expect(server.said()).toMatch(/not closed cleanly/);
      expect(await firmThere(server.api, acked.id!)).toBe(200);
      expect((await server.stop()).code).toBe(0);
    } finally {
      disk.close();
    }
  }, 180_000);
});

describe.runIf(embedded)("the first admin's password, when it cannot be written down", () => {
  it("stops the start saying so, creates no admin, and the next start writes a password that logs in", async () => {
    const dataDir = path.join(work, "first-start");
    cpSync(seedDir, dataDir, { recursive: true });
    // The file's name taken by a folder: writing it fails, as on a full or broken disk.
    mkdirSync(path.join(dataDir, "initial-admin.txt"));
    await expect(startServer(dataDir)).rejects.toThrow(/initial-admin\.txt/);
    rmSync(path.join(dataDir, "initial-admin.txt"), { recursive: true });
    // Before, the admin was created first: this start found a user, wrote no file, and no one could log in.
    const server = await startServer(dataDir);
    expect((await server.api("/api/users")).status).toBe(200);
    await server.stop();
  }, 180_000);
});
