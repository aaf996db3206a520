/**
 * Lists shaped like the real exports of 企查查 and 天眼查 (test/support/platform-exports.ts),
 * imported into the sample graph: what the user reads afterwards — which rows landed and
 * which did not and why, firms that no longer exist kept out, capital, dates, regions, one
 * firm named twice, where the firms were placed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../server/audit/audit-log.js";
import { importedFirmId, importFirms, type ImportOptions } from "../../server/imports/import-firms.js";
import { placementPage } from "../../server/imports/placements.js";
import type { ImportReport } from "../../server/model/api.js";
import { getFirm } from "../../server/services/firms.js";
import { search } from "../../server/services/search.js";
import { loadSample } from "../../seed/load-sample.js";
import { uscc } from "../support/enterprise-export.js";
import { QCC_CODES, QCC_ROWS, writeQccWorkbook, writeTycCsv, writeZoneLedger } from "../support/platform-exports.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { writeExport } from "../support/enterprise-export.js";

let t: TestStore;
let dir: string;
beforeAll(async () => {
  t = await openTestStore();
  await loadSample(t.store);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-real-lists-"));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

let imports = 0;
const run = (file: string, extra: Partial<ImportOptions> = {}) =>
  importFirms(t.store, { importId: `imp-real-${++imports}`, path: file, fileName: path.basename(file), mode: "commit", actor: "test", ...extra });
const firmOf = (code: string) => getFirm(t.store, importedFirmId({ uscc: code, name: "", regionCode: "" }));
const problemsOf = (report: ImportReport, row: number) => report.problems.filter((p) => p.row === row);
/** The Excel row of QCC_ROWS[i]: title, export time and header above. */
const qccRow = (i: number) => i + 4;

