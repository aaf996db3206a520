import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportJobWithReport } from "../../server/model/api.js";
import { FIRM_ROWS, workbook, writeZip } from "../support/hostile-xlsx.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

// Uploads built to hurt: every failed import ends as failed with its reason and leaves
// nothing behind — no upload, no staging folder, no temporary file, no open descriptor —
// and a broken multipart body is a 400.

let app: RunningApp;
let dir: string;
let uploads: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-hostile-"));
  uploads = path.join(dir, "uploads");
  app = await startSampleApp({ uploadDir: uploads, maxUploadBytes: 32 * 2 ** 20 });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Descriptors of this process on files an import had: in the upload folder, deleted, or temporary. */
function importDescriptors(): string[] {
  const held: string[] = [];
  for (const fd of readdirSync("/proc/self/fd")) {
    let target: string;
    try {
      target = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      continue; // closed meanwhile
    }
    if (target.startsWith(dir) || target.endsWith("(deleted)") || /\/tmp-\d+|chainatlas-import-/.test(target)) held.push(target);
  }
  return held;
}

const leftInUploads = () => readdirSync(uploads, { recursive: true });

async function upload(body: Buffer, name: string, mode = "commit"): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(body)]), name);
  const res = await app.fetch(`/api/imports?mode=${mode}`, { method: "POST", body: form });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function ended(id: string, seconds = 60): Promise<ImportJobWithReport> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const job = ImportJobWithReport.parse(await (await app.fetch(`/api/imports/${id}`)).json());
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} still running after ${seconds} s`);
}

/** Waits for the files and descriptors of ended imports to go (they close asynchronously). */
async function nothingLeft(): Promise<{ files: unknown[]; descriptors: string[] }> {
  for (let i = 0; i < 40; i++) {
    if (leftInUploads().length === 0 && importDescriptors().length === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { files: leftInUploads(), descriptors: importDescriptors() };
}

function hostile(name: string, parts: Parameters<typeof writeZip>[1]): Buffer {
  const file = path.join(dir, name);
  writeZip(file, parts);
  const bytes = readFileSync(file);
  rmSync(file);
  return bytes;
}

describe("an import of a file that cannot be imported", () => {
  it("ends as failed with its reason, and releases its upload, staging folder and descriptors", async () => {
    expect(importDescriptors()).toEqual([]);
    const whole = readFileSync(path.join(import.meta.dirname, "../fixtures/imports/title-rows.xlsx"));
    const cases: [string, Buffer, RegExp][] = [
      ["cut.xlsx", whole.subarray(0, Math.floor(whole.length * 0.6)), /不完整或已损坏/],
      ["no-header.csv", Buffer.from("名单\n甲,乙\n丙,丁\n"), /No header row found/],
      ["not-a-workbook.xlsx", Buffer.from("企业名称,地址\n"), /不完整或已损坏/],
      ["empty-sheet.xlsx", hostile("a.xlsx", workbook([...FIRM_ROWS, { text: " ".repeat(2 ** 20), repeat: 1024 }])), /展开后过大/],
      ["liar.xlsx", hostile("b.xlsx", workbook([...FIRM_ROWS, { text: " ".repeat(2 ** 20), repeat: 20 }], null, { sheetDeclaredSize: 4096 })), /已损坏/],
    ];
    for (const [name, body, reason] of cases) {
      const job = await ended(await upload(body, name));
      expect([name, job.status]).toEqual([name, "failed"]);
      expect(job.error).toMatch(reason);
    }
    expect(await nothingLeft()).toEqual({ files: [], descriptors: [] });
  });

  it("refuses two shared-string bombs at once, each with its reason, in bounded memory, and keeps serving", async () => {
    const perPiece = 65_536;
    const bomb = hostile("c.xlsx", workbook(FIRM_ROWS, [{ text: "<si><t>x</t></si>".repeat(perPiece), repeat: Math.ceil(30_000_000 / perPiece) }]));
    expect(bomb.length).toBeLessThan(5 * 2 ** 20);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const jobs = await Promise.all([upload(bomb, "bomb-1.xlsx"), upload(bomb, "bomb-2.xlsx")].map(async (id) => ended(await id)));
      for (const job of jobs) {
        expect(job.status).toBe("failed");
        expect(job.error).toMatch(/展开后过大|共享字符串/);
      }
    } finally {
      clearInterval(sampler);
    }
    expect((peak - before) / 2 ** 20).toBeLessThan(500);
    expect((await app.fetch("/api/zones")).status).toBe(200);
    expect(await nothingLeft()).toEqual({ files: [], descriptors: [] });
  });
});

describe("a broken multipart upload", () => {
  /** Sends a raw request, as a client that does not follow the rules would. */
  function raw(headers: Record<string, string>, body: string, { hangUp = false } = {}): Promise<{ status: number; body: string } | null> {
    const { port } = new URL(app.url);
    return new Promise((resolve, reject) => {
      void app.sessionCookie("admin").then((cookie) => {
        const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/imports?mode=commit", headers: { cookie: `chainatlas_session=${cookie}`, ...headers } }, (res) => {
          let text = "";
          res.on("data", (chunk) => (text += chunk));
          res.on("end", () => resolve({ status: res.statusCode!, body: text }));
        });
        req.on("error", (error) => (hangUp ? resolve(null) : reject(error)));
        req.write(body);
        if (hangUp) setTimeout(() => (req.destroy(), resolve(null)), 200);
        else req.end();
      });
    });
  }
  const part = (boundary: string) => `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="firms.csv"\r\ncontent-type: text/csv\r\n\r\n企业名称,注册地址\r\n凌源测试钢铁有限公司,辽宁省朝阳市凌源市\r\n`;

  it("without a boundary is a 400 that says so", async () => {
    const res = await raw({ "content-type": "multipart/form-data" }, "whatever");
    expect(res!.status).toBe(400);
    expect(JSON.parse(res!.body)).toMatchObject({ error: { code: "validation_failed", message: expect.stringMatching(/not a complete multipart\/form-data body.*[Bb]oundary/) } });
  });

  it("cut off before its last boundary is a 400, and nothing of it is kept", async () => {
    const res = await raw({ "content-type": "multipart/form-data; boundary=XyZ" }, part("XyZ"));
    expect(res!.status).toBe(400);
    expect(JSON.parse(res!.body)).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("Send the file again") } });
    expect(await nothingLeft()).toEqual({ files: [], descriptors: [] });
  });

  it("whose client hangs up in the middle keeps nothing either", async () => {
    await raw({ "content-type": "multipart/form-data; boundary=XyZ", "content-length": "100000" }, part("XyZ"), { hangUp: true });
    expect(await nothingLeft()).toEqual({ files: [], descriptors: [] });
  });
});
