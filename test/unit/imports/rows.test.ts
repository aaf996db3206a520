import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findHeader, type HeaderMatch } from "../../../server/imports/columns.js";
import { readTable, type RawRow } from "../../../server/imports/read-table.js";
import { duplicateKey, ImportedFirm, isImportedFirm, looksLikeFormula, mapTags, normalizeRow, type NormalizedRow } from "../../../server/imports/rows.js";
import { CODES, withWrongCheck } from "../../fixtures/imports/codes.js";

const fixture = (name: string) => join(import.meta.dirname, "../../fixtures/imports", name);

/** Every data row of a fixture, normalised, by Excel row number. */
async function importFixture(name: string): Promise<{ header: HeaderMatch; rows: Map<number, NormalizedRow> }> {
  const raw: RawRow[] = [];
  for await (const row of readTable(fixture(name))) raw.push(row);
  const header = findHeader(raw);
  if (!header) throw new Error(`no header in ${name}`);
  return { header, rows: new Map(raw.filter((r) => r.rowNumber > header.headerRowNumber).map((r) => [r.rowNumber, normalizeRow(r, header)])) };
}

const row = (rowNumber: number, ...cells: string[]): RawRow => ({ rowNumber, cells });
const simpleHeader = (...headers: string[]) => findHeader([row(1, ...headers)])!;

