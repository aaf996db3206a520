import { describe, expect, it } from "vitest";
import { parseSchema, scanStatement, stagedColumns, table, TABLES } from "../../server/graph/schema.js";

describe("the schema description", () => {
  it("reads node tables with their key and typed columns in order", () => {
    const firm = table("Firm");
    expect(firm).toMatchObject({ kind: "node", key: "id" });
    expect(firm.columns.slice(0, 4)).toEqual([["id", "string"], ["uscc", "string"], ["name", "string"], ["aliases", "string[]"]]);
    expect(table("Region")).toMatchObject({ key: "code" });
  });

  it("reads relationship tables with their ends, and stages their ends first", () => {
    const link = table("OPERATES_IN");
    expect(link).toMatchObject({ kind: "rel", from: "Firm", to: "Segment" });
    expect(stagedColumns(link).map(([c]) => c)).toEqual(["from", "to", "confidence", "version"]);
    // Its texts are a link from the firm to itself naming the segment (graph/link-texts.ts).
    const texts = table("LINK_TEXTS");
    expect(texts).toMatchObject({ kind: "rel", from: "Firm", to: "Firm" });
    expect(stagedColumns(texts).map(([c]) => c)).toEqual(["from", "to", "segmentId", "products", "capacity", "source", "evidence"]);
  });

  it("reads a relationship table's ends and columns: a firm belongs to its parent firm", () => {
    const parent = table("BELONGS_TO");
    expect(parent).toMatchObject({ kind: "rel", from: "Firm", to: "Firm" });
    expect(stagedColumns(parent).map(([c]) => c)).toEqual(["from", "to", "kind", "source"]);
    expect(scanStatement(parent)).toBe("MATCH (a:Firm)-[r:BELONGS_TO]->(b:Firm) RETURN a.id AS `from`, b.id AS `to`, r.kind AS kind, r.source AS source");
  });

  it("knows every table the graph has, and no other", () => {
    expect(TABLES.filter((t) => t.kind === "node").length).toBeGreaterThanOrEqual(14);
    expect(() => table("Firm) DETACH DELETE (x")).toThrow(/Not a table/);
    expect(() => parseSchema("CREATE NODE TABLE IF NOT EXISTS X(a STRING);")).toThrow(/primary key/);
  });
});
