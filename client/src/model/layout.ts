/**
 * The deterministic layered layout of a chain map.
 *
 * Three swimlanes (上游 | 中游 | 下游) as columns, plus optional edge columns for links from
 * and to other chains. Inside a lane, a segment fed by another segment of the same stage
 * moves one sub-column to the right, so FEEDS edges run left to right; within a sub-column
 * segments stack in their authored `position`. Nothing depends on iteration order of
 * hashes, timing or randomness: the same map gives the same positions every time, which
 * is what a meeting needs. Everything is O(n log n) in the number of segments and links.
 */
import type { Stage } from "../../../server/model/domain";
import { STAGES } from "../../../server/model/domain";

export const LANE_IDS = ["inputs", ...STAGES, "outputs"] as const;
export type LaneId = (typeof LANE_IDS)[number];

/** Geometry in Cytoscape model units (px at zoom 1). */
export const GEOMETRY = {
  nodeWidth: 200,
  nodeHeight: 72,
  rowGap: 22,
  columnGap: 56,
  lanePadding: 16,
  laneHeader: 64,
  laneGap: 20,
  firmHeight: 36,
  firmGap: 8,
  /** Room above an expanded segment's firms for the segment's own label. */
  expandedHeader: 44,
  expandedPadding: 10,
  /** Below this many rows a lane never wraps: small chains stay one column per stage. */
  minRowsBeforeWrap: 12,
  /** Sub-columns a stage may use for links within it (炼铁 → 炼钢 → 热轧); deeper ones stack in the last. */
  maxDepthColumns: 3,
} as const;

export interface Box {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
}

export interface LayoutSegment {
  id: string;
  stage: Stage;
  position: number;
  /** Firms shown as child nodes when the segment is expanded; 0 when collapsed. */
  childCount: number;
}

export interface ExternalNode {
  /** The other chain's segment. */
  id: string;
  /** Segments of this chain it links to: it is drawn level with them, to keep edges short. */
  anchors: readonly string[];
}

export interface LayoutInput {
  segments: readonly LayoutSegment[];
  links: readonly { source: string; target: string }[];
  /** Segments of other chains that feed this one (drawn left of 上游). */
  inputs?: readonly ExternalNode[];
  /** Segments of other chains this one feeds (drawn right of 下游). */
  outputs?: readonly ExternalNode[];
}

export interface SegmentPlacement {
  box: Box;
  /** Boxes of the child firm nodes, top to bottom, when the segment is expanded. */
  children: Box[];
}

export interface MapLayout {
  lanes: { id: LaneId; box: Box }[];
  segments: Map<string, SegmentPlacement>;
  inputs: Map<string, Box>;
  outputs: Map<string, Box>;
  bounds: Box;
}

/**
 * Rows per column before a lane wraps into another column. Grows with the square root of
 * the map so that large maps stay roughly 16:9 instead of becoming one long strip.
 */
export function rowsPerColumn(segmentCount: number): number {
  const { nodeWidth, columnGap, nodeHeight, rowGap, minRowsBeforeWrap } = GEOMETRY;
  const aspect = (9 * (nodeWidth + columnGap)) / (16 * (nodeHeight + rowGap));
  return Math.max(minRowsBeforeWrap, Math.ceil(Math.sqrt(segmentCount * aspect)));
}

export function segmentHeight(childCount: number): number {
  const { nodeHeight, expandedHeader, expandedPadding, firmHeight, firmGap } = GEOMETRY;
  if (childCount <= 0) return nodeHeight;
  return expandedHeader + childCount * (firmHeight + firmGap) - firmGap + expandedPadding;
}

interface Cell {
  id: string;
  height: number;
  childCount: number;
  /** Top edge, once the column is stacked. */
  y: number;
}

