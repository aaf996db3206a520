/**
 * The compact table of scoring facts (server/services/scoring-table.ts) reads as the Map of
 * firm objects it replaced: the same firms, equal field by field, in the same order, after
 * random runs of puts (firms new and read again, with and without links) and deletions —
 * across its long strings of names and the compaction of unused slots.
 */
import { describe, expect, it } from "vitest";
import type { Row } from "../../server/graph/store.js";
import { SCORING_TABLE, ScoringTable, type ScoringFirm } from "../../server/services/scoring-table.js";
import { isBranchName } from "../../server/services/branch-name.js";
import { SLOT_TEXTS } from "../../server/services/slot-texts.js";

/** The layout it replaced: each firm an object in a Map, replaced by delete and set. */
function mapPut(map: Map<string, ScoringFirm>, firmRows: Row[], linkRows: Row[]): void {
  for (const row of firmRows) {
    map.delete(row.id as string);
    const name = (row.name as string | null) ?? "";
    map.set(row.id as string, {
      id: row.id as string, name, regionCode: row.regionCode as string,
      capital: (row.capital as number | null) ?? null, staff: (row.staff as number | null) ?? null, revenue: (row.revenue as number | null) ?? null,
      tags: ((row.tags as string[] | null) ?? []) as ScoringFirm["tags"], asOf: (row.asOf as string | null) ?? null, branch: isBranchName(name),
      standing: (row.standing as ScoringFirm["standing"] | undefined) ?? null, links: [],
    });
  }
  const put = new Set(firmRows.map((r) => r.id as string));
  for (const row of linkRows) if (put.has(row.firmId as string)) map.get(row.firmId as string)!.links.push({ segmentId: row.segmentId as string, confidence: Number(row.confidence) });
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function firmRow(rnd: () => number, id: string): Row {
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return {
    id,
    name: pick([null, "", "凌源钢铁股份有限公司", `唐山${id}钢铁分公司`, `沈阳${id}冷轧有限公司`, "Ω"]),
    regionCode: pick(["130200", "210100", "211300", "110000"]),
    capital: pick([null, 0, -0, 5000, 123.45, 1e12]),
    staff: pick([null, 0, 70, 12_000]),
    revenue: pick([null, 0.5, 3e9]),
    tags: pick([null, [], ["上市"], ["上市", "专精特新"], ["高新技术企业"]]),
    asOf: pick([null, "2024-05-01", "2026-11-30", "2019"]),
    standing: pick([null, "active", "suspended", "closed"]),
  };
}

function expectSame(table: ScoringTable, map: Map<string, ScoringFirm>): void {
  expect(table.size).toBe(map.size);
  expect([...table.keys()]).toEqual([...map.keys()]);
  expect([...table.values()]).toEqual([...map.values()]);
  for (const id of map.keys()) expect(table.get(id)).toEqual(map.get(id));
  expect(table.links).toBe([...map.values()].reduce((n, f) => n + f.links.length, 0));
  const segments = new Set(["s-1", "s-3"]);
  expect([...table.linkedTo(segments)]).toEqual([...map.values()].filter((f) => f.links.some((l) => segments.has(l.segmentId))));
}

describe("the compact scoring table", () => {
  it("reads as a Map of firm objects after random puts and deletions, through compactions", () => {
    const defaults = { ...SCORING_TABLE };
    SCORING_TABLE.compactAfter = 8;
    try {
      for (const seed of [1, 2, 3]) {
        const rnd = random(seed);
        const table = new ScoringTable();
        const map = new Map<string, ScoringFirm>();
        const ids = Array.from({ length: 60 }, (_, i) => `f-${i}`);
        for (let step = 0; step < 200; step++) {
          if (rnd() < 0.15) {
            const id = ids[Math.floor(rnd() * ids.length)]!;
            expect(table.delete(id)).toBe(map.delete(id));
          } else {
            const chosen = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => ids[Math.floor(rnd() * ids.length)]!))];
            const firmRows = chosen.map((id) => firmRow(rnd, id));
            // Links in any order, some of firms not put (left out), some segments repeated.
            const linkRows = Array.from({ length: Math.floor(rnd() * 12) }, () => ({
              firmId: rnd() < 0.9 ? chosen[Math.floor(rnd() * chosen.length)]! : ids[Math.floor(rnd() * ids.length)]!,
              segmentId: `s-${Math.floor(rnd() * 5)}`,
              confidence: Math.round(rnd() * 100) / 100,
            })).filter((l) => chosen.includes(l.firmId) || !map.has(l.firmId) || rnd() < 0.5);
            table.put(firmRows, linkRows);
            mapPut(map, firmRows, linkRows);
          }
          expectSame(table, map);
        }
        expect(table.compactions).toBeGreaterThan(0);
      }
    } finally {
      Object.assign(SCORING_TABLE, defaults);
    }
  });

  it("holds names past one long string of them", () => {
    const table = new ScoringTable();
    const n = 140_000;
    const rows = Array.from({ length: n }, (_, i) => ({ id: `f-${i}`, name: `企业${i}`, regionCode: "130200", capital: i, staff: null, revenue: null, tags: [], asOf: null }));
    table.put(rows, []);
    for (const i of [0, 1, 65_535, 65_536, 65_537, 131_071, 131_072, 131_073, n - 1]) expect(table.get(`f-${i}`)).toMatchObject({ name: `企业${i}`, capital: i, staff: null });
  });

  it("holds a name longer than the bound apart, beside the long strings of the others", () => {
    const before = SLOT_TEXTS.apartOver;
    SLOT_TEXTS.apartOver = 6;
    try {
      const table = new ScoringTable();
      const n = 70_000;
      const name = (i: number) => (i % 3 === 0 ? `唐山钢铁集团有限责任公司${i}` : `企业${i % 1000}`);
      table.put(Array.from({ length: n }, (_, i) => ({ id: `f-${i}`, name: name(i), regionCode: "130200", capital: i, staff: null, revenue: null, tags: [], asOf: null })), []);
      for (const i of [0, 1, 2, 3, 65_535, 65_536, 65_537, 65_538, n - 1]) expect(table.get(`f-${i}`)).toMatchObject({ name: name(i), capital: i });
    } finally {
      SLOT_TEXTS.apartOver = before;
    }
  });

  it("holds 65,536 names of 8,200 characters, more than one string of them all could be", () => {
    const table = new ScoringTable();
    const long = "钢".repeat(8_200);
    table.put(Array.from({ length: 65_537 }, (_, i) => ({ id: `f-${i}`, name: long, regionCode: "130200", capital: null, staff: null, revenue: null, tags: [], asOf: null })), []);
    expect(table.get("f-65535")?.name).toBe(long);
  });

  it("gives a new object each time, so a firm given is never changed by a later put", () => {
    const table = new ScoringTable();
    table.put([{ id: "a", name: "甲", regionCode: "130200", capital: 1, staff: 2, revenue: 3, tags: ["上市"], asOf: "2024-01-01", standing: "suspended" }], [{ firmId: "a", segmentId: "s", confidence: 0.5 }]);
    const held = table.get("a")!;
    table.put([{ id: "a", name: "甲分公司", regionCode: "210100", capital: null, staff: null, revenue: null, tags: [], asOf: null, standing: "closed" }], []);
    expect(held).toEqual({ id: "a", name: "甲", regionCode: "130200", capital: 1, staff: 2, revenue: 3, tags: ["上市"], asOf: "2024-01-01", branch: false, standing: "suspended", links: [{ segmentId: "s", confidence: 0.5 }] });
    expect(table.get("a")).toMatchObject({ name: "甲分公司", branch: true, capital: null, standing: "closed", links: [] });
  });
});
