import { describe, expect, it } from "vitest";
import type { MapFirm, MapProject } from "../../server/model/api.js";
import type { BottleneckFlag, ProjectStatus, Segment, Stage } from "../../server/model/domain.js";
import type { ChainFacts, LeaderSupplierRow } from "../../server/services/chain-facts.js";
import { leaderGroups } from "../../server/services/chain-facts.js";
import { diagnose, supplyPaths } from "../../server/services/gap-rules.js";

// A straight chain: ore → iron → steel → strip, with the leader making steel.
const STAGE: Record<string, Stage> = { ore: "upstream", iron: "midstream", steel: "midstream", strip: "downstream" };

function segment(id: string): Segment {
  return { id, chainId: "c", name: id, stage: STAGE[id] ?? "upstream", position: 0, industryCodes: [], keywords: [], description: "", source: "t" };
}

function firm(id: string, segments: string[], capital: number | null = 1000): MapFirm {
  return { id, name: id, aliases: [], capital, tags: [], regionCode: "211382", isLeader: id === "leader", leaderId: id === "leader" ? "leader" : null, segments: segments.map((segmentId) => ({ segmentId, products: "", capacity: "", confidence: 1, source: "t", version: 1 })) };
}

function project(id: string, segmentId: string, status: ProjectStatus): MapProject {
  return { id, name: id, firmId: "x", firmName: "X", investment: null, status, statusOn: null, description: "", source: "t", segmentIds: [segmentId] };
}

function facts(parts: { firms?: MapFirm[]; projects?: MapProject[]; flags?: BottleneckFlag[]; leaderSuppliers?: LeaderSupplierRow[]; leader?: boolean; leaders?: { id: string; name: string }[]; extraLinks?: string[][] } = {}): ChainFacts {
  const ids = ["ore", "iron", "steel", "strip", ...(parts.extraLinks ? ["scrap"] : [])];
  const links = [["ore", "iron"], ["iron", "steel"], ["steel", "strip"], ...(parts.extraLinks ?? [])].map(([source, target]) => ({ source: source!, target: target!, sourceChainId: "c", targetChainId: "c", sourceName: source!, targetName: target! }));
  return {
    zone: { id: "z", name: "Z", shortName: "Z", countyCode: "211382", description: "", source: "t" },
    chain: { id: "c", name: "C", nameEn: "C", description: "", source: "t", segmentCount: 4, segments: ids.map(segment), links },
    leaders: parts.leaders ?? (parts.leader === false ? [] : [{ id: "leader", name: "凌钢" }]),
    firms: parts.firms ?? [],
    closedFirms: [],
    projects: parts.projects ?? [],
    leaderSuppliers: parts.leaderSuppliers ?? [],
    flags: parts.flags ?? [],
  };
}

const thresholds = { minFirms: 2, minCapital: 5000 };
const seg = (result: ReturnType<typeof diagnose>, id: string) => result.segments.find((s) => s.segmentId === id)!;
const kinds = (result: ReturnType<typeof diagnose>, id: string) => seg(result, id).gaps.map((g) => g.kind);

