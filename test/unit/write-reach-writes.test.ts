/**
 * Kept answers of one zone × chain survive writes that do not reach them
 * (server/services/write-reach.ts): every Cypher file that writes must have a rule, so a
 * new write cannot keep answers it changes.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reaches, WRITE_REACH } from "../../server/services/write-reach.js";

const root = path.resolve("cypher");
const writing = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "schema")
  .flatMap((d) => readdirSync(path.join(root, d.name)).map((f) => `${d.name}/${f}`))
  .filter((f) => /\b(CREATE|MERGE|SET|DELETE)\b/.test(readFileSync(path.join(root, f), "utf8").replace(/^\s*\/\/.*$/gm, "")))
  .map((f) => f.replace(/(\.kuzu|\.neo4j)?\.cypher$/, ""));

describe("what writes reach", () => {
  it("has a rule for every Cypher file that writes", () => {
    expect(writing.length).toBeGreaterThan(40);
    expect([...new Set(writing)].filter((q) => !(q in WRITE_REACH))).toEqual([]);
  });

  it("names only queries that exist", () => {
    const known = new Set(writing);
    expect(Object.keys(WRITE_REACH).filter((q) => !known.has(q))).toEqual([]);
  });

  it("reaches a zone's answers, a chain's in every zone, and rankings through the chain's firms", () => {
    const marks = (m: { zones?: string[]; chains?: string[]; firmsIn?: string[] }) => ({ zones: new Set(m.zones), chains: new Set(m.chains), firmsIn: new Set(m.firmsIn) });
    const map = { zoneId: "z", chainId: "c", candidates: false };
    const ranking = { ...map, candidates: true };
    expect(reaches("everything", map)).toBe(true);
    expect(reaches(marks({ zones: ["z"] }), map)).toBe(true);
    expect(reaches(marks({ zones: ["y"] }), map)).toBe(false);
    expect(reaches(marks({ chains: ["c"] }), map)).toBe(true);
    expect(reaches(marks({ firmsIn: ["c"] }), map)).toBe(false);
    expect(reaches(marks({ firmsIn: ["c"] }), ranking)).toBe(true);
    expect(reaches(marks({ firmsIn: ["d"], chains: ["d"] }), ranking)).toBe(false);
  });
});