describe("normalizeRow on the fixtures", () => {
  it("imports a UTF-8 export with every field it knows", async () => {
    const { rows } = await importFixture("utf8-bom.csv");
    expect(rows.get(2)).toEqual({
      problems: [],
      firm: {
        name: "凌源钢铁股份有限公司",
        uscc: CODES.lingang,
        aliases: [],
        regionCode: "211382",
        capital: 285000,
        capitalCurrency: "CNY",
        foundedOn: "1998-11-16",
        tags: [],
        staff: null,
        revenue: null,
        industry: "C3120",
        scope: "炼铁；炼钢；钢压延加工",
        products: "生铁、钢坯、热轧带钢",
        companyType: null,
        website: null,
        phone: null,
        address: null,
        status: null,
        extras: {},
      },
    });
    expect(rows.get(3)!.firm).toMatchObject({ regionCode: "211321", foundedOn: "2016-05-20", capital: 3000 });
    expect(rows.get(4)!.firm).toMatchObject({ regionCode: "211324", foundedOn: "1998-09-25", capital: 98000 });
  });

  it("imports a GBK export: region from the address, tags from the tag column and the company type", async () => {
    const { rows } = await importFixture("gbk.csv");
    expect(rows.get(2)!.firm).toMatchObject({ name: "朝阳浪马轮胎有限责任公司", regionCode: "211302", tags: ["高新技术企业", "专精特新", "小巨人", "国企"] });
    expect(rows.get(3)!.firm).toMatchObject({ regionCode: "211321", tags: [], extras: { 标签: "科技型中小企业" } });
    expect(rows.get(4)!.firm).toMatchObject({ name: "喀左县鑫迪交通智能设备有限公司", uscc: null, regionCode: "211324" });
  });

  it("imports title-rows.xlsx from Excel row 6 on, unknown columns as extras, notes below the data as blank", async () => {
    const { rows } = await importFixture("title-rows.xlsx");
    expect([...rows.keys()]).toEqual([6, 7, 8, 10, 12, 13]);
    expect(rows.get(6)!.firm).toMatchObject({ name: "朝阳金达新材料有限公司", uscc: CODES.jinda, capital: 12000, foundedOn: "2008-03-15", regionCode: "211300", extras: { 备注: "链主" } });
    // 序号 numbers the rows: no fact of the firm (a list sorted otherwise would change every firm).
    expect(rows.get(6)!.firm!.extras).not.toHaveProperty("序号");
    expect(rows.get(7)!.firm).toMatchObject({ name: "朝阳浪马轮胎有限责任公司", capital: 52000.5 });
    expect(rows.get(8)!.firm).toMatchObject({ uscc: null, capital: 3000, foundedOn: "2005-07-01" });
    expect(rows.get(10)!.firm).toMatchObject({ regionCode: "110000", foundedOn: "1998-09-25" });
    expect(rows.get(12)).toEqual({ problems: [], blank: true });
    expect(rows.get(13)).toEqual({ problems: [], blank: true });
  });

  it("rejects wrong 统一社会信用代码 with the row, column, value, what is wrong and how to fix it", async () => {
    const { rows } = await importFixture("bad-checksum.csv");
    expect(rows.get(2)!.firm?.uscc).toBe(CODES.lingang);
    expect(rows.get(3)).toEqual({
      problems: [{ row: 3, column: "统一社会信用代码", value: withWrongCheck(CODES.huazr), message: "统一社会信用代码校验位错误", fix: "核对第18位校验码及前17位是否抄错，或留空" }],
    });
    expect(rows.get(4)!.firm).toBeUndefined();
    expect(rows.get(4)!.problems[0]).toMatchObject({ row: 4, column: "统一社会信用代码", value: "211300400001234", message: "统一社会信用代码应为18位，此处为15位" });
    expect(rows.get(5)!.firm).toBeUndefined();
    expect(rows.get(5)!.problems[0]!.message).toContain("“O”");
    expect(rows.get(6)!.firm?.uscc).toBe(CODES.tongmei);
  });

  it("gives duplicates in one file the same key: by code, else by name (brackets normalised) within a region", async () => {
    const { rows } = await importFixture("duplicates.csv");
    const keys = [2, 3, 4, 5, 6].map((n) => duplicateKey(rows.get(n)!.firm!));
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).toBe(keys[3]);
    expect(keys[4]).not.toBe(keys[2]);
    expect(new Set(keys).size).toBe(3);
  });

  it("rejects rows whose region is ambiguous or unknown, keeps address-only and partly placed ones", async () => {
    const { rows } = await importFixture("unknown-region.csv");
    expect(rows.get(2)).toMatchObject({ problems: [{ row: 2, column: "所属区县", value: "朝阳区", fix: "补充所属省份或城市，以区分同名地区" }] });
    expect(rows.get(2)!.firm).toBeUndefined();
    expect(rows.get(3)).toMatchObject({ problems: [{ column: "所属省份", value: "火星省", message: "无法识别地区“火星省”" }] });
    expect(rows.get(4)!.firm).toBeUndefined();
    expect(rows.get(4)!.problems[0]!.message).toContain("均为空");
    expect(rows.get(5)!.firm?.regionCode).toBe("130203");
    expect(rows.get(6)!.firm?.regionCode).toBe("210000");
    expect(rows.get(6)!.problems).toMatchObject([{ column: "所属区县", value: "朝阳区", message: "无法识别“朝阳区”，已按“辽宁省”导入" }]);
    expect(rows.get(7)!.firm?.regionCode).toBe("220104");
  });

  it("keeps a firm whose capital or date is odd, without that value, and says why", async () => {
    const { rows } = await importFixture("odd-capital.csv");
    const capital = (n: number) => [rows.get(n)!.firm!.capital, rows.get(n)!.firm!.capitalCurrency];
    expect([2, 3, 4, 5, 6, 7, 9].map(capital)).toEqual([[5000, "CNY"], [12000, "CNY"], [500, "USD"], [5000, "CNY"], [5000, "CNY"], [null, null], [100, "HKD"]]);
    expect([2, 3, 4, 5, 6, 7].map((n) => rows.get(n)!.firm!.foundedOn)).toEqual(["2020-01-02", "2020-01-02", "2020-01-02", "2020-01-02", "2020-01-02", "2020-01-01"]);
    expect(rows.get(8)!.firm).toMatchObject({ name: "庚钢铁有限公司", capital: null, foundedOn: null });
    expect(rows.get(8)!.problems).toEqual([
      { row: 8, column: "注册资本", value: "五千万", message: "无法识别金额“五千万”，注册资本未导入", fix: "填写数字加单位，如“5000万元”“1.2亿元”“500万美元”，或留空" },
      { row: 8, column: "成立日期", value: "2020-02-30", message: "日期不存在：“2020-02-30”，成立日期未导入", fix: "按“2020-01-02”的格式填写，或留空" },
    ]);
    expect(rows.get(9)!.problems).toMatchObject([{ column: "成立日期", value: "昨天" }]);
  });

  it("imports formula-like cells as text, keeping the leading character, and notes each", async () => {
    const { rows } = await importFixture("formula-cells.csv");
    expect(rows.get(2)!.firm!.name).toBe('=HYPERLINK("http://example.com","点我")');
    expect(rows.get(2)!.problems).toMatchObject([{ row: 2, column: "企业名称", message: "单元格以“=”开头，像是公式，已按文本导入" }]);
    expect(rows.get(3)!.firm).toMatchObject({ scope: "+SUM(A1:A9)", phone: "+86 421 1234567", capital: null, extras: { 备注: "@cmd" } });
    expect(rows.get(3)!.problems.map((p) => p.column)).toEqual(["经营范围", "备注"]);
    expect(rows.get(4)!.problems.map((p) => [p.column, p.value])).toEqual([["经营范围", "-1+1|cmd"]]);
  });
});

