/** 推荐组合: the greedy set cover over simulated landings, on hand-built chain rows. */
import { describe, expect, it } from "vitest";
import type { ChainRows } from "../../server/services/chain-facts.js";
import { assembleChainFacts } from "../../server/services/chain-facts.js";
import { diagnose, diagnoseJoined, keptDiagnosis } from "../../server/services/gap-rules.js";
import { diagnoseLanded, gapChanges, landIn, landingEffect, recommendLandings, type Landing } from "../../server/services/simulation.js";

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

  it("simulates again every candidate once a firm of the leader's group is chosen: the supply paths it moves change other segments", () => {
    // u feeds x; the leader operates in y. A firm of its group landing in x makes u a 卡点 for
    // one local supplier, so o1's gain in u shrinks from a gap segment fewer to a gap closed.
    const chainRows = rows(["u", "x", "y", "z"]);
    chainRows.chain.links = [{ source: "u", target: "x", sourceChainId: "c", targetChainId: "c", sourceName: "U", targetName: "X" }];
    chainRows.zoneFirms = [{ id: "leader", name: "链主", aliases: [], capital: 50_000, tags: [], regionCode: "211382", segmentId: "y", products: "", capacity: "", confidence: 1, source: src, version: 1 }];
    chainRows.leaders = [{ zoneId: "z", chainId: "c", firmId: "leader", firmName: "链主", aliases: [] }];
    const grouped: Landing = { ...landing("grouped", ["x"]), parents: [{ firmId: "grouped", parentId: "leader", kind: "subsidiary" }] };
    const candidates = [grouped, landing("o1", ["u"]), landing("o2", ["z"])];
    const thresholds = { minFirms: 1, minCapital: 0 };
    expect(ids(recommendLandings(chainRows, thresholds, candidates).chosen)).toEqual(["grouped", "o2", "o1"]);
    expect(ids(recommendByEverySimulation(chainRows, thresholds, candidates))).toEqual(["grouped", "o2", "o1"]);
  });

  it("chooses what simulating every candidate at every step chooses, on chains with a leader, its suppliers, groups and supply paths", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { chainRows, thresholds, candidates } = randomChain(seed);
      const kept = recommendLandings(chainRows, thresholds, candidates);
      const everyStep = recommendByEverySimulation(chainRows, thresholds, candidates);
      expect(ids(kept.chosen), `seed ${seed}`).toEqual(ids(everyStep));
    }
  });

  it("leaves the combination, the gaps it closes and the diagnosis after as the whole diagnosis of the firms chosen says", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { chainRows, thresholds, candidates } = randomChain(seed);
      const { chosen, closed, after } = recommendLandings(chainRows, thresholds, candidates);
      const whole = diagnoseLanded(chainRows, thresholds, chosen).diagnosis;
      expect(after, `seed ${seed}`).toEqual(whole);
      expect(closed, `seed ${seed}`).toEqual(gapChanges(diagnose(assembleChainFacts(chainRows), thresholds), whole).closed);
      // Asked again with equal candidates, the same combination, of the landings asked with.
      const again = structuredClone(candidates);
      const kept = recommendLandings(chainRows, thresholds, again);
      expect(ids(kept.chosen), `seed ${seed}`).toEqual(ids(chosen));
      expect(kept.chosen.every((l) => again.includes(l)), `seed ${seed}`).toBe(true);
    }
  });
});

