/**
 * The deterministic layered layout of a chain map, with its edges routed.
 *
 * Lanes (other chains in | 上游 | 中游 | 下游 | other chains out) are columns of one grid:
 * every column shares the same rows, so the gaps between columns and between rows are
 * free corridors. Edges run in those corridors only — out of a box's side, along a column
 * gap, across a row gap, along another column gap, into the other box's side — so an edge
 * never passes through a box. Where several edges share a corridor each gets its own
 * track, ordered to cross as little as possible, and the corridor widens to hold them.
 *
 * Rows per column are chosen so the map's proportions match the area it is drawn in (a
 * projector, a sheet of paper), and segments are ordered within their column by the
 * barycentre of their neighbours, which keeps links short and crossings few.
 *
 * Nothing depends on the iteration order of hashes, timing or randomness: the same map
 * in the same area gives the same picture every time, which is what a meeting needs.
 */
import type { Stage } from "../../../server/model/domain";
import { STAGES } from "../../../server/model/domain";

export const LANE_IDS = ["inputs", ...STAGES, "outputs"] as const;
export type LaneId = (typeof LANE_IDS)[number];

/** Geometry in Cytoscape model units (px at zoom 1). */
export const GEOMETRY = {
  nodeWidth: 200,
  nodeHeight: 72,
  /** The least room between two rows, and between two columns of a lane. */
  rowGap: 22,
  columnGap: 56,
  lanePadding: 16,
  laneHeader: 64,
  /** The least room between two lanes (edges turn in it). */
  laneGap: 20,
  /** Between two edges running side by side in a corridor. */
  trackSpacing: 9,
  firmHeight: 36,
  firmGap: 8,
  /** Room above an expanded segment's firms for the segment's own label. */
  expandedHeader: 44,
  expandedPadding: 10,
  /** Sub-columns a stage may use for links within it (炼铁 → 炼钢 → 热轧); deeper ones stack in the last. */
  maxDepthColumns: 3,
  /** Width over height of the area a map is drawn in when the caller does not say (a 16:9 screen). */
  defaultAspect: 16 / 9,
} as const;

export interface Box {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
}

export type Point = [number, number];

export interface LayoutSegment {
  id: string;
  stage: Stage;
  position: number;
  /** Firms shown as child nodes when the segment is expanded; 0 when collapsed. */
  childCount: number;
}

export interface LayoutLink {
  source: string;
  target: string;
}

export interface LayoutInput {
  segments: readonly LayoutSegment[];
  /** Links between any nodes of the map: segments and the ids of `inputs` and `outputs`. */
  links: readonly LayoutLink[];
  /** Nodes drawn left of the stages (segments of other chains, or of stages not shown, that feed this map). */
  inputs?: readonly string[];
  /** Nodes drawn right of the stages (what this map feeds). */
  outputs?: readonly string[];
  /** The stage lanes to draw, in order (default: all three, even empty). */
  stages?: readonly Stage[];
  /** Width over height of the area the map will be drawn in. */
  aspect?: number;
  /** Size of a collapsed node (labels decide the height). */
  node?: { width: number; height: number };
}

export interface SegmentPlacement {
  box: Box;
  /** Boxes of the child firm nodes, top to bottom, when the segment is expanded. */
  children: Box[];
}

export interface Route {
  source: string;
  target: string;
  /** From a point on the source's border to a point on the target's border; every piece horizontal or vertical. */
  points: Point[];
}

export interface MapLayout {
  lanes: { id: LaneId; box: Box }[];
  segments: Map<string, SegmentPlacement>;
  inputs: Map<string, Box>;
  outputs: Map<string, Box>;
  routes: Route[];
  bounds: Box;
}

export function segmentHeight(childCount: number, nodeHeight: number = GEOMETRY.nodeHeight): number {
  const { expandedHeader, expandedPadding, firmHeight, firmGap } = GEOMETRY;
  if (childCount <= 0) return nodeHeight;
  return Math.max(nodeHeight, expandedHeader + childCount * (firmHeight + firmGap) - firmGap + expandedPadding);
}

/** One node of the grid. */
interface Cell {
  id: string;
  lane: LaneId;
  /** Index of its group (one stage depth, or an external lane) in `groups`. */
  group: number;
  height: number;
  childCount: number;
  column: number;
  row: number;
}

/** Nodes of one lane that share a depth: they fill one or more columns, top to bottom. */
interface Group {
  lane: LaneId;
  cells: Cell[];
  /** First global column, and how many it takes. */
  firstColumn: number;
  columns: number;
}

