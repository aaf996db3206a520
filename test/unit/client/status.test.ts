import { describe, expect, it } from "vitest";
import { countStatuses, diagnoseSegments } from "../../../client/src/model/status";
import { segment, steelMap } from "./map-fixture";

describe("segment status derived from the map", () => {
  const diagnosis = diagnoseSegments(steelMap());
  const statusOf = (id: string) => diagnosis.get(id)?.status;

  it("when a segment has no local firm, then it is a missing link", () => {
    expect(statusOf("cold-rolled")).toBe("missing");
    expect(diagnosis.get("cold-rolled")?.reasons).toEqual([{ code: "noLocalFirm" }]);
  });

  it("when a segment has one local firm, then it is weak; two or more, strong", () => {
    expect(statusOf("hot-rolling")).toBe("weak");
    expect(statusOf("sections")).toBe("strong");
  });

  it("when a thin segment feeds a segment the chain leader works in, then it is a bottleneck", () => {
    expect(statusOf("coke")).toBe("bottleneck"); // 1 firm → 炼铁 (leader)
    expect(statusOf("scrap")).toBe("bottleneck"); // 0 firms → 炼钢 (leader)
    expect(statusOf("ironmaking")).toBe("bottleneck"); // 1 firm, itself feeds 炼钢 (leader)
    expect(diagnosis.get("scrap")?.reasons[0]).toEqual({ code: "feedsLeader", leaderSegmentNames: ["炼钢"] });
  });

  it("when a well-supplied segment feeds the leader, then it stays strong", () => {
    expect(statusOf("iron-ore")).toBe("strong");
  });

  it("when the server sends a status, then that figure wins", () => {
    const map = steelMap();
    map.segments[0] = { ...segment("iron-ore", "upstream", 0, 2), status: "missing" } as never;
    expect(diagnoseSegments(map).get("iron-ore")).toEqual({ status: "missing", reasons: [{ code: "fromServer" }] });
  });

  it("counts every segment once", () => {
    expect(countStatuses(diagnosis)).toEqual({ strong: 2, weak: 2, missing: 1, bottleneck: 3 });
  });
});