describe("a 企查查 export as it comes", () => {
  let report: ImportReport;
  beforeAll(async () => {
    report = await run(await writeQccWorkbook(dir, "企查查导出.xlsx"), { source: "企查查 2026-11" });
  });

  it("reads the list's worksheet, not the hidden lookup sheet or the 说明 before it, and says which list it left", () => {
    expect(report.sheet).toBe("企业列表");
    expect(report.otherSheets).toEqual(["二期入库企业"]);
    expect(report.headerRow).toBe(3);
  });

  it("counts the data rows only: neither the 合计 line nor 序号 is data", async () => {
    expect(report.counts).toMatchObject({ rows: QCC_ROWS.length, new: 4, closed: 3, rejected: 2 });
    expect(report.counts.new + report.counts.closed + report.counts.rejected).toBe(report.counts.rows);
    expect(report.unknownColumns).not.toContain("序号");
    expect(report.problems.filter((p) => p.row === qccRow(QCC_ROWS.length))).toEqual([]);
    // The audit log's line about the import counts them apart too.
    const [entry] = (await listAudit(t.store, { action: "import.commit", limit: 50 })).items.filter((e) => e.entityId === report.importId);
    expect(entry!.summary).toContain("已注销或吊销未导入 3 行");
  });

  it("keeps firms whose 登记状态 says they are gone (注销, 迁出, 吊销) out of the graph, each said so at its row", async () => {
    for (const [i, code] of [[2, QCC_CODES.scrap], [5, QCC_CODES.movedOut], [6, QCC_CODES.revoked]] as const) {
      expect(problemsOf(report, qccRow(i))).toMatchObject([{ column: "登记状态", value: QCC_ROWS[i]!.登记状态, message: expect.stringContaining("未导入，不作为招商目标") }]);
      await expect(firmOf(code)).rejects.toThrow();
    }
    expect((await search(t.store, "北京朝阳再生废钢", 5)).firms).toEqual([]);
  });

  it("converts capital with its unit and currency, and reads every date shape", async () => {
    expect(await firmOf(QCC_CODES.strip)).toMatchObject({ capital: 1000, foundedOn: "2010-05-12", regionCode: "130208", source: "企查查 2026-11" });
    expect(await firmOf(QCC_CODES.refractory)).toMatchObject({ capital: 1200.5, foundedOn: "2012-03-08", regionCode: "120116" });
    // 500万美元 is never 500 万元: kept in dollars, converted at the table's rate.
    expect(await firmOf(QCC_CODES.pipe)).toMatchObject({ capital: 3594.2, capitalAmount: 500, capitalCurrency: "USD", foundedOn: "2010-05-12", regionCode: "130902" });
    expect(await firmOf(QCC_CODES.dealer)).toMatchObject({ capital: 20000, foundedOn: "2018-09-30", regionCode: "130102" });
  });

  it("makes one firm of a firm listed twice, with its code written apart and （中国） in either width", async () => {
    expect(problemsOf(report, qccRow(4))).toMatchObject([{ message: "与第 7 行重复" }]);
    expect((await search(t.store, "沧州华北钢管", 5)).firms).toHaveLength(1);
  });

  it("refuses a wrong check digit at its row", () => {
    expect(problemsOf(report, qccRow(7))).toMatchObject([{ column: "统一社会信用代码", message: "统一社会信用代码校验位错误" }]);
  });

  it("keeps 登记状态 on the firm and the row number of the file off it", async () => {
    const firm = await firmOf(QCC_CODES.strip);
    expect(firm.attributes).toMatchObject({ 登记状态: "存续", 法定代表人: "张三", 实缴资本: "1000万元人民币", 国标行业: "制造业>黑色金属冶炼和压延加工业>钢压延加工>钢压延加工" });
    expect(firm.attributes).not.toHaveProperty("序号");
    // The former name is an alias; the English name (its commas kept) an attribute.
    expect(firm.aliases).toEqual(["唐山丰润精工带钢厂"]);
    expect(firm.attributes).toMatchObject({ 英文名: "Tangshan Fengrun Jinggong Cold Rolled Strip Co., Ltd." });
  });

  it("places the makers by the industry of the four 国标行业 columns, and says which firms it placed nowhere", async () => {
    const placed = (await firmOf(QCC_CODES.strip)).segments.map((s) => s.segmentId);
    expect(placed).toContain("steel-cold-rolled-strip");
    expect((await firmOf(QCC_CODES.refractory)).segments.map((s) => s.segmentId)).toContain("steel-refractory");
    expect((await firmOf(QCC_CODES.pipe)).segments.map((s) => s.segmentId)).toContain("steel-pipe");
    expect(report.placements!.counts).toEqual({ placed: 3, review: 0, none: 1 });
    // The trader is placed nowhere, and the report says why.
    const none = await placementPage(t.store, report.importId, report.placements!, "none", 0, 10);
    expect(none.rows).toMatchObject([{ row: qccRow(8), name: "石家庄恒通商贸有限公司", nowhere: expect.stringContaining("不属于图谱中任何产业链的环节") }]);
  });

  it("finds the same list exported again in another order unchanged, though 序号 numbers it otherwise", async () => {
    // (Without the pipe maker's second row: of a firm named twice, the first row is the one read.)
    const rows = QCC_ROWS.filter((_, i) => i !== 4).reverse();
    const again = await run(await writeQccWorkbook(dir, "企查查导出-倒序.xlsx", { rows, firstNumber: 101 }), { source: "企查查 2026-11" });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 4, closed: 3 });
  });
});

describe("one firm twice in one file", () => {
  it("is one firm whether the row with its code comes first or second; two codes are two firms", async () => {
    const code = uscc("91211382MA0DUP001");
    const coded = { 企业名称: "凌源重复冷轧有限公司", 统一社会信用代码: code, 所属省份: "辽宁省", 所属城市: "朝阳市", 所属区县: "凌源市", 经营范围: "冷轧带钢" };
    const { 统一社会信用代码: _, ...bare } = coded;
    const first = await run(writeExport(dir, "dup-coded-first.csv", [coded, bare]));
    expect(first.counts).toMatchObject({ rows: 2, new: 1, rejected: 1 });
    // (A title row above the header: data from Excel row 3.)
    expect(first.problems).toMatchObject([{ row: 4, column: "企业名称", message: "与第 3 行重复" }]);
    const other = { ...bare, 企业名称: "凌源另一冷轧有限公司" };
    const second = await run(writeExport(dir, "dup-bare-first.csv", [other, { ...other, 统一社会信用代码: uscc("91211382MA0DUP002") }]));
    expect(second.counts).toMatchObject({ rows: 2, new: 1, rejected: 1 });
    expect(second.problems).toMatchObject([{ row: 4, column: "企业名称", message: "与第 3 行重复" }]);
    expect((await search(t.store, "凌源重复冷轧", 5)).firms).toHaveLength(1);
    expect((await search(t.store, "凌源另一冷轧", 5)).firms).toHaveLength(1);
    // Same name, two codes: two firms (a name freed by a deregistered firm may be taken again).
    const twoCodes = await run(writeExport(dir, "two-codes.csv", [{ ...coded, 企业名称: "凌源同名带钢有限公司", 统一社会信用代码: uscc("91211382MA0DUP003") }, { ...coded, 企业名称: "凌源同名带钢有限公司", 统一社会信用代码: uscc("91211382MA0DUP004") }]));
    expect(twoCodes.counts).toMatchObject({ rows: 2, new: 2, rejected: 0 });
  });
});

