/**
 * Kept answers of one zone × chain survive writes that do not reach them
 * (server/services/write-reach.ts): every Cypher file that writes must have a rule, so a
 * new write cannot keep answers it changes.
 */
import { describe, expect, it } from "vitest";
import { WRITING_QUERIES } from "../support/writing-queries.js";
import { reaches, WRITE_REACH } from "../../server/services/write-reach.js";

const writing = WRITING_QUERIES;

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
