import { describe, expect, it } from "vitest";
import { GEOMETRY, layoutChainMap, rowsPerColumn } from "../../../client/src/model/layout";
import type { Box, LayoutInput, LayoutSegment, MapLayout } from "../../../client/src/model/layout";
import type { Stage } from "../../../server/model/domain";
import { steelMap } from "./map-fixture";

function steelInput(): LayoutInput {
  const map = steelMap();
  return {
    segments: map.segments.map((s) => ({ id: s.id, stage: s.stage, position: s.position, childCount: 0 })),
    links: map.links,
    inputs: [{ id: "coal", anchors: ["coke"] }],
    outputs: [{ id: "steel-structure", anchors: ["sections"] }],
  };
}

function allBoxes(layout: MapLayout): [string, Box][] {
  return [
    ...[...layout.segments].map(([id, p]) => [id, p.box] as [string, Box]),
    ...[...layout.inputs].map(([id, b]) => [`in:${id}`, b] as [string, Box]),
    ...[...layout.outputs].map(([id, b]) => [`out:${id}`, b] as [string, Box]),
  ];
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlaps(boxes: [string, Box][]) {
  const clashes: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlaps(boxes[i]![1], boxes[j]![1])) clashes.push(`${boxes[i]![0]} × ${boxes[j]![0]}`);
  expect(clashes).toEqual([]);
}

/** A big synthetic chain: n segments spread over the stages, each fed by an earlier one. */
function bigInput(n: number): LayoutInput {
  const stages: Stage[] = ["upstream", "midstream", "downstream"];
  const segments: LayoutSegment[] = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    stage: stages[i % 3]!,
    position: Math.floor(i / 3),
    childCount: i % 17 === 0 ? 3 : 0,
  }));
  const links = segments.slice(1).map((s, i) => ({ source: `s${(i * 7) % (i + 1)}`, target: s.id }));
  return { segments, links };
}

