/**
 * The chain map as it was drawn before edges were routed, to measure the routed layout
 * against: each stage's segments stacked in their authored order (one sub-column per depth
 * of links inside the stage, at most three, wrapping after max(12, √(n · 0.7)) rows), other
 * chains' segments level with the segments they link to, and every edge a straight line
 * between the two boxes' centres (lines through boxes included, as they were drawn).
 */
import type { ChainMap } from "../../server/model/api.js";
import { STAGES } from "../../server/model/domain.js";
import type { DrawnEdge } from "./map-geometry.js";

const NODE = { width: 200, height: 72 };
const ROW_GAP = 22;
const COLUMN_GAP = 56;
const LANE_PADDING = 16;
const LANE_GAP = 20;
const LANE_HEADER = 64;
const MIN_ROWS = 12;
const MAX_DEPTH_COLUMNS = 3;

type Centre = [number, number];

export function straightLineEdges(map: ChainMap): DrawnEdge[] {
  const segmentIds = new Set(map.segments.map((s) => s.id));
  const columns: string[][][] = [];
  const aspect = (9 * (NODE.width + COLUMN_GAP)) / (16 * (NODE.height + ROW_GAP));
  const maxRows = Math.max(MIN_ROWS, Math.ceil(Math.sqrt(map.segments.length * aspect)));
  const wrap = (ids: string[]) => Array.from({ length: Math.ceil(ids.length / maxRows) }, (_, i) => ids.slice(i * maxRows, (i + 1) * maxRows));

  const centreY = (row: number) => LANE_HEADER + row * (NODE.height + ROW_GAP) + NODE.height / 2;
  const stageColumns = STAGES.map((stage) => {
    const inStage = map.segments.filter((s) => s.stage === stage).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    const depth = depthWithinStage(inStage.map((s) => s.id), map.links);
    const lane: string[][] = [];
    for (let d = 0; d < MAX_DEPTH_COLUMNS; d++) {
      const last = d === MAX_DEPTH_COLUMNS - 1;
      lane.push(...wrap(inStage.filter((s) => (last ? depth.get(s.id)! >= d : depth.get(s.id) === d)).map((s) => s.id)));
    }
    return lane;
  });
  const levelOf = new Map<string, number>();
  for (const lane of stageColumns) for (const column of lane) column.forEach((id, row) => levelOf.set(id, centreY(row)));

  // Other chains' segments, in chain then id order, sorted by the mean height of their partners.
  const side = (which: "inputs" | "outputs") => {
    const partners = new Map<string, { chainId: string; anchors: string[] }>();
    for (const link of map.externalLinks) {
      const [outside, inside, chainId] =
        which === "inputs" ? [link.source, link.target, link.sourceChainId] : [link.target, link.source, link.targetChainId];
      if (segmentIds.has(outside) || !segmentIds.has(inside)) continue;
      const entry = partners.get(outside) ?? { chainId, anchors: [] };
      entry.anchors.push(inside);
      partners.set(outside, entry);
    }
    const ordered = [...partners.entries()]
      .sort(([a, x], [b, y]) => x.chainId.localeCompare(y.chainId) || a.localeCompare(b))
      .map(([id, { anchors }], index) => {
        const ys = anchors.map((a) => levelOf.get(a)!);
        return { id, index, level: ys.reduce((sum, y) => sum + y, 0) / ys.length };
      })
      .sort((a, b) => a.level - b.level || a.index - b.index);
    // A segment of another chain can stand on both sides: the node ids say which.
    return wrap(ordered.map((o) => `${which === "inputs" ? "in" : "out"}:${o.id}`));
  };
  const inputs = side("inputs");
  const outputs = side("outputs");
  if (inputs.length) columns.push(inputs);
  columns.push(...stageColumns);
  if (outputs.length) columns.push(outputs);

  const centre = new Map<string, Centre>();
  let laneX = 0;
  for (const lane of columns) {
    lane.forEach((column, c) => {
      const x = laneX + LANE_PADDING + c * (NODE.width + COLUMN_GAP) + NODE.width / 2;
      column.forEach((id, row) => centre.set(id, [x, centreY(row)]));
    });
    const count = Math.max(1, lane.length);
    laneX += 2 * LANE_PADDING + count * NODE.width + (count - 1) * COLUMN_GAP + LANE_GAP;
  }
  const ends = [
    ...map.links.map((l) => [l.source, l.target]),
    ...map.externalLinks.map((l) => (segmentIds.has(l.target) ? [`in:${l.source}`, l.target] : [l.source, `out:${l.target}`])),
  ];
  return ends.map(([source, target], i) => ({ id: String(i), source: source!, target: target!, points: [centre.get(source!)!, centre.get(target!)!] }));
}

/** Longest chain of same-stage predecessors; a cycle is broken where a walk in authored order closes it. */
function depthWithinStage(ordered: readonly string[], links: readonly { source: string; target: string }[]): Map<string, number> {
  const inStage = new Set(ordered);
  const rank = new Map(ordered.map((id, i) => [id, i]));
  const predecessors = new Map<string, string[]>(ordered.map((id) => [id, []]));
  for (const { source, target } of links) if (source !== target && inStage.has(source) && inStage.has(target)) predecessors.get(target)!.push(source);
  for (const list of predecessors.values()) list.sort((a, b) => rank.get(a)! - rank.get(b)!);
  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    onPath.add(id);
    let best = 0;
    for (const pred of predecessors.get(id)!) if (!onPath.has(pred)) best = Math.max(best, visit(pred) + 1);
    onPath.delete(id);
    depth.set(id, best);
    return best;
  };
  for (const id of ordered) visit(id);
  return depth;
}
