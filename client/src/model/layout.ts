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
 * projector, a sheet of paper). Segments are ordered within their column by the barycentre
 * of their neighbours, then moved one cell at a time while the routed edges cross less:
 * orthogonal routes that crossed more than straight lines would make the map harder to
 * read. Each edge's path (a channel between rows, or a passage along a row of empty cells)
 * is chosen by what it would cross.
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
  /** Place in the map's cells, for arrays indexed by cell. */
  index: number;
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

/** Maps with more links than this skip the search for fewer crossings (it grows with the square of the links). */
const SEARCH_LINKS = 150;
/** Moves the search may try, times the square of the map's links: a map of 40 links gets 250, one of 70 gets 81. */
const SEARCH_BUDGET = 400_000;
const MAX_SEARCH_STEPS = 300;
/** How much smaller (as a share) the boxes may be drawn to save one crossing of two edges. */
const CROSSING_COST = 0.02;
/** Corridors widen as they fill: a drawing may come out this much larger than its sketch. */
const SKETCH_TOLERANCE = 1.05;

interface Drawing {
  layout: MapLayout;
  crossings: number;
  /** Moves the search tried. */
  steps: number;
}

export function layoutChainMap(input: LayoutInput): MapLayout {
  const node = input.node ?? { width: GEOMETRY.nodeWidth, height: GEOMETRY.nodeHeight };
  const aspect = input.aspect && input.aspect > 0 ? input.aspect : GEOMETRY.defaultAspect;
  const stages = input.stages ?? STAGES;
  const segments = [...input.segments].filter((s) => stages.includes(s.stage)).sort(byPosition);
  const known = new Set([...segments.map((s) => s.id), ...(input.inputs ?? []), ...(input.outputs ?? [])]);
  const links = dedupeLinks(input.links.filter((l) => l.source !== l.target && known.has(l.source) && known.has(l.target)));

  /** A drawing of one shape; a sketch (to measure the room edges take) does not fill the area. */
  const draw = (shape: Shape, steps: number, sketch = false): Drawing => {
    const { groups, cells, rows } = buildGrid(segments, links, input, stages, node, shape);
    return arrange(groups, cells, links, rows, makeRouter(groups, cells, links, rows, node, sketch ? null : aspect), steps);
  };
  // Large maps keep the first shape the estimate gives, ordered by barycentre alone: a
  // search would take longer than the first frame may.
  if (links.length > SEARCH_LINKS) return draw(chooseShape(segments, links, input, stages, node, aspect, { x: 1, y: 1 }, null), 0).layout;

  // Each way of using sub-columns for links within a stage is sketched, and its rows chosen
  // again for the room the edges took. The most promising is searched for fewer crossings
  // first; the others only while they could still win, as the boxes' size less the cost
  // of the crossings.
  const fit = (layout: MapLayout) => Math.min(aspect / layout.bounds.width, 1 / layout.bounds.height);
  const shapes = distinctDepths(segments, links, stages)
    .map((depthColumns) => {
      const first = chooseShape(segments, links, input, stages, node, aspect, { x: 1, y: 1 }, depthColumns);
      const sketch = draw(first, 0, true).layout;
      const stretch = { x: sketch.bounds.width / first.width, y: sketch.bounds.height / first.height };
      return chooseShape(segments, links, input, stages, node, aspect, stretch, depthColumns);
    })
    // Ties: more sub-columns first.
    .sort((a, b) => b.scale - a.scale || b.depthColumns - a.depthColumns);
  // The moves are shared out among the shapes; what one does not use, the next may.
  let steps = Math.floor(Math.min(MAX_SEARCH_STEPS, SEARCH_BUDGET / Math.max(1, links.length) ** 2));
  let best: { drawing: Drawing; score: number } | null = null;
  for (const [i, shape] of shapes.entries()) {
    if (best && shape.scale * SKETCH_TOLERANCE < best.score) continue;
    const drawing = draw(shape, Math.floor(steps / (shapes.length - i)));
    steps -= drawing.steps;
    const score = fit(drawing.layout) / (1 + CROSSING_COST * drawing.crossings);
    if (!best || score > best.score * 1.0001) best = { drawing, score };
  }
  return best!.drawing.layout;
}

