/**
 * Importing an enterprise list through the browser: upload a small, messy CSV (a title
 * row, an unknown column, a bad credit code, odd capital, a bad date), follow the
 * progress to the report, filter its problems, download the error report; then settle a
 * doubtful segment link in the review queue.
 */
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FirmDetail, ImportJob, ReviewQueue } from "../../server/model/api";
import { uscc } from "../support/enterprise-export";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, pickOption, saveScreenshot, settle, startAppAndBrowser } from "./browser";

let app: RunningApp;
let browser: Browser;

const DOUBTFUL = "廊坊带钢加工有限公司";
const FROM_NAME = "深圳市测试连接器科技有限公司";

/** As exports arrive: a title row above the header, CRLF, a BOM, and a few rows with something wrong. */
function messyCsv(): Buffer {
  const header = ["企业名称", "统一社会信用代码", "注册资本", "成立日期", "所属省份", "所属城市", "所属区县", "国标行业", "经营范围", "联系人"];
  const rows = [
    ["唐山精轧带钢科技有限公司", uscc("91130203MA0000101"), "5000万元", "2015/3/8", "河北省", "唐山市", "路北区", "C3130 钢压延加工", "冷轧带钢、精密带钢生产销售", "张三"],
    ["天津坏代码耐材有限公司", "91120116MA00000099", "1.2亿元", "2010-05-01", "天津市", "", "滨海新区", "C3089", "耐火材料、耐火砖", "李四"],
    ["沧州资本不明钢管有限公司", "", "约五千万", "2012-01-01", "河北省", "沧州市", "新华区", "C3130", "焊管、钢管加工", ""],
    ["保定日期错误线材有限公司", "", "800万元", "2015-13-45", "河北省", "保定市", "", "", "线材、盘条", ""],
    [DOUBTFUL, "", "300万元", "2018-06-01", "河北省", "廊坊市", "", "", "冷轧带钢加工", "王五"],
    // No region at all: the name gives it.
    [FROM_NAME, "", "100万元", "2019-01-01", "", "", "", "", "连接器、接插件生产", ""],
  ];
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["企业名单导出（测试）", header.join(","), ...rows.map((r) => r.map(quote).join(","))];
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");
}

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("imports and the review queue", () => {
  it("uploads a messy CSV, follows it to the report, filters the problems and downloads the error report", async () => {
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/`);
    await page.locator('[data-testid="nav-imports"]').click();
    await page.waitForURL("**/imports");
    await page.locator('[data-testid="upload-form"] input[type="file"]').setInputFiles({ name: "京津冀钢铁企业.csv", mimeType: "text/csv", buffer: messyCsv() });
    await page.locator('[data-testid="mode-commit"]').click();
    await page.locator('[data-testid="upload-source"]').fill("企查查 2026-11（测试）");
    await saveScreenshot(page, "50-import-upload");
    await page.locator('[data-testid="upload-start"]').click();
    await page.waitForURL(/\/imports\/imp-/);
    const importId = new URL(page.url()).pathname.split("/").pop()!;

    // Progress runs to the end, then the report shows.
    await page.locator('[data-testid="import-progress"][data-status="done"]').waitFor();
    expect(await page.locator('[data-testid="import-rows"]').innerText()).toContain("6 行数据已全部处理");
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor();
    const job = await app.json<ImportJob & { report: { counts: Record<string, number>; problemCount: number } }>(`/api/imports/${importId}`);
    expect(job.status).toBe("done");
    for (const key of ["rows", "new", "rejected", "pendingReview"] as const)
      expect(await page.locator(`[data-testid="count-${key}"]`).innerText()).toContain(String(job.report.counts[key]));
    expect(job.report.counts.rejected).toBeGreaterThan(0);
    expect(job.report.counts.pendingReview).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="unknown-columns"]').innerText()).toContain("联系人");

    // Where the firms landed: the counts, per segment, and row by row with evidence.
    const placements = job.report as unknown as { placements: { counts: Record<string, number> } };
    const summary = await page.locator('[data-testid="placement-summary"]').innerText();
    expect(summary).toContain(`${placements.placements.counts.placed} 家企业已归入产业链环节`);
    expect(summary).toContain("其中 1 家的所在地区取自企业名称");
    expect(await page.locator('[data-testid="placement-by-segment"]').innerText()).toContain("冷轧带钢");
    const placed = page.locator('[data-testid="placements-table"]');
    await placed.getByText("唐山精轧带钢科技有限公司").waitFor();
    expect(await placed.innerText()).toContain("冷轧带钢");
    expect(await placed.locator('[data-testid="region-from-name"]').innerText()).toContain("深圳市");
    await page.locator('[data-testid="placement-kind"]').getByText("待审核").click();
    await page.waitForURL(/placements=review/);
    await placed.getByText(DOUBTFUL).waitFor();
    await page.locator('[data-testid="import-placements"]').scrollIntoViewIfNeeded();
    await settle(page);
    await saveScreenshot(page, "51-import-placements-review");

    // The problem table, and its filter by column.
    const rows = page.locator('[data-testid="problems-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(job.report.problemCount);
    const table = await page.locator('[data-testid="problems-table"]').innerText();
    expect(table).toContain("91120116MA00000099");
    expect(table).toContain("约五千万");
    await saveScreenshot(page, "51-import-report");
    await pickOption(page, page.locator('[data-testid="problem-column-filter"]'), "统一社会信用代码", { multiple: true });
    await page.waitForURL(/column=/);
    await expect.poll(() => rows.count()).toBeLessThan(job.report.problemCount);
    for (const text of await rows.allInnerTexts()) expect(text).toContain("统一社会信用代码");
    await page.locator('[data-testid="problems-table"]').scrollIntoViewIfNeeded();
    await settle(page);
    await saveScreenshot(page, "52-import-problems-filtered");

    // The error report downloads as an Excel file listing the problems.
    const download = page.waitForEvent("download");
    await page.locator('[data-testid="download-error-report"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await file.path())!);
    const cells: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells).toContain("91120116MA00000099");

    // It is listed among the recent imports.
    await page.goto(`${app.url}/imports`);
    await page.locator('[data-testid="recent-imports"]').getByText("京津冀钢铁企业.csv").waitFor();
    expect(errors).toEqual([]);
  });

  it("counts a deregistered firm apart and says why a trader landed in no segment", async () => {
    const { page, errors } = await openPage(browser, app);
    const lines = [
      "公司名称,经营状态,注册资本,所属省份,所属城市,所属区县,所属行业,经营范围",
      "北京测试已注销冷轧有限公司,注销,500万元,北京市,北京市,朝阳区,黑色金属冶炼和压延加工业,冷轧带钢",
      "石家庄测试服装商贸有限公司,存续,200万元,河北省,石家庄市,长安区,服装批发,服装、鞋帽批发零售",
    ];
    await page.goto(`${app.url}/imports`);
    await page.locator('[data-testid="upload-form"] input[type="file"]').setInputFiles({ name: "天眼查导出.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8") });
    await page.locator('[data-testid="upload-start"]').click();
    await page.waitForURL(/\/imports\/imp-/);
    await page.locator('[data-testid="import-report"]').waitFor();
    expect(await page.locator('[data-testid="count-closed"]').innerText()).toContain("1");
    expect(await page.locator('[data-testid="problems-table"]').innerText()).toContain("未导入，不作为招商目标");
    await page.locator('[data-testid="placement-kind"]').getByText("未归入").click();
    await page.waitForURL(/placements=none/);
    expect(await page.locator('[data-testid="placement-nowhere"]').innerText()).toContain("不属于图谱中任何产业链的环节");
    expect(errors).toEqual([]);
  });

  it("accepts a doubtful segment link in the review queue", async () => {
    const { page, errors } = await openPage(browser, app);
    const queue = await app.json<ReviewQueue>("/api/review?limit=200");
    const item = queue.items.find((i) => i.firmName === DOUBTFUL)!;
    expect(item).toBeTruthy();

    await page.goto(`${app.url}/review`);
    const row = page.locator('[data-testid="review-table"] tr', { hasText: DOUBTFUL }).first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(item.segmentName);
    expect(text).toContain("河北省");
    expect(text).toContain(`${Math.round(item.confidence * 100)}%`);
    // The evidence once: the scope it cites is not repeated as a fact.
    expect(await row.locator('[data-testid="review-evidence"]').innerText()).toBe("经营范围：冷轧带钢加工");
    await saveScreenshot(page, "53-review-queue");

    // The logged-in user decides; nobody is asked for a name.
    await page.locator(`[data-testid="accept-${item.firmId}-${item.segmentId}"]`).click();
    await page.getByText(`已确认：${DOUBTFUL}`).waitFor();
    await expect.poll(async () => (await app.json<ReviewQueue>("/api/review?limit=200")).items.some((i) => i.firmId === item.firmId && i.segmentId === item.segmentId)).toBe(false);
    await expect.poll(() => page.locator('[data-testid="review-table"] tr', { hasText: DOUBTFUL }).count()).toBe(0);

    const firm = await app.json<FirmDetail>(`/api/firms/${item.firmId}`);
    expect(firm.segments.map((s) => s.segmentId)).toContain(item.segmentId);
    await settle(page);
    await saveScreenshot(page, "54-review-accepted");
    expect(errors).toEqual([]);
  });
});