describe("补链效果 and landings diagnosed by the segments they reach", () => {
  it("gives each candidate's effect as the whole diagnosis of its landing alone, asked again on the same rows or not", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { chainRows, thresholds, candidates } = randomChain(seed);
      const before = diagnose(assembleChainFacts(chainRows), thresholds);
      for (let round = 0; round < 2; round++)
        for (const candidate of candidates) {
          const after = diagnoseLanded(chainRows, thresholds, [candidate]).diagnosis;
          expect(landingEffect(chainRows, thresholds, candidate), `seed ${seed}, ${candidate.firm.id}`).toEqual({
            closedGaps: gapChanges(before, after).closed,
            completenessAfter: after.figures.completeness,
            gapSegmentsAfter: after.figures.gapSegments,
          });
        }
    }
  });

  it("diagnoses firms joining one by one as the whole diagnosis of the facts with all of them", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { chainRows, thresholds, candidates } = randomChain(seed, { ties: true });
      // Firms new to the zone and of nobody's group, those a diagnosis by the segments they reach is for; last first, so each goes before another.
      const joining = candidates.reverse().filter((c) => !c.parents.length && !chainRows.zoneFirms.some((r) => r.id === c.firm.id) && !chainRows.leaders.some((l) => l.firmId === c.firm.id));
      let kept = keptDiagnosis(assembleChainFacts(landIn(chainRows, [])), thresholds);
      for (let n = 1; n <= joining.length; n++) {
        const landing = joining[n - 1]!;
        const [firm] = assembleChainFacts(landIn({ ...chainRows, zoneFirms: [], parents: [] }, [landing])).firms;
        kept = diagnoseJoined(kept, firm ? [firm] : [], new Set([landing.firm.id]));
        const whole = diagnoseLanded(chainRows, thresholds, joining.slice(0, n)).diagnosis;
        expect(kept.gaps, `seed ${seed}, ${n} joined`).toEqual(whole);
        expect(gapChanges(diagnose(assembleChainFacts(chainRows), thresholds), kept.gaps), `seed ${seed}, ${n} joined`).toEqual(gapChanges(diagnose(assembleChainFacts(chainRows), thresholds), whole));
      }
    }
  });

  it("refuses a firm of a leader's group or already in the zone: its landing changes more than its segments", () => {
    const chainRows = rows(["a", "b"]);
    chainRows.zoneFirms = [{ id: "l0", name: "本地", aliases: [], capital: 100, tags: [], regionCode: "211382", segmentId: "a", products: "", capacity: "", confidence: 1, source: src, version: 1 }];
    const kept = keptDiagnosis(assembleChainFacts(chainRows), { minFirms: 1, minCapital: 0 });
    const firm = assembleChainFacts(chainRows).firms[0]!;
    expect(() => diagnoseJoined(kept, [{ ...firm, segments: [{ ...firm.segments[0]!, segmentId: "b" }] }], new Set())).toThrow(/l0 is in the zone already/);
    expect(() => diagnoseJoined(kept, [{ ...firm, id: "x", leaderId: "l0" }], new Set())).toThrow(/x is of a leader's group/);
  });
});

/** The greedy as the rule reads: every remaining candidate simulated with those chosen, at every step. */
function recommendByEverySimulation(chainRows: ChainRows, thresholds: { minFirms: number; minCapital: number }, candidates: Landing[]): Landing[] {
  const before = diagnose(assembleChainFacts(chainRows), thresholds);
  const score = (landings: Landing[]) => {
    const after = diagnoseLanded(chainRows, thresholds, landings).diagnosis;
    return [before.figures.gapSegments - after.figures.gapSegments, gapChanges(before, after).closed.length, after.figures.covered];
  };
  const better = (a: number[], b: number[]) => {
    const i = a.findIndex((x, k) => x !== b[k]);
    return i >= 0 && a[i]! > b[i]!;
  };
  const distinct = [...new Map(candidates.map((c) => [JSON.stringify([c.segments.map((s) => s.segmentId).sort(), c.firm.capital, c.parents.map((p) => p.parentId)]), c])).values()];
  const chosen: Landing[] = [];
  let current = score([]);
  for (;;) {
    let best: { landing: Landing; score: number[] } | null = null;
    for (const landing of distinct.filter((l) => !chosen.includes(l))) {
      const next = score([...chosen, landing]);
      if (better(next, (best ?? { score: current }).score)) best = { landing, score: next };
    }
    if (!best) return chosen;
    chosen.push(best.landing);
    current = best.score;
  }
}

