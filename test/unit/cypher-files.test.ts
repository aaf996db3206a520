import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cypherQuery, cypherQueryNames } from "../../server/graph/cypher-files.js";

describe("Cypher files", () => {
  it("a query's text keeps the file's lines, its comments blanked, so positions in errors are the file's", () => {
    const file = readFileSync("cypher/zones/list-zones.cypher", "utf8").trimEnd().split("\n");
    const text = cypherQuery("zones/list-zones", "kuzu").text.split("\n");
    expect(text).toEqual(file.map((line) => (line.startsWith("//") ? "" : line)));
    expect(text[0]).toBe("");
    // The header's "$zoneId (or null for all)" is no parameter of its own.
    expect(cypherQuery("zones/list-zones", "kuzu").params).toEqual(["zoneId"]);
  });

  it("lists the queries an engine resolves: shared files and that engine's overrides only", () => {
    const neo4j = cypherQueryNames("neo4j");
    const kuzu = cypherQueryNames("kuzu");
    expect(neo4j).toContain("schema/create-schema");
    expect(neo4j).toContain("zones/list-zones");
    expect(neo4j).not.toContain("search/firm-blocks");
    expect(kuzu).toContain("search/firm-blocks");
    for (const name of neo4j) expect(cypherQuery(name, "neo4j").file).toMatch(new RegExp(`^${name}(\\.neo4j)?\\.cypher$`));
    for (const name of kuzu) expect(cypherQuery(name, "kuzu").file).toMatch(new RegExp(`^${name}(\\.kuzu)?\\.cypher$`));
  });
});
