import { describe, expect, it } from "vitest";
import { headerCurrency, headerMoneyUnit, isValidUscc, parseCapital, parseDate, parseUscc, regionFromAddress, resolveRegion, standingOf, usccCheckCharacter } from "../../../server/imports/values.js";

describe("统一社会信用代码", () => {
  it("accepts codes whose 18th character is the GB 32100-2015 check character", () => {
    expect(isValidUscc("91350100M000100Y43")).toBe(true); // the standard's own example
    expect(usccCheckCharacter("91350100M000100Y4")).toBe("3");
  });

  it("rejects a wrong check character, a wrong length and letters outside the alphabet", () => {
    expect(isValidUscc("91350100M000100Y44")).toBe(false);
    expect(isValidUscc("91350100M000100Y4")).toBe(false);
    expect(isValidUscc("91350100M0001O0Y43")).toBe(false);
    expect(isValidUscc("91350100m000100y43")).toBe(false);
  });

  it("maps a remainder of 0 to the check character 0", () => {
    // 31 - (sum mod 31) is 31 when the sum is a multiple of 31; the standard writes 0.
    const body = [...Array(31)].map((_, i) => `9135010000000${String(i).padStart(4, "0")}`).find((b) => usccCheckCharacter(b) === "0");
    expect(body).toBeDefined();
    expect(isValidUscc(`${body}0`)).toBe(true);
  });

  it("cleans spaces and lower case before checking, and says what is wrong and how to fix it", () => {
    expect(parseUscc(" 91350100m000100y43 ")).toEqual({ ok: true, value: "91350100M000100Y43" });
    expect(parseUscc("-")).toEqual({ ok: true, value: null });
    expect(parseUscc("91350100M000100Y44")).toMatchObject({ ok: false, message: "统一社会信用代码校验位错误", fix: expect.stringContaining("或留空") });
    expect(parseUscc("350100400001234")).toMatchObject({ ok: false, message: expect.stringContaining("15位"), fix: expect.stringContaining("旧版注册号") });
    expect(parseUscc("91350100M000100O43")).toMatchObject({ ok: false, message: expect.stringContaining("“O”") });
  });
});

describe("parseCapital", () => {
  it.each([
    ["5000万元", 5000, "CNY"],
    ["5000万", 5000, "CNY"],
    ["1.2亿元", 12000, "CNY"],
    ["1.2亿", 12000, "CNY"],
    ["500万美元", 500, "USD"],
    ["5,000.00", 5000, "CNY"],
    ["5000万人民币", 5000, "CNY"],
    ["（人民币）5000万元", 5000, "CNY"],
    ["100万港元", 100, "HKD"],
    ["5000.000000万人民币", 5000, "CNY"],
    ["500000元", 50, "CNY"],
    ["１０００万元", 1000, "CNY"],
    ["100万新台币", 100, "TWD"],
    ["200万欧元", 200, "EUR"],
  ])("reads %s as %d 万 %s", (text, wan, currency) => {
    expect(parseCapital(text)).toEqual({ ok: true, value: { wan, currency } });
  });

  it("reads a bare number in the unit the header states, 万元 when it states none", () => {
    expect(parseCapital("5000")).toEqual({ ok: true, value: { wan: 5000, currency: "CNY" } });
    expect(parseCapital("50000000", "元")).toEqual({ ok: true, value: { wan: 5000, currency: "CNY" } });
    expect(parseCapital("1.5", "亿元")).toEqual({ ok: true, value: { wan: 15000, currency: "CNY" } });
    expect(headerMoneyUnit("注册资本(万元)")).toBe("万元");
    expect(headerMoneyUnit("营业收入（元）")).toBe("元");
    expect(headerMoneyUnit("营收(亿元)")).toBe("亿元");
    expect(headerMoneyUnit("注册资本")).toBeNull();
  });

  it.each(["-", "", "—", "暂无", "null"])("reads the placeholder %j as no value", (text) => {
    expect(parseCapital(text)).toEqual({ ok: true, value: null });
  });

  it("explains what it cannot read", () => {
    expect(parseCapital("五千万")).toMatchObject({ ok: false, message: "无法识别金额“五千万”", fix: expect.stringContaining("5000万元") });
    expect(parseCapital("-5")).toMatchObject({ ok: false, message: expect.stringContaining("负数") });
  });
});

