/**
 * The one function that turns a chain map from the API into Cytoscape elements.
 *
 * Pure and independent of Cytoscape itself: the same elements drive the live canvas,
 * the SVG export and the print view. Every node carries its position from the layered
 * layout, so Cytoscape only needs the `preset` layout and nothing is ever re-laid out.
 */
import type { ChainMap, MapFirm } from "../../../server/model/api";
import type { Stage } from "../../../server/model/domain";
import { GEOMETRY, layoutChainMap } from "./layout";
import type { Box, LaneId, MapLayout } from "./layout";
import { wrapLabel, wrapWithSuffix } from "./label";
import type { SegmentDiagnosis, SegmentStatus } from "./status";

type ExternalLink = ChainMap["externalLinks"][number];

export type MapNodeKind = "lane" | "segment" | "firm" | "external";

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
  stage?: Stage;
  status?: SegmentStatus;
  localFirmCount?: number;
  projectCount?: number;
  leader?: boolean;
  /** A signed (or later) project is filling this segment (补链中). */
  filling?: boolean;
  name?: string;
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
  data: { id: string; source: string; target: string; kind: "feeds" | "external" };
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
}

export const LABEL_FONT_SIZE = 19;
export const FIRM_FONT_SIZE = 14;
export const LEADER_MARK = "★";

export const nodeIds = {
  lane: (lane: LaneId) => `lane:${lane}`,
  firm: (segmentId: string, firmId: string) => `firm:${segmentId}:${firmId}`,
  input: (segmentId: string) => `in:${segmentId}`,
  output: (segmentId: string) => `out:${segmentId}`,
};

export function buildMapElements(
  map: ChainMap,
  diagnosis: ReadonlyMap<string, SegmentDiagnosis>,
  options: MapElementOptions,
): MapElements {
  const fontSize = options.fontSize ?? LABEL_FONT_SIZE;
  const segmentIds = new Set(map.segments.map((s) => s.id));
  const firmsBySegment = groupFirmsBySegment(map.firms);
  const expanded = (id: string) => (options.expanded?.has(id) ?? false) && (firmsBySegment.get(id)?.length ?? 0) > 0;

  // Each segment of another chain appears once, with all its links to this chain.
  const inputs = new Map<string, ExternalLink[]>();
  const outputs = new Map<string, ExternalLink[]>();
  for (const link of map.externalLinks) {
    if (segmentIds.has(link.target) && !segmentIds.has(link.source)) inputs.set(link.source, [...(inputs.get(link.source) ?? []), link]);
    else if (segmentIds.has(link.source) && !segmentIds.has(link.target)) outputs.set(link.target, [...(outputs.get(link.target) ?? []), link]);
  }
  // Given in a stable order (chain, then segment id); the layout then levels each with its partners.
  const externalNodes = (groups: Map<string, ExternalLink[]>, side: "source" | "target") =>
    [...groups.entries()]
      .map(([id, links]) => ({ id, chainId: side === "source" ? links[0]!.sourceChainId : links[0]!.targetChainId, links }))
      .sort((a, b) => a.chainId.localeCompare(b.chainId) || a.id.localeCompare(b.id))
      .map(({ id, links }) => ({ id, anchors: links.map((l) => (side === "source" ? l.target : l.source)) }));

  const layout = layoutChainMap({
    segments: map.segments.map((s) => ({
      id: s.id,
      stage: s.stage,
      position: s.position,
      childCount: expanded(s.id) ? firmsBySegment.get(s.id)!.length : 0,
    })),
    links: map.links,
    inputs: externalNodes(inputs, "source"),
    outputs: externalNodes(outputs, "target"),
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

  const chainLabel = (chainId: string) => options.chainNames?.get(chainId) ?? chainId;
  const faded = new Set<string>();
  // Room for the border and a margin; estimates of glyph width err a little low on bold text.
  const labelWidth = GEOMETRY.nodeWidth - 24;
  for (const segment of map.segments) {
    const placement = layout.segments.get(segment.id)!;
    const status = diagnosis.get(segment.id)?.status ?? "missing";
    const isExpanded = placement.children.length > 0;
    const hidden =
      (options.stages && !options.stages.has(segment.stage)) || (options.statuses && !options.statuses.has(status));
    if (hidden) faded.add(segment.id);
    const name = `${segment.leader ? `${LEADER_MARK} ` : ""}${segment.name}`;
    nodes.push({
      group: "nodes",
      data: {
        id: segment.id,
        kind: "segment",
        label: wrapWithSuffix(name, ` (${segment.localFirmCount})`, labelWidth, fontSize, isExpanded ? 1 : 2).join("\n"),
        name: segment.name,
        segmentId: segment.id,
        stage: segment.stage,
        status,
        localFirmCount: segment.localFirmCount,
        projectCount: segment.projectCount,
        leader: segment.leader,
        filling: segment.filling,
        ...size(placement.box),
      },
      ...(isExpanded ? {} : { position: centre(placement.box) }),
      classes: [
        "segment",
        `status-${status}`,
        ...(segment.localFirmCount === 0 ? ["without-firms"] : []),
        ...(segment.leader ? ["leader"] : []),
        ...(segment.filling ? ["filling"] : []),
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

  const externalNode = (id: string, box: Box, chainId: string, chainName: string, segmentName: string): MapNode => ({
    group: "nodes",
    data: {
      id,
      kind: "external",
      label: [chainName, ...wrapLabel(segmentName, labelWidth, fontSize, 1)].join("\n"),
      name: segmentName,
      segmentId: id.slice(id.indexOf(":") + 1),
      chainId,
      ...size(box),
    },
    position: centre(box),
    classes: ["external"],
    selectable: true,
    grabbable: false,
    pannable: false,
  });
  for (const [id, box] of layout.inputs) {
    const link = inputs.get(id)![0]!;
    nodes.push(externalNode(nodeIds.input(id), box, link.sourceChainId, chainLabel(link.sourceChainId), link.sourceName));
  }
  for (const [id, box] of layout.outputs) {
    const link = outputs.get(id)![0]!;
    nodes.push(externalNode(nodeIds.output(id), box, link.targetChainId, chainLabel(link.targetChainId), link.targetName));
  }

  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (source: string, target: string, kind: MapEdge["data"]["kind"], fadedIf: boolean) => {
    const id = `${kind}:${source}->${target}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({
      group: "edges",
      data: { id, source, target, kind },
      classes: [kind, ...(fadedIf ? ["faded"] : [])],
    });
  };
  for (const { source, target } of map.links)
    if (segmentIds.has(source) && segmentIds.has(target))
      addEdge(source, target, "feeds", faded.has(source) || faded.has(target));
  for (const link of map.externalLinks) {
    if (inputs.has(link.source) && segmentIds.has(link.target))
      addEdge(nodeIds.input(link.source), link.target, "external", faded.has(link.target));
    else if (outputs.has(link.target) && segmentIds.has(link.source))
      addEdge(link.source, nodeIds.output(link.target), "external", faded.has(link.source));
  }
  return { nodes, edges, layout };
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
