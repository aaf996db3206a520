/**
 * The in-memory scoring facts follow writes by the query each step runs
 * (server/services/scoring-facts.ts): every Cypher file that writes must say whether it
 * changes firms' scoring facts or segment links, so a new write cannot slip past them.
 */
import { describe, expect, it } from "vitest";
import { classificationGaps, NO_GAPS, WRITING_QUERIES } from "../support/writing-queries.js";
import { FIRM_NEUTRAL, FIRM_WRITES } from "../../server/services/scoring-facts.js";

describe("writes the scoring facts follow", () => {
  it("classifies every Cypher file that writes, naming only those, each once", () => {
    expect(WRITING_QUERIES.length).toBeGreaterThan(40);
    expect(classificationGaps(FIRM_WRITES, FIRM_NEUTRAL)).toEqual(NO_GAPS);
  });
});
