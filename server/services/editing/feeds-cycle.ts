/**
 * FEEDS links run in supply direction and may loop (recycling: 钢材 → 废钢 → 炼钢), so a
 * cycle is allowed — but only on purpose. This finds the loop a new link would close.
 */

export interface Link {
  from: string;
  to: string;
}

/**
 * The cycle that adding `from → to` would close, as the segments along it starting and
 * ending with `from` (e.g. [a, b, c, a] for a new a → b when b → c → a exists); null when
 * it closes none. The shortest such path is given, and among equally short ones the first
 * by id, so the answer is the same every time.
 */
export function cycleClosedBy(links: readonly Link[], from: string, to: string): string[] | null {
  if (from === to) return [from, from];
  const next = new Map<string, string[]>();
  for (const link of links) {
    const targets = next.get(link.from);
    if (targets) targets.push(link.to);
    else next.set(link.from, [link.to]);
  }
  for (const targets of next.values()) targets.sort();

  // Breadth first from `to`: the first time `from` is reached is along a shortest path.
  const cameFrom = new Map<string, string | null>([[to, null]]);
  let frontier = [to];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const node of frontier) {
      for (const target of next.get(node) ?? []) {
        if (cameFrom.has(target)) continue;
        cameFrom.set(target, node);
        if (target === from) return [from, ...pathTo(cameFrom, from)];
        following.push(target);
      }
    }
    frontier = following;
  }
  return null;
}

function pathTo(cameFrom: Map<string, string | null>, end: string): string[] {
  const path: string[] = [];
  for (let node: string | null = end; node !== null; node = cameFrom.get(node) ?? null) path.push(node);
  return path.reverse();
}
