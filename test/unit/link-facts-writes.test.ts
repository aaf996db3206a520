/**
 * The links kept in memory follow writes by the query each step runs
 * (server/services/link-facts.ts): every Cypher file that writes must say whether it
 * changes a zone membership, group link, supply tie or chain leader, and of which firms,
 * so a new write cannot slip past them.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classificationGaps, NO_GAPS, WRITING_QUERIES } from "../support/writing-queries.js";
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

function cypherText(query: string): string {
  const base = `cypher/${query}`;
  return [".cypher", ".kuzu.cypher", ".neo4j.cypher"]
    .map((ext) => base + ext)
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, "utf8").replace(/^\s*\/\/.*$/gm, ""))
    .join("\n");
}