describe("gap rules", () => {
  it("when a segment has no local firm, then it is a missing link whose reason says what it supplies, not the status", () => {
    const result = diagnose(facts({ firms: [firm("leader", ["steel"])], leader: false }), thresholds);
    expect(seg(result, "strip").status).toBe("missing");
    expect(seg(result, "iron").gaps[0]!.reason).toBe("下游「steel」所需的这一环节只能从区外采购。");
    expect(seg(result, "strip").gaps[0]!.reason).toBe("末端环节，本地没有企业生产这类终端产品。");
    expect(seg(result, "strip").coverage).toBe("本地尚无企业。");
    for (const s of result.segments) for (const gap of s.gaps) expect(gap.reason).not.toMatch(/属(缺链|弱链|断点)/);
  });

  it("when a segment has fewer local firms than the threshold, then it is weak; at the threshold it is not", () => {
    const one = diagnose(facts({ firms: [firm("a", ["strip"], 9000)], leader: false }), thresholds);
    expect(seg(one, "strip").status).toBe("weak");
    expect(seg(one, "strip").gaps[0]!.figures).toEqual({ localFirmCount: 1, minFirms: 2 });
    // Who the one firm is and its capital: the coverage says so, the reason adds the threshold.
    expect(seg(one, "strip").coverage).toBe("本地 1 家：a（9,000 万元）。");
    expect(seg(one, "strip").gaps[0]!.reason).toBe("本地企业 1 家，少于弱链标准的 2 家，一旦变故即断供。");
    const two = diagnose(facts({ firms: [firm("a", ["strip"], 3000), firm("b", ["strip"], 2000)], leader: false }), thresholds);
    expect(seg(two, "strip").status).toBe("strong");
  });

  it("when local firms are enough but their capital is below the threshold, then it is weak; exactly at it, strong", () => {
    const below = diagnose(facts({ firms: [firm("a", ["strip"], 2000), firm("b", ["strip"], 2999)], leader: false }), thresholds);
    expect(seg(below, "strip").status).toBe("weak");
    expect(seg(below, "strip").gaps[0]!.reason).toContain("4,999 万元");
    expect(seg(below, "strip").coverage).toBe("本地 2 家：b（2,999 万元）、a（2,000 万元）。");
    const at = diagnose(facts({ firms: [firm("a", ["strip"], 2000), firm("b", ["strip"], 3000)], leader: false }), thresholds);
    expect(seg(at, "strip").status).toBe("strong");
  });

  it("when a local firm's capital is unknown, then the capital rule does not judge the segment", () => {
    const result = diagnose(facts({ firms: [firm("a", ["strip"], 10), firm("b", ["strip"], null)], leader: false }), thresholds);
    expect(seg(result, "strip").status).toBe("strong");
    expect(seg(result, "strip").unknownCapitalCount).toBe(1);
    expect(seg(result, "strip").coverage).toBe("本地 2 家：a（10 万元）、b（注册资本未知）。");
  });

  it("when a segment feeds the leader's segment with one local supplier, then it is a bottleneck; with two it is not", () => {
    const one = diagnose(facts({ firms: [firm("leader", ["steel"]), firm("a", ["iron"], 9000), firm("b", ["ore"], 3000), firm("c", ["ore"], 3000)] }), thresholds);
    expect(seg(one, "iron").status).toBe("bottleneck");
    expect(seg(one, "iron").feedsLeaderSegments).toEqual(["steel"]);
    expect(kinds(one, "iron")).toEqual(["weak", "bottleneck"]);
    // ore reaches steel through iron, but has two local suppliers.
    expect(seg(one, "ore").status).toBe("strong");
    expect(seg(one, "ore").feedsLeaderSegments).toEqual(["steel"]);
  });

  it("when a segment lies downstream of the leader, or the leader makes it itself, then it is no bottleneck", () => {
    const result = diagnose(facts({ firms: [firm("leader", ["iron", "steel"]), firm("a", ["strip"]), firm("b", ["strip"])] }), thresholds);
    expect(kinds(result, "strip")).not.toContain("bottleneck");
    expect(kinds(result, "iron")).not.toContain("bottleneck");
    // ore has no local firm and feeds iron: missing and a bottleneck; the status shows the bottleneck.
    expect(kinds(result, "ore")).toEqual(["missing", "bottleneck"]);
    expect(seg(result, "ore").status).toBe("bottleneck");
  });

  it("when a segment reaches the leader through others, then the bottleneck reason names the way", () => {
    const result = diagnose(facts({ firms: [firm("leader", ["steel"])] }), thresholds);
    expect(seg(result, "ore").gaps.find((g) => g.kind === "bottleneck")!.reason).toBe(
      "为链主凌钢所在的「steel」（经「iron」）供料，本地没有一家配套，断供即影响链主生产。",
    );
    const one = diagnose(facts({ firms: [firm("leader", ["steel"]), firm("a", ["iron"], 800)] }), thresholds);
    expect(seg(one, "iron").gaps.find((g) => g.kind === "bottleneck")!.reason).toBe("为链主凌钢所在的「steel」供料，本地只有a一家配套，断供即影响链主生产。");
  });

  it("when two leaders work in different segments, then a bottleneck names only the leader of the segment it feeds", () => {
    const leaders = [{ id: "steelmaker", name: "钢厂" }, { id: "miner", name: "矿山" }];
    const firms = [firm("steelmaker", ["steel"]), firm("miner", ["ore"]), { ...firm("miner2", ["ore"]) }];
    const result = diagnose(facts({ leaders, firms: firms.map((f) => ({ ...f, isLeader: f.id !== "miner2", leaderId: f.id === "miner2" ? null : f.id })) }), thresholds);
    const reason = seg(result, "iron").gaps.find((g) => g.kind === "bottleneck")!.reason;
    expect(reason).toBe("为链主钢厂所在的「steel」供料，本地没有一家配套，断供即影响链主生产。");
    expect(reason).not.toContain("矿山");
  });

  it("when products come back as scrap (a recycling loop), then only scrap supplies the leader, not its own products", () => {
    const result = diagnose(facts({ firms: [firm("leader", ["steel"])], extraLinks: [["strip", "scrap"], ["scrap", "steel"]] }), thresholds);
    expect(seg(result, "scrap").status).toBe("bottleneck");
    expect(seg(result, "scrap").gaps.find((g) => g.kind === "bottleneck")!.reason).toContain("为链主凌钢所在的「steel」供料");
    expect(seg(result, "strip").status).toBe("missing");
    expect(seg(result, "strip").feedsLeaderSegments).toEqual([]);
    expect(seg(result, "ore").feedsLeaderSegments).toEqual(["steel"]);
  });

  it("when a leader's subsidiary is the segment's only local firm, then the leader's own capacity covers it, named so", () => {
    const leaderOf = leaderGroups(new Set(["leader"]), [{ firmId: "shares", parentId: "leader" }, { firmId: "plant", parentId: "shares" }, { firmId: "other", parentId: "elsewhere" }]);
    expect([...leaderOf]).toEqual([["leader", "leader"], ["shares", "leader"], ["plant", "leader"]]);
    const shares = { ...firm("shares", ["iron"], null), name: "凌源钢铁股份有限公司", aliases: ["凌钢股份"], leaderId: "leader" };
    const result = diagnose(facts({ leaders: [{ id: "leader", name: "凌钢" }], firms: [firm("leader", ["steel"]), shares] }), thresholds);
    expect(seg(result, "iron").status).toBe("strong");
    expect(seg(result, "iron").leaderOwn).toBe(true);
    expect(seg(result, "iron").coverage).toBe("链主凌钢自有产能（经凌钢股份，注册资本未知），本地别无同类企业；不招引链主的同业竞争者。");
    // ore feeds iron, now a leader segment too: it names both ways.
    expect(seg(result, "ore").gaps.find((g) => g.kind === "bottleneck")!.reason).toBe("为链主凌钢所在的「iron」「steel」（经「iron」）供料，本地没有一家配套，断供即影响链主生产。");
  });

  it("when the leader is the only local firm of a segment, then its own capacity covers it: strong, said so, no gap", () => {
    const result = diagnose(facts({ firms: [firm("leader", ["steel"], null)] }), thresholds);
    const steel = seg(result, "steel");
    expect(steel.status).toBe("strong");
    expect(steel.gaps).toEqual([]);
    expect(steel.leaderOwn).toBe(true);
    expect(steel.coverage).toBe("链主凌钢自有产能（注册资本未知），本地别无同类企业；不招引链主的同业竞争者。");
    expect(result.figures.leaderOwn).toBe(1);
    // Below the capital threshold too: the leader's segment is never weak for its size alone.
    const small = diagnose(facts({ firms: [firm("leader", ["steel"], 100), firm("a", ["steel"], 100)] }), thresholds);
    expect(seg(small, "steel").status).toBe("strong");
    expect(seg(small, "steel").coverage).toBe("链主凌钢自有产能（100 万元），另有a（100 万元）；不招引链主的同业竞争者。");
  });

  it("when the leader makes a segment itself but still buys it from outside the zone, then it is a leader dependency and weak", () => {
    const supplier: LeaderSupplierRow = { leaderId: "leader", leaderName: "黑猫炭黑", leaderAliases: ["黑猫"], supplierId: "cabot", supplierName: "卡博特（天津）化工有限公司", supplierAliases: ["卡博特"], supplierRegionCode: "120116", product: "炭黑", source: "t", segmentId: "steel" };
    const result = diagnose(facts({ firms: [firm("leader", ["steel"])], leaderSuppliers: [supplier] }), thresholds);
    expect(seg(result, "steel").status).toBe("weak");
    expect(kinds(result, "steel")).toEqual(["leader-dependency"]);
    expect(seg(result, "steel").gaps[0]!.reason).toBe("链主黑猫从域外（天津市 滨海新区）的卡博特采购炭黑，可以商招商推动本地化配套：链主自有产能尚不能自给。");
    expect(result.figures.leaderOwn).toBe(0);
  });

  it("when the zone has no chain leader, then no segment is a bottleneck by the supply-path rule", () => {
    const result = diagnose(facts({ leader: false }), thresholds);
    expect(result.segments.every((s) => s.status === "missing")).toBe(true);
  });

  it("when a planner flags a segment, then it is a bottleneck saying who flagged it and why", () => {
    const flag = { zoneId: "z", segmentId: "strip", note: "高端冷轧依赖进口", flaggedBy: "规划科", flaggedAt: "2026-11-20T08:00:00.000Z" };
    const result = diagnose(facts({ firms: [firm("a", ["strip"]), firm("b", ["strip"], 9000)], flags: [flag] }), thresholds);
    expect(seg(result, "strip").status).toBe("bottleneck");
    expect(seg(result, "strip").gaps[0]!.reason).toBe("规划人员标记为卡点：高端冷轧依赖进口（规划科，2026-11-20）。");
  });

  it("when the leader buys a segment's product from outside the zone, then it is a leader dependency", () => {
    const supplier: LeaderSupplierRow = { leaderId: "leader", leaderName: "凌源钢铁", leaderAliases: ["凌钢"], supplierId: "s", supplierName: "唐山焦化", supplierAliases: [], supplierRegionCode: "130203", product: "焦炭", source: "t", segmentId: "iron" };
    const result = diagnose(facts({ firms: [firm("leader", ["steel"]), firm("a", ["iron"], 3000), firm("b", ["iron"], 3000)], leaderSuppliers: [supplier] }), thresholds);
    expect(kinds(result, "iron")).toEqual(["leader-dependency"]);
    // Two local firms with enough capital, yet the leader buys outside: local supply falls short.
    expect(seg(result, "iron").status).toBe("weak");
    expect(result.leaderDependencies).toHaveLength(1);
    expect(result.leaderDependencies[0]!.reason).toBe("链主凌钢从域外（河北省 唐山市 路北区）的唐山焦化采购焦炭，可以商招商推动本地化配套。");
  });

  it("when a signed project builds a gap segment, then the gap is being filled; a project in talks is not", () => {
    const result = diagnose(facts({ leader: false, projects: [project("p1", "strip", "签约"), project("p2", "ore", "洽谈")] }), thresholds);
    expect(seg(result, "strip").filling.map((p) => p.id)).toEqual(["p1"]);
    expect(seg(result, "ore").filling).toEqual([]);
    expect(result.figures.filling).toBe(1);
  });

  it("completeness is the share of segments with a local firm", () => {
    const result = diagnose(facts({ firms: [firm("a", ["ore"]), firm("b", ["iron"]), firm("c", ["iron"])], leader: false }), thresholds);
    expect(result.figures).toMatchObject({ segments: 4, covered: 2, completeness: 0.5 });
    expect(result.figures.byKind.missing).toBe(2);
  });
});

