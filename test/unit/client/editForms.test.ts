import { describe, expect, it } from "vitest";
import type { Region } from "../../../server/model/domain";
import { changedValues, duplicateFirm, firmForm, firmPayload, FIRM_FIELDS, regionPath, regionTree, segmentPayload } from "../../../client/src/model/editForms";

const firm = {
  name: "凌源钢铁",
  uscc: null,
  aliases: ["凌钢"],
  regionCode: "211382",
  zoneId: "lingyuan",
  capital: 1000,
  capitalAmount: null,
  capitalCurrency: null,
  foundedOn: null,
  staff: null,
  revenue: null,
  tags: ["上市" as const],
  sample: false,
  source: "001.txt",
  asOf: null,
};

describe("what an edit sends", () => {
  it("only the fields the person changed, so a save never overwrites a field others changed", () => {
    const base = firmForm(firm);
    const edited = { ...base, capital: 2000, aliases: ["凌钢", "凌钢集团"] };
    expect(changedValues(base, edited, FIRM_FIELDS)).toEqual({ capital: 2000, aliases: ["凌钢", "凌钢集团"] });
    expect(changedValues(base, { ...base }, FIRM_FIELDS)).toEqual({});
  });

  it("shows a capital given in another currency as given, and sends amount and currency as changed", () => {
    const usd = firmForm({ ...firm, capital: 3594.2, capitalAmount: 500, capitalCurrency: "USD" });
    expect([usd.capital, usd.capitalCurrency]).toEqual([500, "USD"]);
    expect([firmForm(firm).capital, firmForm(firm).capitalCurrency]).toEqual([1000, "CNY"]);
    expect(changedValues(usd, { ...usd, capitalCurrency: "EUR" }, FIRM_FIELDS)).toEqual({ capitalCurrency: "EUR" });
  });

  it("an unknown credit code is empty in the form and null in the request; a typed one is upper-cased", () => {
    expect(firmForm(firm).uscc).toBe("");
    expect(firmPayload({ uscc: "" })).toEqual({ uscc: null });
    expect(firmPayload({ uscc: " 91211382mA0tp1xj7k " })).toEqual({ uscc: "91211382MA0TP1XJ7K" });
    expect(firmPayload({ capital: 5 })).toEqual({ capital: 5 });
  });

  it("trims names and drops blank aliases, keywords and duplicate industry codes", () => {
    expect(firmPayload({ name: " 凌钢 ", aliases: [" 凌钢 ", " "] })).toEqual({ name: "凌钢", aliases: ["凌钢"] });
    expect(segmentPayload({ keywords: ["炼钢", " 炼钢 ", ""], industryCodes: ["c3120", "C3120"] })).toEqual({ keywords: ["炼钢"], industryCodes: ["C3120"] });
  });
});

describe("the region picker", () => {
  const regions: Region[] = [
    { code: "210000", name: "辽宁省", level: "province", parentCode: null },
    { code: "211300", name: "朝阳市", level: "city", parentCode: "210000" },
    { code: "211382", name: "凌源市", level: "county", parentCode: "211300" },
    { code: "110000", name: "北京市", level: "province", parentCode: null },
  ];

  it("nests counties under cities under provinces, in code order", () => {
    expect(regionTree(regions)).toEqual([
      { value: "110000", label: "北京市" },
      { value: "210000", label: "辽宁省", children: [{ value: "211300", label: "朝阳市", children: [{ value: "211382", label: "凌源市" }] }] },
    ]);
  });

  it("a code's value in the picker is its path from the province down", () => {
    expect(regionPath("211382", regions)).toEqual(["210000", "211300", "211382"]);
    expect(regionPath("210000", regions)).toEqual(["210000"]);
    expect(regionPath("999999", regions)).toEqual([]);
    expect(regionPath("", regions)).toEqual([]);
  });
});

describe("a duplicate 统一社会信用代码", () => {
  it("names the firm that holds the code", () => {
    expect(duplicateFirm({ field: "body.uscc", uscc: "X", firm: { id: "lingang", name: "凌源钢铁" } })).toEqual({ id: "lingang", name: "凌源钢铁" });
    expect(duplicateFirm({ existing: { id: "a", name: "甲" } })).toEqual({ id: "a", name: "甲" });
    expect(duplicateFirm(null)).toBeNull();
    expect(duplicateFirm({ field: "body.uscc" })).toBeNull();
  });
});
