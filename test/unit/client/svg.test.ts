import { describe, expect, it } from "vitest";
import { buildMapElements } from "../../../client/src/model/elements";
import { STANDARD_PALETTE } from "../../../client/src/model/palette";
import { segmentStatuses } from "../../../client/src/model/status";
import { renderMapSvg } from "../../../client/src/model/svg";
import { steelMap } from "./map-fixture";

const laneLabels = { inputs: "来自其他链", upstream: "上游", midstream: "中游", downstream: "下游", outputs: "流向其他链" };

function svgOf(map = steelMap(), expanded: string[] = []) {
  const elements = buildMapElements(map, segmentStatuses(map), { laneLabels, expanded: new Set(expanded) });
  return renderMapSvg(elements, {
    palette: STANDARD_PALETTE,
    title: "凌源经开区 · 钢铁冶金",
    subtitle: "2026-11-22",
    legend: { status: { strong: "强", weak: "弱", missing: "缺", bottleneck: "卡点" }, leader: "链主", external: "外链" },
  });
}

describe("SVG export", () => {
  it("writes a standalone SVG with the title, every lane, segment label and edge", () => {
    const svg = svgOf();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    for (const text of ["凌源经开区 · 钢铁冶金", "上游", "中游", "下游", "冷轧带钢 (0)", "★ 炼铁 (1)", "卡点"]) expect(svg).toContain(text);
    expect(svg.match(/<polyline /g)).toHaveLength(9); // 7 FEEDS + 2 to and from other chains
  });

  it("draws missing links dashed, so status reads without colour", () => {
    expect(svgOf()).toContain(`stroke="${STANDARD_PALETTE.status.missing.border}" stroke-width="3" stroke-dasharray="10 6"`);
  });

  it("draws a bottleneck without local firms as missing too: the missing fill and text inside the bottleneck's double border", () => {
    const elements = buildMapElements(steelMap(), segmentStatuses(steelMap()), { laneLabels });
    const node = (id: string) => elements.nodes.find((n) => n.data.id === id)!;
    expect(node("scrap").classes).toEqual(expect.arrayContaining(["status-bottleneck", "without-firms"]));
    expect(node("coke").classes).not.toContain("without-firms");
    const svg = renderMapSvg(elements, { palette: STANDARD_PALETTE });
    const { fill, border } = STANDARD_PALETTE.bottleneckWithoutFirms;
    expect(fill).toBe(STANDARD_PALETTE.status.missing.fill);
    expect(border).toBe(STANDARD_PALETTE.status.bottleneck.border);
    // 废钢 (no firm) and 焦炭 (one firm) are both bottlenecks; only 废钢 has the missing fill.
    expect(svg.match(new RegExp(`fill="${fill}" stroke="${border}"`, "g"))).toHaveLength(1);
    expect(svg.match(new RegExp(`fill="${STANDARD_PALETTE.status.bottleneck.fill}" stroke="${border}"`, "g"))).toHaveLength(1);
  });

  it("escapes text that would break the markup", () => {
    const map = steelMap();
    map.segments[0] = { ...map.segments[0]!, name: `A&B <"x">` };
    const svg = svgOf(map);
    expect(svg).toContain("A&amp;B &lt;&quot;x&quot;&gt;");
    expect(svg).not.toContain("<\"x\">");
  });

  it("draws expanded firms inside their segment", () => {
    expect(svgOf(steelMap(), ["iron-ore"])).toContain(">ore-b<");
  });

  it("draws each edge along its routed line, from border to border", () => {
    const map = steelMap();
    const elements = buildMapElements(map, segmentStatuses(map), { laneLabels });
    const svg = renderMapSvg(elements, { palette: STANDARD_PALETTE });
    for (const edge of elements.edges) expect(svg).toContain(`points="${edge.data.points.map(([x, y]) => `${x},${y}`).join(" ")}"`);
  });
});
