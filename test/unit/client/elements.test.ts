import { describe, expect, it } from "vitest";
import { buildMapElements, nodeIds } from "../../../client/src/model/elements";
import type { MapElementOptions } from "../../../client/src/model/elements";
import { segmentStatuses } from "../../../client/src/model/status";
import { steelMap } from "./map-fixture";

const laneLabels: MapElementOptions["laneLabels"] = {
  inputs: "来自其他链",
  upstream: "上游",
  midstream: "中游",
  downstream: "下游",
  outputs: "流向其他链",
};

function build(options: Partial<MapElementOptions> = {}) {
  const map = steelMap();
  return buildMapElements(map, segmentStatuses(map), {
    laneLabels,
    chainNames: new Map([
      ["energy", "能源"],
      ["equipment", "装备制造"],
    ]),
    ...options,
  });
}

const byKind = (elements: ReturnType<typeof build>, kind: string) => elements.nodes.filter((n) => n.data.kind === kind);

describe("chain map → Cytoscape elements", () => {
  it("makes one node per segment, one per lane and one per segment of another chain", () => {
    const elements = build();
    expect(byKind(elements, "segment")).toHaveLength(8);
    expect(byKind(elements, "lane").map((n) => n.data.label)).toEqual(["来自其他链", "上游", "中游", "下游", "流向其他链"]);
    expect(byKind(elements, "external").map((n) => n.data.label)).toEqual(["能源\n原煤", "装备制造\n钢结构"]);
  });

  it("labels a segment with its name and number of local firms, and marks the leader's segments", () => {
    const nodes = build().nodes;
    const label = (id: string) => nodes.find((n) => n.data.id === id)!.data.label;
    expect(label("cold-rolled")).toBe("冷轧带钢 (0)");
    expect(label("ironmaking")).toBe("★ 炼铁 (1)");
    expect(nodes.find((n) => n.data.id === "ironmaking")!.classes).toContain("leader");
  });

  it("classes each segment by its status", () => {
    const nodes = build().nodes;
    const classes = (id: string) => nodes.find((n) => n.data.id === id)!.classes;
    expect(classes("cold-rolled")).toContain("status-missing");
    expect(classes("scrap")).toContain("status-bottleneck");
    expect(classes("sections")).toContain("status-strong");
  });

  it("with a 对比日期, marks the segments filled, improved and worse, and no others", () => {
    const changes = new Map([
      ["coke", { change: "filled" as const, statusThen: "missing" as const }],
      ["scrap", { change: "worse" as const, statusThen: "strong" as const }],
      ["iron-ore", { change: "improved" as const, statusThen: "weak" as const }],
      ["ironmaking", { change: "unchanged" as const, statusThen: "strong" as const }],
      ["steelmaking", { change: "unrecorded" as const, statusThen: null }],
    ]);
    const segments = byKind(build({ changes }), "segment");
    const marked = (mark: string) => segments.filter((n) => n.classes.includes(`since-${mark}`)).map((n) => n.data.id);
    expect([marked("filled"), marked("worse"), marked("improved")]).toEqual([["coke"], ["scrap"], ["iron-ore"]]);
    expect(segments.filter((n) => n.classes.some((c) => c.startsWith("since-"))).length).toBe(3);
    expect(segments.find((n) => n.data.id === "scrap")!.data).toMatchObject({ change: "worse", statusThen: "strong" });
    // Without a comparison, no mark at all.
    expect(byKind(build(), "segment").some((n) => n.classes.some((c) => c.startsWith("since-")) || n.data.change)).toBe(false);
  });

  it("makes FEEDS edges within the chain and dashed links to and from other chains", () => {
    const edges = build().edges;
    expect(edges.filter((e) => e.data.kind === "feeds")).toHaveLength(7);
    expect(edges.filter((e) => e.data.kind === "external").map((e) => [e.data.source, e.data.target])).toEqual([
      [nodeIds.input("coal"), "coke"],
      ["sections", nodeIds.output("steel-structure")],
    ]);
  });

  it("gives every node except expanded segments a position, and the same ones every time", () => {
    const first = build();
    for (const node of first.nodes) expect(node.position, node.data.id).toBeDefined();
    expect(build()).toEqual(first);
  });

  it("when a segment is expanded, then its firms become child nodes, the leader first", () => {
    const elements = build({ expanded: new Set(["ironmaking", "iron-ore", "cold-rolled"]) });
    const children = (parent: string) => elements.nodes.filter((n) => n.data.parent === parent).map((n) => n.data.firmId);
    expect(children("iron-ore")).toEqual(["ore-b", "ore-a"]); // larger capital first
    expect(children("ironmaking")).toEqual(["lingang"]);
    const ironmaking = elements.nodes.find((n) => n.data.id === "ironmaking")!;
    expect(ironmaking.position).toBeUndefined();
    expect(ironmaking.classes).toContain("expanded");
    // A segment with no local firm has nothing to expand.
    expect(children("cold-rolled")).toEqual([]);
    expect(elements.nodes.find((n) => n.data.id === "cold-rolled")!.classes).not.toContain("expanded");
  });

  it("when filtered by stage and status, then other segments and their edges fade but keep their place", () => {
    const all = build();
    const filtered = build({ stages: new Set(["upstream"]), statuses: new Set(["bottleneck"]) });
    const faded = filtered.nodes.filter((n) => n.classes.includes("faded")).map((n) => n.data.id);
    expect(faded.sort()).toEqual(["cold-rolled", "hot-rolling", "iron-ore", "ironmaking", "sections", "steelmaking"]);
    expect(filtered.edges.find((e) => e.data.id === "feeds:scrap->steelmaking")!.classes).toContain("faded");
    expect(filtered.nodes.map((n) => n.position)).toEqual(all.nodes.map((n) => n.position));
  });

  it("builds 2,000 elements quickly", () => {
    const map = steelMap();
    const segments = Array.from({ length: 700 }, (_, i) => ({
      ...map.segments[0]!,
      id: `s${i}`,
      stage: (["upstream", "midstream", "downstream"] as const)[i % 3]!,
      position: i,
      localFirmCount: i % 4,
    }));
    const links = segments.slice(1).map((s, i) => ({ source: `s${i}`, target: s.id }));
    const big = { ...map, segments, links: links.concat(links.map((l) => ({ source: l.target, target: l.source }))).slice(0, 1300), externalLinks: [] };
    const started = performance.now();
    const elements = buildMapElements(big, segmentStatuses(big), { laneLabels });
    expect(elements.nodes.length + elements.edges.length).toBeGreaterThanOrEqual(2000);
    // The benchmark keeps the real budget; this only catches a layout gone quadratic.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
