/**
 * Writes the chain map as a standalone SVG from the same elements and palette the canvas
 * uses: positions come from the layout, never from the screen, so the file matches what
 * a meeting saw. Used for the SVG export and, inline, for the print view (vector in PDF).
 */
import type { Box } from "./layout";
import type { MapElements, MapNode } from "./elements";
import type { Palette, StatusStyle } from "./palette";
import { fillingBadgeSvg, sinceBadgeSvg, statusStyle } from "./palette";
import { isSinceMark, SINCE_MARKS } from "./since";
import type { SinceMark } from "./since";
import type { SegmentStatus } from "./status";
import { SEGMENT_STATUSES } from "./status";
import { textWidth } from "./label";

export interface SvgLegend {
  status: Record<SegmentStatus, string>;
  /** 卡点·缺链: a bottleneck without local firms. */
  bottleneckWithoutFirms?: string;
  leader: string;
  external: string;
  /** 补链中: shown when given. */
  filling?: string;
  /** With a 对比日期: what each mark of a change means ("自 2026-10-01 起补齐 2"), on a second row. */
  since?: Record<SinceMark, string>;
}

export interface SvgOptions {
  palette: Palette;
  /** Heading above the map, e.g. "凌源经开区 · 钢铁冶金". */
  title?: string;
  /** Second heading line, e.g. the date and completeness. */
  subtitle?: string;
  /** A third line under it, e.g. what changed since the 对比日期. */
  note?: string;
  legend?: SvgLegend;
  /**
   * Scale to the containing box (print view, report) instead of the map's natural pixel
   * size. The margin is then just room for the leader's outline and the badges: the map is
   * laid out for the box's proportions and should meet its edges.
   */
  fluid?: boolean;
}

const MARGIN = 24;
const FLUID_MARGIN = 12;
const TITLE_HEIGHT = 76;
const NOTE_HEIGHT = 26;
const LEGEND_HEIGHT = 56;
const LEGEND_ROW = 40;

