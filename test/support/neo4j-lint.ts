/**
 * Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support, the linter
 * behind Neo4j's editors), run on Cypher text with no Neo4j server: syntax, scoping,
 * types, functions and procedures, deprecations, performance notices, and the labels,
 * relationship types, property keys and relationship directions of ChainAtlas's schema
 * (server/graph/schema.ts).
 *
 * The analysis costs 50–150 ms of CPU a statement, so results are kept in
 * node_modules/.cache/neo4j-lint, keyed by everything that decides them (the linter's
 * version, the schema, the parameters, the text): a run lints only texts that changed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { DbSchema } from "@neo4j-cypher/language-support";
import { TABLES } from "../../server/graph/schema.js";

/** Every query is linted as Cypher 5, the language Neo4j 5 and 2025 servers default to. */
const VERSION = "CYPHER 5";

/**
 * The graph as Neo4j holds it: a label per node table, a type per relationship table, the
 * ends each relationship type joins. Functions and procedures are added at lint time.
 */
export const GRAPH = {
  defaultLanguage: VERSION,
  labels: TABLES.filter((t) => t.kind === "node").map((t) => t.name),
  relationshipTypes: TABLES.filter((t) => t.kind === "rel").map((t) => t.name),
  propertyKeys: [...new Set(TABLES.flatMap((t) => t.columns.map(([name]) => name)))],
  graphSchema: TABLES.flatMap((t) => (t.kind === "rel" ? [{ from: t.from, to: t.to, relType: t.name }] : [])),
} satisfies DbSchema;

export type Graph = typeof GRAPH;

export interface LintProblem {
  /** 1-based, in the linted text. */
  line: number;
  column: number;
  severity: "error" | "warning";
  message: string;
}

export interface LintResult {
  /**
   * Everything Neo4j would object to. Warnings count: an unknown label, property or
   * relationship direction is a query that silently finds nothing, a deprecation is a
   * query the next Cypher version refuses, a notice is sent back with every run.
   */
  problems: LintProblem[];
  /** The statements Neo4j's parser finds in the text, trimmed, without semicolons. */
  statements: string[];
}

type Linter = typeof import("@neo4j-cypher/language-support");
let linter: Promise<{ module: Linter; functions: DbSchema["functions"]; procedures: DbSchema["procedures"] }> | undefined;

/**
 * The linter, loaded only when a text is not in the cache (it is ten megabytes of script).
 * Functions and procedures are those of a Neo4j server as the package records them (its
 * `testData`), without plugins (APOC, GDS, GenAI): ChainAtlas needs none, so a query
 * calling one would fail on a stock server.
 */
function loadLinter() {
  return (linter ??= import("@neo4j-cypher/language-support").then((module) => {
    const plugin = /^(apoc|gds|genai)\./;
    const functions = module.testData.mockSchema.functions?.[VERSION] ?? {};
    const procedures = module.testData.mockSchema.procedures?.[VERSION] ?? {};
    return {
      module,
      functions: { [VERSION]: Object.fromEntries(Object.entries(functions).filter(([, f]) => f.isBuiltIn)) },
      procedures: { [VERSION]: Object.fromEntries(Object.entries(procedures).filter(([name]) => !plugin.test(name))) },
    };
  }));
}

const PACKAGE = fileURLToPath(new URL("../../node_modules/@neo4j-cypher/language-support/package.json", import.meta.url));
const CACHE = fileURLToPath(new URL("../../node_modules/.cache/neo4j-lint/", import.meta.url));
const linterVersion = (JSON.parse(readFileSync(PACKAGE, "utf8")) as { version: string }).version;

/** What Neo4j makes of `text`, run with the given parameters against `graph`. */
export async function lintNeo4j(text: string, params: readonly string[], graph: Graph = GRAPH): Promise<LintResult> {
  const key = createHash("sha256").update(JSON.stringify([linterVersion, graph, [...params].sort(), text])).digest("hex");
  const file = `${CACHE}${key}.json`;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LintResult;
  } catch {
    // Not linted yet.
  }
  const { module, functions, procedures } = await loadLinter();
  const schema: DbSchema = { ...graph, functions, procedures, parameters: Object.fromEntries(params.map((p) => [p, null])) };
  const result: LintResult = {
    problems: module.lintCypherQuery(text, schema, { consoleCommandsEnabled: false }).diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: d.severity === 1 ? "error" : "warning",
      message: typeof d.message === "string" ? d.message : d.message.value,
    })),
    statements: module
      .parseStatementsStrs(text)
      .map((s) => s.trim().replace(/;$/, "").trim())
      .filter(Boolean),
  };
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(result));
  renameSync(`${file}.${process.pid}`, file);
  return result;
}

/** Problems as compiler-style lines: `where:line:column severity: message`. */
export function formatProblems(where: string, problems: LintProblem[]): string[] {
  return problems.map((p) => `${where}:${p.line}:${p.column} ${p.severity}: ${p.message}`);
}
