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

  it("draws the 对比日期 marks where the canvas does, with their legend on a second row", () => {
    const map = steelMap();
    const changes = new Map([
      ["coke", { change: "filled" as const, statusThen: "missing" as const }],
      ["scrap", { change: "worse" as const, statusThen: "strong" as const }],
    ]);
    const elements = buildMapElements(map, segmentStatuses(map), { laneLabels, changes });
    const legend = { status: { strong: "强", weak: "弱", missing: "缺", bottleneck: "卡点" }, leader: "链主", external: "外链" };
    const since = { filled: "自 2026-10-01 起补齐 1", improved: "自 2026-10-01 起好转 0", worse: "自 2026-10-01 起变差 1" };
    const svg = renderMapSvg(elements, { palette: STANDARD_PALETTE, title: "t", note: "自 2026-10-01 以来：补齐 1 个环节", legend: { ...legend, since } });
    expect(svg.match(/data-mark="since-filled"/g)).toHaveLength(1);
    expect(svg.match(/data-mark="since-worse"/g)).toHaveLength(1);
    expect(svg).toContain("自 2026-10-01 起补齐 1");
    expect(svg).toContain("自 2026-10-01 以来：补齐 1 个环节");
    // The coke segment's mark is centred on its top-left corner.
    const coke = elements.nodes.find((n) => n.data.id === "coke")!;
    const size = STANDARD_PALETTE.since.size;
    const corner = `translate(${coke.position!.x - coke.data.width / 2 - size / 2},${coke.position!.y - coke.data.height / 2 - size / 2})`;
    expect(svg).toContain(`<g transform="${corner}" data-mark="since-filled">`);
    // The extra rows make room: the picture grows by them.
    const plain = renderMapSvg(elements, { palette: STANDARD_PALETTE, title: "t", legend });
    const height = (text: string) => Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(text)![1]);
    expect(height(svg) - height(plain)).toBe(26 + 40);
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
