/**
 * Loads Cypher text from cypher/<name>.cypher, preferring an engine-specific override
 * cypher/<name>.<engine>.cypher where the dialects differ. Each file is read once.
 */
import { existsSync, readFileSync } from "node:fs";
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
  const query = { name, text, params: [...new Set(Array.from(text.matchAll(/\$([A-Za-z_]\w*)/g), (m) => m[1]!))] };
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

/** A file of several statements separated by semicolons (schema set-up). */
export function cypherStatements(name: string, engine: Engine): string[] {
  return cypherQuery(name, engine)
    .text.split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

function stripComments(text: string): string {
  return text
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("//"))
    .join("\n")
    .trim();
}