export function layoutChainMap(input: LayoutInput): MapLayout {
  const { lanePadding, laneHeader, laneGap, nodeWidth, columnGap } = GEOMETRY;
  const maxRows = rowsPerColumn(input.segments.length);
  const laneColumns = new Map<LaneId, Cell[][]>();

  // Stages first: their vertical order is fixed by depth and position alone.
  for (const stage of STAGES) {
    const inStage = input.segments.filter((s) => s.stage === stage).sort(byPosition);
    const depths = depthWithinStage(inStage, input.links);
    const columns: Cell[][] = [];
    for (let depth = 0; depth < GEOMETRY.maxDepthColumns; depth++) {
      // Deeper chains of same-stage links fold into the last column rather than
      // stretching one lane across the screen.
      const last = depth === GEOMETRY.maxDepthColumns - 1;
      const atDepth = inStage.filter((s) => (last ? depths.get(s.id)! >= depth : depths.get(s.id) === depth));
      const cells = atDepth.map((s) => ({ id: s.id, height: segmentHeight(s.childCount), childCount: s.childCount, y: 0 }));
      for (let start = 0; start < cells.length; start += maxRows) columns.push(stack(cells.slice(start, start + maxRows)));
    }
    laneColumns.set(stage, columns);
  }

  // Then the other chains' segments, each level with the segments it links to.
  const centreY = new Map<string, number>();
  for (const columns of laneColumns.values()) for (const cell of columns.flat()) centreY.set(cell.id, cell.y + cell.height / 2);
  const externalColumns = (nodes: readonly ExternalNode[]) => {
    const level = (node: ExternalNode) => {
      const ys = node.anchors.map((id) => centreY.get(id)).filter((y): y is number => y !== undefined);
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Infinity;
    };
    const ordered = nodes.map((node, index) => ({ node, index, level: level(node) })).sort((a, b) => a.level - b.level || a.index - b.index);
    const columns: Cell[][] = [];
    for (let start = 0; start < ordered.length; start += maxRows)
      columns.push(stack(ordered.slice(start, start + maxRows).map(({ node }) => ({ id: node.id, height: GEOMETRY.nodeHeight, childCount: 0, y: 0 }))));
    return columns;
  };
  if (input.inputs?.length) laneColumns.set("inputs", externalColumns(input.inputs));
  if (input.outputs?.length) laneColumns.set("outputs", externalColumns(input.outputs));

  const columnBottom = (column: Cell[]) => column.reduce((bottom, cell) => Math.max(bottom, cell.y + cell.height), 0);
  const tallest = Math.max(laneHeader + GEOMETRY.nodeHeight, ...[...laneColumns.values()].flatMap((columns) => columns.map(columnBottom)));
  const laneHeight = tallest + lanePadding;

  const layout: MapLayout = {
    lanes: [],
    segments: new Map(),
    inputs: new Map(),
    outputs: new Map(),
    bounds: { x: 0, y: 0, width: 0, height: laneHeight },
  };
  let laneX = 0;
  for (const laneId of LANE_IDS) {
    const columns = laneColumns.get(laneId);
    // The three stages always show, even empty; the external lanes only when used.
    if (!columns && (laneId === "inputs" || laneId === "outputs")) continue;
    const columnCount = Math.max(1, columns?.length ?? 0);
    const laneWidth = 2 * lanePadding + columnCount * nodeWidth + (columnCount - 1) * columnGap;
    columns?.forEach((column, columnIndex) => {
      const x = laneX + lanePadding + columnIndex * (nodeWidth + columnGap);
      for (const cell of column) {
        const box = { x, y: cell.y, width: nodeWidth, height: cell.height };
        if (laneId === "inputs") layout.inputs.set(cell.id, box);
        else if (laneId === "outputs") layout.outputs.set(cell.id, box);
        else layout.segments.set(cell.id, { box, children: childBoxes(box, cell.childCount) });
      }
    });
    layout.lanes.push({ id: laneId, box: { x: laneX, y: 0, width: laneWidth, height: laneHeight } });
    laneX += laneWidth + laneGap;
  }
  layout.bounds.width = laneX - laneGap;
  return layout;
}

/** Sets each cell's top, from below the lane header down. */
function stack(column: Cell[]): Cell[] {
  let y = GEOMETRY.laneHeader;
  for (const cell of column) {
    cell.y = y;
    y += cell.height + GEOMETRY.rowGap;
  }
  return column;
}

function childBoxes(parent: Box, count: number): Box[] {
  const { expandedHeader, expandedPadding, firmHeight, firmGap } = GEOMETRY;
  return Array.from({ length: count }, (_, i) => ({
    x: parent.x + expandedPadding,
    y: parent.y + expandedHeader + i * (firmHeight + firmGap),
    width: parent.width - 2 * expandedPadding,
    height: firmHeight,
  }));
}

function byPosition(a: LayoutSegment, b: LayoutSegment): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Longest chain of same-stage predecessors (炼铁 → 炼钢 → 热轧 in 中游 gives 0, 1, 2).
 * A cycle (recycling loops exist: 钢材 → 废钢 → 炼钢) is broken at the edge that closes it
 * during a walk in position order, so the result is still deterministic.
 */
function depthWithinStage(
  ordered: readonly LayoutSegment[],
  links: readonly { source: string; target: string }[],
): Map<string, number> {
  const inStage = new Set(ordered.map((s) => s.id));
  const predecessors = new Map<string, string[]>(ordered.map((s) => [s.id, []]));
  for (const { source, target } of links)
    if (source !== target && inStage.has(source) && inStage.has(target)) predecessors.get(target)!.push(source);
  const rank = new Map(ordered.map((s, i) => [s.id, i]));
  for (const list of predecessors.values()) list.sort((a, b) => rank.get(a)! - rank.get(b)!);

  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  // Iterative DFS: a 2,000-segment chain of links must not overflow the call stack.
  for (const start of ordered) {
    if (depth.has(start.id)) continue;
    const stack: { id: string; next: number; best: number }[] = [{ id: start.id, next: 0, best: 0 }];
    onPath.add(start.id);
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      const preds = predecessors.get(frame.id)!;
      if (frame.next < preds.length) {
        const pred = preds[frame.next++]!;
        if (onPath.has(pred)) continue; // the edge closing a cycle
        const known = depth.get(pred);
        if (known !== undefined) frame.best = Math.max(frame.best, known + 1);
        else {
          onPath.add(pred);
          stack.push({ id: pred, next: 0, best: 0 });
        }
        continue;
      }
      depth.set(frame.id, frame.best);
      onPath.delete(frame.id);
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.best = Math.max(parent.best, frame.best + 1);
    }
  }
  return depth;
}