export function layoutChainMap(input: LayoutInput): MapLayout {
  const node = input.node ?? { width: GEOMETRY.nodeWidth, height: GEOMETRY.nodeHeight };
  const aspect = input.aspect && input.aspect > 0 ? input.aspect : GEOMETRY.defaultAspect;
  const stages = input.stages ?? STAGES;
  const segments = [...input.segments].filter((s) => stages.includes(s.stage)).sort(byPosition);
  const known = new Set([...segments.map((s) => s.id), ...(input.inputs ?? []), ...(input.outputs ?? [])]);
  const links = dedupeLinks(input.links.filter((l) => l.source !== l.target && known.has(l.source) && known.has(l.target)));

  // The shape: how many sub-columns the stages may use for links within them, and rows per
  // column. The pair that draws the nodes largest in the target area wins.
  const draw = (shape: Shape) => {
    const { groups, cells, rows } = buildGrid(segments, links, input, stages, node, shape);
    orderByBarycentre(groups, cells, links, rows);
    return route(groups, cells, links, rows, node, stages);
  };
  const first = chooseShape(segments, links, input, stages, node, aspect, { x: 1, y: 1 });
  const layout = draw(first);
  // Large maps keep the first shape: drawing twice would double the time to the first frame.
  if (links.length > 400) return layout;
  // The estimate leaves out the room edges take; corrected by what this drawing took, the
  // shape is chosen once more (and drawn again if it changes).
  const stretch = { x: layout.bounds.width / first.width, y: layout.bounds.height / first.height };
  const second = chooseShape(segments, links, input, stages, node, aspect, stretch);
  if (second.rows === first.rows && second.depthColumns === first.depthColumns) return layout;
  const redrawn = draw(second);
  const scale = (l: MapLayout, shape: Shape) => Math.min(aspect / l.bounds.width, 1 / l.bounds.height) * (shape.scale / shape.plainScale);
  return scale(redrawn, second) >= scale(layout, first) ? redrawn : layout;
}

// ---------------------------------------------------------------------------------------
// Shape and grid

interface Shape {
  depthColumns: number;
  rows: number;
  /** Estimated size. */
  width: number;
  height: number;
  /** How large the nodes come out in the target area, with and without the cost of loops. */
  scale: number;
  plainScale: number;
}

function depthGroups(segments: readonly LayoutSegment[], links: readonly LayoutLink[], stage: Stage, depthColumns: number): LayoutSegment[][] {
  const inStage = segments.filter((s) => s.stage === stage);
  const depths = depthWithinStage(inStage, links);
  const groups: LayoutSegment[][] = [];
  for (let depth = 0; depth < depthColumns; depth++) {
    // Deeper chains of same-stage links fold into the last sub-column.
    const last = depth === depthColumns - 1;
    const atDepth = inStage.filter((s) => (last ? depths.get(s.id)! >= depth : depths.get(s.id) === depth));
    if (atDepth.length) groups.push(atDepth);
  }
  return groups;
}

/** How much smaller (as a share) the nodes may be drawn to save one link looping back in its column. */
const LOOP_COST = 0.02;

function chooseShape(
  segments: readonly LayoutSegment[],
  links: readonly LayoutLink[],
  input: LayoutInput,
  stages: readonly Stage[],
  node: { width: number; height: number },
  aspect: number,
  stretch: { x: number; y: number },
): Shape {
  const { lanePadding, laneGap, columnGap, rowGap, laneHeader } = GEOMETRY;
  let best: Shape | null = null;
  for (let depthColumns = GEOMETRY.maxDepthColumns; depthColumns >= 1; depthColumns--) {
    const stageGroups = stages.map((stage) => depthGroups(segments, links, stage, depthColumns));
    const laneGroups: number[][] = stageGroups.map((groups) => groups.map((g) => g.length));
    // Links between segments of one group loop back beside their column: each one makes
    // the map harder to follow, worth a little of the nodes' size.
    const groupOf = new Map(stageGroups.flatMap((groups) => groups.flatMap((g, i) => g.map((s) => [s.id, `${s.stage}:${i}`] as const))));
    const loops = links.filter((l) => groupOf.has(l.source) && groupOf.get(l.source) === groupOf.get(l.target)).length;
    if (input.inputs?.length) laneGroups.unshift([input.inputs.length]);
    if (input.outputs?.length) laneGroups.push([input.outputs.length]);
    const tallest = Math.max(1, ...laneGroups.flat());
    // Beyond a few hundred rows only every so many counts are worth trying.
    const step = Math.max(1, Math.floor(tallest / 200));
    for (let rows = tallest; rows >= 1; rows -= step) {
      let width = 0;
      for (const groupSizes of laneGroups) {
        const columns = Math.max(1, groupSizes.reduce((sum, n) => sum + Math.ceil(n / rows), 0));
        width += 2 * lanePadding + columns * node.width + (columns - 1) * columnGap + laneGap;
      }
      width *= stretch.x;
      const height = (laneHeader + rows * (node.height + rowGap) + lanePadding) * stretch.y;
      const plainScale = Math.min(aspect / width, 1 / height);
      const scale = plainScale / (1 + LOOP_COST * loops);
      // Strictly better only: on a tie, more sub-columns and fewer wraps win.
      if (!best || scale > best.scale * 1.0001) best = { depthColumns, rows, width, height, scale, plainScale };
    }
  }
  return best!;
}

