import { describe, expect, it } from "vitest";
import { cycleClosedBy, type Link } from "../../server/services/editing/feeds-cycle.js";

const links = (...pairs: string[]): Link[] => pairs.map((p) => ({ from: p.split(">")[0]!, to: p.split(">")[1]! }));

describe("the FEEDS cycle a new link would close", () => {
  it("when nothing leads back from the new link's target, then no cycle is closed", () => {
    expect(cycleClosedBy(links("ore>iron", "iron>steel"), "steel", "strip")).toBeNull();
    expect(cycleClosedBy([], "a", "b")).toBeNull();
  });

  it("when the target already reaches the source, then the cycle runs source → target → … → source", () => {
    expect(cycleClosedBy(links("steel>scrap", "scrap>iron"), "iron", "steel")).toEqual(["iron", "steel", "scrap", "iron"]);
  });

  it("when a direct link back exists, then the two-segment loop is named", () => {
    expect(cycleClosedBy(links("b>a"), "a", "b")).toEqual(["a", "b", "a"]);
  });

  it("when several paths lead back, then the shortest is named, ties broken by id, the same every time", () => {
    const graph = links("t>x", "x>y", "y>s", "t>c", "c>s", "t>b", "b>s");
    expect(cycleClosedBy(graph, "s", "t")).toEqual(["s", "t", "b", "s"]);
    expect(cycleClosedBy([...graph].reverse(), "s", "t")).toEqual(["s", "t", "b", "s"]);
  });

  it("when the graph already holds other loops, then the search still ends", () => {
    expect(cycleClosedBy(links("a>b", "b>c", "c>a", "c>d"), "d", "e")).toBeNull();
    expect(cycleClosedBy(links("a>b", "b>c", "c>a", "c>d"), "d", "a")).toEqual(["d", "a", "b", "c", "d"]);
  });

  it("when a segment would feed itself, then that is a cycle of its own", () => {
    expect(cycleClosedBy([], "a", "a")).toEqual(["a", "a"]);
  });
});