export function renderMapSvg(elements: MapElements, options: SvgOptions): string {
  const { palette } = options;
  const margin = options.fluid ? FLUID_MARGIN : MARGIN;
  const bounds = elements.layout.bounds;
  const top = options.title ? TITLE_HEIGHT + (options.note ? NOTE_HEIGHT : 0) : 0;
  const bottom = options.legend ? LEGEND_HEIGHT + (options.legend.since ? LEGEND_ROW : 0) : 0;
  const width = bounds.width + 2 * margin;
  const height = bounds.height + 2 * margin + top + bottom;
  const boxes = new Map<string, Box>();
  for (const node of elements.nodes) boxes.set(node.data.id, boxOf(node, elements));

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${options.fluid ? "100%" : width}" height="${options.fluid ? "100%" : height}" ` +
      `viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" font-family="${esc(palette.fontFamily)}">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${palette.edge.line}"/></marker>` +
      `<marker id="arrow-external" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${palette.edge.external}"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="${palette.background}"/>`,
  );
  if (options.title) {
    out.push(text(margin, margin + 28, options.title, { size: 28, weight: 700, fill: "#000", anchor: "start" }));
    if (options.subtitle)
      out.push(text(margin, margin + 58, options.subtitle, { size: 16, weight: 400, fill: "#444", anchor: "start" }));
    if (options.note) out.push(text(margin, margin + 58 + NOTE_HEIGHT, options.note, { size: 16, weight: 700, fill: "#222", anchor: "start" }));
  }
  out.push(`<g transform="translate(${margin - bounds.x},${margin + top - bounds.y})">`);

  const byKind = (kind: MapNode["data"]["kind"]) => elements.nodes.filter((n) => n.data.kind === kind);
  for (const lane of byKind("lane")) {
    const box = boxes.get(lane.data.id)!;
    out.push(
      rect(box, { fill: palette.lane.fill, stroke: palette.lane.border, strokeWidth: 1, radius: 12 }),
      text(box.x + box.width / 2, box.y + 40, lane.data.label, {
        size: palette.lane.fontSize,
        weight: 700,
        fill: palette.lane.text,
      }),
    );
  }

  for (const edge of elements.edges) {
    const external = edge.data.kind === "external";
    const points = edge.data.points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ");
    out.push(
      `<polyline points="${points}" fill="none" stroke="${external ? palette.edge.external : palette.edge.line}" stroke-linejoin="round" ` +
        `stroke-width="${palette.edge.width}"${external ? ' stroke-dasharray="8 6"' : ""} marker-end="url(#${external ? "arrow-external" : "arrow"})"${opacity(edge.classes, palette)}/>`,
    );
  }

  for (const node of elements.nodes) {
    const box = boxes.get(node.data.id)!;
    const { kind } = node.data;
    if (kind === "lane") continue;
    const group: string[] = [];
    if (kind === "segment") {
      const style = statusStyle(palette, node.data.status ?? "missing", node.data.localFirmCount ?? 0);
      if (node.data.leader)
        group.push(rect(inflate(box, 5), { fill: "none", stroke: palette.leader.border, strokeWidth: palette.leader.borderWidth, radius: 12 }));
      group.push(...statusRect(box, style));
      if (node.data.filling) group.push(badge(box, palette));
      if (isSinceMark(node.data.change)) group.push(sinceBadge(box, palette, node.data.change));
      const expanded = node.classes.includes("expanded");
      group.push(
        multiline(box, node.data.label, {
          size: palette.fontSize,
          weight: palette.fontWeight,
          fill: style.text,
          top: expanded ? box.y + 28 : undefined,
        }),
      );
    } else if (kind === "firm") {
      group.push(rect(box, { fill: palette.firm.fill, stroke: palette.firm.border, strokeWidth: 1, radius: 6 }));
      group.push(multiline(box, node.data.label, { size: palette.firm.fontSize, weight: 400, fill: palette.firm.text }));
    } else {
      group.push(rect(box, { fill: palette.external.fill, stroke: palette.external.border, strokeWidth: 2, radius: 8, dash: "6 4" }));
      group.push(multiline(box, node.data.label, { size: palette.fontSize - 2, weight: 400, fill: palette.external.text }));
    }
    out.push(`<g${opacity(node.classes, palette)}>${group.join("")}</g>`);
  }
  out.push("</g>");

  if (options.legend) out.push(legend(options.legend, palette, margin, height - bottom + 8));
  out.push("</svg>");
  return out.join("\n");
}

function legend(labels: SvgLegend, palette: Palette, x0: number, y0: number): string {
  const parts: string[] = [];
  let x = x0;
  const swatch = { x: 0, y: y0, width: 44, height: 26 };
  for (const status of SEGMENT_STATUSES) {
    parts.push(...statusRect({ ...swatch, x }, palette.status[status]));
    parts.push(text(x + 54, y0 + 19, labels.status[status], { size: 16, weight: 400, fill: "#222", anchor: "start" }));
    x += 54 + textWidth(labels.status[status], 16) + 28;
  }
  if (labels.bottleneckWithoutFirms) {
    parts.push(...statusRect({ ...swatch, x }, palette.bottleneckWithoutFirms));
    parts.push(text(x + 54, y0 + 19, labels.bottleneckWithoutFirms, { size: 16, weight: 400, fill: "#222", anchor: "start" }));
    x += 54 + textWidth(labels.bottleneckWithoutFirms, 16) + 28;
  }
  parts.push(rect({ ...swatch, x }, { fill: "#fff", stroke: palette.leader.border, strokeWidth: palette.leader.borderWidth, radius: 6 }));
  parts.push(text(x + 22, y0 + 19, "★", { size: 16, weight: 700, fill: palette.leader.border }));
  parts.push(text(x + 54, y0 + 19, labels.leader, { size: 16, weight: 400, fill: "#222", anchor: "start" }));
  x += 54 + textWidth(labels.leader, 16) + 28;
  parts.push(rect({ ...swatch, x }, { fill: palette.external.fill, stroke: palette.external.border, strokeWidth: 2, radius: 6, dash: "6 4" }));
  parts.push(text(x + 54, y0 + 19, labels.external, { size: 16, weight: 400, fill: "#222", anchor: "start" }));
  if (labels.filling) {
    x += 54 + textWidth(labels.external, 16) + 28;
    parts.push(`<g transform="translate(${n(x + 9)},${n(y0)})">${fillingBadgeSvg(palette, 26)}</g>`);
    parts.push(text(x + 54, y0 + 19, labels.filling, { size: 16, weight: 400, fill: "#222", anchor: "start" }));
  }
  if (labels.since) {
    x = x0;
    const y = y0 + LEGEND_ROW;
    for (const mark of SINCE_MARKS) {
      parts.push(`<g transform="translate(${n(x + 9)},${n(y)})">${sinceBadgeSvg(palette, mark, 26)}</g>`);
      parts.push(text(x + 54, y + 19, labels.since[mark], { size: 16, weight: 400, fill: "#222", anchor: "start" }));
      x += 54 + textWidth(labels.since[mark], 16) + 28;
    }
  }
  return `<g>${parts.join("")}</g>`;
}