describe("normalizeRow", () => {
  const header = simpleHeader("企业名称", "统一社会信用代码", "所属省份", "所属城市", "标签", "曾用名", "参保人数", "营业收入(亿元)", "登记状态");

  it("rejects a row without a name, saying how to fix it", () => {
    expect(normalizeRow(row(9, "", "", "辽宁省", "朝阳市"), header).problems[0]).toEqual({ row: 9, column: "企业名称", value: "", message: "缺少企业名称", fix: "填写企业全称，如“凌源钢铁股份有限公司”；空行可直接删除" });
  });

  it("treats an empty row and a lone note as blank, not as problems", () => {
    expect(normalizeRow(row(9, "", " ", ""), header)).toEqual({ problems: [], blank: true });
    expect(normalizeRow(row(9, "注：数据截至2024年底"), header)).toEqual({ problems: [], blank: true });
  });

  it("splits aliases, reads staff and revenue in the header's unit, keeps unknown columns and tags as extras", () => {
    const result = normalizeRow(row(2, "凌源钢铁股份有限公司", "", "辽宁省", "朝阳市", "A股；瞪羚企业；AAA信用", "凌钢股份；凌源钢铁股份有限公司、凌钢", "5200人", "1.5", "存续"), header);
    expect(result.firm).toMatchObject({
      aliases: ["凌钢股份", "凌钢"],
      tags: ["上市", "瞪羚"],
      staff: 5200,
      revenue: 15000,
      status: "存续",
      extras: { 标签: "AAA信用" },
    });
    expect(result.closed).toBeUndefined();
  });

  it("leaves the 合计 line under the data out, as blank", () => {
    const numbered = findHeader([row(1, "序号", "企业名称", "所属城市", "参保人数")])!;
    expect(normalizeRow(row(20, "合计", "", "", "5200"), numbered)).toEqual({ problems: [], blank: true });
    expect(normalizeRow(row(20, "总计：", "", "", "5200"), numbered)).toEqual({ problems: [], blank: true });
    expect(normalizeRow(row(20, "合计", "3家", "", "5200"), numbered)).toEqual({ problems: [], blank: true });
    // A firm named in the row is no total, whatever else the row says.
    expect(normalizeRow(row(20, "合计", "甲公司", "朝阳市", "52"), numbered).firm?.name).toBe("甲公司");
  });

  it("takes every name of 曾用名 and 简称 as an alias, an English one with its commas, and keeps 英文名 as an attribute", () => {
    const names = findHeader([row(1, "企业名称", "所属城市", "曾用名", "英文名", "简称")])!;
    const firm = normalizeRow(row(2, "唐山丰润精工冷轧带钢有限公司", "唐山市", "唐山精工带钢厂；Tangshan Jinggong Strip Co., Ltd.", "Tangshan Fengrun Jinggong Cold Rolled Strip Co., Ltd.", "精工带钢"), names).firm!;
    expect(firm.aliases).toEqual(["唐山精工带钢厂", "Tangshan Jinggong Strip Co., Ltd.", "精工带钢"]);
    expect(firm.extras).toEqual({ 英文名: "Tangshan Fengrun Jinggong Cold Rolled Strip Co., Ltd." });
    expect(normalizeRow(row(2, "甲公司", "唐山市", "乙公司,丙公司", "", ""), names).firm!.aliases).toEqual(["乙公司", "丙公司"]);
  });

  it("reads the industry split over four level columns as one path, coarsest first", () => {
    const split = findHeader([row(1, "企业名称", "所属城市", "国标行业门类", "国标行业大类", "国标行业中类", "国标行业小类")])!;
    expect(normalizeRow(row(2, "甲公司", "朝阳市", "制造业", "黑色金属冶炼和压延加工业", "钢压延加工", "-"), split).firm?.industry).toBe("制造业>黑色金属冶炼和压延加工业>钢压延加工");
    expect(normalizeRow(row(2, "甲公司", "朝阳市", "-", "", "钢压延加工", ""), split).firm?.industry).toBe("钢压延加工");
  });

  it.each([["注销"], ["吊销"], ["吊销，未注销"], ["吊销,已注销"], ["迁出"], ["撤销"], ["清算"], ["责令关闭"]])("marks a firm whose 登记状态 is %s as closed", (status) => {
    const result = normalizeRow(row(2, "凌源钢铁股份有限公司", "", "辽宁省", "朝阳市", "", "", "", "", status), header);
    expect(result.closed).toBe(status);
    expect(result.firm?.status).toBe(status);
  });

  it.each([["存续"], ["在业"], ["开业"], ["存续（在营、开业、在册）"], ["在营（开业）企业"], ["迁入"], ["-"], [""]])("imports a firm whose 登记状态 is “%s” as it is", (status) => {
    const result = normalizeRow(row(2, "凌源钢铁股份有限公司", "", "辽宁省", "朝阳市", "", "", "", "", status), header);
    expect(result.closed).toBeUndefined();
    expect(result.problems).toEqual([]);
  });

  it("imports a firm that has stopped trading for now (停业) with a note, and notes a status it cannot read", () => {
    const stopped = normalizeRow(row(7, "甲公司", "", "辽宁省", "朝阳市", "", "", "", "", "停业"), header);
    expect(stopped.closed).toBeUndefined();
    expect(stopped.firm?.status).toBe("停业");
    expect(stopped.problems).toMatchObject([{ row: 7, column: "登记状态", value: "停业", message: expect.stringContaining("暂停经营") }]);
    const odd = normalizeRow(row(7, "甲公司", "", "辽宁省", "朝阳市", "", "", "", "", "待定"), header);
    expect(odd.closed).toBeUndefined();
    expect(odd.problems).toMatchObject([{ column: "登记状态", value: "待定", message: expect.stringContaining("无法识别登记状态") }]);
  });

  it("notes staff it cannot read and still keeps the firm", () => {
    const result = normalizeRow(row(2, "甲公司", "", "辽宁省", "朝阳市", "", "", "50-99人"), header);
    expect(result.firm?.staff).toBeNull();
    expect(result.problems).toMatchObject([{ column: "参保人数", value: "50-99人" }]);
  });
});