describe("the chain's figures", () => {
  it("segments by status add up to all segments; gaps by kind may overlap; both come from the diagnosis", () => {
    const flag = { zoneId: "z", segmentId: "strip", note: "依赖进口", flaggedBy: "规划科", flaggedAt: "2026-11-20T08:00:00.000Z" };
    const result = diagnose(facts({ firms: [firm("leader", ["steel"]), firm("a", ["iron"], 800)], flags: [flag], projects: [project("p", "strip", "在建"), project("q", "steel", "投产")] }), thresholds);
    const f = result.figures;
    expect(result.segments.map((s) => [s.segmentId, s.status])).toEqual([["ore", "bottleneck"], ["iron", "bottleneck"], ["steel", "strong"], ["strip", "bottleneck"]]);
    expect(f.byStatus).toEqual({ strong: 1, weak: 0, missing: 0, bottleneck: 3 });
    expect(f.byStatus.strong + f.byStatus.weak + f.byStatus.missing + f.byStatus.bottleneck).toBe(f.segments);
    expect(f.gapSegments).toBe(3);
    // ore and strip have no local firm (missing as well), iron has one (weak as well).
    expect(f.byKind).toEqual({ missing: 2, weak: 1, bottleneck: 3, leaderDependency: 0 });
    expect(f.bottleneckWithoutFirms).toBe(2);
    // The project in the strong, leader-covered steel segment fills no gap.
    expect(f.filling).toBe(1);
    expect(f).toMatchObject({ segments: 4, covered: 2, completeness: 0.5, leaderOwn: 1 });
  });
});

