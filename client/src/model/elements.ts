/**
 * The one function that turns a chain map from the API into Cytoscape elements.
 *
 * Pure and independent of Cytoscape itself: the same elements drive the live canvas,
 * the SVG export and the print view. Every node carries its position from the layered
 * layout, so Cytoscape only needs the `preset` layout and nothing is ever re-laid out.
 */
import type { ChainMap, MapFirm } from "../../../server/model/api";
import type { SegmentSince, SinceChange } from "../../../server/model/progress";
import type { Stage } from "../../../server/model/domain";
import { GEOMETRY, layoutChainMap } from "./layout";
import type { Box, LaneId, MapLayout, Point } from "./layout";
import { wrapLabel, wrapWords } from "./label";
import { isSinceMark } from "./since";
import type { SegmentDiagnosis, SegmentStatus } from "./status";

type ExternalLink = ChainMap["externalLinks"][number];

export type MapNodeKind = "lane" | "segment" | "firm" | "external" | "fold";

export interface MapNodeData {
  id: string;
  kind: MapNodeKind;
  /** Display text; lines separated by "\n". */
  label: string;
  width: number;
  height: number;
  parent?: string;
  /** Segments and firm children: the segment id. External nodes: the other chain's segment. */
  segmentId?: string;
  firmId?: string;
  chainId?: string;
  /** Segments, and external nodes for a segment of this chain on another stage page. */
  stage?: Stage;
  status?: SegmentStatus;
  localFirmCount?: number;
  projectCount?: number;
  leader?: boolean;
  /** A signed (or later) project is filling this segment (补链中). */
  filling?: boolean;
  /** With a 对比日期: how the segment changed since that day, and its status then (null: not known). */
  change?: SinceChange;
  statusThen?: SegmentStatus | null;
  name?: string;
  /** Fold nodes: the side nodes they stand for, each with the segments of this map it links to. */
  members?: FoldMember[];
}

/** A node folded into a side's summary: another chain's segment, or this chain's on another page. */
export interface FoldMember {
  id: string;
  chainId: string;
  name: string;
  stage?: Stage;
  partners: string[];
}

export interface MapNode {
  group: "nodes";
  data: MapNodeData;
  /** Centre, in model coordinates. Absent on expanded segments: Cytoscape derives it from the children. */
  position?: { x: number; y: number };
  classes: string[];
  selectable: boolean;
  grabbable: boolean;
  pannable: boolean;
}

export interface MapEdge {
  group: "edges";
  data: {
    id: string;
    source: string;
    target: string;
    kind: "feeds" | "external";
    /** The routed line, from the source's border to the target's, in model coordinates. */
    points: Point[];
  };
  classes: string[];
}

export interface MapElements {
  nodes: MapNode[];
  edges: MapEdge[];
  layout: MapLayout;
}

export interface MapElementOptions {
  /** Segments whose local firms show as child nodes. */
  expanded?: ReadonlySet<string>;
  /** Null or absent: all stages. Segments outside the filter stay in place but fade. */
  stages?: ReadonlySet<Stage> | null;
  statuses?: ReadonlySet<SegmentStatus> | null;
  laneLabels: Record<LaneId, string>;
  /** Font size the labels are wrapped for (the style sheet must use the same). */
  fontSize?: number;
  /** Names of other chains, for the nodes of links from and to them (the map carries only ids). */
  chainNames?: ReadonlyMap<string, string>;
  /** Width over height of the area the map is drawn in: the layout matches it. */
  aspect?: number;
  /**
   * Only these stages' lanes (a page of meeting mode). Segments of the other stages that
   * link to them stand at the sides, as other chains' segments do.
   */
  pageStages?: readonly Stage[] | null;
  /** Only these segments of the page's stages (a stage too long for one page). */
  pageSegments?: readonly string[] | null;
  /** Each side's nodes as one summary node (来自其他链 · 5), to leave the room to the segments. */
  foldSides?: boolean;
  /** How a summary node names other chains (default: the side's lane label). */
  otherChainsLabel?: string;
  /** What changed since a chosen day, by segment id: filled, improved and worse segments are marked. */
  changes?: ReadonlyMap<string, Pick<SegmentSince, "change" | "statusThen">>;
}

export const LABEL_FONT_SIZE = 19;
export const FIRM_FONT_SIZE = 14;
/** Line height of wrapped labels, in ems (the style sheet and the SVG writer use the same). */
export const LINE_HEIGHT = 1.25;
export const LEADER_MARK = "★";
/** Room left and right of a label inside its box: the border and a margin. */
const LABEL_INSET = 24;
/** Room above and below a label's lines inside its box. */
const LABEL_PAD_Y = 18;

