import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cypherQuery, cypherQueryNames, cypherStatements } from "../../server/graph/cypher-files.js";
import { unwindStatement } from "../../server/graph/neo4j-store.js";
import { backupStatement, countStatement, scanStatement, TABLES } from "../../server/graph/schema.js";
import { formatProblems, GRAPH, lintNeo4j } from "../support/neo4j-lint.js";

/**
 * No Neo4j runs in CI, so every Cypher text the Neo4j engine sends passes Neo4j's own
 * parser and semantic analysis against the schema instead (test/support/neo4j-lint.ts).
 * `npm run test:neo4j` runs the integration suite against a real server.
 */

/** Linting every text afresh (a clean checkout) takes CPU-seconds; later runs read the cache. */
const UNCACHED = { timeout: 300_000 };

/** Query names the server reads as lists of statements (cypherStatements("…")). */
function statementLists(dir = "server"): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) statementLists(full).forEach((n) => names.add(n));
    else if (full.endsWith(".ts"))
      for (const m of readFileSync(full, "utf8").matchAll(/cypherStatements\(\s*"([^"]+)"/g)) names.add(m[1]!);
  }
  return names;
}

describe("every Cypher text the Neo4j engine runs passes Neo4j's parser and semantic analysis", UNCACHED, () => {
  it("each file under cypher/ that resolves for Neo4j, as the engine sends it", async () => {
    const lists = statementLists();
    const problems: string[] = [];
    const names = cypherQueryNames("neo4j");
    for (const name of names) {
      const query = cypherQuery(name, "neo4j");
      const where = `cypher/${query.file}`;
      const { problems: found, statements } = await lintNeo4j(query.text, query.params);
      problems.push(...formatProblems(where, found));
      if (lists.has(name)) {
        // The engine splits on semicolons; it must cut where Neo4j's parser does.
        if (JSON.stringify(cypherStatements(name, "neo4j")) !== JSON.stringify(statements))
          problems.push(`${where}: splitting on ";" does not give the statements Neo4j's parser finds`);
      } else if (statements.length !== 1) {
        problems.push(`${where}: holds ${statements.length} statements; a query runs as one (only cypherStatements reads several)`);
      }
    }
    expect(problems).toEqual([]);
    expect(names).toContain("schema/create-schema");
    expect(names.length).toBeGreaterThan(100);
  });

  it("the bulk-load UNWIND, scan, backup and count of every table", async () => {
    // A relationship's row names its ends `from` and `to`; the linter takes `r.from` inside
    // `(a {id: r.from})` for a property of `a`, so those two keys are declared here.
    const rows = { ...GRAPH, propertyKeys: [...GRAPH.propertyKeys, "from", "to"] };
    const problems: string[] = [];
    for (const t of TABLES) {
      const unwind = unwindStatement(t);
      problems.push(...formatProblems(`unwindStatement(${t.name}) «${unwind}»`, (await lintNeo4j(unwind, ["rows"], rows)).problems));
      const scan = scanStatement(t);
      problems.push(...formatProblems(`scanStatement(${t.name}) «${scan}»`, (await lintNeo4j(scan, [])).problems));
      const backup = backupStatement(t);
      problems.push(...formatProblems(`backupStatement(${t.name}) «${backup}»`, (await lintNeo4j(backup, [])).problems));
      const count = countStatement(t);
      problems.push(...formatProblems(`countStatement(${t.name}) «${count}»`, (await lintNeo4j(count, [])).problems));
    }
    expect(problems).toEqual([]);
  });
});

describe("the Neo4j lint", () => {
  const lint = async (text: string, params: string[] = []) =>
    (await lintNeo4j(text, params)).problems.map((p) => `${p.line}:${p.column} ${p.message}`).join("\n");

  it("passes a query that Neo4j runs", async () => {
    expect(await lint("MATCH (f:Firm {id: $id})-[o:OPERATES_IN]->(s:Segment)\nRETURN f.name AS name, o.confidence AS confidence, s { .id } AS segment", ["id"])).toBe("");
  });

  it("reports a syntax error at its line and column", async () => {
    expect(await lint("MATCH (f:Firm)\nRETRUN f.name")).toMatch(/^2:1 Invalid input 'RETRUN'/);
  });

  it("reports Kùzu's dialect where Neo4j has its own", async () => {
    expect(await lint("MATCH (f:Firm) RETURN list_filter(f.tags, t -> t <> '') AS tags")).toMatch(/list_filter/);
    expect(await lint("RETURN current_timestamp() AS now")).toMatch(/Function current_timestamp is not present/);
  });

  it("reports labels, relationship types, properties and directions the schema does not have", async () => {
    expect(await lint("MATCH (f:Company) RETURN f.id AS id")).toMatch(/Company is not present/);
    expect(await lint("MATCH (f:Firm)-[:SUPPLIES_TO]->(g:Firm) RETURN g.id AS id")).toMatch(/SUPPLIES_TO is not present/);
    expect(await lint("MATCH (f:Firm) RETURN f.nmae AS name")).toMatch(/nmae is not present/);
    expect(await lint("MATCH (s:Segment)-[:OPERATES_IN]->(f:Firm) RETURN f.id AS id")).not.toBe("");
  });

  it("reports scoping, typing and parameter mistakes", async () => {
    expect(await lint("MATCH (f:Firm) WITH f.id AS id RETURN f.name AS name")).toMatch(/Variable `f` not defined/);
    expect(await lint("MATCH (f:Firm) RETURN f.id AS id LIMIT 2.5")).toMatch(/Integer/);
    expect(await lint("MATCH (f:Firm {id: $id}) RETURN f.name AS name")).toMatch(/\$id is not defined/);
  });

  it("reports deprecated Cypher and disconnected patterns", async () => {
    expect(await lint("MATCH (f:Firm) RETURN id(f) AS id")).toMatch(/deprecated/);
    expect(await lint("MATCH (a:Firm {id: $a}), (b:Firm {id: $b}) MERGE (a)-[:SUPPLIES]->(b)", ["a", "b"])).toMatch(/cartesian product/);
  });
});