function buildGrid(
  segments: readonly LayoutSegment[],
  links: readonly LayoutLink[],
  input: LayoutInput,
  stages: readonly Stage[],
  node: { width: number; height: number },
  shape: Shape,
): { groups: Group[]; cells: Map<string, Cell>; rows: number } {
  const groups: Group[] = [];
  const cells = new Map<string, Cell>();
  let column = 0;
  const addGroup = (lane: LaneId, members: { id: string; childCount: number }[]) => {
    const group: Group = { lane, cells: [], firstColumn: column, columns: Math.max(1, Math.ceil(members.length / shape.rows)) };
    for (const m of members) {
      const cell: Cell = { id: m.id, lane, group: groups.length, height: segmentHeight(m.childCount, node.height), childCount: m.childCount, column: 0, row: 0 };
      group.cells.push(cell);
      cells.set(m.id, cell);
    }
    groups.push(group);
    column += group.columns;
  };
  const external = (ids: readonly string[]) => [...new Set(ids)].map((id) => ({ id, childCount: 0 }));
  if (input.inputs?.length) addGroup("inputs", external(input.inputs));
  for (const stage of stages) {
    const stageGroups = depthGroups(segments, links, stage, shape.depthColumns);
    // An empty stage still shows as a lane one column wide.
    if (!stageGroups.length) addGroup(stage, []);
    for (const members of stageGroups) addGroup(stage, members);
  }
  if (input.outputs?.length) addGroup("outputs", external(input.outputs));
  for (const group of groups) fillColumns(group, shape.rows, null);
  return { groups, cells, rows: shape.rows };
}

/**
 * Places a group's cells, in their current order, down its columns. A column with fewer
 * cells than rows puts each as near its preferred row as the order allows.
 */
function fillColumns(group: Group, rows: number, preferred: Map<string, number> | null): void {
  for (let c = 0; c < group.columns; c++) {
    const column = group.cells.slice(c * rows, (c + 1) * rows);
    let previous = -1;
    column.forEach((cell, i) => {
      const wanted = preferred?.has(cell.id) ? Math.round(preferred.get(cell.id)!) : previous + 1;
      const latest = rows - (column.length - i);
      cell.row = Math.min(latest, Math.max(previous + 1, wanted));
      cell.column = group.firstColumn + c;
      previous = cell.row;
    });
  }
}

// ---------------------------------------------------------------------------------------
// Order within columns

/**
 * Barycentric ordering: sweeps left to right and back, each group sorted by the mean row
 * of its neighbours on the side swept from. Ties keep the authored order. The sweep
 * with the fewest crossings (counted on straight lines between grid points) is kept.
 */
function orderByBarycentre(groups: Group[], cells: Map<string, Cell>, links: readonly LayoutLink[], rows: number): void {
  const neighbours = new Map<string, Cell[]>();
  for (const { source, target } of links) {
    const a = cells.get(source)!;
    const b = cells.get(target)!;
    pushTo(neighbours, a.id, b);
    pushTo(neighbours, b.id, a);
  }
  const snapshot = () => groups.map((g) => g.cells.map((c) => [c, c.row, c.column] as const));
  const restore = (state: ReturnType<typeof snapshot>) =>
    state.forEach((entries, i) => {
      groups[i]!.cells = entries.map(([cell, row, column]) => {
        cell.row = row;
        cell.column = column;
        return cell;
      });
    });
  // Counting costs O(links²): on very large maps the sweeps run without it.
  const measured = links.length <= 400;
  let best = snapshot();
  let bestCrossings = measured ? gridCrossings(cells, links) : 0;

  const sweep = (fromLeft: boolean) => {
    const ordered = fromLeft ? groups : [...groups].reverse();
    for (const group of ordered) {
      const preferred = new Map<string, number>();
      const keyed = group.cells.map((cell, index) => {
        const side = (neighbours.get(cell.id) ?? []).filter((n) => (fromLeft ? n.column < group.firstColumn : n.column >= group.firstColumn + group.columns));
        const centre = side.length ? side.reduce((sum, n) => sum + n.row, 0) / side.length : null;
        if (centre !== null) preferred.set(cell.id, centre);
        // Without neighbours on that side a cell keeps its place.
        return { cell, index, key: centre ?? cell.row + (cell.column - group.firstColumn) * rows };
      });
      keyed.sort((a, b) => a.key - b.key || a.index - b.index);
      group.cells = keyed.map((k) => k.cell);
      fillColumns(group, rows, preferred);
    }
  };
  for (let pass = 0; pass < 4; pass++) {
    sweep(pass % 2 === 0);
    if (!measured) continue;
    const crossings = gridCrossings(cells, links);
    // On a tie the later sweep wins: it has levelled more nodes with their neighbours.
    if (crossings <= bestCrossings) {
      bestCrossings = crossings;
      best = snapshot();
    }
  }
  if (measured) restore(best);
}