export const nodeIds = {
  lane: (lane: LaneId) => `lane:${lane}`,
  firm: (segmentId: string, firmId: string) => `firm:${segmentId}:${firmId}`,
  input: (segmentId: string) => `in:${segmentId}`,
  output: (segmentId: string) => `out:${segmentId}`,
  foldInputs: "in:*",
  foldOutputs: "out:*",
};

interface SideNode {
  id: string;
  member: FoldMember;
  /** Links as drawn (this map's end by segment id, the side end by node id). */
  links: { source: string; target: string; faded: boolean }[];
  /** A summary node: the side nodes it stands for. */
  folded?: SideNode[];
}

export function buildMapElements(
  map: ChainMap,
  diagnosis: ReadonlyMap<string, SegmentDiagnosis>,
  options: MapElementOptions,
): MapElements {
  const fontSize = options.fontSize ?? LABEL_FONT_SIZE;
  const onPage = (s: { id: string; stage: Stage }) =>
    (!options.pageStages || options.pageStages.includes(s.stage)) && (!options.pageSegments || options.pageSegments.includes(s.id));
  const pageSegments = map.segments.filter(onPage);
  const segmentIds = new Set(pageSegments.map((s) => s.id));
  const allSegments = new Map(map.segments.map((s) => [s.id, s]));
  const firmsBySegment = groupFirmsBySegment(map.firms);
  const expanded = (id: string) => (options.expanded?.has(id) ?? false) && (firmsBySegment.get(id)?.length ?? 0) > 0;
  const chainLabel = (chainId: string) => options.chainNames?.get(chainId) ?? chainId;

  const faded = new Set<string>();
  for (const segment of pageSegments) {
    const status = diagnosis.get(segment.id)?.status ?? "missing";
    if ((options.stages && !options.stages.has(segment.stage)) || (options.statuses && !options.statuses.has(status))) faded.add(segment.id);
  }

  // Side nodes: each segment of another chain (or of another page) once, with all its links here.
  const inputs = new Map<string, SideNode>();
  const outputs = new Map<string, SideNode>();
  const addSide = (side: Map<string, SideNode>, id: string, member: Omit<FoldMember, "partners">, source: string, target: string, partner: string) => {
    const node = side.get(id) ?? { id, member: { ...member, partners: [] }, links: [] };
    node.links.push({ source, target, faded: faded.has(partner) });
    if (!node.member.partners.includes(partner)) node.member.partners.push(partner);
    side.set(id, node);
  };
  for (const link of map.externalLinks) {
    if (segmentIds.has(link.target) && !allSegments.has(link.source))
      addSide(inputs, nodeIds.input(link.source), { id: link.source, chainId: link.sourceChainId, name: link.sourceName }, nodeIds.input(link.source), link.target, link.target);
    else if (segmentIds.has(link.source) && !allSegments.has(link.target))
      addSide(outputs, nodeIds.output(link.target), { id: link.target, chainId: link.targetChainId, name: link.targetName }, link.source, nodeIds.output(link.target), link.source);
  }
  for (const { source, target } of map.links) {
    const from = allSegments.get(source);
    const to = allSegments.get(target);
    if (!from || !to || segmentIds.has(source) === segmentIds.has(target)) continue;
    if (segmentIds.has(target))
      addSide(inputs, nodeIds.input(source), { id: source, chainId: map.chain.id, name: from.name, stage: from.stage }, nodeIds.input(source), target, target);
    else addSide(outputs, nodeIds.output(target), { id: target, chainId: map.chain.id, name: to.name, stage: to.stage }, source, nodeIds.output(target), source);
  }
  // A stable order (chain, then segment id); the layout then levels each with its partners.
  const sideOrder = (side: Map<string, SideNode>) =>
    [...side.values()].sort((a, b) => a.member.chainId.localeCompare(b.member.chainId) || a.id.localeCompare(b.id));
  const fold = (nodes: SideNode[], id: string): SideNode[] => {
    if (!options.foldSides || nodes.length === 0) return nodes;
    const links = nodes.flatMap((n) => n.links.map((l) => ({ ...l, source: l.source === n.id ? id : l.source, target: l.target === n.id ? id : l.target })));
    return [{ id, member: { id, chainId: "", name: "", partners: [] }, links, folded: nodes }];
  };
  const inputNodes = fold(sideOrder(inputs), nodeIds.foldInputs);
  const outputNodes = fold(sideOrder(outputs), nodeIds.foldOutputs);

  // Labels first: the tallest decides every box's height, so rows line up.
  const labelWidth = GEOMETRY.nodeWidth - LABEL_INSET;
  const segmentLabel = new Map(
    pageSegments.map((s) => [
      s.id,
      wrapWords(`${s.leader ? `${LEADER_MARK} ` : ""}${s.name}`, labelWidth, fontSize, ` (${s.localFirmCount})`),
    ]),
  );
  const sideLabel = (node: SideNode): string[] => {
    const { folded } = node;
    if (folded) return foldLabel(folded, options.laneLabels, options.otherChainsLabel ?? options.laneLabels[node.id === nodeIds.foldInputs ? "inputs" : "outputs"]);
    const first = node.member.stage ? options.laneLabels[node.member.stage] : chainLabel(node.member.chainId);
    return [...wrapWords(first, labelWidth, fontSize), ...wrapWords(node.member.name, labelWidth, fontSize)];
  };
  const sideLabels = new Map([...inputNodes, ...outputNodes].map((n) => [n.id, sideLabel(n)]));
  const lines = Math.max(2, ...[...segmentLabel.values(), ...sideLabels.values()].map((l) => l.length));
  const nodeHeight = Math.max(GEOMETRY.nodeHeight, Math.ceil(lines * fontSize * LINE_HEIGHT + LABEL_PAD_Y));

  const drawnLinks = [
    ...map.links.filter((l) => segmentIds.has(l.source) && segmentIds.has(l.target)),
    ...[...inputNodes, ...outputNodes].flatMap((n) => n.links),
  ];
  const layout = layoutChainMap({
    segments: pageSegments.map((s) => ({
      id: s.id,
      stage: s.stage,
      position: s.position,
      childCount: expanded(s.id) ? firmsBySegment.get(s.id)!.length : 0,
    })),
    links: drawnLinks,
    inputs: inputNodes.map((n) => n.id),
    outputs: outputNodes.map((n) => n.id),
    stages: options.pageStages ?? undefined,
    aspect: options.aspect,
    node: { width: GEOMETRY.nodeWidth, height: nodeHeight },
  });

  const nodes: MapNode[] = [];
  for (const lane of layout.lanes)
    nodes.push({
      group: "nodes",
      data: { id: nodeIds.lane(lane.id), kind: "lane", label: options.laneLabels[lane.id], ...size(lane.box) },
      position: centre(lane.box),
      classes: ["lane", `lane-${lane.id}`],
      selectable: false,
      grabbable: false,
      pannable: true,
    });

  for (const segment of pageSegments) {
    const placement = layout.segments.get(segment.id)!;
    const status = diagnosis.get(segment.id)?.status ?? "missing";
    const isExpanded = placement.children.length > 0;
    const hidden = faded.has(segment.id);
    const since = options.changes?.get(segment.id);
    nodes.push({
      group: "nodes",
      data: {
        id: segment.id,
        kind: "segment",
        label: segmentLabel.get(segment.id)!.join("\n"),
        name: segment.name,
        segmentId: segment.id,
        stage: segment.stage,
        status,
        localFirmCount: segment.localFirmCount,
        projectCount: segment.projectCount,
        leader: segment.leader,
        filling: segment.filling,
        ...(since ? { change: since.change, statusThen: since.statusThen } : {}),
        ...size(placement.box),
      },
      ...(isExpanded ? {} : { position: centre(placement.box) }),
      classes: [
        "segment",
        `status-${status}`,
        ...(segment.localFirmCount === 0 ? ["without-firms"] : []),
        ...(segment.leader ? ["leader"] : []),
        ...(segment.filling ? ["filling"] : []),
        ...(isSinceMark(since?.change) ? [`since-${since.change}`] : []),
        ...(isExpanded ? ["expanded"] : []),
        ...(hidden ? ["faded"] : []),
      ],
      selectable: true,
      grabbable: false,
      pannable: false,
    });
    if (!isExpanded) continue;
    firmsBySegment.get(segment.id)!.forEach((firm, i) => {
      const box = placement.children[i]!;
      nodes.push({
        group: "nodes",
        data: {
          id: nodeIds.firm(segment.id, firm.id),
          kind: "firm",
          parent: segment.id,
          label: wrapLabel(`${firm.isLeader ? `${LEADER_MARK} ` : ""}${firm.name}`, box.width - 12, FIRM_FONT_SIZE, 1)[0]!,
          name: firm.name,
          firmId: firm.id,
          segmentId: segment.id,
          leader: firm.isLeader,
          ...size(box),
        },
        position: centre(box),
        classes: ["firm", ...(firm.isLeader ? ["leader"] : []), ...(hidden ? ["faded"] : [])],
        // A firm stands for its segment: tapping it selects the segment.
        selectable: false,
        grabbable: false,
        pannable: false,
      });
    });
  }

  const sideNode = (node: SideNode, box: Box): MapNode => {
    const { folded } = node;
    return {
      group: "nodes",
      data: {
        id: node.id,
        kind: folded ? "fold" : "external",
        label: sideLabels.get(node.id)!.join("\n"),
        name: node.member.name,
        ...(folded
          ? { members: folded.map((n) => n.member) }
          : { segmentId: node.member.id, chainId: node.member.chainId, ...(node.member.stage ? { stage: node.member.stage } : {}) }),
        ...size(box),
      },
      position: centre(box),
      classes: [folded ? "fold" : "external"],
      selectable: true,
      grabbable: false,
      pannable: false,
    };
  };
  for (const node of inputNodes) nodes.push(sideNode(node, layout.inputs.get(node.id)!));
  for (const node of outputNodes) nodes.push(sideNode(node, layout.outputs.get(node.id)!));

  const routes = new Map(layout.routes.map((r) => [`${r.source}->${r.target}`, r.points]));
  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (source: string, target: string, kind: MapEdge["data"]["kind"], fadedIf: boolean) => {
    const id = `${kind}:${source}->${target}`;
    const points = routes.get(`${source}->${target}`);
    if (seen.has(id) || !points) return;
    seen.add(id);
    edges.push({ group: "edges", data: { id, source, target, kind, points }, classes: [kind, ...(fadedIf ? ["faded"] : [])] });
  };
  for (const { source, target } of map.links)
    if (segmentIds.has(source) && segmentIds.has(target)) addEdge(source, target, "feeds", faded.has(source) || faded.has(target));
  for (const node of [...inputNodes, ...outputNodes]) for (const link of node.links) addEdge(link.source, link.target, "external", link.faded);
  return { nodes, edges, layout };
}