describe("mapTags", () => {
  it.each([
    ["高新技术企业", ["高新技术企业"]],
    ["国家高新", ["高新技术企业"]],
    ["专精特新中小企业", ["专精特新"]],
    ['专精特新"小巨人"', ["专精特新", "小巨人"]],
    ["国家级专精特新“小巨人”企业", ["专精特新", "小巨人"]],
    ["上市公司", ["上市"]],
    ["A股", ["上市"]],
    ["国有企业", ["国企"]],
    ["中央企业", ["央企"]],
    ["外商独资企业", ["外资"]],
    ["规模以上工业企业", ["规上"]],
    ["制造业单项冠军", ["单项冠军"]],
    ["农业产业化国家重点龙头企业", ["龙头企业"]],
  ])("maps %s", (text, tags) => {
    expect(mapTags(text)).toEqual({ tags, others: [] });
  });

  it("keeps tags it cannot map, and does not read 拟上市 or 新三板 as listed", () => {
    expect(mapTags("科技型中小企业、拟上市、新三板挂牌")).toEqual({ tags: [], others: ["科技型中小企业", "拟上市", "新三板挂牌"] });
  });
});

describe("looksLikeFormula", () => {
  it.each(["=1+1", "+SUM(A1)", "-1+cmd", "@cmd", "=HYPERLINK(\"x\")"])("flags %j", (value) => expect(looksLikeFormula(value)).toBe(true));
  it.each(["-", "-5", "+86 421 1234567", "0421-1234567", "凌钢", "(0421)1234567"])("leaves %j alone", (value) => expect(looksLikeFormula(value)).toBe(false));
});

