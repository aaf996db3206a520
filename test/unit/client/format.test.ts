import { describe, expect, it } from "vitest";
import { formatCapital, formatDate, formatMoney, formatPercent } from "../../../client/src/model/format";

describe("formatting", () => {
  it("shows money below 1 亿 in 万元 with thousands separators", () => {
    expect(formatMoney(5000)).toBe("5,000 万元");
    expect(formatMoney(1234.5)).toBe("1,234.5 万元");
  });
  it("shows money from 1 亿 up in 亿元", () => {
    expect(formatMoney(10_000)).toBe("1 亿元");
    expect(formatMoney(125_000)).toBe("12.5 亿元");
  });
  it("shows capital given in another currency as given beside its 万元 figure, and unknown when there is no rate", () => {
    expect(formatCapital({ capital: 3594.2, capitalAmount: 500, capitalCurrency: "USD" })).toBe("3,594.2 万元（500 万美元）");
    expect(formatCapital({ capital: null, capitalAmount: 800, capitalCurrency: "TWD" })).toBe("未知（800 万新台币）");
    expect(formatCapital({ capital: 3594.2, capitalAmount: 500, capitalCurrency: "USD" }, "en")).toBe("CNY 35.94 m (USD 5 m)");
    expect(formatCapital({ capital: 5000, capitalAmount: null, capitalCurrency: null })).toBe("5,000 万元");
  });
  it("shows unknown money as 未知, never as 0 or a dash", () => {
    expect(formatMoney(null)).toBe("未知");
    expect(formatMoney(undefined, "en")).toBe("unknown");
  });
  it("converts to CNY millions and billions in English", () => {
    expect(formatMoney(5000, "en")).toBe("CNY 50 m");
    expect(formatMoney(125_000, "en")).toBe("CNY 1.25 bn");
  });
  it("writes dates as 2026-11-22 and ratios as whole percent", () => {
    expect(formatDate(new Date(2026, 10, 2))).toBe("2026-11-02");
    expect(formatPercent(0.7849)).toBe("78%");
  });
});
