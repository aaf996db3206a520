/**
 * A graph made before records had versions opens with the new schema: the version column
 * is added with every existing row at 1, and editing works on it at once.
 */
import kuzu from "kuzu";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { PreconditionFailed } from "../../server/graph/store.js";
import { KuzuStore } from "../../server/graph/kuzu-store.js";

const dir = mkdtempSync(path.join(tmpdir(), "chainatlas-upgrade-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Today's schema as it was before versions: no version or capital columns (source, year,
 * currency), no ALTER statements, segment links holding their texts.
 */
function schemaBeforeVersions(): string[] {
  const ddl = readFileSync(fileURLToPath(new URL("../../cypher/schema/create-schema.kuzu.cypher", import.meta.url)), "utf8");
  return ddl
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//") && !line.startsWith("ALTER") && !line.includes("BELONGS_TO") && !line.includes("LINK_TEXTS"))
    .join("\n")
    .replace("OPERATES_IN(FROM Firm TO Segment, confidence DOUBLE, version INT64)", "OPERATES_IN(FROM Firm TO Segment, products STRING, capacity STRING, confidence DOUBLE, source STRING, evidence STRING, version INT64)")
    .replace(", capitalSource STRING, capitalAsOf INT64, capitalAmount DOUBLE, capitalCurrency STRING, standing STRING, standingText STRING, standingOn STRING)", ")")
    .replace(/(TABLE IF NOT EXISTS (?:Segment|Firm|OPERATES_IN)\([^;]*), version INT64\)/g, "$1)")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

describe.skipIf(Boolean(process.env.NEO4J_URI))("opening a graph made before versions", () => {
  it("adds the version column with every segment, firm and segment link at 1, and guarded edits work", async () => {
    const file = path.join(dir, "graph.kuzu");
    const old = new kuzu.Database(file, 256 * 1024 * 1024);
    const connection = new kuzu.Connection(old);
    const run = async (text: string) => {
      const result = await connection.query(text);
      for (const r of Array.isArray(result) ? result : [result]) r.close();
    };
    const statements = schemaBeforeVersions();
    expect(statements.some((s) => /TABLE IF NOT EXISTS Firm\([^)]*(version|capitalSource|standing)/.test(s))).toBe(false);
    for (const statement of statements) await run(statement);
    await run("CREATE (:Chain {id: 'steel', name: '钢铁'})");
    await run("CREATE (:Segment {id: 'steel-coke', name: '焦炭', stage: 'upstream', position: 0})");
    await run("CREATE (:Firm {id: 'xuyang', name: '旭阳焦化'})");
    await run("MATCH (f:Firm {id: 'xuyang'}), (s:Segment {id: 'steel-coke'}) CREATE (f)-[:OPERATES_IN {products: '焦炭'}]->(s)");
    await run("MATCH (s:Segment {id: 'steel-coke'}), (c:Chain {id: 'steel'}) CREATE (s)-[:PART_OF]->(c)");
    await connection.close();
    await old.close();

    const store = await KuzuStore.open(file, { bufferPoolMiB: 256 });
    try {
      await store.ensureSchema();
      await store.ensureSchema(); // every start runs it again
      for (const tableName of ["Segment", "Firm", "OPERATES_IN"]) {
        const versions: unknown[] = [];
        for await (const row of store.scan(tableName)) versions.push(row.version);
        expect([tableName, versions]).toEqual([tableName, [1]]);
      }
      const change = { id: "steel-coke", chainId: "steel", name: "焦炭/焦化", stage: "upstream", position: 0, industryCodes: ["C2521"], keywords: ["焦炭"], description: "", source: "t", searchText: "焦炭" };
      await expect(store.write([{ query: "chains/update-segment", rows: [{ ...change, version: 2 }], mustMatch: true }])).rejects.toBeInstanceOf(PreconditionFailed);
      await store.write([{ query: "chains/update-segment", rows: [{ ...change, version: 1 }], mustMatch: true }]);
      expect(await store.read("chains/get-segment-record", { id: "steel-coke" })).toMatchObject([{ name: "焦炭/焦化", version: 2 }]);

      // A graph made before firms could belong to a parent firm gains the table on open.
      // … and the columns for a capital's source and year, and for capital given in another currency.
      await store.write([{ query: "firms/upsert-firm", rows: [{ id: "xuyang-holding", uscc: null, name: "旭阳集团有限公司", aliases: [], regionCode: "130500", capital: 3594.2, capitalSource: null, capitalAsOf: null, capitalAmount: 500, capitalCurrency: "USD", foundedOn: null, staff: null, revenue: null, tags: [], sample: true, source: "t", asOf: null, attributes: "{}", searchText: "旭阳集团" }] }]);
      expect(await store.read("firms/get-firm", { id: "xuyang-holding" })).toMatchObject([{ capital: 3594.2, capitalAmount: 500, capitalCurrency: "USD" }]);
      await store.write([{ query: "firms/link-parent", rows: [{ from: "xuyang", to: "xuyang-holding", kind: "subsidiary", source: "t" }] }]);
      expect(await store.read("firms/firm-parent", { id: "xuyang" })).toEqual([{ id: "xuyang-holding", name: "旭阳集团有限公司", kind: "subsidiary", source: "t" }]);
      expect(await store.read("chains/get-segment-record", { id: "steel-coke" })).toMatchObject([{ chainId: "steel" }]);
      // … and its segment links' texts are kept apart, as read before.
      expect(await store.read("firms/firm-segments", { id: "xuyang" })).toMatchObject([{ segmentId: "steel-coke", products: "焦炭", capacity: null, confidence: null, version: 1 }]);
      // A graph made before capital figures named their own source gains the columns, empty.
      expect(await store.read("firms/get-firm", { id: "xuyang" })).toMatchObject([{ capital: null, capitalSource: null, capitalAsOf: null }]);
      // … and the columns of a firm's 登记状态, empty (taken as active), which can then be set.
      expect(await store.read("firms/get-firm", { id: "xuyang" })).toMatchObject([{ standing: null, standingText: null, standingOn: null }]);
      await store.write([{ query: "firms/set-standing", rows: [{ id: "xuyang", standing: "closed", standingText: "吊销，未注销", standingOn: "2026-12-01" }], mustMatch: true }]);
      expect(await store.read("firms/get-firm", { id: "xuyang" })).toMatchObject([{ standing: "closed", standingText: "吊销，未注销", standingOn: "2026-12-01" }]);
    } finally {
      await store.close();
    }
  });
});