describe("normalizeRow with units in the header", () => {
  it("reads bare capital figures in the header's unit and currency", () => {
    const header = simpleHeader("企业名称", "所属城市", "注册资本(万美元)");
    expect(normalizeRow(row(2, "甲公司", "朝阳市", "250"), header).firm).toMatchObject({ capital: 250, capitalCurrency: "USD" });
    const inYuan = simpleHeader("企业名称", "所属城市", "注册资本（元）");
    expect(normalizeRow(row(2, "甲公司", "朝阳市", "50000000"), inYuan).firm).toMatchObject({ capital: 5000, capitalCurrency: "CNY" });
  });
});

describe("the written-out firm check", () => {
  const valid: ImportedFirm = {
    name: "凌源钢铁股份有限公司",
    uscc: "91211300120771925Q",
    aliases: ["凌钢"],
    regionCode: "211382",
    capital: 285_000,
    capitalCurrency: "CNY",
    foundedOn: "1998-05-28",
    tags: ["上市"],
    staff: 9_000,
    revenue: 2_000_000,
    industry: "C3120",
    scope: "钢铁冶炼",
    products: "热轧卷板",
    companyType: "股份有限公司",
    website: "https://lggf.example",
    phone: "0421-6838114",
    address: "辽宁省凌源市钢铁路3号",
    status: "存续",
    extras: { 备注: "龙头" },
  };
  /** For each field, values ImportedFirm takes and values it refuses, edges included. */
  const variants: Record<keyof ImportedFirm, unknown[]> = {
    name: ["x", "名".repeat(200), "名".repeat(201), "", null, 3],
    uscc: [null, "91211300120771925I", "9121130012077192", "91211300120771925q", "", 5],
    aliases: [[], ["a", "b"], [""], ["a", 1], "凌钢", null],
    regionCode: ["110105", "11010", "1101050", "11010a", "", null],
    capital: [null, 0, 1e10, 1e10 + 1, -0.01, Number.NaN, Number.POSITIVE_INFINITY, "5"],
    capitalCurrency: [null, "USD", "MOP", "usd", "RMB", ""],
    foundedOn: [null, "2024-02-29", "2023-02-29", "2026-13-01", "2026-1-01", "20260101", "", 20260101],
    tags: [[], ["专精特新", "小巨人"], ["高新企业"], [""], "上市", null],
    staff: [null, 0, 10_000_000, 10_000_001, 1.5, -1, Number.NaN, 2 ** 53, "12"],
    revenue: [null, 0, 1e10, 1e10 + 1, -1, Number.NEGATIVE_INFINITY],
    industry: [null, "", "C", 1],
    scope: [null, "", "x"],
    products: [null, "", "x"],
    companyType: [null, "", "x"],
    website: [null, "", "x"],
    phone: [null, "", "x"],
    address: [null, "", "x"],
    status: [null, "", "x", 1],
    extras: [{}, { a: "" }, { a: 1 }, null, [], { a: null }],
  };

  it("takes exactly the firms ImportedFirm takes", () => {
    expect(isImportedFirm(valid)).toBe(true);
    const disagreeing: string[] = [];
    for (const [field, values] of Object.entries(variants))
      for (const value of values) {
        const firm = { ...valid, [field]: value } as ImportedFirm;
        if (isImportedFirm(firm) !== ImportedFirm.safeParse(firm).success) disagreeing.push(`${field}=${JSON.stringify(value)}`);
      }
    expect(disagreeing).toEqual([]);
  });
});
