/**
 * Every Cypher file that writes (CREATE, MERGE, SET or DELETE outside its comments), by the
 * name a store step runs it under: what the rules that follow writes must each account for.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve("cypher");

export const WRITING_QUERIES: string[] = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "schema")
  .flatMap((d) => readdirSync(path.join(root, d.name)).map((f) => `${d.name}/${f}`))
  .filter((f) => /\b(CREATE|MERGE|SET|DELETE)\b/.test(readFileSync(path.join(root, f), "utf8").replace(/^\s*\/\/.*$/gm, "")))
  .map((f) => f.replace(/(\.kuzu|\.neo4j)?\.cypher$/, ""));

/**
 * How a layer that follows writes (a query in `writes` names what it changes, one in
 * `neutral` changes nothing it keeps) falls short of classifying every writing query:
 * the writes it leaves out, the names it gives that are no writing query, those in both.
 */
export function classificationGaps(writes: Readonly<Record<string, unknown>>, neutral: ReadonlySet<string>) {
  const known = new Set(WRITING_QUERIES);
  return {
    unclassified: [...known].filter((q) => !(q in writes) && !neutral.has(q)),
    unknown: [...Object.keys(writes), ...neutral].filter((q) => !known.has(q)),
    inBoth: Object.keys(writes).filter((q) => neutral.has(q)),
  };
}

export const NO_GAPS = { unclassified: [], unknown: [], inBoth: [] };

/** A query's Cypher on both engines (its shared file and any engine's own), without comments. */
export function cypherText(query: string): string {
  const base = path.join(root, query);
  return [".cypher", ".kuzu.cypher", ".neo4j.cypher"]
    .map((ext) => base + ext)
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, "utf8").replace(/^\s*\/\/.*$/gm, ""))
    .join("\n");
}