/**
 * Sub-column counts (3, 2, 1) that place the segments differently: with no chain of three
 * links inside a stage, three sub-columns are the same as two.
 */
function distinctDepths(segments: readonly LayoutSegment[], links: readonly LayoutLink[], stages: readonly Stage[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  for (let depthColumns = GEOMETRY.maxDepthColumns; depthColumns >= 1; depthColumns--) {
    const key = stages.map((stage) => depthGroups(segments, links, stage, depthColumns).map((g) => g.length).join(",")).join("|");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(depthColumns);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Shape and grid

interface Shape {
  depthColumns: number;
  rows: number;
  /** Estimated size. */
  width: number;
  height: number;
  /** How large the nodes come out in the target area. */
  scale: number;
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

function chooseShape(
  segments: readonly LayoutSegment[],
  links: readonly LayoutLink[],
  input: LayoutInput,
  stages: readonly Stage[],
  node: { width: number; height: number },
  aspect: number,
  stretch: { x: number; y: number },
  /** Sub-columns per stage, or null for whichever draws the boxes largest. */
  onlyDepth: number | null,
): Shape {
  const { lanePadding, laneGap, columnGap, rowGap, laneHeader } = GEOMETRY;
  let best: Shape | null = null;
  for (let depthColumns = GEOMETRY.maxDepthColumns; depthColumns >= 1; depthColumns--) {
    if (onlyDepth !== null && depthColumns !== onlyDepth) continue;
    const laneGroups: number[][] = stages.map((stage) => depthGroups(segments, links, stage, depthColumns).map((g) => g.length));
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
      const scale = Math.min(aspect / width, 1 / height);
      // Strictly better only: on a tie, more sub-columns and fewer wraps win.
      if (!best || scale > best.scale * 1.0001) best = { depthColumns, rows, width, height, scale };
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
      const cell: Cell = { id: m.id, index: cells.size, lane, group: groups.length, height: segmentHeight(m.childCount, node.height), childCount: m.childCount, column: 0, row: 0 };
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
 * Orders each column to cross least: barycentre sweeps first, then single moves (a node one
 * row up or down, or into the next column of its lane: a swap, or a step into an empty cell),
 * each kept if the routed map then crosses less. Up to `steps` routings are tried; the count,
 * not the clock, bounds the search, so the result does not depend on the machine.
 */
function arrange(groups: Group[], cells: Map<string, Cell>, links: readonly LayoutLink[], rows: number, routeAll: () => MapLayout, steps: number): Drawing {
  const measure = (limit = Infinity): Drawing => {
    const layout = routeAll();
    return { layout, crossings: routedCrossings(layout.routes, limit), steps: 0 };
  };
  if (steps <= 0) {
    orderByBarycentre(groups, cells, links, rows, null);
    return { layout: routeAll(), crossings: NaN, steps: 0 };
  }
  orderByBarycentre(groups, cells, links, rows, () => measure().crossings);
  let best = measure();
  let crossed = new Set<string>();
  routedCrossings(best.layout.routes, Infinity, crossed);
  let spent = 0;
  const at = new Map<number, Cell>();
  const slot = (column: number, row: number) => column * rows + row;
  for (const cell of cells.values()) at.set(slot(cell.column, cell.row), cell);
  const moveTo = (cell: Cell, column: number, row: number) => {
    const other = at.get(slot(column, row));
    const [fromColumn, fromRow] = [cell.column, cell.row];
    at.delete(slot(fromColumn, fromRow));
    if (other) {
      other.column = fromColumn;
      other.row = fromRow;
      at.set(slot(fromColumn, fromRow), other);
    }
    cell.column = column;
    cell.row = row;
    at.set(slot(column, row), cell);
    return () => moveTo(cell, fromColumn, fromRow);
  };
  const moves = [[0, -1], [0, 1], [-1, 0], [1, 0]] as const;
  for (let improved = true; improved && spent < steps; ) {
    improved = false;
    for (const group of groups)
      for (const cell of [...group.cells])
        for (const [dc, dr] of moves) {
          const column = cell.column + dc;
          const row = cell.row + dr;
          if (row < 0 || row >= rows || column < group.firstColumn || column >= group.firstColumn + group.columns || spent >= steps) continue;
          // Only nodes with a crossing edge move (or make way for one).
          if (!crossed.has(cell.id) && !crossed.has(at.get(slot(column, row))?.id ?? "")) continue;
          const undo = moveTo(cell, column, row);
          spent++;
          // Counting stops once the move is no better.
          const drawing = measure(best.crossings);
          if (drawing.crossings < best.crossings) {
            best = drawing;
            crossed = new Set();
            routedCrossings(best.layout.routes, Infinity, crossed);
            improved = true;
          } else undo();
        }
  }
  return { ...best, steps: spent };
}

/**
 * Barycentric ordering: sweeps left to right and back, each group sorted by the mean row
 * of its neighbours on the side swept from. Ties keep the authored order. With `measure`,
 * the sweep that crosses least is kept (ties: the later one, which has levelled more nodes
 * with their neighbours).
 */
function orderByBarycentre(groups: Group[], cells: Map<string, Cell>, links: readonly LayoutLink[], rows: number, measure: (() => number) | null): void {
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
  let best = snapshot();
  let bestCrossings = measure ? measure() : 0;

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
    if (!measure) continue;
    const crossings = measure();
    if (crossings <= bestCrossings) {
      bestCrossings = crossings;
      best = snapshot();
    }
  }
  if (measure) restore(best);
}

/**
 * Proper crossings between the routes of different edges (level against upright pieces),
 * counted up to `limit`; `crossed` gathers the ends of the edges that cross.
 */
function routedCrossings(routes: readonly Route[], limit = Infinity, crossed?: Set<string>): number {
  const h: number[] = [];
  const v: number[] = [];
  routes.forEach((r, e) => {
    for (let i = 1; i < r.points.length; i++) {
      const [x1, y1] = r.points[i - 1]!;
      const [x2, y2] = r.points[i]!;
      if (y1 === y2) h.push(e, y1, Math.min(x1, x2), Math.max(x1, x2));
      else v.push(e, x1, Math.min(y1, y2), Math.max(y1, y2));
    }
  });
  let count = 0;
  for (let i = 0; i < h.length && count < limit; i += 4)
    for (let j = 0; j < v.length; j += 4)
      if (h[i] !== v[j] && h[i + 2]! < v[j + 1]! - 1e-6 && v[j + 1]! < h[i + 3]! - 1e-6 && v[j + 2]! < h[i + 1]! - 1e-6 && h[i + 1]! < v[j + 3]! - 1e-6) {
        count++;
        if (crossed)
          for (const e of [h[i]!, v[j]!]) {
            crossed.add(routes[e]!.source);
            crossed.add(routes[e]!.target);
          }
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
  /** The link's index, for a stable order among ports heading the same way. */
  tie: number;
  /** Offset from the node's top, once sides are sorted. */
  offset: number;
}

/**
 * A vertical run in the gap left of column `gap`. Each end is a level piece: to a port, or
 * to the horizontal run of a channel; `toward` is the side that piece reaches to.
 */
interface VRun {
  gap: number;
  ends: [VEnd, VEnd];
  track: number;
  /** Extent when tracks are ordered. */
  lo: number;
  hi: number;
}
interface VEnd {
  port: Port | null;
  channel: HRun | null;
  toward: "left" | "right";
}

/** A horizontal run in the gap above row `channel`; its ends turn into vertical runs. */
interface HRun {
  channel: number;
  ends: [HEnd, HEnd];
  track: number;
  lo: number;
  hi: number;
}
interface HEnd {
  run: VRun;
  toward: "up" | "down";
}

interface EdgePlan {
  link: LayoutLink;
  from: Port;
  to: Port;
  /** First vertical (near the source), horizontal, last vertical; any may be absent. */
  first: VRun | null;
  across: HRun | null;
  last: VRun | null;
}

/**
 * How an edge gets from the gap beside its source to the gap beside its target: within one
 * gap; along a row whose cells between are empty (at the source's or the target's row); or
 * through a channel (the gap above row `channel`).
 */
type Path = { kind: "gap" } | { kind: "passage"; at: "source" | "target"; row: number } | { kind: "channel"; channel: number };

interface Leg {
  link: LayoutLink;
  /** The link's index. */
  index: number;
  s: Cell;
  t: Cell;
  exit: Side;
  enter: Side;
  gapA: number;
  gapB: number;
  path: Path;
}

interface Dimensions {
  gapWidth: number[];
  channelHeight: number[];
  /** Tracks laid out in each corridor. */
  gapTracks: number[];
  channelTracks: number[];
}

/**
 * A router for one grid: what does not change while nodes move (columns, lanes, the links'
 * ends) is read once, and each call routes the nodes where they are now.
 */
function makeRouter(
  groups: Group[],
  cells: Map<string, Cell>,
  links: readonly LayoutLink[],
  rows: number,
  node: { width: number; height: number },
  /** Width over height of the area to fill, or null to draw the grid as tight as it goes. */
  fill: number | null,
): () => MapLayout {
  const columnCount = groups.reduce((sum, g) => sum + g.columns, 0);
  const laneOfColumn: LaneId[] = groups.flatMap((g) => Array.from({ length: g.columns }, () => g.lane));
  const ends = links.map((link) => [cells.get(link.source)!, cells.get(link.target)!] as const);
  const allCells = [...cells.values()];
  // Gap g lies left of column g (gap 0 left of everything, gap columnCount right of it).
  const baseGap = (g: number) => {
    if (g === 0 || g === columnCount) return 0;
    return laneOfColumn[g - 1] === laneOfColumn[g] ? GEOMETRY.columnGap : GEOMETRY.laneGap;
  };
  const baseChannel = (h: number) => (h === 0 || h === rows ? 0 : GEOMETRY.rowGap);
  const lanes = LANE_IDS.filter((id) => groups.some((g) => g.lane === id)).map((id) => ({
    id,
    columns: groups.filter((g) => g.lane === id).reduce((sum, g) => sum + g.columns, 0),
  }));

  return () => {
    const occupied = new Uint8Array(columnCount * rows);
    const rowHeight = new Array<number>(rows).fill(node.height);
    for (const cell of allCells) {
      occupied[cell.column * rows + cell.row] = 1;
      rowHeight[cell.row] = Math.max(rowHeight[cell.row]!, cell.height);
    }
    const dims: Dimensions = {
      gapWidth: Array.from({ length: columnCount + 1 }, (_, g) => baseGap(g)),
      channelHeight: Array.from({ length: rows + 1 }, (_, h) => baseChannel(h)),
      gapTracks: new Array<number>(columnCount + 1).fill(1),
      channelTracks: new Array<number>(rows + 1).fill(1),
    };
    let grid = measureGrid(dims, laneOfColumn, rowHeight, node);

    // 1. Each edge's path through the grid. Links within one column loop out on the side
    // where fewer links to other columns leave.
    const leftLoad = new Uint32Array(columnCount);
    const rightLoad = new Uint32Array(columnCount);
    for (const [s, t] of ends) {
      if (s.column === t.column) continue;
      (t.column > s.column ? rightLoad : leftLoad)[s.column]!++;
      (s.column > t.column ? rightLoad : leftLoad)[t.column]!++;
    }
    const legs = links.map((link, index): Leg => {
      const [s, t] = ends[index]!;
      const forward = t.column > s.column;
      const backward = t.column < s.column;
      const loop: Side | null = forward || backward ? null : leftLoad[s.column]! < rightLoad[s.column]! ? "left" : "right";
      const exit: Side = loop ?? (backward ? "left" : "right");
      const enter: Side = loop ?? (forward ? "left" : "right");
      const gapA = exit === "right" ? s.column + 1 : s.column;
      const gapB = enter === "left" ? t.column : t.column + 1;
      return { link, index, s, t, exit, enter, gapA, gapB, path: { kind: "gap" } };
    });
    choosePaths(legs, occupied, rows, columnCount + 1);

    // The ports of each cell's left side, then its right side.
    const ports = Array.from({ length: 2 * allCells.length }, (): Port[] => []);
    const addPort = (cell: Cell, side: Side, heading: number, tie: number): Port => {
      const port: Port = { cell, side, heading, tie, offset: 0 };
      ports[2 * cell.index + (side === "left" ? 0 : 1)]!.push(port);
      return port;
    };
    const portEnd = (port: Port): VEnd => ({ port, channel: null, toward: port.side === "right" ? "left" : "right" });
    const vRuns: VRun[] = [];
    const hRuns: HRun[] = [];
    const plans = legs.map(({ link, index, s, t, exit, enter, gapA, gapB, path }): EdgePlan => {
      if (path.kind === "gap") {
        const from = addPort(s, exit, t.row + 0.5, index);
        const to = addPort(t, enter, s.row + 0.5, index);
        const run: VRun = { gap: gapA, ends: [portEnd(from), portEnd(to)], track: 0, lo: 0, hi: 0 };
        vRuns.push(run);
        return { link, from, to, first: run, across: null, last: null };
      }
      if (path.kind === "passage") {
        const from = addPort(s, exit, path.row + 0.5, index);
        const to = addPort(t, enter, path.row + 0.5, index);
        // The level piece reaches this run from the far side of the gap.
        const far = (gapA < gapB) === (path.at === "source") ? "left" : "right";
        if (path.at === "source") {
          const run: VRun = { gap: gapB, ends: [{ ...portEnd(from), toward: far }, portEnd(to)], track: 0, lo: 0, hi: 0 };
          vRuns.push(run);
          return { link, from, to, first: null, across: null, last: run };
        }
        const run: VRun = { gap: gapA, ends: [portEnd(from), { ...portEnd(to), toward: far }], track: 0, lo: 0, hi: 0 };
        vRuns.push(run);
        return { link, from, to, first: run, across: null, last: null };
      }
      const { channel } = path;
      const from = addPort(s, exit, channel, index);
      const to = addPort(t, enter, channel, index);
      const rightward = gapA < gapB;
      const across: HRun = { channel, ends: [null!, null!], track: 0, lo: 0, hi: 0 };
      const first: VRun = { gap: gapA, ends: [portEnd(from), { port: null, channel: across, toward: rightward ? "right" : "left" }], track: 0, lo: 0, hi: 0 };
      const last: VRun = { gap: gapB, ends: [{ port: null, channel: across, toward: rightward ? "left" : "right" }, portEnd(to)], track: 0, lo: 0, hi: 0 };
      across.ends = [
        { run: first, toward: channel <= s.row ? "down" : "up" },
        { run: last, toward: channel <= t.row ? "down" : "up" },
      ];
      vRuns.push(first, last);
      hRuns.push(across);
      return { link, from, to, first, across, last };
    });

    // 2. Ports: spread along each side in the order their edges head.
    for (const list of ports) {
      if (!list.length) continue;
      list.sort((a, b) => a.heading - b.heading || a.tie - b.tie);
      const cell = list[0]!.cell;
      const top = cell.childCount > 0 ? GEOMETRY.expandedHeader : 0;
      const band = cell.height - top;
      list.forEach((port, i) => (port.offset = top + band * 0.5 + ((i - (list.length - 1) / 2) * band * 0.8) / Math.max(1, list.length)));
    }

    // 3. Tracks: order the runs of each corridor to cross least, then share tracks where runs do not overlap.
    const endY = (end: VEnd) => (end.port ? grid.rowY[end.port.cell.row]! + end.port.offset : channelTrackY(grid, dims, end.channel!));
    assignTracks(vRuns, (r) => r.gap, endY, "right", dims.gapWidth, dims.gapTracks, baseGap);
    grid = measureGrid(dims, laneOfColumn, rowHeight, node);
    assignTracks(hRuns, (r) => r.channel, (end: HEnd) => gapTrackX(grid, dims, end.run), "down", dims.channelHeight, dims.channelTracks, baseChannel);
    grid = measureGrid(dims, laneOfColumn, rowHeight, node);
    if (fill) {
      spreadToFill(grid, fill, dims);
      grid = measureGrid(dims, laneOfColumn, rowHeight, node);
    }

    // 4. Coordinates.
    const layout: MapLayout = { lanes: [], segments: new Map(), inputs: new Map(), outputs: new Map(), routes: [], bounds: { x: 0, y: 0, width: grid.width, height: grid.height } };
    for (const cell of groups.flatMap((g) => g.cells)) {
      const box: Box = { x: grid.columnX[cell.column]!, y: grid.rowY[cell.row]!, width: node.width, height: cell.height };
      if (cell.lane === "inputs") layout.inputs.set(cell.id, box);
      else if (cell.lane === "outputs") layout.outputs.set(cell.id, box);
      else layout.segments.set(cell.id, { box, children: childBoxes(box, cell.childCount) });
    }
    let column = 0;
    for (const lane of lanes) {
      const x = grid.columnX[column]! - GEOMETRY.lanePadding;
      const right = grid.columnX[column + lane.columns - 1]! + node.width + GEOMETRY.lanePadding;
      layout.lanes.push({ id: lane.id, box: { x, y: 0, width: right - x, height: grid.height } });
      column += lane.columns;
    }
    for (const plan of plans) layout.routes.push({ source: plan.link.source, target: plan.link.target, points: planPoints(plan, grid, dims, node) });
    return layout;
  };
}

/** The most a map is spread to fill its area, as a share of its own width or height. */
const MAX_SPREAD = 0.5;

/**
 * Widens the gaps between columns (or heightens those between rows) so the map takes the
 * area's proportions rather than leave an empty band beside it: the boxes keep their size,
 * the edges get more room, and no crossing comes or goes (every coordinate keeps its order).
 */
function spreadToFill(grid: Grid, aspect: number, dims: Dimensions): void {
  const across = aspect * grid.height - grid.width;
  const [sizes, room] = across > 0 ? [dims.gapWidth, across] : [dims.channelHeight, grid.width / aspect - grid.height];
  const inner = sizes.length - 2;
  if (inner <= 0 || room <= 0) return;
  const each = Math.min(room, MAX_SPREAD * (across > 0 ? grid.width : grid.height)) / inner;
  for (let i = 1; i <= inner; i++) sizes[i]! += each;
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
 * Orders the runs of each corridor so their end pieces cross the fewest other runs (each run
 * moved to its cheapest place, from a sort by middle), then gives each run the lowest track
 * above every earlier run it overlaps. Corridors widen to hold their tracks; runs spread
 * evenly across them.
 */
function assignTracks<E extends { toward: string }, R extends { track: number; lo: number; hi: number; ends: readonly [E, E] }>(
  runs: readonly R[],
  corridorOf: (run: R) => number,
  at: (end: E) => number,
  forward: string,
  sizes: number[],
  counts: number[],
  baseSize: (corridor: number) => number,
): void {
  const byCorridor = new Map<number, R[]>();
  for (const run of runs) {
    const corridor = corridorOf(run);
    const list = byCorridor.get(corridor);
    if (list) list.push(run);
    else byCorridor.set(corridor, [run]);
  }
  for (const [corridor, list] of byCorridor) {
    const n = list.length;
    // Where each run's ends are and whether they reach forward, read once: the cost below is asked for every pair.
    const endAt = new Float64Array(2 * n);
    const endForward = new Uint8Array(2 * n);
    list.forEach((run, i) => {
      for (let k = 0; k < 2; k++) {
        endAt[2 * i + k] = at(run.ends[k]!);
        endForward[2 * i + k] = run.ends[k]!.toward === forward ? 1 : 0;
      }
      run.lo = Math.min(endAt[2 * i]!, endAt[2 * i + 1]!);
      run.hi = Math.max(endAt[2 * i]!, endAt[2 * i + 1]!);
    });
    // Maps of hundreds of links (synthetic ones) skip the search: it grows with the square.
    const passes = runs.length <= 600 ? 6 : 0;
    // cost[i * n + j]: crossings when run i lies before run j (left of, or above): every end
    // piece of j reaching back past i crosses i where i spans it, and every end piece of i
    // reaching forward crosses j likewise.
    const cost = new Uint16Array(passes ? n * n : 0);
    for (let i = 0; i < n && passes; i++)
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const a = list[i]!;
        const b = list[j]!;
        let c = 0;
        for (let k = 0; k < 2; k++) {
          const bAt = endAt[2 * j + k]!;
          if (!endForward[2 * j + k] && bAt > a.lo + 0.5 && bAt < a.hi - 0.5) c++;
          const aAt = endAt[2 * i + k]!;
          if (endForward[2 * i + k] && aAt > b.lo + 0.5 && aAt < b.hi - 0.5) c++;
        }
        cost[i * n + j] = c;
      }
    const indices = list.map((_, i) => i).sort((a, b) => list[a]!.lo + list[a]!.hi - (list[b]!.lo + list[b]!.hi) || list[a]!.lo - list[b]!.lo);
    // Moves each run to the place where it crosses least, until nothing improves.
    for (let pass = 0; pass < passes; pass++) {
      let moved = false;
      for (let i = 0; i < n; i++) {
        const run = indices[i]!;
        // Cost of each place k among the others: those before k cross it from before, the rest from after.
        let total = 0;
        for (let k = 0; k < n; k++) if (k !== i) total += cost[run * n + indices[k]!]!;
        let bestAt = 0;
        let bestCost = total;
        let place = 0;
        for (let k = 0; k < n; k++) {
          if (k === i) continue;
          const other = indices[k]!;
          total += cost[other * n + run]! - cost[run * n + other]!;
          place++;
          if (total < bestCost || (total === bestCost && place === i)) {
            bestCost = total;
            bestAt = place;
          }
        }
        // Ties keep the run where it is.
        if (bestAt !== i) {
          indices.splice(i, 1);
          indices.splice(bestAt, 0, run);
          moved = true;
        }
      }
      if (!moved) break;
    }
    const order = indices.map((i) => list[i]!);
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

/** Rows an edge may stray beyond its ends to find a channel that crosses less. */
const CHANNEL_DETOUR = 1;
/** Cost of straying one row, in crossings: a detour is worth it only to avoid a crossing. */
const DETOUR_COST = 0.3;

/**
 * Chooses each edge's path by what it crosses. Before tracks are known, pieces are placed
 * in row units (a port of row r at r + 0.5, channel h at h) and gaps: a level piece that
 * crosses a gap whole crosses every upright piece there spanning its height; one that ends
 * in a gap crosses half of them (the order of tracks decides). Edges go shortest first, each
 * taking the cheapest path given those placed before it.
 */
function choosePaths(legs: Leg[], occupied: Uint8Array, rows: number, gaps: number): void {
  // Pieces placed so far, flat: upright ones [y1, y2] by their gap, level ones
  // [y, gap1, gap2, whole1, whole2] by every gap they reach; passages [column1, column2] by row.
  const uprights: number[][] = Array.from({ length: gaps }, () => []);
  const levels: number[][] = Array.from({ length: gaps }, () => []);
  const passages: number[][] = Array.from({ length: rows }, () => []);

  /** A level piece at y from gap g1 to g2 against an upright one in gap g from y1 to y2. */
  const cross = (y: number, g1: number, g2: number, whole1: number, whole2: number, g: number, y1: number, y2: number) => {
    if (!(Math.min(y1, y2) < y && y < Math.max(y1, y2))) return 0;
    if (g === g1) return whole1 ? 1 : 0.5;
    if (g === g2) return whole2 ? 1 : 0.5;
    return g > Math.min(g1, g2) && g < Math.max(g1, g2) ? 1 : 0;
  };
  const crossings = (leg: Leg, path: Path, limit: number) => {
    const { ups, level } = pieces(leg, path);
    let cost = 0;
    for (const [g, y1, y2] of ups) {
      const placed = levels[g]!;
      for (let k = 0; k < placed.length; k += 5) cost += cross(placed[k]!, placed[k + 1]!, placed[k + 2]!, placed[k + 3]!, placed[k + 4]!, g, y1, y2);
    }
    if (level) {
      const [y, g1, g2, w1, w2] = level;
      for (let g = Math.min(g1, g2); g <= Math.max(g1, g2) && cost < limit; g++) {
        const placed = uprights[g]!;
        for (let k = 0; k < placed.length; k += 2) cost += cross(y, g1, g2, w1, w2, g, placed[k]!, placed[k + 1]!);
      }
    }
    return cost;
  };
  const columnsBetween = (leg: Leg): [number, number] => (leg.gapA < leg.gapB ? [leg.gapA, leg.gapB - 1] : [leg.gapB, leg.gapA - 1]);
  const place = (leg: Leg, path: Path) => {
    leg.path = path;
    const { ups, level } = pieces(leg, path);
    for (const [g, y1, y2] of ups) uprights[g]!.push(y1, y2);
    if (level) for (let g = Math.min(level[1], level[2]); g <= Math.max(level[1], level[2]); g++) levels[g]!.push(...level);
    if (path.kind === "passage") passages[path.row]!.push(...columnsBetween(leg));
  };
  const passageFree = (leg: Leg, row: number) => {
    const [c1, c2] = columnsBetween(leg);
    for (let c = c1; c <= c2; c++) if (occupied[c * rows + row]) return false;
    // Two passages on one row must not meet: they would run on one line.
    const taken = passages[row]!;
    for (let k = 0; k < taken.length; k += 2) if (taken[k]! <= c2 + 1 && c1 - 1 <= taken[k + 1]!) return false;
    return true;
  };

  const span = (leg: Leg) => Math.abs(leg.gapA - leg.gapB) + Math.abs(leg.s.row - leg.t.row);
  const order = [...legs].sort((a, b) => span(a) - span(b) || a.index - b.index);
  for (const leg of order) if (leg.gapA === leg.gapB) place(leg, { kind: "gap" });
  for (const leg of order) {
    if (leg.gapA === leg.gapB) continue;
    const candidates: Path[] = [];
    if (passageFree(leg, leg.s.row)) candidates.push({ kind: "passage", at: "source", row: leg.s.row });
    if (leg.t.row !== leg.s.row && passageFree(leg, leg.t.row)) candidates.push({ kind: "passage", at: "target", row: leg.t.row });
    // Channels between the two rows (for one row, just above or below it), or a little beyond.
    const lo = Math.min(leg.s.row, leg.t.row);
    const hi = Math.max(leg.s.row, leg.t.row);
    const [first, last] = lo === hi ? [lo, lo + 1] : [lo + 1, hi];
    for (let h = Math.max(0, first - CHANNEL_DETOUR); h <= Math.min(rows, last + CHANNEL_DETOUR); h++) candidates.push({ kind: "channel", channel: h });
    let best = candidates[0]!;
    let bestCost = Infinity;
    for (const path of candidates) {
      // A passage keeps the line straight; among channels, the middle reads best.
      let cost = 0;
      if (path.kind === "channel") {
        const beyond = Math.max(0, first - path.channel, path.channel - last);
        cost = 0.05 + beyond * DETOUR_COST + 0.01 * Math.abs(path.channel - (leg.s.row + leg.t.row + 1) / 2);
      }
      cost += crossings(leg, path, bestCost);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        best = path;
      }
    }
    place(leg, best);
  }
}

function pieces(leg: Leg, path: Path): { ups: [number, number, number][]; level: [number, number, number, number, number] | null } {
  const ys = leg.s.row + 0.5;
  const yt = leg.t.row + 0.5;
  const { gapA, gapB } = leg;
  if (path.kind === "gap") return { ups: [[gapA, ys, yt]], level: null };
  if (path.kind === "passage") {
    const y = path.row + 0.5;
    // From the source's port across its gap to the run beside the target, or the other way.
    return path.at === "source" ? { ups: [[gapB, ys, yt]], level: [y, gapA, gapB, 1, 0] } : { ups: [[gapA, ys, yt]], level: [y, gapA, gapB, 0, 1] };
  }
  const h = path.channel;
  return { ups: [[gapA, ys, h], [gapB, h, yt]], level: [h, gapA, gapB, 0, 0] };
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
    const run = (plan.first ?? plan.last)!;
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
