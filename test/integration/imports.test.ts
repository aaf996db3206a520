import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportRejected, importedFirmId, importFirms, type ImportOptions } from "../../server/imports/import-firms.js";
import { PLACEMENT_PAGE_ROWS, placementPage } from "../../server/imports/placements.js";
import { decide, reviewQueue } from "../../server/imports/review.js";
import type { ImportReport } from "../../server/model/api.js";
import { getFirm } from "../../server/services/firms.js";
import { search } from "../../server/services/search.js";
import { loadSample } from "../../seed/load-sample.js";
import { steelExport, uscc, writeExport } from "../support/enterprise-export.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let dir: string;
beforeAll(async () => {
  t = await openTestStore();
  await loadSample(t.store);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-import-test-"));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const nodes = async () => Number((await t.store.read("admin/count-nodes"))[0]!.count);
/** The pages of placements an import keeps (apart from the firms, for its report). */
const placementPages = (report: ImportReport) => Object.values(report.placements!.listed).reduce((n, listed) => n + Math.ceil(listed / PLACEMENT_PAGE_ROWS), 0);
let imports = 0;
const run = (file: string, extra: Partial<ImportOptions> = {}) =>
  importFirms(t.store, { importId: `imp-test-${++imports}`, path: file, fileName: path.basename(file), mode: "commit", actor: "test", ...extra });

describe("importing an enterprise export", () => {
  it("in a dry run, reports every row and problem and writes nothing", async () => {
    const file = writeExport(dir, "steel.csv", steelExport());
    const before = await nodes();
    const report = await run(file, { mode: "dry-run" });
    expect(report.committed).toBe(false);
    expect(report.headerRow).toBe(2);
    expect(report.counts).toMatchObject({ rows: 5, new: 3, updated: 0, unchanged: 0, rejected: 2 });
    expect(report.unknownColumns).toContain("联系人");
    const checksum = report.problems.find((p) => p.row === 6);
    expect(checksum).toMatchObject({ column: expect.stringContaining("统一社会信用代码"), value: "91130203MA00000099" });
    expect(checksum!.fix.length).toBeGreaterThan(0);
    expect(report.problems.find((p) => p.row === 7)?.message).toContain("第 3 行");
    // No firm, link or suggestion; only where the rows would land, for the report.
    expect(await nodes()).toBe(before + placementPages(report));
  });

  it("on commit, lands the valid rows once, in their segments, searchable, with provenance", async () => {
    const file = writeExport(dir, "steel.csv", steelExport());
    const report = await run(file, { source: "企查查导出 2026-11" });
    expect(report.counts).toMatchObject({ new: 3, rejected: 2 });
    const id = importedFirmId({ uscc: uscc("91130203MA0000001"), name: "", regionCode: "" });
    const firm = await getFirm(t.store, id);
    expect(firm).toMatchObject({ name: "唐山冷轧精密带钢有限公司", regionCode: "130203", capital: 5000, foundedOn: "2015-03-08", source: "企查查导出 2026-11", sample: false });
    expect(firm.attributes).toMatchObject({ 联系人: "张三", 经营范围: "冷轧带钢、精密带钢生产销售" });
    expect(firm.segments.map((s) => s.segmentId)).toContain("steel-cold-rolled-strip");
    expect(firm.segments.find((s) => s.segmentId === "steel-cold-rolled-strip")!.evidence.length).toBeGreaterThan(0);
    const hits = await search(t.store, "唐山冷轧", 5);
    expect(hits.firms[0]?.id).toBe(id);
    // 500万美元 is kept as given and converted at the table's rate (7.1884 元 per dollar), never read as 500 万元.
    const usd = (await search(t.store, "北京废钢再生", 1)).firms[0]!;
    expect(await getFirm(t.store, usd.id)).toMatchObject({ capital: 3594.2, capitalAmount: 500, capitalCurrency: "USD" });
  });

  it("re-importing the same file changes nothing", async () => {
    const file = writeExport(dir, "steel.csv", steelExport());
    const before = await nodes();
    const report = await run(file);
    expect(report.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3, rejected: 2 });
    expect(await nodes()).toBe(before + placementPages(report));
  });

  it("a changed row updates its firm, matched by its code", async () => {
    const rows = steelExport();
    rows[0]!.注册资本 = "8000万元";
    const report = await run(writeExport(dir, "steel-v2.csv", rows));
    expect(report.counts).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    const id = importedFirmId({ uscc: uscc("91130203MA0000001"), name: "", regionCode: "" });
    expect((await getFirm(t.store, id)).capital).toBe(8000);
  });

  it("a row that confirms a firm's capital keeps the figure's own source and year; one that changes it makes it the file's", async () => {
    const before = await getFirm(t.store, "cosl");
    expect(before.capitalSource).not.toBeNull();
    const row = { 企业名称: before.name, 所属省份: "天津市", 所属区县: "滨海新区", 经营范围: "油田技术服务、钻井服务" };
    expect((await run(writeExport(dir, "cosl.csv", [{ ...row, 注册资本: `${before.capital}万元` }]))).counts.updated).toBe(1);
    expect(await getFirm(t.store, "cosl")).toMatchObject({ capital: before.capital, capitalSource: before.capitalSource, capitalAsOf: before.capitalAsOf, source: "cosl.csv" });
    expect((await run(writeExport(dir, "cosl-v2.csv", [{ ...row, 注册资本: "500000万元" }]))).counts.updated).toBe(1);
    expect(await getFirm(t.store, "cosl")).toMatchObject({ capital: 500000, capitalSource: null, capitalAsOf: null, source: "cosl-v2.csv" });
  });

  it("a file whose bulk load fails leaves the graph exactly as before", async () => {
    // A firm already holds the id the new row would get, under another name: the load collides.
    const name = "沧州冲突钢管有限公司";
    const clash = importedFirmId({ uscc: null, name, regionCode: "130902" });
    await t.store.write([{ query: "firms/upsert-firm", rows: [{ id: clash, uscc: null, name: "别的名字", aliases: [], regionCode: "130100", capital: null, capitalSource: null, capitalAsOf: null, capitalAmount: null, capitalCurrency: null, foundedOn: null, staff: null, revenue: null, tags: [], sample: false, source: "t", asOf: null, attributes: "{}", searchText: "" }] }]);
    const before = await nodes();
    const rows = [...steelExport().slice(0, 2).map((r) => ({ ...r, 注册资本: "9999万元" })), { 企业名称: "保定新钢丝有限公司", 所属省份: "河北省", 所属城市: "保定市", 经营范围: "线材、盘条" }, { 企业名称: name, 所属省份: "河北省", 所属城市: "沧州市", 所属区县: "新华区", 经营范围: "焊管" }];
    await expect(run(writeExport(dir, "clash.csv", rows))).rejects.toThrow();
    expect(await nodes()).toBe(before);
    const id = importedFirmId({ uscc: uscc("91130203MA0000001"), name: "", regionCode: "" });
    expect((await getFirm(t.store, id)).capital).toBe(8000);
  });

  it("with a zone, the firms become local firms of that zone's maps", async () => {
    const file = writeExport(dir, "local.csv", [{ 企业名称: "凌源新冷轧科技有限公司", 所属省份: "辽宁省", 所属城市: "朝阳市", 所属区县: "凌源市", 国标行业: "C3130", 经营范围: "冷轧带钢加工", 主营产品: "冷轧带钢" }]);
    await run(file, { zoneId: "lingyuan" });
    const firm = (await search(t.store, "凌源新冷轧", 1)).firms[0]!;
    expect(firm.zoneId).toBe("lingyuan");
    await expect(run(file, { zoneId: "atlantis" })).rejects.toBeInstanceOf(ImportRejected);
  });

  it("sends doubtful segment links to review, and later imports respect the decisions", async () => {
    // Only the business scope hints at a segment: too little to link it without review.
    const rows = [{ 企业名称: "廊坊带钢加工有限公司", 所属省份: "河北省", 所属城市: "廊坊市", 经营范围: "冷轧带钢加工" }];
    const file = writeExport(dir, "doubtful.csv", rows);
    const report = await run(file);
    expect(report.counts.pendingReview).toBeGreaterThan(0);
    const queue = await reviewQueue(t.store, { limit: 50, skip: 0 });
    const item = queue.items.find((i) => i.firmName === "廊坊带钢加工有限公司")!;
    expect(item.segmentId).toBe("steel-cold-rolled-strip");
    expect(item.evidence.length).toBeGreaterThan(0);
    await decide(t.store, item.firmId, item.segmentId, { decision: "reject" }, "审核员");
    expect((await reviewQueue(t.store, { limit: 50, skip: 0 })).items.some((i) => i.firmId === item.firmId && i.segmentId === item.segmentId)).toBe(false);
    // The row changes, so the firm is re-classified: the rejected link stays rejected.
    rows[0]!.经营范围 += "；仓储服务";
    expect((await run(writeExport(dir, "doubtful-v2.csv", rows))).counts.updated).toBe(1);
    expect((await reviewQueue(t.store, { limit: 50, skip: 0 })).items.some((i) => i.firmId === item.firmId && i.segmentId === item.segmentId)).toBe(false);
  });

  it("says for every row where the firm landed, with confidence and evidence, what waits for review, and what landed nowhere", async () => {
    const rows = [
      { 企业名称: "唐山冷轧板带科技有限公司", 所属省份: "河北省", 所属城市: "唐山市", 所属行业: "板材", 主营产品: "冷轧板卷、镀锌板" },
      { 企业名称: "廊坊恒达实业有限公司", 所属省份: "河北省", 所属城市: "廊坊市", 经营范围: "冷轧带钢加工" },
      { 企业名称: "河北某农村商业银行股份有限公司", 所属省份: "河北省", 所属行业: "农商行" },
    ];
    const report = await run(writeExport(dir, "placements.csv", rows), { importId: "imp-placements", mode: "dry-run" });
    const summary = report.placements!;
    expect(summary.counts).toEqual({ placed: 1, review: 1, none: 1 });
    expect(summary.bySegment.find((s) => s.segmentId === "steel-cold-rolled-strip")).toMatchObject({ segmentName: "冷轧带钢", chainName: "现代钢铁冶金", links: 1, review: 1 });
    const placed = await placementPage(t.store, "imp-placements", summary, "placed", 0, 50);
    expect(placed.rows).toHaveLength(1);
    expect(placed.rows[0]).toMatchObject({ row: 3, name: "唐山冷轧板带科技有限公司", outcome: "new", regionFromName: null });
    const cold = placed.rows[0]!.segments.find((s) => s.segmentId === "steel-cold-rolled-strip")!;
    expect(cold).toMatchObject({ linked: true, segmentName: "冷轧带钢" });
    expect(cold.confidence).toBeGreaterThanOrEqual(0.6);
    expect(cold.evidence).toContain("冷轧板卷");
    const review = await placementPage(t.store, "imp-placements", summary, "review", 0, 50);
    expect(review.rows[0]).toMatchObject({ row: 4, segments: [expect.objectContaining({ segmentId: "steel-cold-rolled-strip", linked: false })] });
    expect((await placementPage(t.store, "imp-placements", summary, "none", 0, 50)).rows.map((r) => r.name)).toEqual(["河北某农村商业银行股份有限公司"]);
  });

  it("takes the region from the name when the row leaves every region column empty, and says so", async () => {
    const rows = [
      { 企业名称: "深圳市汇能精密电子有限公司", 所属省份: "", 主营产品: "连接器" },
      { 企业名称: "湖南华联特种陶瓷有限公司", 所属省份: "" },
      { 企业名称: "无名氏贸易有限公司", 所属省份: "" },
    ];
    const report = await run(writeExport(dir, "names.csv", rows), { importId: "imp-names" });
    expect(report.counts).toMatchObject({ new: 2, rejected: 1 });
    expect(report.placements!.regionFromName).toBe(2);
    expect(report.problems.find((p) => p.row === 3)?.message).toContain("已按企业名称开头的“深圳市”定为广东省 深圳市");
    const shenzhen = (await search(t.store, "深圳市汇能精密", 1)).firms[0]!;
    expect((await getFirm(t.store, shenzhen.id)).regionCode).toBe("440300");
    const hunan = (await search(t.store, "湖南华联特种", 1)).firms[0]!;
    expect((await getFirm(t.store, hunan.id)).regionCode).toBe("430000");
    const placed = await placementPage(t.store, "imp-names", report.placements!, "placed", 0, 10);
    expect(placed.rows.find((r) => r.row === 3)?.regionFromName).toBe("深圳市");
    expect(report.problems.find((p) => p.row === 5)?.message).toContain("缺少所在地区");
  });

  it("updates a firm the graph holds by the same name in a region that contains the file's, instead of adding it again", async () => {
    // The sample holds 唐山钢铁集团有限责任公司 in 路北区 (130203); a list of listed companies gives only the province.
    const report = await run(writeExport(dir, "province-only.csv", [{ 企业名称: "唐山钢铁集团有限责任公司", 所属省份: "河北省", 所属行业: "板材" }]));
    expect(report.counts).toMatchObject({ new: 0, updated: 1 });
    const firm = await getFirm(t.store, "hbis-tangsteel");
    expect(firm.regionCode).toBe("130203");
    expect(firm.attributes["国标行业"]).toBe("板材");
    const namesakes = (await search(t.store, "唐山钢铁集团有限责任公司", 10)).firms.filter((f) => f.name === "唐山钢铁集团有限责任公司");
    expect(namesakes).toHaveLength(1);
  });

  it("refuses a file without a recognisable header, writing nothing", async () => {
    const file = writeExport(dir, "noheader.csv", [{ 名字: "x" } as never]);
    await expect(run(file)).rejects.toThrow(/企业名称/);
  });
});
