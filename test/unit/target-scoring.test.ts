import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_PROFILE, FIRM_TAGS, type RegionGroup } from "../../server/model/domain.js";
import { rankTargets, type CandidateFacts, type ScoringContext } from "../../server/services/target-scoring.js";

const groups: RegionGroup[] = [
  { id: "jingjinji", name: "京津冀", kind: "economic-area", regionCodes: ["110000", "120000", "130000"], chainIds: [], description: "", source: "t" },
  { id: "steel-targets", name: "钢铁目标区", kind: "industry-target", regionCodes: ["130200"], chainIds: ["steel"], description: "", source: "t" },
];
const ctx: ScoringContext = { profile: DEFAULT_SCORING_PROFILE, zoneCountyCode: "211382", regionGroups: groups, chainId: "steel", today: new Date("2026-11-22") };
const REGIONS = ["130203", "110105", "320102", "440305", "211302", "120101"];

/** A deterministic pseudo-random sequence, so a failing case can be replayed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function candidates(n: number, seed: number): CandidateFacts[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => ({
    firm: {
      id: `f${i}`,
      name: `企业${i}`,
      aliases: [],
      uscc: null,
      regionCode: REGIONS[Math.floor(r() * REGIONS.length)]!,
      capital: r() < 0.2 ? null : Math.round(r() * 100000),
      capitalAmount: null,
      capitalCurrency: null,
      staff: null,
      revenue: null,
      tags: FIRM_TAGS.filter(() => r() < 0.15),
      sample: true,
      source: "t",
      asOf: r() < 0.5 ? null : "2024-01-01",
    },
    segments: [{ segmentId: "s1", name: "冷轧带钢", status: "missing", confidence: Math.round(r() * 100) / 100, products: "", source: "t" }],
    ties: r() < 0.1 ? [{ direction: "supplies", localId: "l", localName: "凌钢", isLeader: true, product: "" }] : [],
  }));
}

const rankOf = (list: CandidateFacts[], id: string) => rankTargets(list, ctx).find((t) => t.firm.id === id)!.rank;

const raises: Record<string, (c: CandidateFacts) => CandidateFacts> = {
  "segment fit": (c) => ({ ...c, segments: c.segments.map((s) => ({ ...s, confidence: Math.min(1, s.confidence + 0.3) })) }),
  // Only what is known can be raised: an unknown capital stays unknown.
  size: (c) => ({ ...c, firm: { ...c.firm, capital: c.firm.capital === null ? null : c.firm.capital * 10 + 1000 } }),
  quality: (c) => ({ ...c, firm: { ...c.firm, tags: [...new Set([...c.firm.tags, "上市" as const])] } }),
  ties: (c) => ({ ...c, ties: [...c.ties, { direction: "buys", localId: "x", localName: "本地", isLeader: false, product: "" }] }),
  freshness: (c) => ({ ...c, firm: { ...c.firm, asOf: "2026-10-01" } }),
  "region and distance": (c) => ({ ...c, firm: { ...c.firm, regionCode: "130203" } }),
};

describe("target ranking", () => {
  it.each(Object.keys(raises))("raising %s never lowers a firm's rank", (name) => {
    for (let seed = 1; seed <= 20; seed++) {
      const list = candidates(25, seed);
      for (const target of [0, 7, 19]) {
        const before = rankOf(list, `f${target}`);
        const raised = list.map((c, i) => (i === target ? raises[name]!(c) : c));
        expect(rankOf(raised, `f${target}`), `seed ${seed}, firm f${target}`).toBeLessThanOrEqual(before);
      }
    }
  });

  it("orders the same candidates the same way whatever order they arrive in", () => {
    const list = candidates(40, 7);
    const ids = rankTargets(list, ctx).map((t) => t.firm.id);
    expect(rankTargets([...list].reverse(), ctx).map((t) => t.firm.id)).toEqual(ids);
  });

  it("returns every component, the weights, contributions that add up to the total, and a reason", () => {
    for (const t of rankTargets(candidates(30, 3), ctx)) {
      expect(Object.keys(t.components).sort()).toEqual(Object.keys(DEFAULT_SCORING_PROFILE.weights).sort());
      expect(t.weights).toEqual(DEFAULT_SCORING_PROFILE.weights);
      const sum = Object.values(t.contributions).reduce<number>((a, b) => a + (b ?? 0), 0);
      expect(Math.abs(sum - t.total)).toBeLessThan(0.05);
      // What is unknown is left out, never scored: null component, null contribution.
      for (const c of t.missing) expect([t.components[c], t.contributions[c]]).toEqual([null, null]);
      expect(t.total).toBeGreaterThanOrEqual(0);
      expect(t.total).toBeLessThanOrEqual(100);
      expect(t.reason).toMatch(/^补「冷轧带钢」缺链/);
    }
  });

  it("gives full region priority in the chain's own target area and explains ties to the leader", () => {
    const [tangshan] = rankTargets(
      [{ ...candidates(1, 1)[0]!, firm: { ...candidates(1, 1)[0]!.firm, regionCode: "130203" }, ties: [{ direction: "supplies", localId: "l", localName: "凌钢", isLeader: true, product: "钢坯" }] }],
      ctx,
    );
    expect(tangshan!.components.region).toBe(1);
    expect(tangshan!.components.ties).toBe(1);
    expect(tangshan!.reason).toContain("已向链主凌钢供货");
  });

  it("scores distance fully within nearKm and not at all beyond farKm", () => {
    const base = candidates(1, 2)[0]!;
    const near = rankTargets([{ ...base, firm: { ...base.firm, regionCode: "211302" } }], ctx)[0]!;
    const far = rankTargets([{ ...base, firm: { ...base.firm, regionCode: "460105" } }], ctx)[0]!;
    expect(near.components.distance).toBe(1);
    expect(far.components.distance).toBe(0);
    expect(far.distanceKm).toBeGreaterThan(1500);
  });

  it("when a listed firm's capital is unknown, then size is left out, not scored 0: it outranks an otherwise equal small firm", () => {
    const base = candidates(1, 4)[0]!;
    const facts = (id: string, capital: number | null, tags: CandidateFacts["firm"]["tags"]): CandidateFacts => ({
      ...base,
      firm: { ...base.firm, id, name: id, capital, tags, asOf: "2026-06-01", regionCode: "120101" },
      ties: [],
    });
    const [first, second] = rankTargets([facts("small", 50, []), facts("listed", null, ["上市"])], ctx);
    expect(first!.firm.id).toBe("listed");
    expect(first!.components.size).toBeNull();
    expect(first!.missing).toEqual(["size"]);
    expect(first!.dataNote).toBe("数据不全：注册资本、人数、营收均未知。企业规模不计分，其余各项按权重折算。");
    // The known components share all 100 points: the weights are rescaled, not lost.
    const known = Object.values(first!.contributions).filter((x): x is number => x !== null);
    expect(known.reduce((a, b) => a + b, 0)).toBeCloseTo(first!.total, 1);
    expect(second!.missing).toEqual([]);
    // Size stands on the capital alone, and the note says so: staff and revenue are not averaged in silently.
    expect(second!.dataNote).toBe("数据不全：企业规模只按注册资本计，人数、营收未知。");
    expect(second!.reason).toContain("注册资本 50 万元");
    expect(first!.reason).toContain("注册资本未知");
  });

  it("when a firm's date or position is unknown, then freshness or distance is left out and said so", () => {
    const base = candidates(1, 5)[0]!;
    const [t] = rankTargets([{ ...base, firm: { ...base.firm, capital: 1000, asOf: null } }], ctx);
    expect(t!.components.freshness).toBeNull();
    expect(t!.missing).toEqual(["freshness"]);
    expect(t!.dataNote).toContain("数据日期未知");
  });

  it("ranks a branch whose parent is unknown after every firm that can decide, and says why", () => {
    const list = candidates(6, 9);
    const branch = { ...list[0]!, firm: { ...list[0]!.firm, capital: 9_000_000, tags: ["上市" as const], name: "某某股份有限公司天津分公司" }, decisionMaker: false };
    const ranked = rankTargets([branch, ...list.slice(1)], ctx);
    expect(ranked.at(-1)!.firm.id).toBe(branch.firm.id);
    expect(ranked.at(-1)!.decisionMaker).toBe(false);
    expect(ranked.at(-1)!.reason).toContain("分支机构，总部不明");
  });

  it("reads 为何推荐 as a briefing line: the gap and what it feeds, products beyond the segment's name, size, tags, ties, the region group behind its priority, distance", () => {
    const base = candidates(1, 6)[0]!;
    const firm = { ...base.firm, capital: 200_000, tags: ["上市" as const, "高新技术企业" as const], regionCode: "130203" };
    const segments = [{ segmentId: "s1", name: "炭黑", status: "bottleneck" as const, confidence: 0.9, products: "炭黑、橡胶用炭黑", source: "t" }];
    const ties = [{ direction: "supplies" as const, localId: "l", localName: "凌钢", isLeader: true, product: "钢坯" }];
    const roles = new Map([["s1", "供链主浪马所在的「全钢载重子午线轮胎」"]]);
    const [t] = rankTargets([{ ...base, firm, segments, ties }], { ...ctx, segmentRoles: roles });
    expect(t!.reason).toBe("补「炭黑」卡点，供链主浪马所在的「全钢载重子午线轮胎」；主营橡胶用炭黑；注册资本 20 亿元；上市、高新技术企业；已向链主凌钢供货（钢坯）；属钢铁目标区；距本区约 289 公里");
    const plain = rankTargets([{ ...base, firm, segments: [{ ...segments[0]!, products: "炭黑" }], ties: [] }], ctx)[0]!;
    expect(plain.reason).not.toContain("主营");
    // The group that gives the region priority is named; a firm elsewhere scores the profile's "other" and names none.
    const beijing = rankTargets([{ ...base, firm: { ...firm, regionCode: "110105" }, segments, ties: [] }], ctx)[0]!;
    expect(beijing.reason).toContain("；属京津冀；");
    const shenzhen = rankTargets([{ ...base, firm: { ...firm, regionCode: "440305" }, segments, ties: [] }], ctx)[0]!;
    expect(shenzhen.components.region).toBe(DEFAULT_SCORING_PROFILE.otherRegionPriority);
    expect(shenzhen.reason).not.toContain("；属");
  });

  it("shows points that add up to the total beside them, both to the tenth a screen shows", () => {
    const formatted = (x: number) => Math.round(x * 10) / 10;
    let checked = 0;
    for (let seed = 1; seed <= 30; seed++)
      for (const t of rankTargets(candidates(30, seed), ctx)) {
        const parts = Object.values(t.contributions).filter((x): x is number => x !== null);
        // Each part and the total are already what the screen prints …
        for (const x of [...parts, t.total]) expect(formatted(x)).toBe(x);
        // … so the parts a leader adds up by hand give the total shown.
        expect(formatted(parts.reduce((a, b) => a + b, 0))).toBe(t.total);
        checked += 1;
      }
    expect(checked).toBe(900);
  });

  it("orders firms that show the same total by the stated rule: capital (unknown last), then id — not by a hidden hundredth", () => {
    const base = candidates(1, 8)[0]!;
    const facts = (id: string, confidence: number, capital: number | null): CandidateFacts => ({
      ...base,
      firm: { ...base.firm, id, name: id, capital, tags: [], asOf: "2026-06-01", regionCode: "120101" },
      segments: [{ ...base.segments[0]!, confidence }],
      ties: [],
    });
    // Confidences a thousandth apart: exact totals about 0.03 points apart that read the same to the tenth.
    const pair = (c: number) => rankTargets([facts("b-more-fit", c + 0.001, 1000), facts("a-less-fit", c, 1000)], ctx);
    const ranked = Array.from({ length: 30 }, (_, i) => 0.6 + i / 1000).map(pair).find(([x, y]) => x!.total === y!.total)!;
    expect(ranked[0]!.components.segmentFit).not.toBe(ranked[1]!.components.segmentFit);
    // The same total shown, the same capital: by id.
    expect(ranked.map((t) => t.firm.id)).toEqual(["a-less-fit", "b-more-fit"]);
  });

  it("when a firm's region code is not in the divisions, then its region priority is unknown and left out, not scored as elsewhere", () => {
    const base = candidates(1, 10)[0]!;
    const [t] = rankTargets([{ ...base, firm: { ...base.firm, capital: 1000, asOf: "2026-06-01", regionCode: "999999" } }], ctx);
    expect(t!.components.region).toBeNull();
    expect(t!.contributions.region).toBeNull();
    expect(t!.missing).toEqual(["region", "distance"]);
    expect(t!.dataNote).toContain("区域未知");
  });

  it("when a firm's capital is known to be 1 万元 or less, then size is scored as small, not left out as unknown", () => {
    const base = candidates(1, 11)[0]!;
    const [t] = rankTargets([{ ...base, firm: { ...base.firm, capital: 0.5, asOf: "2026-06-01", regionCode: "120101" } }], ctx);
    expect(t!.components.size).toBe(0);
    expect(t!.missing).toEqual([]);
    expect(t!.reason).toContain("注册资本 0.5 万元");
  });
});
