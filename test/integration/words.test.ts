/**
 * Words a Chinese reader can use: sources by document title, 公开资料 for public information,
 * in the API's document list and in the exports.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSample } from "../../seed/sample.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app.close());

const FILE_NAME = /\d{3}_[0-9a-f]{16}\.txt/;

describe("sources in words", () => {
  it("lists every source document with its title, date and publisher", async () => {
    const documents = (await (await app.fetch("/api/documents")).json()) as { fileName: string; title: string; date: string; publisher: string }[];
    expect(documents.map((d) => d.fileName)).toEqual(readSample().documents.map((d) => d.fileName).sort());
    expect(documents.find((d) => d.fileName === "002_4b8273e89b38a773.txt")).toEqual({
      fileName: "002_4b8273e89b38a773.txt",
      title: "朝阳柳城经济开发区着力打造改革开放先导区",
      date: "2020-01-16",
      publisher: expect.stringContaining("李国恩"),
    });
  });

  it("writes 数据来源 in the ranking sheet as titles and 公开资料, never a file name or English", async () => {
    const res = await app.fetch("/api/zones/lingyuan/chains/steel/targets/export?format=xlsx&limit=200");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet("目标企业清单")!;
    const column = (sheet.getRow(1).values as string[]).indexOf("数据来源");
    const sources = (sheet.getColumn(column).values.slice(2) as string[]).filter(Boolean);
    expect(sources.length).toBeGreaterThan(10);
    expect(sources).toContain("公开资料");
    for (const source of sources) {
      expect(source).not.toMatch(FILE_NAME);
      expect(source).not.toMatch(/public information/i);
    }
  });
});
