import { describe, expect, it } from "vitest";
import { diffRecords, displayValue, parseRecord } from "../../../client/src/model/auditDiff";

describe("the fields an audit entry changed", () => {
  it("lists changed, added and removed fields in the record's order", () => {
    const before = { name: "凌钢", capital: 1000, tags: ["上市"], uscc: "X" };
    const after = { name: "凌源钢铁", capital: 1000, tags: ["上市", "国企"], foundedOn: "2001-01-01" };
    expect(diffRecords(before, after)).toEqual([
      { field: "name", kind: "changed", before: "凌钢", after: "凌源钢铁" },
      { field: "tags", kind: "changed", before: ["上市"], after: ["上市", "国企"] },
      { field: "uscc", kind: "removed", before: "X", after: null },
      { field: "foundedOn", kind: "added", before: null, after: "2001-01-01" },
    ]);
  });

  it("when the record was created, then every field is added; when deleted, every field removed", () => {
    expect(diffRecords(null, { a: 1, b: "x" }).map((d) => d.kind)).toEqual(["added", "added"]);
    expect(diffRecords({ a: 1 }, null)).toEqual([{ field: "a", kind: "removed", before: 1, after: null }]);
  });

  it("follows nested objects one level down, by field path", () => {
    const diffs = diffRecords({ attributes: { 官网: "a.cn", 电话: "1" } }, { attributes: { 官网: "b.cn", 电话: "1" } });
    expect(diffs).toEqual([{ field: "attributes.官网", kind: "changed", before: "a.cn", after: "b.cn" }]);
  });

  it("an unchanged record has no diff", () => {
    expect(diffRecords({ a: [1, 2] }, { a: [1, 2] })).toEqual([]);
  });

  it("reads before/after stored as JSON text, empty text as nothing", () => {
    expect(parseRecord('{"a":1}')).toEqual({ a: 1 });
    expect(parseRecord("")).toBeNull();
    expect(parseRecord({ a: 1 })).toEqual({ a: 1 });
    expect(parseRecord("not json")).toBe("not json");
  });

  it("shows values as one line: lists with 、, nothing as —", () => {
    expect(displayValue(["上市", "国企"])).toBe("上市、国企");
    expect(displayValue(null)).toBe("—");
    expect(displayValue("")).toBe("—");
    expect(displayValue([])).toBe("—");
    expect(displayValue(12.5)).toBe("12.5");
    expect(displayValue({ a: 1 })).toBe('{"a":1}');
  });
});