describe("layered chain-map layout", () => {
  it("when the same map is laid out twice, then every position is the same", () => {
    const first = layoutChainMap(steelInput());
    const reordered = steelInput();
    const second = layoutChainMap({ ...reordered, segments: [...reordered.segments].reverse(), links: [...reordered.links].reverse() });
    expect([...second.segments].sort()).toEqual([...first.segments].sort());
    expect(second.lanes).toEqual(first.lanes);
  });

  it("puts the lanes in the order inputs, 上游, 中游, 下游, outputs, left to right", () => {
    const layout = layoutChainMap(steelInput());
    expect(layout.lanes.map((l) => l.id)).toEqual(["inputs", "upstream", "midstream", "downstream", "outputs"]);
    for (let i = 1; i < layout.lanes.length; i++)
      expect(layout.lanes[i]!.box.x).toBeGreaterThanOrEqual(layout.lanes[i - 1]!.box.x + layout.lanes[i - 1]!.box.width);
  });

  it("keeps every segment inside its stage's lane, below the lane header", () => {
    const input = steelInput();
    const layout = layoutChainMap(input);
    for (const segment of input.segments) {
      const lane = layout.lanes.find((l) => l.id === segment.stage)!.box;
      const box = layout.segments.get(segment.id)!.box;
      expect(box.x).toBeGreaterThanOrEqual(lane.x);
      expect(box.x + box.width).toBeLessThanOrEqual(lane.x + lane.width);
      expect(box.y).toBeGreaterThanOrEqual(GEOMETRY.laneHeader);
      expect(box.y + box.height).toBeLessThanOrEqual(lane.y + lane.height);
    }
  });

  it("stacks segments of a column in their authored position", () => {
    const layout = layoutChainMap(steelInput());
    const y = (id: string) => layout.segments.get(id)!.box.y;
    expect(y("iron-ore")).toBeLessThan(y("coke"));
    expect(y("coke")).toBeLessThan(y("scrap"));
    expect(y("cold-rolled")).toBeLessThan(y("sections"));
  });

  it("when a segment feeds another of the same stage, then the fed one sits further right", () => {
    const layout = layoutChainMap(steelInput());
    const x = (id: string) => layout.segments.get(id)!.box.x;
    expect(x("ironmaking")).toBeLessThan(x("steelmaking"));
    expect(x("steelmaking")).toBeLessThan(x("hot-rolling"));
  });

  it("when links form a cycle inside a stage, then the layout still finishes and stays stable", () => {
    const input: LayoutInput = {
      segments: ["a", "b", "c"].map((id, position) => ({ id, stage: "midstream", position, childCount: 0 })),
      links: [
        { source: "a", target: "b" },
        { source: "b", target: "c" },
        { source: "c", target: "a" },
      ],
    };
    const layout = layoutChainMap(input);
    expect(layoutChainMap(input)).toEqual(layout);
    expectNoOverlaps(allBoxes(layout));
  });

  it("shows the three stages even when one has no segment", () => {
    const layout = layoutChainMap({ segments: [{ id: "a", stage: "upstream", position: 0, childCount: 0 }], links: [] });
    expect(layout.lanes.map((l) => l.id)).toEqual(["upstream", "midstream", "downstream"]);
  });

  it("when a segment is expanded, then its firms stack inside it and nothing overlaps", () => {
    const input = steelInput();
    const expanded = { ...input, segments: input.segments.map((s) => (s.id === "iron-ore" ? { ...s, childCount: 2 } : s)) };
    const layout = layoutChainMap(expanded);
    const { box, children } = layout.segments.get("iron-ore")!;
    expect(children).toHaveLength(2);
    for (const child of children) {
      expect(child.x).toBeGreaterThanOrEqual(box.x);
      expect(child.y + child.height).toBeLessThanOrEqual(box.y + box.height);
    }
    expect(overlaps(children[0]!, children[1]!)).toBe(false);
    expectNoOverlaps(allBoxes(layout));
  });

  it("when a map is large, then lanes wrap into columns and no two segments overlap", () => {
    const input = bigInput(600);
    const layout = layoutChainMap(input);
    expect(rowsPerColumn(600)).toBeGreaterThan(GEOMETRY.minRowsBeforeWrap);
    expectNoOverlaps(allBoxes(layout));
    // Roughly landscape, so it fits a screen or a projector.
    expect(layout.bounds.width / layout.bounds.height).toBeGreaterThan(0.8);
    expect(layout.bounds.width / layout.bounds.height).toBeLessThan(4);
  });

  it("lays out 2,000 segments well within the render budget", () => {
    const input = bigInput(2000);
    const started = performance.now();
    layoutChainMap(input);
    expect(performance.now() - started).toBeLessThan(300);
  });

  it("when a stage has a long run of links within it, then it uses at most three sub-columns", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const layout = layoutChainMap({
      segments: ids.map((id, position) => ({ id, stage: "midstream", position, childCount: 0 })),
      links: ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id })),
    });
    const xs = new Set(ids.map((id) => layout.segments.get(id)!.box.x));
    expect(xs.size).toBe(GEOMETRY.maxDepthColumns);
    const y = (id: string) => layout.segments.get(id)!.box.y;
    expect(y("c")).toBeLessThan(y("d"));
    expect(y("d")).toBeLessThan(y("e"));
    expectNoOverlaps([...layout.segments].map(([id, p]) => [id, p.box]));
  });

  it("places a segment of another chain level with the segments it links to", () => {
    const layout = layoutChainMap({
      ...steelInput(),
      // Listed first, but linked to the lowest upstream segment: it goes below the other.
      inputs: [
        { id: "power", anchors: ["scrap"] },
        { id: "coal", anchors: ["iron-ore"] },
      ],
    });
    expect(layout.inputs.get("coal")!.y).toBeLessThan(layout.inputs.get("power")!.y);
  });
});