/** "其他链 · 3" and "上游 · 2": what a side's summary node stands for, by where it comes from. */
function foldLabel(nodes: readonly SideNode[], laneLabels: Record<LaneId, string>, otherChains: string): string[] {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const key = node.member.stage ? laneLabels[node.member.stage] : otherChains;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([label, count]) => `${label} · ${count}`);
}

/**
 * Cytoscape's way of drawing a routed edge (curve-style segments with edge-distances
 * endpoints): the two ends as offsets from the nodes' centres, and each bend as a weight
 * along the line between the ends and a distance off it.
 */
export function segmentsStyle(points: readonly Point[], source: { x: number; y: number }, target: { x: number; y: number }) {
  const [start, end] = [points[0]!, points[points.length - 1]!];
  const dx = end[0] - start[0];
  const dy = end[1] - start[1];
  const length2 = dx * dx + dy * dy || 1;
  const length = Math.sqrt(length2);
  const weights: number[] = [];
  const distances: number[] = [];
  for (const [x, y] of points.slice(1, -1)) {
    const px = x - start[0];
    const py = y - start[1];
    weights.push(round((px * dx + py * dy) / length2, 4));
    // Cytoscape's normal is (-dy, dx) / length.
    distances.push(round((px * -dy + py * dx) / length, 1));
  }
  return {
    // Measured from the ends, not from the nodes' centres (Cytoscape's typings lack the value).
    "edge-distances": "endpoints",
    "source-endpoint": `${round(start[0] - source.x, 1)}px ${round(start[1] - source.y, 1)}px`,
    "target-endpoint": `${round(end[0] - target.x, 1)}px ${round(end[1] - target.y, 1)}px`,
    "segment-weights": weights.length ? weights.join(" ") : "0.5",
    "segment-distances": distances.length ? distances.join(" ") : "0",
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A segment's local firms: the chain leader first, then by registered capital, then by name. */
export function groupFirmsBySegment(firms: readonly MapFirm[]): Map<string, MapFirm[]> {
  const groups = new Map<string, MapFirm[]>();
  for (const firm of firms)
    for (const { segmentId } of firm.segments) {
      const list = groups.get(segmentId) ?? [];
      if (!list.includes(firm)) list.push(firm);
      groups.set(segmentId, list);
    }
  for (const list of groups.values())
    list.sort(
      (a, b) =>
        Number(b.isLeader) - Number(a.isLeader) ||
        (b.capital ?? -1) - (a.capital ?? -1) ||
        a.name.localeCompare(b.name, "zh-CN"),
    );
  return groups;
}

function size(box: Box) {
  return { width: box.width, height: box.height };
}

function centre(box: Box) {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
