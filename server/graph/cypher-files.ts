/**
 * Loads Cypher text from cypher/<name>.cypher, preferring an engine-specific override
 * cypher/<name>.<engine>.cypher where the dialects differ. Each file is read once.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Engine, Params } from "./store.js";
import { StoreError } from "./store.js";

const CYPHER_DIR = fileURLToPath(new URL("../../cypher/", import.meta.url));
const cache = new Map<string, CypherQuery>();

/** Query names are paths under cypher/ without extension: "zones/list-zones". */
const QUERY_NAME = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

export interface CypherQuery {
  name: string;
  /** The file it was read from, relative to cypher/ ("zones/list-zones.cypher"). */
  file: string;
  text: string;
  /** The $parameters the text uses. */
  params: string[];
}

export function cypherQuery(name: string, engine: Engine): CypherQuery {
  const key = `${engine}:${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  if (!QUERY_NAME.test(name)) throw new StoreError(`"${name}" is not a query name (expected e.g. zones/list-zones)`);
  const candidates = [`${name}.${engine}.cypher`, `${name}.cypher`].map((f) => path.join(CYPHER_DIR, f));
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new StoreError(`No Cypher file for query "${name}" (looked for ${candidates.join(", ")})`);
  const text = stripComments(readFileSync(file, "utf8"));
  const query = { name, file: path.relative(CYPHER_DIR, file), text, params: [...new Set(Array.from(text.matchAll(/\$([A-Za-z_]\w*)/g), (m) => m[1]!))] };
  cache.set(key, query);
  return query;
}

/**
 * The parameters a query declares, taken from `values`: a missing one is a programming
 * error (Kùzu would silently read it as null), extra ones are left out so callers can
 * pass whole records.
 */
export function bindParams(query: CypherQuery, values: Params): Params {
  const bound: Params = {};
  for (const name of query.params) {
    if (!(name in values)) throw new StoreError(`Query "${query.name}" needs parameter $${name}, which was not given`);
    bound[name] = values[name];
  }
  return bound;
}

/**
 * Every query name that resolves for `engine`: each shared file, and each override for
 * that engine. A name with only another engine's override is not that engine's query.
 */
export function cypherQueryNames(engine: Engine): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(CYPHER_DIR, { recursive: true, encoding: "utf8" })) {
    const match = /^(.+?)(?:\.(kuzu|neo4j))?\.cypher$/.exec(file.split(path.sep).join("/"));
    if (match && (match[2] === undefined || match[2] === engine)) names.add(match[1]!);
  }
  return [...names].sort();
}

/** A file of several statements separated by semicolons (schema set-up). */
export function cypherStatements(name: string, engine: Engine): string[] {
  return cypherQuery(name, engine)
    .text.split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Comment lines (the header names parameters with their $) become empty lines rather than
 * going away, so a line and column in an engine's or the linter's message are the file's.
 */
function stripComments(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trimStart().startsWith("//") ? "" : line))
    .join("\n")
    .trimEnd();
}
