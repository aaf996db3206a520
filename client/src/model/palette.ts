/**
 * Colours and strokes of the chain map, shared by the live canvas, the SVG export and the
 * print view. Status is never told by colour alone: missing links have a dashed border and
 * bottlenecks a double one, so the map still reads in greyscale print and for colour-blind
 * viewers. A bottleneck without a local firm is missing as well: it keeps the bottleneck's
 * double border around the missing link's fill and text.
 */
import type { SinceMark } from "./since";
import type { SegmentStatus } from "./status";

export type LineStyle = "solid" | "dashed" | "double";

export interface StatusStyle {
  fill: string;
  border: string;
  text: string;
  borderWidth: number;
  borderStyle: LineStyle;
}

export interface Palette {
  name: "standard" | "meeting";
  background: string;
  fontFamily: string;
  fontSize: number;
  fontWeight: number;
  lane: { fill: string; border: string; text: string; fontSize: number };
  status: Record<SegmentStatus, StatusStyle>;
  /** A bottleneck with no local firm (卡点·缺链). */
  bottleneckWithoutFirms: StatusStyle;
  /** Outline added to segments the chain leader works in. */
  leader: { border: string; borderWidth: number };
  /** The badge on a segment a signed project is filling (补链中): a plus in a disc. */
  filling: { fill: string; mark: string; ring: string; size: number };
  /**
   * The marks of what changed since a chosen day (对比日期), on the top-left corner: each a
   * shape of its own (filled: a square with a tick; improved: a disc with an up arrow;
   * worse: a downward triangle with "!"), so they read without colour.
   */
  since: Record<SinceMark, string> & { mark: string; ring: string; size: number };
  firm: { fill: string; border: string; text: string; fontSize: number };
  external: { fill: string; border: string; text: string };
  edge: { line: string; width: number; external: string };
  highlight: string;
  selected: string;
  fadedOpacity: number;
}

export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';

export const STANDARD_PALETTE: Palette = {
  name: "standard",
  background: "#ffffff",
  fontFamily: FONT_FAMILY,
  fontSize: 19,
  fontWeight: 500,
  lane: { fill: "#f5f7fa", border: "#d9dee7", text: "#3a4759", fontSize: 28 },
  status: {
    strong: { fill: "#e3f5d6", border: "#389e0d", text: "#1f4d0b", borderWidth: 2, borderStyle: "solid" },
    weak: { fill: "#fff4cc", border: "#d48806", text: "#5c3b00", borderWidth: 2, borderStyle: "solid" },
    missing: { fill: "#fff1f0", border: "#cf1322", text: "#a8071a", borderWidth: 3, borderStyle: "dashed" },
    bottleneck: { fill: "#f0e6ff", border: "#722ed1", text: "#391085", borderWidth: 6, borderStyle: "double" },
  },
  bottleneckWithoutFirms: { fill: "#fff1f0", border: "#722ed1", text: "#a8071a", borderWidth: 6, borderStyle: "double" },
  leader: { border: "#1d1d1d", borderWidth: 3 },
  filling: { fill: "#237804", mark: "#ffffff", ring: "#ffffff", size: 26 },
  since: { filled: "#006d75", improved: "#1d39c4", worse: "#a8071a", mark: "#ffffff", ring: "#ffffff", size: 30 },
  firm: { fill: "#ffffff", border: "#8c9bb0", text: "#1f2a37", fontSize: 14 },
  external: { fill: "#fafafa", border: "#8c8c8c", text: "#595959" },
  edge: { line: "#7a8699", width: 2, external: "#a6a6a6" },
  highlight: "#1677ff",
  selected: "#0958d9",
  fadedOpacity: 0.18,
};

/**
 * For projectors: black strokes and bold type that survive washed-out screens. 缺链 is the
 * loudest state (solid red, white type, a heavy dashed border); covered segments are calm.
 */
