/** Every route an Express app answers, read from its router (for tests that must cover them all). */
import type { Express } from "express";

export interface RouteInfo {
  method: string;
  /** e.g. /api/zones/:zoneId/chains/:chainId/map */
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  matchers?: unknown;
}

export function listRoutes(app: Express, mount = "/api"): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === "string") {
        for (const method of Object.keys(layer.route.methods)) routes.push({ method: method.toUpperCase(), path: prefix + layer.route.path });
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, mount);
  // The API routers are mounted at /api; the client's fallback is not an API route.
  const seen = new Set<string>();
  return routes.filter((r) => r.path.startsWith(`${mount}/`) && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}