function statusRect(box: Box, style: StatusStyle): string[] {
  if (style.borderStyle === "double") {
    // Two strokes with the fill between: an SVG stroke cannot be double by itself.
    const line = Math.max(1, style.borderWidth / 3);
    return [
      rect(box, { fill: style.fill, stroke: style.border, strokeWidth: line, radius: 8 }),
      rect(inflate(box, -2 * line), { fill: "none", stroke: style.border, strokeWidth: line, radius: 6 }),
    ];
  }
  return [
    rect(box, {
      fill: style.fill,
      stroke: style.border,
      strokeWidth: style.borderWidth,
      radius: 8,
      dash: style.borderStyle === "dashed" ? "10 6" : undefined,
    }),
  ];
}

/** The 补链中 badge centred on the segment's top-right corner, where the canvas draws it. */
function badge(box: Box, palette: Palette): string {
  const size = palette.filling.size;
  return `<g transform="translate(${n(box.x + box.width - size / 2)},${n(box.y - size / 2)})" data-mark="filling">${fillingBadgeSvg(palette)}</g>`;
}

/** A change's mark centred on the segment's top-left corner, where the canvas draws it. */
function sinceBadge(box: Box, palette: Palette, mark: SinceMark): string {
  const size = palette.since.size;
  return `<g transform="translate(${n(box.x - size / 2)},${n(box.y - size / 2)})" data-mark="since-${mark}">${sinceBadgeSvg(palette, mark)}</g>`;
}

function boxOf(node: MapNode, elements: MapElements): Box {
  if (!node.position) return elements.layout.segments.get(node.data.id)!.box;
  const { width, height } = node.data;
  return { x: node.position.x - width / 2, y: node.position.y - height / 2, width, height };
}

function inflate(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

function rect(
  box: Box,
  s: { fill: string; stroke: string; strokeWidth: number; radius: number; dash?: string | undefined },
): string {
  return (
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="${s.radius}" ` +
    `fill="${s.fill}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`
  );
}

interface TextStyle {
  size: number;
  weight: number;
  fill: string;
  anchor?: "start" | "middle";
}

function text(x: number, y: number, content: string, s: TextStyle): string {
  return (
    `<text x="${n(x)}" y="${n(y)}" font-size="${s.size}" font-weight="${s.weight}" fill="${s.fill}" ` +
    `text-anchor="${s.anchor ?? "middle"}">${esc(content)}</text>`
  );
}

/** Lines centred in the box (or from `top` down), as Cytoscape draws a wrapped label. */
function multiline(box: Box, label: string, s: TextStyle & { top?: number | undefined }): string {
  const lines = label.split("\n");
  const lineHeight = s.size * 1.25;
  const firstBaseline =
    s.top ?? box.y + box.height / 2 - ((lines.length - 1) * lineHeight) / 2 + s.size * 0.35;
  return lines.map((line, i) => text(box.x + box.width / 2, firstBaseline + i * lineHeight, line, s)).join("");
}

function opacity(classes: readonly string[], palette: Palette): string {
  return classes.includes("faded") ? ` opacity="${palette.fadedOpacity}"` : "";
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