function gridCrossings(cells: Map<string, Cell>, links: readonly LayoutLink[]): number {
  const lines = links.map(({ source, target }) => {
    const a = cells.get(source)!;
    const b = cells.get(target)!;
    return [a.column, a.row, b.column, b.row] as const;
  });
  let count = 0;
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const [x1, y1, x2, y2] = lines[i]!;
      const [x3, y3, x4, y4] = lines[j]!;
      const d1 = Math.sign((x4 - x3) * (y1 - y3) - (y4 - y3) * (x1 - x3));
      const d2 = Math.sign((x4 - x3) * (y2 - y3) - (y4 - y3) * (x2 - x3));
      const d3 = Math.sign((x2 - x1) * (y3 - y1) - (y2 - y1) * (x3 - x1));
      const d4 = Math.sign((x2 - x1) * (y4 - y1) - (y2 - y1) * (x4 - x1));
      if (d1 * d2 < 0 && d3 * d4 < 0) count++;
      // Lines lying on one another (same row, overlapping columns) would hide each other.
      else if (d1 === 0 && d2 === 0 && y1 === y2 && y3 === y4 && Math.max(x1, x2) > Math.min(x3, x4) && Math.max(x3, x4) > Math.min(x1, x2)) count++;
    }
  return count;
}

// ---------------------------------------------------------------------------------------
// Routing

type Side = "left" | "right";

/** Where an edge meets a node: spread along the side, in the order the edges head. */
interface Port {
  cell: Cell;
  side: Side;
  /** Row units (row r spans r to r+1) of where the edge goes next, for the order along the side. */
  heading: number;
  tie: string;
  /** Offset from the node's top, once sides are sorted. */
  offset: number;
}

/** A vertical run in the gap left of column `gap`, with the horizontals at its ends. */
interface VRun {
  gap: number;
  ends: [VEnd, VEnd];
  track: number;
  /** Provisional extent, for ordering. */
  lo: number;
  hi: number;
}
type VEnd = { y: () => number; toward: "left" | "right" };

/** A horizontal run in the gap above row `channel`, between two column gaps. */
interface HRun {
  channel: number;
  fromGap: number;
  toGap: number;
  ends: [HEnd, HEnd];
  track: number;
  lo: number;
  hi: number;
}
type HEnd = { x: () => number; toward: "up" | "down" };

interface EdgePlan {
  link: LayoutLink;
  from: Port;
  to: Port;
  /** First vertical (near the source), horizontal, last vertical; any may be absent. */
  first?: VRun;
  across?: HRun;
  last?: VRun;
  /** A horizontal through empty cells at the source's or the target's port height. */
  passage?: "source" | "target";
}

interface Dimensions {
  gapWidth: number[];
  channelHeight: number[];
  /** Tracks laid out in each corridor. */
  gapTracks: number[];
  channelTracks: number[];
}

