import { describe, expect, it } from "vitest";
import type { SegmentDiagnosis } from "../../../server/model/api";
import { flagUnsaid, gapKinds, gapRows } from "../../../client/src/model/gaps";

function diagnosis(segmentId: string, status: SegmentDiagnosis["status"], stage: SegmentDiagnosis["stage"], extra: Partial<SegmentDiagnosis> = {}): SegmentDiagnosis {
  return {
    segmentId,
    name: segmentId,
    stage,
    status,
    localFirmCount: 0,
    localCapital: 0,
    unknownCapitalCount: 0,
    leaderOperates: false,
    leaderOwn: false,
    localFirms: [],
    coverage: "本地尚无企业。",
    feedsLeaderSegments: [],
    flag: null,
    filling: [],
    gaps: status === "strong" ? [] : [{ kind: status, reason: `${segmentId} is ${status}`, figures: {} }],
    ...extra,
  };
}

describe("gap table", () => {
  it("lists gaps most urgent first — bottleneck, missing, weak — then in chain order, and leaves strong segments out", () => {
    const rows = gapRows({
      segments: [
        diagnosis("weak-up", "weak", "upstream"),
        diagnosis("missing-down", "missing", "downstream"),
        diagnosis("strong", "strong", "midstream"),
        diagnosis("missing-up", "missing", "upstream"),
        diagnosis("choke", "bottleneck", "midstream"),
      ],
    });
    expect(rows.map((r) => r.segmentId)).toEqual(["choke", "missing-up", "missing-down", "weak-up"]);
  });

  it("lists exactly the segments whose status is not strong: a strong segment being filled is no gap", () => {
    const filling = [{ id: "p1", name: "项目", status: "签约" as const, firmName: "某企业" }];
    const rows = gapRows({ segments: [diagnosis("strong", "strong", "midstream", { filling }), diagnosis("weak", "weak", "midstream", { filling })] });
    expect(rows.map((r) => r.segmentId)).toEqual(["weak"]);
  });

  it("names each kind of gap once", () => {
    const gaps = [
      { kind: "missing" as const, reason: "a", figures: {} },
      { kind: "bottleneck" as const, reason: "b", figures: {} },
      { kind: "missing" as const, reason: "c", figures: {} },
    ];
    expect(gapKinds({ gaps })).toEqual(["bottleneck", "missing"]);
  });

  it("adds a planner's flag in words only when the diagnosis does not already quote its note", () => {
    const flag = { zoneId: "z", segmentId: "s", note: "关键设备依赖进口", flaggedBy: "规划科", flaggedAt: "2026-11-22T00:00:00Z" };
    const said = diagnosis("s", "bottleneck", "midstream", { flag, gaps: [{ kind: "bottleneck", reason: "规划人员标记为卡点：关键设备依赖进口（规划科）", figures: {} }] });
    expect(flagUnsaid(said)).toBe(false);
    expect(flagUnsaid({ ...said, gaps: [] })).toBe(true);
    expect(flagUnsaid({ ...said, flag: null })).toBe(false);
  });
});