describe("supply paths", () => {
  it("finds every segment upstream of the targets with a shortest way, and stops at the target's own products", () => {
    const link = (pairs: string[][]) => pairs.map(([source, target]) => ({ source: source!, target: target! }));
    const open = supplyPaths(link([["a", "b"], ["b", "c"], ["x", "a"]]), new Set(["c"]));
    expect(Object.fromEntries(open)).toEqual({ a: [{ target: "c", via: ["b"] }], b: [{ target: "c", via: [] }], x: [{ target: "c", via: ["a", "b"] }] });
    // c's products go on to a, then b: only b, which feeds c directly, supplies it.
    const loop = supplyPaths(link([["a", "b"], ["b", "c"], ["c", "a"], ["x", "a"]]), new Set(["c"]));
    expect([...loop.keys()]).toEqual(["b"]);
  });

  it("never runs a way through the target's own products, but keeps a product that feeds it straight back", () => {
    const links = [["ore", "steel"], ["steel", "strip"], ["strip", "scrap"], ["scrap", "steel"]].map(([source, target]) => ({ source: source!, target: target! }));
    const paths = supplyPaths(links, new Set(["steel"]));
    expect(Object.fromEntries(paths)).toEqual({ ore: [{ target: "steel", via: [] }], scrap: [{ target: "steel", via: [] }] });
  });
});