export const MEETING_PALETTE: Palette = {
  name: "meeting",
  background: "#ffffff",
  fontFamily: FONT_FAMILY,
  fontSize: 20,
  fontWeight: 700,
  lane: { fill: "#eeeeee", border: "#000000", text: "#000000", fontSize: 32 },
  status: {
    strong: { fill: "#d3efd9", border: "#11703a", text: "#06371a", borderWidth: 3, borderStyle: "solid" },
    weak: { fill: "#ffd23f", border: "#000000", text: "#000000", borderWidth: 3, borderStyle: "solid" },
    missing: { fill: "#d40000", border: "#000000", text: "#ffffff", borderWidth: 6, borderStyle: "dashed" },
    bottleneck: { fill: "#e4d2ff", border: "#4b0f8f", text: "#2a0650", borderWidth: 8, borderStyle: "double" },
  },
  bottleneckWithoutFirms: { fill: "#ffffff", border: "#4b0f8f", text: "#c00000", borderWidth: 8, borderStyle: "double" },
  leader: { border: "#000000", borderWidth: 6 },
  filling: { fill: "#0a6b1f", mark: "#ffffff", ring: "#000000", size: 32 },
  since: { filled: "#00474f", improved: "#10239e", worse: "#820014", mark: "#ffffff", ring: "#000000", size: 36 },
  firm: { fill: "#ffffff", border: "#000000", text: "#000000", fontSize: 14 },
  external: { fill: "#ffffff", border: "#000000", text: "#000000" },
  edge: { line: "#000000", width: 3, external: "#6b6b6b" },
  highlight: "#0050ff",
  selected: "#0050ff",
  fadedOpacity: 0.15,
};

/** How a segment is drawn: by its status, and a bottleneck without local firms as missing too. */
export function statusStyle(p: Palette, status: SegmentStatus, localFirmCount: number): StatusStyle {
  return status === "bottleneck" && localFirmCount === 0 ? p.bottleneckWithoutFirms : p.status[status];
}

/**
 * The 补链中 badge as SVG markup in a box of `size` (the canvas draws it as an image, the
 * SVG export inline): a disc with a plus, which reads without colour and without words.
 */
export function fillingBadgeSvg(p: Palette, size = p.filling.size): string {
  const r = size / 2;
  const arm = size * 0.26;
  const stroke = Math.max(2, size * 0.13);
  return (
    `<circle cx="${r}" cy="${r}" r="${r - 1.5}" fill="${p.filling.fill}" stroke="${p.filling.ring}" stroke-width="2"/>` +
    `<path d="M${r - arm} ${r}H${r + arm}M${r} ${r - arm}V${r + arm}" stroke="${p.filling.mark}" stroke-width="${stroke}" stroke-linecap="round"/>`
  );
}

/** The badge as a data URI for Cytoscape's background-image. */
export function fillingBadgeUri(p: Palette): string {
  const size = p.filling.size;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${fillingBadgeSvg(p)}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** A mark of what changed since the day compared with, as SVG markup in a box of `size` (see Palette.since). */
export function sinceBadgeSvg(p: Palette, mark: SinceMark, size = p.since.size): string {
  const r = size / 2;
  const at = (f: number) => (size * f).toFixed(1);
  const line = `stroke="${p.since.mark}" stroke-width="${Math.max(2.5, size * 0.13).toFixed(1)}" stroke-linecap="round" stroke-linejoin="round" fill="none"`;
  const shape = `fill="${p.since[mark]}" stroke="${p.since.ring}" stroke-width="2"`;
  if (mark === "filled")
    return `<rect x="1.5" y="1.5" width="${size - 3}" height="${size - 3}" rx="${at(0.18)}" ${shape}/><path d="M${at(0.25)} ${at(0.52)}L${at(0.43)} ${at(0.7)}L${at(0.76)} ${at(0.32)}" ${line}/>`;
  if (mark === "improved")
    return `<circle cx="${r}" cy="${r}" r="${r - 1.5}" ${shape}/><path d="M${r} ${at(0.76)}V${at(0.26)}M${at(0.3)} ${at(0.46)}L${r} ${at(0.26)}L${at(0.7)} ${at(0.46)}" ${line}/>`;
  return `<path d="M1.5 2.5H${size - 1.5}L${r} ${size - 1.5}Z" ${shape} stroke-linejoin="round"/><path d="M${r} ${at(0.18)}V${at(0.42)}" ${line}/><circle cx="${r}" cy="${at(0.6)}" r="${at(0.065)}" fill="${p.since.mark}"/>`;
}

/** The mark as a data URI for Cytoscape's background-image. */
export function sinceBadgeUri(p: Palette, mark: SinceMark): string {
  const size = p.since.size;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${sinceBadgeSvg(p, mark)}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
