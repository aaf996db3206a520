/**
 * Money in other currencies: the import and the firm edit API keep "500万美元" as given and
 * convert it to 万元 with the dated exchange-rate table in the graph; admins change the
 * table on 设置 (audited), and every firm given in that currency is converted anew.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFirms } from "../../server/imports/import-firms.js";
import { AuditPage, FirmDetail } from "../../server/model/api.js";
import { DEFAULT_EXCHANGE_RATES } from "../../server/model/domain.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { uscc, writeExport } from "../support/enterprise-export.js";
import { startApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
let dir: string;
beforeAll(async () => {
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(miniGraph())]));
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-rates-test-"));
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (url: string, method = "GET", body?: unknown, role: "admin" | "editor" = "admin") => {
  const fetch = role === "admin" ? app.fetch : await app.as(role);
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const firm = async (id: string) => FirmDetail.parse((await call(`/api/firms/${id}`)).body);

describe("capital in other currencies", () => {
  let imported: string;
  let euro: string;
  let taiwan: string;

  it("an import keeps 500万美元 as given and converts it at the table's dated rate", async () => {
    const file = writeExport(dir, "usd.csv", [
      { 企业名称: "北京外资废钢有限公司", 统一社会信用代码: uscc("91110105MA0000011"), 注册资本: "500万美元", 所属省份: "北京市", 所属区县: "朝阳区", 经营范围: "废钢回收" },
      { 企业名称: "台资精密带钢有限公司", 统一社会信用代码: uscc("91110105MA0000012"), 注册资本: "800万新台币", 所属省份: "北京市", 所属区县: "朝阳区", 经营范围: "冷轧带钢" },
    ]);
    const report = await importFirms(app.store, { importId: "imp-rates", path: file, fileName: "usd.csv", mode: "commit", actor: "test" });
    expect(report.counts.new).toBe(2);
    // No 新台币 rate in the table: said, and the 万元 figure left unknown rather than 800.
    expect(report.problems).toEqual([expect.objectContaining({ row: 4, column: "注册资本", message: expect.stringContaining("汇率表中没有新台币的汇率") })]);
    imported = `u-${uscc("91110105MA0000011").toLowerCase()}`;
    taiwan = `u-${uscc("91110105MA0000012").toLowerCase()}`;
    const usdRate = DEFAULT_EXCHANGE_RATES.find((r) => r.currency === "USD")!;
    expect(usdRate).toMatchObject({ cnyPerUnit: 7.1884, asOf: "2024-12-31" });
    expect(await firm(imported)).toMatchObject({ capital: 3594.2, capitalAmount: 500, capitalCurrency: "USD" });
    expect(await firm(taiwan)).toMatchObject({ capital: null, capitalAmount: 800, capitalCurrency: "TWD" });
  });

  it("the firm edit API takes capital in a currency, and keeps 人民币 as 万元", async () => {
    const created = await call("/api/firms", "POST", { name: "欧洲冷轧有限公司", regionCode: "120116", capital: 200, capitalCurrency: "EUR" }, "editor");
    expect(created.status).toBe(201);
    euro = created.body.id;
    expect(created.body).toMatchObject({ capital: 1505.14, capitalAmount: 200, capitalCurrency: "EUR" });
    // A new amount alone stays in the firm's own currency; 人民币 given, it is 万元 again.
    const v1 = FirmDetail.parse(created.body).version;
    const more = await call(`/api/firms/${euro}`, "PATCH", { version: v1, capital: 400 }, "editor");
    expect(more.body).toMatchObject({ capital: 3010.28, capitalAmount: 400, capitalCurrency: "EUR" });
    const cny = await call(`/api/firms/${euro}`, "PATCH", { version: v1 + 1, capital: 3000, capitalCurrency: "CNY" }, "editor");
    expect(cny.body).toMatchObject({ capital: 3000, capitalAmount: null, capitalCurrency: null });
    const back = await call(`/api/firms/${euro}`, "PATCH", { version: v1 + 2, capital: 200, capitalCurrency: "EUR" }, "editor");
    expect(back.body.capital).toBe(1505.14);
    expect((await call("/api/firms", "POST", { name: "x", regionCode: "120116", capital: 1, capitalCurrency: "XYZ" }, "editor")).status).toBe(400);
  });

  it("admins change the table on 设置: the rates are dated and sourced, the change is audited, and firms are converted anew", async () => {
    expect((await call("/api/settings/exchange-rates")).body.rates).toEqual(DEFAULT_EXCHANGE_RATES.slice().sort((a, b) => a.currency.localeCompare(b.currency)));
    const rates = [
      { currency: "USD", cnyPerUnit: 7.0, asOf: "2026-11-20", source: "中国外汇交易中心 人民币汇率中间价" },
      { currency: "EUR", cnyPerUnit: 7.5257, asOf: "2024-12-31", source: "中国外汇交易中心 人民币汇率中间价" },
      { currency: "TWD", cnyPerUnit: 0.22, asOf: "2026-11-20", source: "台湾银行牌价" },
    ];
    expect((await call("/api/settings/exchange-rates", "PUT", { rates }, "editor")).status).toBe(403);
    const refused = await call("/api/settings/exchange-rates", "PUT", { rates: [{ ...rates[0], cnyPerUnit: 0 }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe("body.rates.0.cnyPerUnit");
    expect((await call("/api/settings/exchange-rates", "PUT", { rates })).status).toBe(200);

    expect((await firm(imported)).capital).toBe(3500);
    expect((await firm(taiwan)).capital).toBe(176);
    expect((await firm(euro)).capital).toBe(1505.14);
    const audit = AuditPage.parse((await call("/api/audit?entity=setting&entityId=exchange-rates")).body);
    expect(audit.items[0]).toMatchObject({ actor: "admin", action: "setting.update", summary: expect.stringContaining("美元 7.1884 → 7") });

    // Taking a rate out leaves that currency's capital unknown, not its amount read as 万元.
    await call("/api/settings/exchange-rates", "PUT", { rates: rates.filter((r) => r.currency !== "TWD") });
    expect(await firm(taiwan)).toMatchObject({ capital: null, capitalAmount: 800, capitalCurrency: "TWD" });
  });

  it("re-importing the same file changes nothing, whatever the rate of the day", async () => {
    const file = writeExport(dir, "usd.csv", [{ 企业名称: "北京外资废钢有限公司", 统一社会信用代码: uscc("91110105MA0000011"), 注册资本: "500万美元", 所属省份: "北京市", 所属区县: "朝阳区", 经营范围: "废钢回收" }]);
    const report = await importFirms(app.store, { importId: "imp-rates-2", path: file, fileName: "usd.csv", mode: "dry-run", actor: "test" });
    expect(report.counts).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
  });
});
