/**
 * The in-memory scoring facts follow writes by the query each step runs
 * (server/services/scoring-facts.ts): every Cypher file that writes must say whether it
 * changes firms' scoring facts or segment links, so a new write cannot slip past them.
 */
import { describe, expect, it } from "vitest";
import { WRITING_QUERIES } from "../support/writing-queries.js";
import { FIRM_NEUTRAL, FIRM_WRITES } from "../../server/services/scoring-facts.js";

const writing = WRITING_QUERIES;

describe("writes the scoring facts follow", () => {
  it("classifies every Cypher file that writes", () => {
    expect(writing.length).toBeGreaterThan(40);
    const unclassified = [...new Set(writing)].filter((q) => !(q in FIRM_WRITES) && !FIRM_NEUTRAL.has(q));
    expect(unclassified).toEqual([]);
  });

  it("names only queries that exist", () => {
    const known = new Set(writing);
    expect([...Object.keys(FIRM_WRITES), ...FIRM_NEUTRAL].filter((q) => !known.has(q))).toEqual([]);
  });
});
