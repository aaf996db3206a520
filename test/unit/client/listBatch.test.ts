import { describe, expect, it } from "vitest";
import { addToList, isAlreadyOnList, picksOf, planBatch, summarizeBatch } from "../../../client/src/model/listBatch";
import type { BatchPick } from "../../../client/src/model/listBatch";

const pick = (firmId: string, segmentId = "steel-ore"): BatchPick => ({ firmId, name: `企业${firmId}`, segmentId });

class FakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

describe("adding picked targets to an existing list", () => {
  it("takes the picked rows in ranking order, each for its most confident segment", () => {
    const results = [
      { firm: { id: "x", name: "甲" }, segments: [{ segmentId: "s1", confidence: 0.4 }, { segmentId: "s2", confidence: 0.9 }] },
      { firm: { id: "y", name: "乙" }, segments: [{ segmentId: "s3", confidence: 1 }] },
      { firm: { id: "z", name: "丙" }, segments: [] },
    ];
    expect(picksOf(results, ["z", "x", "gone"])).toEqual([
      { firmId: "x", name: "甲", segmentId: "s2" },
      { firmId: "z", name: "丙" },
    ]);
  });

  it("when a firm is already on the list, then it is not sent and counts as already there", () => {
    const { send, already } = planBatch([pick("a"), pick("b"), pick("c")], new Set(["b"]));
    expect(send.map((p) => p.firmId)).toEqual(["a", "c"]);
    expect(already.map((p) => p.firmId)).toEqual(["b"]);
  });

  it("when a firm is picked twice, then it is sent once", () => {
    expect(planBatch([pick("a"), pick("a", "steel-coke")], new Set()).send).toEqual([pick("a")]);
  });

  it("when the server answers 409 conflict, then the firm was already there; other errors are failures", () => {
    expect(isAlreadyOnList(new FakeApiError(409, "conflict", "a is already on this list"))).toBe(true);
    expect(isAlreadyOnList(new FakeApiError(400, "validation", "segment needed"))).toBe(false);
    expect(isAlreadyOnList(new FakeApiError(409, "feeds_cycle", "loop"))).toBe(false);
    expect(isAlreadyOnList(new Error("network"))).toBe(false);
    expect(isAlreadyOnList(null)).toBe(false);
  });

  it("sends one request per new firm, in order, and sums up added, already there and failed without stopping", async () => {
    const sent: BatchPick[] = [];
    const steps: string[] = [];
    const summary = await addToList(
      [pick("a"), pick("b"), pick("c"), pick("d")],
      new Set(["b"]),
      async (p) => {
        sent.push(p);
        if (p.firmId === "c") throw new FakeApiError(409, "conflict", "c is already on this list");
        if (p.firmId === "a") throw new FakeApiError(400, "validation", "需要指定环节");
      },
      (done, total) => steps.push(`${done}/${total}`),
    );
    expect(sent.map((p) => p.firmId)).toEqual(["a", "c", "d"]);
    expect(steps).toEqual(["1/3", "2/3", "3/3"]);
    expect(summary.added.map((p) => p.firmId)).toEqual(["d"]);
    expect(summary.already.map((p) => p.firmId).sort()).toEqual(["b", "c"]);
    expect(summary.failed).toEqual([{ pick: pick("a"), reason: "需要指定环节" }]);
  });

  it("when every firm is on the list already, then nothing is sent", async () => {
    let calls = 0;
    const summary = await addToList([pick("a")], new Set(["a"]), async () => {
      calls += 1;
    });
    expect(calls).toBe(0);
    expect(summarizeBatch([])).toEqual({ added: [], already: [], failed: [] });
    expect(summary).toEqual({ added: [], already: [pick("a")], failed: [] });
  });
});
