import { describe, expect, it } from "vitest";
import type { MapFirm, MapProject } from "../../server/model/api.js";
import type { BottleneckFlag, ProjectStatus, Segment, Stage } from "../../server/model/domain.js";
import type { ChainFacts, LeaderSupplierRow } from "../../server/services/chain-facts.js";
import { diagnose, reachableTargets } from "../../server/services/gap-rules.js";

// A straight chain: ore → iron → steel → strip, with the leader making steel.
const STAGE: Record<string, Stage> = { ore: "upstream", iron: "midstream", steel: "midstream", strip: "downstream" };

function segment(id: string): Segment {
  return { id, chainId: "c", name: id, stage: STAGE[id] ?? "upstream", position: 0, industryCodes: [], keywords: [], description: "", source: "t" };
}

function firm(id: string, segments: string[], capital: number | null = 1000): MapFirm {
  return { id, name: id, aliases: [], capital, tags: [], regionCode: "211382", isLeader: id === "leader", segments: segments.map((segmentId) => ({ segmentId, products: "", capacity: "", confidence: 1, source: "t", version: 1 })) };
}

function project(id: string, segmentId: string, status: ProjectStatus): MapProject {
  return { id, name: id, firmId: "x", firmName: "X", investment: null, status, statusOn: null, description: "", source: "t", segmentIds: [segmentId] };
}

function facts(parts: { firms?: MapFirm[]; projects?: MapProject[]; flags?: BottleneckFlag[]; leaderSuppliers?: LeaderSupplierRow[]; leader?: boolean } = {}): ChainFacts {
  const ids = ["ore", "iron", "steel", "strip"];
  const links = [["ore", "iron"], ["iron", "steel"], ["steel", "strip"]].map(([source, target]) => ({ source: source!, target: target!, sourceChainId: "c", targetChainId: "c", sourceName: source!, targetName: target! }));
  return {
    zone: { id: "z", name: "Z", shortName: "Z", countyCode: "211382", description: "", source: "t" },
    chain: { id: "c", name: "C", nameEn: "C", description: "", source: "t", segmentCount: 4, segments: ids.map(segment), links },
    leaders: parts.leader === false ? [] : [{ id: "leader", name: "链主" }],
    firms: parts.firms ?? [],
    projects: parts.projects ?? [],
    leaderSuppliers: parts.leaderSuppliers ?? [],
    flags: parts.flags ?? [],
  };
}

const thresholds = { minFirms: 2, minCapital: 5000 };
const seg = (result: ReturnType<typeof diagnose>, id: string) => result.segments.find((s) => s.segmentId === id)!;
const kinds = (result: ReturnType<typeof diagnose>, id: string) => seg(result, id).gaps.map((g) => g.kind);

describe("gap rules", () => {
  it("when a segment has no local firm, then it is a missing link with a reason", () => {
    const result = diagnose(facts({ firms: [firm("leader", ["steel"])], leader: false }), thresholds);
    expect(seg(result, "strip").status).toBe("missing");
    expect(seg(result, "strip").gaps[0]!.reason).toContain("缺链");
  });

  it("when a segment has fewer local firms than the threshold, then it is weak; at the threshold it is not", () => {
    const one = diagnose(facts({ firms: [firm("a", ["strip"], 9000)], leader: false }), thresholds);
    expect(seg(one, "strip").status).toBe("weak");
    expect(seg(one, "strip").gaps[0]!.figures).toEqual({ localFirmCount: 1, minFirms: 2 });
    const two = diagnose(facts({ firms: [firm("a", ["strip"], 3000), firm("b", ["strip"], 2000)], leader: false }), thresholds);
    expect(seg(two, "strip").status).toBe("strong");
  });

  it("when local firms are enough but their capital is below the threshold, then it is weak; exactly at it, strong", () => {
    const below = diagnose(facts({ firms: [firm("a", ["strip"], 2000), firm("b", ["strip"], 2999)], leader: false }), thresholds);
    expect(seg(below, "strip").status).toBe("weak");
    expect(seg(below, "strip").gaps[0]!.reason).toContain("4,999 万元");
    const at = diagnose(facts({ firms: [firm("a", ["strip"], 2000), firm("b", ["strip"], 3000)], leader: false }), thresholds);
    expect(seg(at, "strip").status).toBe("strong");
  });

  it("when a local firm's capital is unknown, then the capital rule does not judge the segment", () => {
    const result = diagnose(facts({ firms: [firm("a", ["strip"], 10), firm("b", ["strip"], null)], leader: false }), thresholds);
    expect(seg(result, "strip").status).toBe("strong");
    expect(seg(result, "strip").unknownCapitalCount).toBe(1);
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
    expect(seg(result, "iron").status).toBe("strong");
    expect(result.leaderDependencies).toHaveLength(1);
    expect(result.leaderDependencies[0]!.reason).toBe("链主凌钢从域外（河北省 唐山市 路北区）的唐山焦化采购焦炭，可以商招商推动本地化配套。");
  });

  it("when a signed project builds a gap segment, then the gap is being filled; a project in talks is not", () => {
    const result = diagnose(facts({ leader: false, projects: [project("p1", "strip", "签约"), project("p2", "ore", "洽谈")] }), thresholds);
    expect(seg(result, "strip").filling.map((p) => p.id)).toEqual(["p1"]);
    expect(seg(result, "ore").filling).toEqual([]);
    expect(result.counts.filling).toBe(1);
  });

  it("completeness is the share of segments with a local firm", () => {
    const result = diagnose(facts({ firms: [firm("a", ["ore"]), firm("b", ["iron"]), firm("c", ["iron"])], leader: false }), thresholds);
    expect(result.completeness).toBe(0.5);
    expect(result.counts).toMatchObject({ segments: 4, covered: 2, missing: 2 });
  });
});

describe("supply paths", () => {
  it("finds every segment upstream of the targets, cycles included", () => {
    const reaches = reachableTargets([{ source: "a", target: "b" }, { source: "b", target: "c" }, { source: "c", target: "b" }, { source: "x", target: "a" }], new Set(["c"]));
    expect([...reaches.keys()].sort()).toEqual(["a", "b", "c", "x"]);
  });
});
