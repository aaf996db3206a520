/**
 * Measures of a drawn map from its pure layout: how often edges pass through boxes and
 * cross each other. Edges are polylines in model coordinates.
 */
import type { Box } from "../../client/src/model/layout.js";

export type Point = readonly [number, number];
export type Polyline = readonly Point[];

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  points: Polyline;
}

/**
 * Edge–box intersections: each (edge, box) pair where the edge's line runs through the
 * inside of a box (more than `tolerance` deep). An edge may touch its own ends' borders.
 */
export function edgeBoxIntersections(edges: readonly DrawnEdge[], boxes: ReadonlyMap<string, Box>, tolerance = 1): string[] {
  const hits: string[] = [];
  for (const edge of edges)
    for (const [id, box] of boxes) {
      const inner = { x: box.x + tolerance, y: box.y + tolerance, width: box.width - 2 * tolerance, height: box.height - 2 * tolerance };
      if (pairs(edge.points).some(([a, b]) => segmentEntersBox(a, b, inner))) hits.push(`${edge.id} × ${id}`);
    }
  return hits;
}

/** Pairs of edges whose lines properly cross (touching at a shared end node does not count). */
export function edgeEdgeCrossings(edges: readonly DrawnEdge[]): number {
  let count = 0;
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const a = edges[i]!;
      const b = edges[j]!;
      let crossings = 0;
      for (const [p1, p2] of pairs(a.points)) for (const [q1, q2] of pairs(b.points)) if (properlyCross(p1, p2, q1, q2)) crossings++;
      count += crossings;
    }
  return count;
}

function pairs(points: Polyline): [Point, Point][] {
  return points.slice(1).map((p, i) => [points[i]!, p]);
}

/** Liang–Barsky clipping: does the open segment a–b have a part strictly inside the box? */
function segmentEntersBox(a: Point, b: Point, box: Box): boolean {
  if (box.width <= 0 || box.height <= 0) return false;
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const clip = (p: number, q: number) => {
    if (p === 0) return q > 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  if (!clip(-dx, a[0] - box.x)) return false;
  if (!clip(dx, box.x + box.width - a[0])) return false;
  if (!clip(-dy, a[1] - box.y)) return false;
  if (!clip(dy, box.y + box.height - a[1])) return false;
  return t1 - t0 > 1e-9;
}

function properlyCross(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const d1 = orient(q1, q2, p1);
  const d2 = orient(q1, q2, p2);
  const d3 = orient(p1, p2, q1);
  const d4 = orient(p1, p2, q2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function orient(a: Point, b: Point, c: Point): number {
  const value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return Math.abs(value) < 1e-6 ? 0 : Math.sign(value);
}
