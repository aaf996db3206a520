/**
 * Every Cypher file that writes (CREATE, MERGE, SET or DELETE outside its comments), by the
 * name a store step runs it under: what the rules that follow writes must each account for.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve("cypher");

export const WRITING_QUERIES: string[] = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "schema")
  .flatMap((d) => readdirSync(path.join(root, d.name)).map((f) => `${d.name}/${f}`))
  .filter((f) => /\b(CREATE|MERGE|SET|DELETE)\b/.test(readFileSync(path.join(root, f), "utf8").replace(/^\s*\/\/.*$/gm, "")))
  .map((f) => f.replace(/(\.kuzu|\.neo4j)?\.cypher$/, ""));