/** A small random chain: FEEDS paths, local firms (a leader among them, some in its group), outside suppliers the leader buys from, candidates of every kind. */
function randomChain(seed: number, { ties = false } = {}) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const some = <T,>(items: readonly T[], p: number) => items.filter(() => random() < p);
  const segmentIds = ["a", "b", "c", "d", "e", "f", "g"].slice(0, 4 + Math.floor(random() * 4));
  const chainRows = rows(segmentIds);
  chainRows.chain.links = segmentIds.slice(1).flatMap((target, i) =>
    some(segmentIds.slice(0, i + 1), 0.4).map((source) => ({ source, target, sourceChainId: "c", targetChainId: "c", sourceName: source, targetName: target })),
  );
  const link = (segmentId: string) => ({ segmentId, products: "", capacity: "", confidence: 1, source: src, version: 1 });
  const local = Array.from({ length: Math.floor(random() * 6) }, (_, i) => ({ id: `l${i}`, segments: some(segmentIds, 0.3) }));
  // With ties, firms share names and capitals: their order in a segment is then the order they are read in.
  const nameOf = (id: string) => (ties ? pick(["甲", "乙"]) : id);
  chainRows.zoneFirms = local.flatMap((f) => {
    const name = nameOf(f.id);
    const capital = pick([null, 500, 5_000, 50_000]);
    return f.segments.map((segmentId) => ({ id: f.id, name, aliases: [], capital, tags: [], regionCode: "211382", ...link(segmentId) }));
  });
  if (ties) {
    chainRows.flags = some(segmentIds, 0.2).map((segmentId) => ({ zoneId: "z", segmentId, note: "卡脖子", flaggedBy: "planner", flaggedAt: "2026-01-01T00:00:00.000Z" }));
    chainRows.projects = some(segmentIds, 0.3).map((segmentId, i) => ({ id: `p${i}`, name: `项目${i}`, firmId: "l0", firmName: "某企业", investment: null, status: pick(["洽谈", "签约", "在建"] as const), statusOn: null, description: "", source: src, segmentId }));
  }
  const leader = local.find((f) => f.segments.length);
  if (leader) {
    chainRows.leaders = [{ zoneId: "z", chainId: "c", firmId: leader.id, firmName: leader.id, aliases: [] }];
    chainRows.parents = some(local.filter((f) => f !== leader), 0.4).map((f) => ({ firmId: f.id, parentId: leader.id, kind: "subsidiary" }));
  }
  const candidates = Array.from({ length: 3 + Math.floor(random() * 8) }, (_, i) => {
    const candidate = landing(`o${i}`, some(segmentIds, 0.3), pick([null, 500, 5_000, 50_000]));
    return ties ? { ...candidate, firm: { ...candidate.firm, name: nameOf(candidate.firm.id) } } : candidate;
  });
  if (leader)
    chainRows.leaderSuppliers = some(candidates, 0.4).flatMap((c) =>
      some(segmentIds, 0.3).map((segmentId) => ({ leaderId: leader.id, leaderName: leader.id, leaderAliases: [], supplierId: c.firm.id, supplierName: c.firm.id, supplierAliases: [], supplierRegionCode: "110105", product: "", source: src, segmentId })),
    );
  // A leader or a group member of the zone as a candidate too (they land with everything they touch).
  if (leader && random() < 0.5) candidates.push({ ...landing(leader.id, some(segmentIds, 0.3)), parents: [] });
  if (leader) candidates.unshift({ ...landing("grouped", some(segmentIds, 0.4)), parents: leader ? [{ firmId: "grouped", parentId: leader.id, kind: "subsidiary" }] : [] });
  return { chainRows, thresholds: { minFirms: 1 + Math.floor(random() * 3), minCapital: pick([0, 1_000, 20_000]) }, candidates };
}

