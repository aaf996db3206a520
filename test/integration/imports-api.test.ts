import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportJobWithReport, PlacementPage, ReviewQueue } from "../../server/model/api.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";
import { steelExport, writeExport } from "../support/enterprise-export.js";

let app: RunningApp;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-upload-test-"));
  app = await startSampleApp({ uploadDir: path.join(dir, "uploads"), maxUploadBytes: 64 * 1024 });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

async function upload(file: string, query: string, name = path.basename(file)) {
  const form = new FormData();
  form.append("file", new Blob([readFileSync(file)]), name);
  const res = await app.fetch(`/api/imports${query}`, { method: "POST", body: form });
  return { status: res.status, body: (await res.json()) as any };
}

/** The job once it has ended, however long a loaded machine takes (the test's timeout bounds it). */
async function finished(id: string): Promise<ImportJobWithReport> {
  let job: ImportJobWithReport | undefined;
  await expect
    .poll(async () => (job = ImportJobWithReport.parse(await (await app.fetch(`/api/imports/${id}`)).json())).status, { timeout: 55_000, interval: 50 })
    .toMatch(/^(done|failed)$/);
  return job!;
}

describe("imports over HTTP", () => {
  it("a dry run answers with a job id, then a report with progress rows done / total, and writes nothing", async () => {
    const file = writeExport(dir, "steel.csv", steelExport());
    const { status, body } = await upload(file, "?mode=dry-run");
    expect(status).toBe(202);
    const job = await finished(body.id);
    // The total is estimated from the file's lines while it runs, and exact once done.
    expect(job).toMatchObject({ status: "done", mode: "dry-run", rowsDone: 5, rowsTotal: 5 });
    expect(job.report!.counts).toMatchObject({ new: 3, rejected: 2 });
    const firms = await (await app.fetch(`/api/search?q=${encodeURIComponent("唐山冷轧精密")}`)).json();
    expect(firms.firms).toEqual([]);
  });

  it("a commit lands the firms; the problem report downloads as XLSX", async () => {
    const file = writeExport(dir, "steel.csv", steelExport());
    const job = await finished((await upload(file, "?mode=commit&source=" + encodeURIComponent("天眼查"))).body.id);
    expect(job.report!.committed).toBe(true);
    const firms = await (await app.fetch(`/api/search?q=${encodeURIComponent("唐山冷轧精密")}`)).json();
    expect(firms.firms).toHaveLength(1);
    const res = await app.fetch(`/api/imports/${job.id}/report`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet("问题清单")!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(["行号", "列", "内容", "问题", "如何修改"]);
    expect(sheet.rowCount).toBe(1 + job.report!.problems.length);
    // Where each row landed: one line per segment, with status, confidence and evidence.
    const placements = wb.getWorksheet("归入环节")!;
    expect((placements.getRow(1).values as string[]).slice(1)).toEqual(["行号", "企业名称", "导入结果", "地区取自企业名称", "产业链", "环节", "状态", "置信度", "依据"]);
    const lines = placements.getSheetValues().slice(2) as unknown[][];
    expect(lines.some((l) => l[2] === "唐山冷轧精密带钢有限公司" && l[6] === "冷轧带钢" && l[7] === "已归入" && String(l[9]).length > 0)).toBe(true);
  });

  it("pages through an import's placements by kind", async () => {
    const file = writeExport(dir, "mixed.csv", [...steelExport().slice(0, 3), { 企业名称: "石家庄某银行股份有限公司", 所属省份: "河北省", 国标行业: "J6621" }]);
    const job = await finished((await upload(file, "?mode=dry-run")).body.id);
    expect(job.report!.placements!.counts).toEqual({ placed: 3, review: 0, none: 1 });
    const page = PlacementPage.parse(await (await app.fetch(`/api/imports/${job.id}/placements?kind=placed&offset=1&limit=1`)).json());
    expect(page).toMatchObject({ kind: "placed", total: 3, listed: 3, offset: 1 });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]!.segments.length).toBeGreaterThan(0);
    const none = PlacementPage.parse(await (await app.fetch(`/api/imports/${job.id}/placements?kind=none`)).json());
    expect(none.rows.map((r) => r.name)).toEqual(["石家庄某银行股份有限公司"]);
    // Why it landed nowhere, on the page and in the downloaded workbook's 依据.
    expect(none.rows[0]!.nowhere).toContain("不属于图谱中任何产业链的环节");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await app.fetch(`/api/imports/${job.id}/report`)).arrayBuffer()) as never);
    const lines = wb.getWorksheet("归入环节")!.getSheetValues().slice(2) as unknown[][];
    expect(lines.find((l) => l[2] === "石家庄某银行股份有限公司")?.[9]).toBe(none.rows[0]!.nowhere);
    expect((await app.fetch(`/api/imports/${job.id}/placements?kind=other`)).status).toBe(400);
  });

  it("refuses other file types (415), oversize files (413) and a missing mode (400), keeping nothing", async () => {
    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "企业名称\n某公司\n");
    expect((await upload(text, "?mode=commit")).status).toBe(415);
    const big = path.join(dir, "big.csv");
    writeFileSync(big, "企业名称\n" + "某某钢铁有限公司\n".repeat(10_000));
    const tooLarge = await upload(big, "?mode=commit");
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toContain("MiB");
    expect((await upload(text, "")).status).toBe(400);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(path.join(dir, "uploads"))).toEqual([]);
  });

  it("reports a file it cannot read as a failed job with a reason", async () => {
    const junk = path.join(dir, "junk.csv");
    writeFileSync(junk, "a,b\n1,2\n");
    const job = await finished((await upload(junk, "?mode=commit")).body.id);
    expect(job.status).toBe("failed");
    expect(job.error).toContain("企业名称");
  });

  it("serves the review queue and takes decisions", async () => {
    const queue = ReviewQueue.parse(await (await app.fetch(`/api/review?limit=10`)).json());
    expect(queue.total).toBeGreaterThanOrEqual(queue.items.length);
    const bad = await app.fetch(`/api/review/nobody/steel-coke`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ decision: "accept" }) });
    expect(bad.status).toBe(404);
  });
});