function route(
  groups: Group[],
  cells: Map<string, Cell>,
  links: readonly LayoutLink[],
  rows: number,
  node: { width: number; height: number },
  stages: readonly Stage[],
): MapLayout {
  const columnCount = groups.reduce((sum, g) => sum + g.columns, 0);
  const laneOfColumn: LaneId[] = groups.flatMap((g) => Array.from({ length: g.columns }, () => g.lane));
  const occupied = new Uint8Array(columnCount * rows);
  for (const cell of cells.values()) occupied[cell.column * rows + cell.row] = 1;
  const rowHeight = Array.from({ length: rows }, () => node.height);
  for (const cell of cells.values()) rowHeight[cell.row] = Math.max(rowHeight[cell.row]!, cell.height);

  // Gap g lies left of column g (gap 0 left of everything, gap columnCount right of it).
  const baseGap = (g: number) => {
    if (g === 0 || g === columnCount) return 0;
    return laneOfColumn[g - 1] === laneOfColumn[g] ? GEOMETRY.columnGap : GEOMETRY.laneGap;
  };
  const dims: Dimensions = {
    gapWidth: Array.from({ length: columnCount + 1 }, (_, g) => baseGap(g)),
    channelHeight: Array.from({ length: rows + 1 }, (_, h) => (h === 0 || h === rows ? 0 : GEOMETRY.rowGap)),
    gapTracks: Array.from({ length: columnCount + 1 }, () => 1),
    channelTracks: Array.from({ length: rows + 1 }, () => 1),
  };
  let grid = measureGrid(dims, laneOfColumn, rowHeight, node);

  // 1. Each edge's path through the grid.
  const ports = new Map<string, Port[]>();
  const addPort = (cell: Cell, side: Side, heading: number, tie: string): Port => {
    const port: Port = { cell, side, heading, tie, offset: 0 };
    pushTo(ports, `${cell.id}|${side}`, port);
    return port;
  };
  const vRuns: VRun[] = [];
  const hRuns: HRun[] = [];
  const passages = new Map<number, [number, number][]>();
  const passageFree = (row: number, fromColumn: number, toColumn: number) => {
    for (let c = fromColumn; c <= toColumn; c++) if (occupied[c * rows + row]) return false;
    return !(passages.get(row) ?? []).some(([a, b]) => a <= toColumn && fromColumn <= b);
  };
  // Horizontal runs so far in each channel (row) across each column gap.
  const channelLoad = new Uint32Array((rows + 1) * (columnCount + 1));

  // Links within one column loop out on the side where fewer links to other columns leave.
  const sideLoad = new Map<string, number>();
  for (const { source, target } of links) {
    const a = cells.get(source)!;
    const b = cells.get(target)!;
    if (a.column === b.column) continue;
    for (const [cell, other] of [[a, b], [b, a]] as const) {
      const key = `${cell.column}|${other.column > cell.column ? "right" : "left"}`;
      sideLoad.set(key, (sideLoad.get(key) ?? 0) + 1);
    }
  }
  const loopSide = (column: number): Side => ((sideLoad.get(`${column}|left`) ?? 0) < (sideLoad.get(`${column}|right`) ?? 0) ? "left" : "right");

  const plans: EdgePlan[] = [];
  for (const link of links) {
    const s = cells.get(link.source)!;
    const t = cells.get(link.target)!;
    const forward = t.column > s.column;
    const backward = t.column < s.column;
    const loop = forward || backward ? null : loopSide(s.column);
    const exit: Side = loop ?? (backward ? "left" : "right");
    const enter: Side = loop ?? (forward ? "left" : "right");
    const gapA = exit === "right" ? s.column + 1 : s.column;
    const gapB = enter === "left" ? t.column : t.column + 1;
    const tie = `${link.source}>${link.target}`;
    const plan = { link } as EdgePlan;
    if (gapA === gapB) {
      plan.from = addPort(s, exit, t.row + 0.5, tie);
      plan.to = addPort(t, enter, s.row + 0.5, tie);
      plan.first = { gap: gapA, ends: [portEnd(plan, "from"), portEnd(plan, "to")], track: 0, lo: 0, hi: 0 };
      vRuns.push(plan.first);
    } else {
      // Columns strictly between the two gaps: a horizontal there must find them empty.
      const [c1, c2] = gapA < gapB ? [gapA, gapB - 1] : [gapB, gapA - 1];
      if (s.row === t.row && passageFree(s.row, c1, c2)) plan.passage = "source";
      else if (passageFree(t.row, c1, c2)) plan.passage = "target";
      else if (passageFree(s.row, c1, c2)) plan.passage = "source";
      if (plan.passage) {
        const row = plan.passage === "source" ? s.row : t.row;
        pushTo(passages, row, [c1, c2]);
        plan.from = addPort(s, exit, plan.passage === "source" ? s.row + 0.5 : t.row + 0.5, tie);
        plan.to = addPort(t, enter, plan.passage === "source" ? s.row + 0.5 : t.row + 0.5, tie);
        const gap = plan.passage === "source" ? gapB : gapA;
        const run: VRun = { gap, ends: [portEnd(plan, "from"), portEnd(plan, "to")], track: 0, lo: 0, hi: 0 };
        // The horizontal reaches this run from the far side of the gap.
        if (plan.passage === "source") {
          run.ends[0] = { y: run.ends[0].y, toward: gapA < gapB ? "left" : "right" };
          plan.last = run;
        } else {
          run.ends[1] = { y: run.ends[1].y, toward: gapA < gapB ? "right" : "left" };
          plan.first = run;
        }
        vRuns.push(run);
      } else {
        const channel = pickChannel(s.row, t.row, gapA, gapB, channelLoad, columnCount + 1);
        plan.from = addPort(s, exit, channel, tie);
        plan.to = addPort(t, enter, channel, tie);
        const rightward = gapA < gapB;
        const across: HRun = {
          channel,
          fromGap: gapA,
          toGap: gapB,
          ends: [
            { x: () => 0, toward: channel <= s.row ? "down" : "up" },
            { x: () => 0, toward: channel <= t.row ? "down" : "up" },
          ],
          track: 0,
          lo: 0,
          hi: 0,
        };
        const channelY = () => channelTrackY(grid, dims, across);
        plan.first = { gap: gapA, ends: [portEnd(plan, "from"), { y: channelY, toward: rightward ? "right" : "left" }], track: 0, lo: 0, hi: 0 };
        plan.last = { gap: gapB, ends: [{ y: channelY, toward: rightward ? "left" : "right" }, portEnd(plan, "to")], track: 0, lo: 0, hi: 0 };
        across.ends[0].x = () => gapTrackX(grid, dims, plan.first!);
        across.ends[1].x = () => gapTrackX(grid, dims, plan.last!);
        plan.across = across;
        vRuns.push(plan.first, plan.last);
        hRuns.push(across);
      }
    }
    plans.push(plan);
  }

  // 2. Ports: spread along each side in the order their edges head.
  for (const list of ports.values()) {
    list.sort((a, b) => a.heading - b.heading || (a.tie < b.tie ? -1 : a.tie > b.tie ? 1 : 0));
    const cell = list[0]!.cell;
    const top = cell.childCount > 0 ? GEOMETRY.expandedHeader : 0;
    const band = cell.height - top;
    list.forEach((port, i) => (port.offset = top + band * 0.5 + ((i - (list.length - 1) / 2) * band * 0.8) / Math.max(1, list.length)));
  }

  // 3. Tracks: order the runs of each corridor to cross least, then share tracks where runs do not overlap.
  for (let round = 0; round < 2; round++) {
    assignTracks(
      vRuns,
      (r) => r.gap,
      (r) => r.ends.map((e) => e.y()),
      "right",
      dims.gapWidth,
      dims.gapTracks,
      (g) => (g === 0 || g === columnCount ? 0 : baseGap(g)),
    );
    grid = measureGrid(dims, laneOfColumn, rowHeight, node);
    assignTracks(
      hRuns,
      (r) => r.channel,
      (r) => r.ends.map((e) => e.x()),
      "down",
      dims.channelHeight,
      dims.channelTracks,
      (h) => (h === 0 || h === rows ? 0 : GEOMETRY.rowGap),
    );
    grid = measureGrid(dims, laneOfColumn, rowHeight, node);
  }

  // 4. Coordinates.
  const layout: MapLayout = { lanes: [], segments: new Map(), inputs: new Map(), outputs: new Map(), routes: [], bounds: { x: 0, y: 0, width: grid.width, height: grid.height } };
  const boxOf = (cell: Cell): Box => ({ x: grid.columnX[cell.column]!, y: grid.rowY[cell.row]!, width: node.width, height: cell.height });
  for (const group of groups)
    for (const cell of group.cells) {
      const box = boxOf(cell);
      if (cell.lane === "inputs") layout.inputs.set(cell.id, box);
      else if (cell.lane === "outputs") layout.outputs.set(cell.id, box);
      else layout.segments.set(cell.id, { box, children: childBoxes(box, cell.childCount) });
    }
  let column = 0;
  for (const laneId of LANE_IDS) {
    if (laneId !== "inputs" && laneId !== "outputs" && !stages.includes(laneId)) continue;
    const columns = groups.filter((g) => g.lane === laneId).reduce((sum, g) => sum + g.columns, 0);
    if (!columns) continue;
    const x = grid.columnX[column]! - GEOMETRY.lanePadding;
    const right = grid.columnX[column + columns - 1]! + node.width + GEOMETRY.lanePadding;
    layout.lanes.push({ id: laneId, box: { x, y: 0, width: right - x, height: grid.height } });
    column += columns;
  }
  for (const plan of plans) layout.routes.push({ source: plan.link.source, target: plan.link.target, points: planPoints(plan, grid, dims, node) });
  return layout;

  function portEnd(plan: EdgePlan, which: "from" | "to"): VEnd {
    const port = () => plan[which];
    const side = plan[which].side;
    // The horizontal from a run to a port on a right side reaches left, and the other way.
    return { y: () => grid.rowY[port().cell.row]! + port().offset, toward: side === "right" ? "left" : "right" };
  }
}

