/**
 * The firm keys kept in memory follow writes by the query each step runs
 * (server/imports/firm-keys.ts): every Cypher file that writes must say whether it changes
 * a firm's keys (id, 统一社会信用代码, name, region), and of which firm, so a new write
 * cannot slip past them.
 */
import { describe, expect, it } from "vitest";
import { classificationGaps, cypherText, NO_GAPS, WRITING_QUERIES } from "../support/writing-queries.js";
import { KEY_NEUTRAL, KEY_WRITES } from "../../server/imports/firm-keys.js";

describe("writes the firm keys kept in memory follow", () => {
  it("classifies every Cypher file that writes, naming only those, each once", () => {
    expect(WRITING_QUERIES.length).toBeGreaterThan(40);
    expect(classificationGaps(KEY_WRITES, KEY_NEUTRAL)).toEqual(NO_GAPS);
  });

  it("follows every write that creates, deletes or sets the keys of a firm", () => {
    const keying = WRITING_QUERIES.filter((q) => {
      const text = cypherText(q);
      const firms = [...text.matchAll(/\((\w+):Firm\b/g)].map((m) => m[1]!);
      return firms.some((f) => new RegExp(`(CREATE|MERGE) \\(${f}:Firm\\b|\\b${f}\\.(uscc|name|regionCode) = |DELETE ${f}\\b`).test(text));
    });
    expect(keying.length).toBeGreaterThanOrEqual(5);
    expect(keying.filter((q) => !(q in KEY_WRITES))).toEqual([]);
    expect(KEY_WRITES["admin/delete-all"]).toBe("all");
  });
});
