import { describe, expect, it } from "vitest";
import { conflictCurrent, rebaseEdits, sameValue } from "../../../client/src/model/conflict";

interface Form {
  name: string;
  capital: number | null;
  tags: string[];
  description: string;
}

const FIELDS = ["name", "capital", "tags", "description"] as const;
const base: Form = { name: "凌源钢铁", capital: 1000, tags: ["上市"], description: "" };

describe("a stale edit applied again on the current record", () => {
  it("keeps every field the person changed, and takes the others from the current record", () => {
    const edited = { ...base, capital: 2000 };
    const current = { ...base, description: "他人补充的说明" };
    const result = rebaseEdits(base, edited, current, FIELDS);
    expect(result.draft).toEqual({ ...base, capital: 2000, description: "他人补充的说明" });
    expect(result.mine).toEqual(["capital"]);
    expect(result.theirs).toEqual(["description"]);
    expect(result.clashes).toEqual([]);
  });

  it("when both changed the same field differently, then it is a clash and the person's value stays in the draft", () => {
    const edited = { ...base, name: "凌源钢铁集团" };
    const current = { ...base, name: "凌钢股份" };
    const result = rebaseEdits(base, edited, current, FIELDS);
    expect(result.clashes).toEqual(["name"]);
    expect(result.draft.name).toBe("凌源钢铁集团");
  });

  it("when both made the same change, then there is no clash", () => {
    const edited = { ...base, tags: ["上市", "国企"] };
    const current = { ...base, tags: ["上市", "国企"] };
    expect(rebaseEdits(base, edited, current, FIELDS).clashes).toEqual([]);
  });

  it("compares lists by content and ignores outer spaces and undefined vs null", () => {
    expect(sameValue(["a", "b"], ["a", "b"])).toBe(true);
    expect(sameValue(["a", "b"], ["b", "a"])).toBe(false);
    expect(sameValue(" 凌钢 ", "凌钢")).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue(0, null)).toBe(false);
  });
});

describe("the current record a conflict carries", () => {
  it("is read from a 409 conflict's details", () => {
    const current = { id: "x", version: 3 };
    expect(conflictCurrent({ status: 409, code: "conflict", details: { current } })).toBe(current);
  });

  it("is null for any other error", () => {
    expect(conflictCurrent({ status: 409, code: "feeds_cycle", details: { cycle: [] } })).toBeNull();
    expect(conflictCurrent({ status: 400, code: "conflict", details: { current: {} } })).toBeNull();
    expect(conflictCurrent({ status: 409, code: "conflict", details: null })).toBeNull();
    expect(conflictCurrent(new Error("x"))).toBeNull();
    expect(conflictCurrent(null)).toBeNull();
  });
});