/** Positions of columns, rows and corridors for the current corridor sizes. */
interface Grid {
  columnX: number[];
  rowY: number[];
  /** Left edge and width of each column gap's track band. */
  gapBand: [number, number][];
  /** Top edge and height of each row gap's track band. */
  channelBand: [number, number][];
  width: number;
  height: number;
}

function measureGrid(dims: Dimensions, laneOfColumn: readonly LaneId[], rowHeight: readonly number[], node: { width: number }): Grid {
  const { lanePadding, laneHeader } = GEOMETRY;
  const columnX: number[] = [];
  const gapBand: [number, number][] = [];
  let x = 0;
  for (let c = 0; c <= laneOfColumn.length; c++) {
    const width = dims.gapWidth[c]!;
    const sameLane = c > 0 && c < laneOfColumn.length && laneOfColumn[c - 1] === laneOfColumn[c];
    if (sameLane) {
      gapBand.push([x, width]);
      x += width;
    } else {
      // Between lanes (and outside the outer ones) edges turn beyond the lanes' padding.
      if (c > 0) x += lanePadding;
      gapBand.push([x, width]);
      x += width;
      if (c < laneOfColumn.length) x += lanePadding;
    }
    if (c < laneOfColumn.length) {
      columnX.push(x);
      x += node.width;
    }
  }
  const rowY: number[] = [];
  const channelBand: [number, number][] = [];
  let y = laneHeader;
  for (let h = 0; h <= rowHeight.length; h++) {
    channelBand.push([y, dims.channelHeight[h]!]);
    y += dims.channelHeight[h]!;
    if (h < rowHeight.length) {
      rowY.push(y);
      y += rowHeight[h]!;
    }
  }
  return { columnX, rowY, gapBand, channelBand, width: x, height: y + lanePadding };
}

