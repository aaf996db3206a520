import { describe, expect, it } from "vitest";
import type { ZoneSummary } from "../../../server/model/api";
import { buildOverviewMatrix, completenessBand, parseSortKey, sortRows } from "../../../client/src/model/overview";

function zone(id: string, chains: [string, number, number][]): ZoneSummary {
  return {
    id,
    name: `${id}经济开发区`,
    shortName: `${id}经开区`,
    countyCode: "211382",
    description: "",
    source: "test",
    chains: chains.map(([chainId, covered, total], i) => ({
      id: chainId,
      name: chainId,
      rank: i + 1,
      // The overview shows the server's figures as they come; gap segments here: the uncovered ones.
      figures: { segments: total, covered, completeness: covered / total, gapSegments: total - covered },
      leaders: [],
    })),
  } as unknown as ZoneSummary;
}

const zones = [
  zone("a", [
    ["steel", 6, 8],
    ["auto", 2, 10],
  ]),
  zone("b", [
    ["titanium", 3, 5],
    ["auto", 9, 10],
  ]),
];

describe("overview matrix", () => {
  const matrix = buildOverviewMatrix(zones, new Map([["steel", "钢铁冶金"]]));

  it("has one row per chain, in the order zones list them, and one column per zone", () => {
    expect(matrix.rows.map((r) => r.chainId)).toEqual(["steel", "auto", "titanium"]);
    expect(matrix.zones.map((z) => z.id)).toEqual(["a", "b"]);
    expect(matrix.rows[0]!.chainName).toBe("钢铁冶金");
  });

  it("fills a cell with completeness and gaps where a zone leads the chain, and leaves it empty elsewhere", () => {
    const auto = matrix.rows.find((r) => r.chainId === "auto")!;
    expect(auto.cells.a?.figures).toMatchObject({ completeness: 0.2, gapSegments: 8, segments: 10 });
    expect(auto.cells.b?.figures.gapSegments).toBe(1);
    expect(matrix.rows.find((r) => r.chainId === "steel")!.cells.b).toBeUndefined();
    expect(auto.weakest).toBe(0.2);
    expect(auto.gaps).toBe(9);
  });

  it("sorts by the weakest zone, weakest first", () => {
    expect(sortRows(matrix.rows, "weakest").map((r) => r.chainId)).toEqual(["auto", "titanium", "steel"]);
    expect(sortRows(matrix.rows, "weakest", "descend").map((r) => r.chainId)).toEqual(["steel", "titanium", "auto"]);
  });

  it("when sorted by a zone's column, then chains the zone does not lead go last in either direction", () => {
    expect(sortRows(matrix.rows, "zone:b").map((r) => r.chainId)).toEqual(["titanium", "auto", "steel"]);
    expect(sortRows(matrix.rows, "zone:b", "descend").map((r) => r.chainId)).toEqual(["auto", "titanium", "steel"]);
  });

  it("accepts only known sort keys from the URL", () => {
    expect(parseSortKey("zone:a", ["a"])).toBe("zone:a");
    expect(parseSortKey("zone:x", ["a"])).toBe("default");
    expect(parseSortKey("gaps", [])).toBe("gaps");
  });

  it("bands completeness for colour", () => {
    expect([0.2, 0.6, 0.9].map(completenessBand)).toEqual(["low", "mid", "high"]);
  });
});
