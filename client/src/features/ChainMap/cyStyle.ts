/** The Cytoscape style sheet, derived from a palette so the canvas, SVG and print agree. */
import type cytoscape from "cytoscape";
import { FIRM_FONT_SIZE, LINE_HEIGHT } from "../../model/elements";
import { GEOMETRY } from "../../model/layout";
import type { Palette } from "../../model/palette";
import { fillingBadgeUri, sinceBadgeUri } from "../../model/palette";
import { SINCE_MARKS } from "../../model/since";
import { SEGMENT_STATUSES } from "../../model/status";

interface Badge {
  uri: string;
  size: number;
  /** The corner it is centred on. */
  corner: "top-left" | "top-right";
}

/** Badges drawn over a node's corners, as one list of background images (a node has one list). */
function badgeStyle(badges: readonly Badge[]): cytoscape.Css.Node {
  const each = <T>(value: (b: Badge) => T) => badges.map(value);
  return {
    "background-image": each((b) => b.uri),
    "background-width": each((b) => b.size),
    "background-height": each((b) => b.size),
    "background-position-x": each((b) => (b.corner === "top-left" ? "0%" : "100%")),
    "background-position-y": each(() => "0%"),
    "background-offset-x": each((b) => (b.corner === "top-left" ? -b.size / 2 : b.size / 2)),
    "background-offset-y": each((b) => -b.size / 2),
    "background-clip": each(() => "none"),
    "background-image-containment": each(() => "over"),
    "background-image-opacity": each(() => 1),
    "bounds-expansion": Math.max(...badges.map((b) => b.size / 2)),
  } as cytoscape.Css.Node;
}

export function chainMapStyle(p: Palette): cytoscape.StylesheetJson {
  const filling: Badge = { uri: fillingBadgeUri(p), size: p.filling.size, corner: "top-right" };
  const since = (mark: (typeof SINCE_MARKS)[number]): Badge => ({ uri: sinceBadgeUri(p, mark), size: p.since.size, corner: "top-left" });
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        shape: "round-rectangle",
        width: "data(width)",
        height: "data(height)",
        "font-family": p.fontFamily,
        "font-size": p.fontSize,
        "font-weight": p.fontWeight,
        "text-valign": "center",
        "text-halign": "center",
        // Labels arrive wrapped (see model/label.ts), so the SVG writer shows the same lines.
        "text-wrap": "wrap",
        "text-max-width": "1000px",
        "line-height": LINE_HEIGHT,
        // Tiny labels cost render time and are unreadable anyway.
        "min-zoomed-font-size": 5,
        "overlay-opacity": 0,
      },
    },
    {
      selector: "node.lane",
      style: {
        "background-color": p.lane.fill,
        "border-color": p.lane.border,
        "border-width": 1,
        color: p.lane.text,
        "font-size": p.lane.fontSize,
        "font-weight": 700,
        "text-valign": "top",
        "text-margin-y": GEOMETRY.laneHeader - 14,
        "z-compound-depth": "bottom",
        events: "no",
      },
    },
    ...SEGMENT_STATUSES.map((status) => {
      const s = p.status[status];
      return {
        selector: `node.status-${status}`,
        style: {
          "background-color": s.fill,
          "border-color": s.border,
          "border-width": s.borderWidth,
          "border-style": s.borderStyle,
          color: s.text,
        },
      } satisfies cytoscape.StylesheetStyle;
    }),
    {
      selector: "node.status-bottleneck.without-firms",
      style: { "background-color": p.bottleneckWithoutFirms.fill, "border-color": p.bottleneckWithoutFirms.border, color: p.bottleneckWithoutFirms.text },
    },
    {
      selector: "node.leader.segment",
      style: { "outline-color": p.leader.border, "outline-width": p.leader.borderWidth, "outline-offset": 3 },
    },
    // 补链中: a badge centred on the top-right corner, where it covers no label text.
    { selector: "node.segment.filling", style: badgeStyle([filling]) },
    // What changed since the 对比日期: a badge on the top-left corner; with 补链中, both.
    ...SINCE_MARKS.map((mark) => ({ selector: `node.segment.since-${mark}`, style: badgeStyle([since(mark)]) })),
    ...SINCE_MARKS.map((mark) => ({ selector: `node.segment.filling.since-${mark}`, style: badgeStyle([filling, since(mark)]) })),
    {
      selector: "node.expanded",
      style: {
        "text-valign": "top",
        "text-margin-y": -4,
        padding: `${GEOMETRY.expandedPadding}px`,
        "compound-sizing-wrt-labels": "exclude",
      },
    },
    {
      selector: "node.firm",
      style: {
        "background-color": p.firm.fill,
        "border-color": p.firm.border,
        "border-width": 1,
        color: p.firm.text,
        "font-size": FIRM_FONT_SIZE,
        "font-weight": 400,
      },
    },
    { selector: "node.firm.leader", style: { "font-weight": 700, "border-width": 2, "border-color": p.leader.border } },
    {
      selector: "node.external",
      style: {
        "background-color": p.external.fill,
        "border-color": p.external.border,
        "border-width": 2,
        "border-style": "dashed",
        color: p.external.text,
        "font-weight": 400,
      },
    },
    {
      // A side's nodes folded into one: it opens on click.
      selector: "node.fold",
      style: {
        "background-color": p.external.fill,
        "border-color": p.external.border,
        "border-width": 3,
        "border-style": "double",
        color: p.external.text,
        "font-weight": 700,
      },
    },
    {
      selector: "edge",
      style: {
        // Routed by the layout around the boxes: each edge's bends arrive as its own
        // segment weights and distances (see segmentsStyle), drawn like the SVG export.
        "curve-style": "segments",
        width: p.edge.width,
        "line-color": p.edge.line,
        "target-arrow-color": p.edge.line,
        "target-arrow-shape": "triangle",
        "arrow-scale": 1.2,
        "overlay-opacity": 0,
      },
    },
    {
      selector: "edge.external",
      style: { "line-style": "dashed", "line-color": p.edge.external, "target-arrow-color": p.edge.external },
    },
    { selector: ".faded", style: { opacity: p.fadedOpacity } },
    {
      selector: "node:selected",
      style: {
        "underlay-color": p.selected,
        "underlay-padding": 10,
        "underlay-opacity": 0.3,
        "underlay-shape": "round-rectangle",
      },
    },
    {
      selector: "node.highlight",
      style: {
        "underlay-color": p.highlight,
        "underlay-padding": 12,
        "underlay-opacity": 0.5,
        "underlay-shape": "round-rectangle",
      },
    },
  ];
}