function gapTrackX(grid: Grid, dims: Dimensions, run: VRun): number {
  const [left, width] = grid.gapBand[run.gap]!;
  const tracks = dims.gapTracks[run.gap]!;
  return left + (width * (run.track + 1)) / (tracks + 1);
}

function channelTrackY(grid: Grid, dims: Dimensions, run: HRun): number {
  const [top, height] = grid.channelBand[run.channel]!;
  const tracks = dims.channelTracks[run.channel]!;
  return top + (height * (run.track + 1)) / (tracks + 1);
}

/**
 * Orders the runs of each corridor so their end pieces cross the fewest other runs (adjacent
 * swaps from a sort by middle), then gives each run the lowest track above every earlier run
 * it overlaps. Corridors widen to hold their tracks; runs spread evenly across them.
 */
function assignTracks<R extends { track: number; lo: number; hi: number; ends: readonly { toward: string }[] }>(
  runs: readonly R[],
  corridorOf: (run: R) => number,
  extent: (run: R) => number[],
  forward: string,
  sizes: number[],
  counts: number[],
  baseSize: (corridor: number) => number,
): void {
  const byCorridor = new Map<number, R[]>();
  // Where each run's ends are, read once: the cost below is asked for every pair.
  const ends = new Map<R, { at: number; forward: boolean }[]>();
  for (const run of runs) {
    const at = extent(run);
    run.lo = Math.min(at[0]!, at[1]!);
    run.hi = Math.max(at[0]!, at[1]!);
    ends.set(run, run.ends.map((end, i) => ({ at: at[i]!, forward: end.toward === forward })));
    const corridor = corridorOf(run);
    const list = byCorridor.get(corridor);
    if (list) list.push(run);
    else byCorridor.set(corridor, [run]);
  }
  const cost = (a: R, b: R) => crossingCost(a, ends.get(a)!, b, ends.get(b)!);
  for (const [corridor, list] of byCorridor) {
    const order = [...list].sort((a, b) => a.lo + a.hi - (b.lo + b.hi) || a.lo - b.lo);
    // Moves each run to the place where it crosses least, until nothing improves.
    // Maps of hundreds of links (synthetic ones) skip the search: it grows with the square.
    const passes = runs.length <= 600 ? 6 : 0;
    for (let pass = 0; pass < passes; pass++) {
      let moved = false;
      for (let i = 0; i < order.length; i++) {
        const run = order[i]!;
        const rest = order.filter((_, j) => j !== i);
        // before[k]: crossings with rest[0..k) before it; after[k]: with rest[k..] after it.
        const after = new Array<number>(rest.length + 1).fill(0);
        for (let k = rest.length - 1; k >= 0; k--) after[k] = after[k + 1]! + cost(run, rest[k]!);
        let before = 0;
        let bestAt = i;
        let bestCost = Infinity;
        for (let k = 0; k <= rest.length; k++) {
          const total = before + after[k]!;
          if (total < bestCost - 1e-9 || (total === bestCost && k === i)) {
            bestCost = total;
            bestAt = k;
          }
          if (k < rest.length) before += cost(rest[k]!, run);
        }
        if (bestAt !== i) {
          rest.splice(bestAt, 0, run);
          order.splice(0, order.length, ...rest);
          moved = true;
        }
      }
      if (!moved) break;
    }
    const margin = GEOMETRY.trackSpacing / 2;
    let tracks = 0;
    if (passes === 0) {
      // Plain interval colouring: each run on the first track free over its extent.
      const lastHi: number[] = [];
      for (const run of [...order].sort((a, b) => a.lo - b.lo || a.hi - b.hi)) {
        let track = lastHi.findIndex((hi) => hi + margin <= run.lo);
        if (track < 0) track = lastHi.length;
        lastHi[track] = run.hi;
        run.track = track;
      }
      tracks = lastHi.length;
    } else
      order.forEach((run, i) => {
        let track = 0;
        for (let j = 0; j < i; j++) {
          const other = order[j]!;
          if (other.lo < run.hi + margin && run.lo < other.hi + margin) track = Math.max(track, other.track + 1);
        }
        run.track = track;
        tracks = Math.max(tracks, track + 1);
      });
    sizes[corridor] = Math.max(baseSize(corridor), (tracks + 1) * GEOMETRY.trackSpacing);
    counts[corridor] = tracks;
  }
}

