/**
 * The links kept in memory follow writes by the query each step runs
 * (server/services/link-facts.ts): every Cypher file that writes must say whether it
 * changes a zone membership, group link, supply tie or chain leader, and of which firms,
 * so a new write cannot slip past them.
 */
import { describe, expect, it } from "vitest";
import { classificationGaps, cypherText, NO_GAPS, WRITING_QUERIES } from "../support/writing-queries.js";
import { LINK_NEUTRAL, LINK_WRITES } from "../../server/services/link-facts.js";

describe("writes the links kept in memory follow", () => {
  it("classifies every Cypher file that writes, naming only those, each once", () => {
    expect(WRITING_QUERIES.length).toBeGreaterThan(40);
    expect(classificationGaps(LINK_WRITES, LINK_NEUTRAL)).toEqual(NO_GAPS);
  });

  it("follows every write naming a zone, group, supply or lead link, and a firm's deletion", () => {
    const linking = WRITING_QUERIES.filter((q) => /LOCATED_IN|BELONGS_TO|SUPPLIES|LEADS/.test(cypherText(q)));
    expect(linking.length).toBeGreaterThan(5);
    expect(linking.filter((q) => !(q in LINK_WRITES))).toEqual([]);
    expect(LINK_WRITES["firms/delete-firm"]).toEqual(["id"]);
  });
});
