import { describe, expect, it } from "vitest";
import { GEOMETRY, layoutChainMap } from "../../../client/src/model/layout";
import type { Box, LayoutInput, LayoutSegment, MapLayout } from "../../../client/src/model/layout";
import type { Stage } from "../../../server/model/domain";
import { buildMapElements } from "../../../client/src/model/elements";
import { segmentStatuses } from "../../../client/src/model/status";
import { edgeBoxIntersections, edgeEdgeCrossings } from "../../support/map-geometry";
import { sampleChainMaps } from "../../support/sample-maps";
import { straightLineEdges } from "../../support/straight-baseline";
import { steelMap } from "./map-fixture";

function steelInput(): LayoutInput {
  const map = steelMap();
  return {
    segments: map.segments.map((s) => ({ id: s.id, stage: s.stage, position: s.position, childCount: 0 })),
    links: [...map.links, { source: "in:coal", target: "coke" }, { source: "sections", target: "out:steel-structure" }],
    inputs: ["in:coal"],
    outputs: ["out:steel-structure"],
  };
}

function allBoxes(layout: MapLayout): [string, Box][] {
  return [
    ...[...layout.segments].map(([id, p]) => [id, p.box] as [string, Box]),
    ...[...layout.inputs].map(([id, b]) => [id, b] as [string, Box]),
    ...[...layout.outputs].map(([id, b]) => [id, b] as [string, Box]),
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

  it("when a segment feeds another of the same stage, then the fed one sits further right (with room for sub-columns)", () => {
    const ids = ["a", "b", "c"];
    const layout = layoutChainMap({
      segments: ids.map((id, position) => ({ id, stage: "midstream", position, childCount: 0 })),
      links: [
        { source: "a", target: "b" },
        { source: "b", target: "c" },
      ],
      // A very wide area: one row, so each depth takes its own sub-column.
      aspect: 10,
    });
    const x = (id: string) => layout.segments.get(id)!.box.x;
    expect(x("a")).toBeLessThan(x("b"));
    expect(x("b")).toBeLessThan(x("c"));
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
    expectNoOverlaps(allBoxes(layout));
    // Shaped for a 16:9 screen, not one long strip.
    expect(layout.bounds.width / layout.bounds.height).toBeGreaterThan(0.6);
    expect(layout.bounds.width / layout.bounds.height).toBeLessThan(4);
  });

  it("shapes the map for the area it is drawn in", () => {
    const wide = layoutChainMap({ ...bigInput(60), aspect: 3 });
    const tall = layoutChainMap({ ...bigInput(60), aspect: 1 });
    expect(wide.bounds.width / wide.bounds.height).toBeGreaterThan(tall.bounds.width / tall.bounds.height);
  });

  it("spreads the map to the proportions of its area rather than leave an empty band beside it", () => {
    for (const aspect of [2.5, 3, 4]) {
      const layout = layoutChainMap({ ...steelInput(), aspect });
      expect(layout.bounds.width / layout.bounds.height / aspect, `at ${aspect.toFixed(2)}`).toBeCloseTo(1, 2);
      expectNoOverlaps(allBoxes(layout));
    }
  });

  it("when a stage has a long run of links within it, then it uses at most three sub-columns", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const layout = layoutChainMap({
      segments: ids.map((id, position) => ({ id, stage: "midstream", position, childCount: 0 })),
      links: ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id })),
      aspect: 4,
    });
    const xs = new Set(ids.map((id) => layout.segments.get(id)!.box.x));
    expect(xs.size).toBeLessThanOrEqual(GEOMETRY.maxDepthColumns);
    expectNoOverlaps([...layout.segments].map(([id, p]) => [id, p.box]));
  });

  it("places a segment of another chain level with the segments it links to", () => {
    const input = steelInput();
    const layout = layoutChainMap({
      ...input,
      // Listed first, but each stands level with its partner, in the partners' order.
      links: [...input.links, { source: "in:power", target: "scrap" }, { source: "in:coal2", target: "iron-ore" }],
      inputs: ["in:power", "in:coal2"],
    });
    const y = (id: string) => (layout.inputs.get(id) ?? layout.segments.get(id)!.box).y;
    expect(Math.sign(y("in:power") - y("in:coal2"))).toBe(Math.sign(y("scrap") - y("iron-ore")));
    expect(y("in:power")).toBe(y("scrap"));
  });

  it("routes every edge between the boxes: level and upright pieces, from border to border", () => {
    const layout = layoutChainMap(steelInput());
    const boxes = new Map(allBoxes(layout));
    for (const route of layout.routes) {
      for (let i = 1; i < route.points.length; i++) {
        const [[x1, y1], [x2, y2]] = [route.points[i - 1]!, route.points[i]!];
        expect(x1 === x2 || y1 === y2, `${route.source}->${route.target}`).toBe(true);
      }
      const [sx, sy] = route.points[0]!;
      const source = boxes.get(route.source)!;
      expect(sx === source.x || sx === source.x + source.width).toBe(true);
      expect(sy).toBeGreaterThan(source.y);
      expect(sy).toBeLessThan(source.y + source.height);
    }
  });

  it("over every map of the sample, no edge passes through a box and routed edges cross no more than straight lines did", () => {
    const laneLabels = { inputs: "来自其他链", upstream: "上游", midstream: "中游", downstream: "下游", outputs: "流向其他链" };
    const report: string[] = [];
    const worse: string[] = [];
    for (const map of sampleChainMaps()) {
      const straight = edgeEdgeCrossings(straightLineEdges(map));
      const routed: number[] = [];
      for (const aspect of [16 / 9, 4 / 3, 1.41]) {
        const elements = buildMapElements(map, segmentStatuses(map), { laneLabels, aspect });
        const boxes = new Map<string, Box>();
        for (const node of elements.nodes)
          if (node.data.kind !== "lane") boxes.set(node.data.id, { x: node.position!.x - node.data.width / 2, y: node.position!.y - node.data.height / 2, width: node.data.width, height: node.data.height });
        const edges = elements.edges.map((e) => ({ id: e.data.id, source: e.data.source, target: e.data.target, points: e.data.points }));
        expect(edgeBoxIntersections(edges, boxes), `${map.chain.id} at ${aspect.toFixed(2)}`).toEqual([]);
        routed.push(edgeEdgeCrossings(edges));
      }
      report.push(`${map.chain.id.padEnd(16)} ${String(straight).padStart(4)} ${routed.map((n) => String(n).padStart(6)).join("")}`);
      if (Math.max(...routed) > straight) worse.push(`${map.chain.id}: ${routed.join("/")} > ${straight}`);
    }
    console.log(`edge–edge crossings per map: straight lines (before routing) vs routed at 16:9, 4:3, 1.41\n${"map".padEnd(16)} straight  16:9   4:3  1.41\n${report.join("\n")}`);
    expect(worse).toEqual([]);
  }, 120_000);
});