/**
 * Crossings if run `a` lies before `b` (left of, or above): every end piece of `b` reaching
 * back past `a` crosses `a` where `a` spans it, and every end piece of `a` reaching forward
 * crosses `b` likewise.
 */
function crossingCost(
  a: { lo: number; hi: number },
  aEnds: readonly { at: number; forward: boolean }[],
  b: { lo: number; hi: number },
  bEnds: readonly { at: number; forward: boolean }[],
): number {
  let cost = 0;
  for (const end of bEnds) if (!end.forward && end.at > a.lo + 0.5 && end.at < a.hi - 0.5) cost++;
  for (const end of aEnds) if (end.forward && end.at > b.lo + 0.5 && end.at < b.hi - 0.5) cost++;
  return cost;
}

function pickChannel(sourceRow: number, targetRow: number, gapA: number, gapB: number, load: Uint32Array, gaps: number): number {
  const lo = Math.min(sourceRow, targetRow);
  const hi = Math.max(sourceRow, targetRow);
  // Between the two rows; for one row, just above or below it.
  const candidates = lo === hi ? [lo, lo + 1] : Array.from({ length: hi - lo }, (_, i) => lo + 1 + i);
  const middle = (sourceRow + targetRow + 1) / 2;
  const [g1, g2] = gapA < gapB ? [gapA, gapB] : [gapB, gapA];
  const used = (channel: number) => {
    let most = 0;
    for (let g = g1; g < g2; g++) most = Math.max(most, load[channel * gaps + g]!);
    return most;
  };
  let best = candidates[0]!;
  for (const channel of candidates) {
    const better = used(channel) - used(best) || Math.abs(channel - middle) - Math.abs(best - middle);
    if (better < 0) best = channel;
  }
  for (let g = g1; g < g2; g++) load[best * gaps + g]!++;
  return best;
}

function planPoints(plan: EdgePlan, grid: Grid, dims: Dimensions, node: { width: number }): Point[] {
  const portPoint = (port: Port): Point => [grid.columnX[port.cell.column]! + (port.side === "right" ? node.width : 0), grid.rowY[port.cell.row]! + port.offset];
  const start = portPoint(plan.from);
  const end = portPoint(plan.to);
  const points: Point[] = [start];
  if (plan.across) {
    const x1 = gapTrackX(grid, dims, plan.first!);
    const x2 = gapTrackX(grid, dims, plan.last!);
    const y = channelTrackY(grid, dims, plan.across);
    points.push([x1, start[1]], [x1, y], [x2, y], [x2, end[1]]);
  } else {
    const run = plan.first ?? plan.last!;
    const x = gapTrackX(grid, dims, run);
    points.push([x, start[1]], [x, end[1]]);
  }
  points.push(end);
  return simplify(points);
}

/** Drops points that do not turn (and repeated ones), so a level edge is one straight line. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01) continue;
    const before = out[out.length - 2];
    if (before && last && ((Math.abs(before[0] - last[0]) < 0.01 && Math.abs(last[0] - p[0]) < 0.01) || (Math.abs(before[1] - last[1]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01))) out.pop();
    out.push([Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10]);
  }
  return out;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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

function dedupeLinks(links: readonly LayoutLink[]): LayoutLink[] {
  const seen = new Set<string>();
  const out: LayoutLink[] = [];
  for (const link of [...links].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0))) {
    const key = `${link.source}\u0000${link.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(link);
  }
  return out;
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
