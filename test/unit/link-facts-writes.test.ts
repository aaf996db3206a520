/**
 * The links kept in memory follow writes by the query each step runs
 * (server/services/link-facts.ts): every Cypher file that writes must say whether it
 * changes a zone membership, group link, supply tie or chain leader, and of which firms,
 * so a new write cannot slip past them.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WRITING_QUERIES } from "../support/writing-queries.js";
import { LINK_NEUTRAL, LINK_WRITES } from "../../server/services/link-facts.js";

describe("writes the links kept in memory follow", () => {
  it("classifies every Cypher file that writes", () => {
    expect(WRITING_QUERIES.length).toBeGreaterThan(40);
    const unclassified = [...new Set(WRITING_QUERIES)].filter((q) => !(q in LINK_WRITES) && !LINK_NEUTRAL.has(q));
    expect(unclassified).toEqual([]);
  });

  it("names only queries that exist, each once", () => {
    const known = new Set(WRITING_QUERIES);
    expect([...Object.keys(LINK_WRITES), ...LINK_NEUTRAL].filter((q) => !known.has(q))).toEqual([]);
    expect(Object.keys(LINK_WRITES).filter((q) => LINK_NEUTRAL.has(q))).toEqual([]);
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