describe("firms the graph holds already", () => {
  it("a row saying a known firm is 注销 marks it closed, its other facts as they were, and the report says so", async () => {
    const before = await getFirm(t.store, "cosl");
    const report = await run(writeExport(dir, "cosl-closed.csv", [{ 企业名称: before.name, 登记状态: "注销", 所属省份: "天津市", 所属区县: "滨海新区" }]));
    expect(report.counts).toMatchObject({ rows: 1, new: 0, updated: 0, closed: 1, markedClosed: 1 });
    expect(report.problems).toMatchObject([{ row: 3, column: "登记状态", message: expect.stringContaining("已标为注销或吊销，不再作为招商目标") }]);
    expect(await getFirm(t.store, "cosl")).toMatchObject({ source: before.source, attributes: before.attributes, standing: "closed", standingText: "注销", version: before.version + 1 });
    // The audit log's line about the import says it.
    const entry = (await listAudit(t.store, { action: "import.commit", limit: 50 })).items.find((e) => e.entityId === report.importId);
    expect(entry!.summary).toContain("标为注销 1 家");
  });
});

describe("a 天眼查 export as it comes", () => {
  it("reads 公司名称 and 经营状态, keeps the 撤销 firm out and imports the 停业 one with a note", async () => {
    const report = await run(writeTycCsv(dir, "天眼查导出.csv"));
    expect(report.headerRow).toBe(2);
    expect(report.sheet).toBeUndefined();
    expect(report.counts).toMatchObject({ rows: 3, new: 2, closed: 1, rejected: 0 });
    expect(problemsOf(report, 4)).toMatchObject([{ column: "经营状态", value: "撤销" }]);
    expect(problemsOf(report, 5)).toMatchObject([{ column: "经营状态", value: "停业", message: expect.stringContaining("暂停经营") }]);
    const refractory = await firmOf(uscc("91130500MA0TYC001"));
    // 所属区县 empty: the county comes from the registered address.
    expect(refractory).toMatchObject({ capital: 5000, foundedOn: "2009-06-18", regionCode: "130502" });
    expect(refractory.segments.map((s) => s.segmentId)).toContain("steel-refractory");
    expect(await firmOf(uscc("91130500MA0TYC003"))).toMatchObject({ attributes: { 登记状态: "停业" }, standing: "suspended", standingText: "停业", standingOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});

describe("a zone's own 台账 kept by hand in Excel", () => {
  it("gives every firm of a group the 所属区县 merged down over it, and imports the live ones as local firms", async () => {
    const report = await run(await writeZoneLedger(dir, "凌源台账.xlsx"), { zoneId: "lingyuan" });
    expect(report.headerRow).toBe(3);
    expect(report.columns.find((c) => c.field === "capital")?.header).toBe("注册资本(万元)");
    expect(report.counts).toMatchObject({ rows: 3, new: 2, closed: 1, rejected: 0 });
    // 2001年3月 has no day: said at its row (the firm is 注销 and not imported all the same).
    expect(report.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [6, "成立时间", "2001年3月"],
      [6, "企业状态", "注销"],
    ]);
    const strip = (await search(t.store, "凌源恒昌冷轧带钢", 1)).firms[0]!;
    expect(await getFirm(t.store, strip.id)).toMatchObject({ regionCode: "211382", capital: 3000, foundedOn: "2016-04-18", zoneId: "lingyuan" });
    const pipe = (await search(t.store, "凌源宏达焊管", 1)).firms[0]!;
    expect(await getFirm(t.store, pipe.id)).toMatchObject({ regionCode: "211382", capital: 800, foundedOn: "2019-07-01", zoneId: "lingyuan" });
    expect((await getFirm(t.store, pipe.id)).segments.map((s) => s.segmentId)).toContain("steel-pipe");
    expect((await search(t.store, "凌源老厂耐火", 5)).firms).toEqual([]);
  });
});