describe("parseDate", () => {
  it.each([
    ["2020-01-02", "2020-01-02"],
    ["2020/1/2", "2020-01-02"],
    ["2020.01.02", "2020-01-02"],
    ["2020年1月2日", "2020-01-02"],
    ["20200102", "2020-01-02"],
    ["43831", "2020-01-01"],
    ["2020-01-02T08:00:00+08:00", "2020-01-02"],
    ["2020-01-02 00:00:00", "2020-01-02"],
    ["２０２０－０１－０２", "2020-01-02"],
  ])("reads %s", (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it("rejects days that do not exist and text that is no date, saying how to write one", () => {
    expect(parseDate("2020-02-30")).toMatchObject({ ok: false, message: "日期不存在：“2020-02-30”", fix: expect.stringContaining("2020-01-02") });
    expect(parseDate("昨天")).toMatchObject({ ok: false, message: "无法识别日期“昨天”" });
    expect(parseDate("-")).toEqual({ ok: true, value: null });
  });
});

describe("resolveRegion", () => {
  const code = (input: Parameters<typeof resolveRegion>[0]) => {
    const result = resolveRegion(input);
    return result.ok ? result.value.code : result.message;
  };

  it("reads names with and without suffixes", () => {
    expect(code({ province: "河北", city: "唐山", county: "迁安" })).toBe("130283");
    expect(code({ province: "河北省", city: "唐山市", county: "迁安市" })).toBe("130283");
    expect(resolveRegion({ province: "河北", city: "唐山", county: "迁安" })).toEqual({ ok: true, value: { code: "130283", level: "county", path: "河北省 唐山市 迁安市" } });
  });

  it("tells 朝阳区 of Beijing from 朝阳区 of Changchun by the province or city", () => {
    expect(code({ province: "北京市", city: "北京市", county: "朝阳区" })).toBe("110105");
    expect(code({ province: "吉林", county: "朝阳区" })).toBe("220104");
    expect(code({ city: "长春", county: "朝阳区" })).toBe("220104");
    expect(resolveRegion({ county: "朝阳区" })).toMatchObject({ ok: false, message: expect.stringContaining("北京市 朝阳区、吉林省 长春市 朝阳区"), fix: expect.stringContaining("省份或城市") });
  });

  it("takes 朝阳 in the city column as 朝阳市, not a 朝阳区", () => {
    expect(resolveRegion({ city: "朝阳" })).toEqual({ ok: true, value: { code: "211300", level: "city", path: "辽宁省 朝阳市" } });
  });

  it("reads the address when the columns are missing", () => {
    expect(code({ address: "河北省唐山市路北区建设路1号" })).toBe("130203");
    expect(code({ address: "北京市朝阳区建国路88号" })).toBe("110105");
    expect(code({ address: "辽宁朝阳凌源市钢铁路3号" })).toBe("211382");
    expect(code({ address: "朝阳县柳城经济开发区" })).toBe("211321");
    expect(code({ address: "广西南宁市青秀区民族大道" })).toBe("450103");
    expect(code({ province: "辽宁省", address: "朝阳市双塔区龙山街" })).toBe("211302");
  });

  it("uses the address to settle an ambiguous county", () => {
    expect(code({ county: "朝阳区", address: "吉林省长春市朝阳区人民大街" })).toBe("220104");
  });

  it("does not read a street named after a city as that city", () => {
    expect(regionFromAddress("中山路1号")).toBeNull();
    expect(regionFromAddress("北京路18号")).toBeNull();
  });

  it("understands old suffixes and common abbreviations inside a known province or city", () => {
    expect(code({ province: "河北", county: "迁安县" })).toBe("130283");
    expect(code({ province: "辽宁", city: "朝阳", county: "喀左县" })).toBe("211324");
    expect(code({ province: "辽宁省", county: "喀左" })).toBe("211324");
  });

  it("handles municipalities, autonomous regions and county-level cities under a province", () => {
    expect(code({ province: "上海", county: "浦东新区" })).toBe("310115");
    expect(code({ address: "新疆乌鲁木齐市天山区" })).toBe("650102");
    expect(code({ city: "济源市" })).toBe("419001");
  });

  it("keeps the region it can place and names the part it cannot", () => {
    expect(resolveRegion({ province: "辽宁", county: "朝阳区" })).toEqual({ ok: true, value: { code: "210000", level: "province", path: "辽宁省", unplaced: "朝阳区" } });
  });

  it("explains a region it cannot place at all", () => {
    expect(resolveRegion({ province: "火星" })).toMatchObject({ ok: false, message: "无法识别地区“火星”" });
    expect(resolveRegion({})).toMatchObject({ ok: false, message: expect.stringContaining("均为空"), fix: expect.stringContaining("注册地址") });
  });
});

describe("money in a header's currency", () => {
  it("reads a bare number under 注册资本(万美元) as US dollars, and a stated currency as stated", () => {
    expect(headerCurrency("注册资本(万美元)")).toBe("USD");
    expect(headerMoneyUnit("注册资本(万美元)")).toBe("万元");
    expect(headerCurrency("注册资本（万元）")).toBe("CNY");
    expect(headerCurrency("注册资本")).toBeNull();
    expect(parseCapital("500", "万元", "USD")).toEqual({ ok: true, value: { wan: 500, currency: "USD" } });
    expect(parseCapital("500万港元", "万元", "USD")).toEqual({ ok: true, value: { wan: 500, currency: "HKD" } });
  });
});

describe("a cell's own currency against the header's", () => {
  it("reads 元 written in the cell as 人民币 under a 注册资本(万美元) header; bare numbers and 万 take the header's", () => {
    expect(parseCapital("100万元", "万元", "USD")).toEqual({ ok: true, value: { wan: 100, currency: "CNY" } });
    expect(parseCapital("1亿元", "万元", "USD")).toEqual({ ok: true, value: { wan: 10000, currency: "CNY" } });
    expect(parseCapital("100", "万元", "USD")).toEqual({ ok: true, value: { wan: 100, currency: "USD" } });
    expect(parseCapital("100万", "万元", "USD")).toEqual({ ok: true, value: { wan: 100, currency: "USD" } });
    expect(parseCapital("100万港元", "万元", "USD")).toEqual({ ok: true, value: { wan: 100, currency: "HKD" } });
  });
});

describe("standingOf (登记状态 as 企查查, 天眼查, 启信宝, 爱企查 and the 公示系统 write it)", () => {
  it.each([
    ["存续", "active"], ["在业", "active"], ["开业", "active"], ["存续（在营、开业、在册）", "active"], ["在营（开业）企业", "active"], ["迁入", "active"],
    ["停业", "suspended"], ["歇业", "suspended"],
    ["注销", "closed"], ["吊销", "closed"], ["吊销，未注销", "closed"], ["吊销，已注销", "closed"], ["迁出", "closed"], ["撤销", "closed"], ["清算", "closed"], ["责令关闭", "closed"],
    ["-", null], ["", null], ["待定", null],
  ])("reads %s as %s", (text, standing) => {
    expect(standingOf(text)).toBe(standing);
  });
});
