/** 推荐组合: the greedy set cover over simulated landings, on hand-built chain rows. */
import { describe, expect, it } from "vitest";
import type { ChainRows } from "../../server/services/chain-facts.js";
import { recommendLandings, type Landing } from "../../server/services/simulation.js";

const src = "test";
/** A chain of independent segments a…e in one zone, nobody local, no leader. */
function rows(segmentIds: string[]): ChainRows {
  return {
    zone: { id: "z", name: "测试区", shortName: "测试区", countyCode: "211382", description: "", source: src },
    chain: {
      id: "c",
      name: "测试链",
      nameEn: "Test",
      description: "",
      source: src,
      segmentCount: segmentIds.length,
      segments: segmentIds.map((id, position) => ({ id, chainId: "c", name: id.toUpperCase(), stage: "midstream" as const, position, industryCodes: [], keywords: [], description: "", source: src })),
      links: [],
    },
    zoneFirms: [],
    parents: [],
    projects: [],
    leaders: [],
    leaderSuppliers: [],
    flags: [],
  };
}

const landing = (id: string, segmentIds: string[], capital: number | null = 10_000): Landing => ({
  firm: { id, name: id, aliases: [], capital, tags: [], regionCode: "110105" },
  segments: segmentIds.map((segmentId) => ({ segmentId, products: "", capacity: "", confidence: 1, source: src, version: 1 })),
  parents: [],
});

const ids = (chosen: Landing[]) => chosen.map((l) => l.firm.id);

describe("推荐组合 (greedy set cover)", () => {
  it("takes one firm covering every gap over the several that cover them between them", () => {
    const candidates = [landing("x", ["a"]), landing("y", ["b"]), landing("w", ["c"]), landing("z", ["a", "b", "c"])];
    const { chosen, after } = recommendLandings(rows(["a", "b", "c"]), { minFirms: 1, minCapital: 0 }, candidates);
    expect(ids(chosen)).toEqual(["z"]);
    expect(after.figures.gapSegments).toBe(0);
  });

  it("chooses the fewest firms, skips those that add nothing, and leaves what nobody covers", () => {
    const candidates = [landing("p", ["a"]), landing("q", ["a", "b"]), landing("r", ["b"]), landing("s", ["c", "d"]), landing("t", ["d"])];
    const { chosen, closed, after } = recommendLandings(rows(["a", "b", "c", "d", "e"]), { minFirms: 1, minCapital: 0 }, candidates);
    expect(ids(chosen).sort()).toEqual(["q", "s"]);
    expect(closed.map((g) => g.segmentId).sort()).toEqual(["a", "b", "c", "d"]);
    expect(after.segments.filter((s) => s.status !== "strong").map((s) => s.segmentId)).toEqual(["e"]);
  });

  it("adds a second firm where one alone leaves a segment weak, as the rules count it", () => {
    const candidates = [landing("p", ["a"]), landing("p2", ["a"], 20_000), landing("r", ["b"])];
    const { chosen, after } = recommendLandings(rows(["a", "b"]), { minFirms: 2, minCapital: 0 }, candidates);
    expect(ids(chosen).sort()).toEqual(["p", "p2", "r"]);
    expect(after.segments.map((s) => [s.segmentId, s.status])).toEqual([["a", "strong"], ["b", "weak"]]);
  });

  it("recommends nobody when no candidate changes anything", () => {
    const { chosen } = recommendLandings(rows(["a"]), { minFirms: 1, minCapital: 0 }, [landing("x", [])]);
    expect(chosen).toEqual([]);
  });
});
