import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TargetListDetail } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { startApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  const graph = withCandidates(miniGraph());
  // A hostile name must come out as text, never as a formula.
  graph.firms.find((f) => f.id === "sy-strip")!.name = '=HYPERLINK("http://evil","点我")';
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]));
});
afterAll(() => app.close());

async function download(path: string) {
  const res = await app.fetch(path);
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), body: Buffer.from(await res.arrayBuffer()) };
}

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}

describe("exports", () => {
  it("exports a ranking to XLSX with Chinese headers, provenance, the gap summary and a Chinese file name", async () => {
    const file = await download("/api/zones/lingyuan/chains/steel/targets/export?format=xlsx");
    expect(file.status).toBe(200);
    expect(file.type).toContain("spreadsheetml");
    expect(decodeURIComponent(file.disposition!.split("UTF-8''")[1]!)).toMatch(/^凌源经开区-钢铁冶金-目标企业-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await workbook(file.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["目标企业清单", "缺口汇总", "缺口统计"]);
    const sheet = wb.getWorksheet("目标企业清单")!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(["排名", "企业名称", "注册资本(万元)", "总分", "为何推荐", "数据来源", "匹配置信度", "数据日期"]));
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.rowCount).toBe(1 + 4);
    expect(sheet.getCell("B2").value).toBe("唐山钢铁集团有限责任公司");
    const capitalColumn = headers.indexOf("注册资本(万元)") + 1;
    expect(sheet.getRow(2).getCell(capitalColumn).value).toBe(3000000);
    expect(sheet.getRow(2).getCell(capitalColumn).numFmt).toBe("#,##0.00");
    const names = sheet.getColumn(2).values.slice(2);
    expect(names).toContain(`'=HYPERLINK("http://evil","点我")`);
    const gaps = wb.getWorksheet("缺口汇总")!;
    expect(gaps.rowCount).toBe(1 + 5);
    // 炼铁 and 炼钢 are the leader's own capacity: strong.
    expect(gaps.getColumn(3).values.slice(2)).toEqual(["强链", "卡点", "强链", "强链", "缺链"]);
    const figures = wb.getWorksheet("缺口统计")!;
    const figure = (item: string) => figures.getColumn(3).values[(figures.getColumn(2).values as string[]).indexOf(item)];
    expect([figure("强链"), figure("弱链"), figure("缺链"), figure("卡点"), figure("合计（全部环节）")]).toEqual([3, 0, 1, 1, 5]);
    expect(figure("无本地企业")).toBe(1);
  });

  it("exports the gap sheet alone, every segment once; a bottleneck without local firms reads 卡点·缺链 and unknown capital 未知", async () => {
    const file = await download("/api/zones/lingyuan/chains/steel/gaps/export?format=xlsx");
    expect(decodeURIComponent(file.disposition!.split("UTF-8''")[1]!)).toMatch(/^凌源经开区-钢铁冶金-缺口诊断-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = await workbook(file.body);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["缺口汇总", "缺口统计"]);
    const sheet = wb.getWorksheet("缺口汇总")!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    const column = (header: string) => sheet.getColumn(headers.indexOf(header) + 1).values.slice(2);
    expect(column("环节")).toEqual(["铁精粉", "废钢", "炼铁", "炼钢", "冷轧带钢"]);
    // 废钢's one local firm has no known capital: the sum is unknown, not 0.
    expect(column("本地注册资本(万元)")[1]).toBe("未知");
    expect(column("本地注册资本(万元)")[4]).toBe(0);
    const csv = await download("/api/zones/lingyuan/chains/steel/gaps/export?format=csv");
    expect(csv.body.toString("utf8").slice(1).split("\r\n")[0]).toMatch(/^环节,阶段,状态,缺口类型,/);
  });

  it("exports a ranking to CSV with a BOM and the same filters", async () => {
    const file = await download("/api/zones/lingyuan/chains/steel/targets/export?format=csv&regionGroup=jingjinji");
    expect(file.type).toContain("text/csv");
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.body.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]!.startsWith("排名,企业名称,")).toBe(true);
    expect(lines).toHaveLength(1 + 2);
  });

  it("exports a target list with its pipeline state", async () => {
    const created = await app.fetch("/api/lists", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "重点清单", zoneId: "lingyuan", chainId: "steel", top: 3 }),
    });
    const list = TargetListDetail.parse(await created.json());
    const wb = await workbook((await download(`/api/lists/${list.id}/export?format=xlsx`)).body);
    const sheet = wb.getWorksheet("招商清单")!;
    expect(sheet.rowCount).toBe(1 + 3);
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(expect.arrayContaining(["企业名称", "进展", "负责小组", "下次联系", "为何推荐", "数据来源"]));
    expect(sheet.getColumn(6).values.slice(2)).toEqual(["待接触", "待接触", "待接触"]);
    const csv = await download(`/api/lists/${list.id}/export?format=csv`);
    expect(csv.body.toString("utf8").split("\r\n").filter((l) => l.includes("待接触"))).toHaveLength(3);
  });

  it("refuses an unknown format", async () => {
    expect((await download("/api/zones/lingyuan/chains/steel/targets/export?format=pdf")).status).toBe(400);
  });
});
