/**
 * Approximate positions and distances. A region's point is its own centre where known
 * (provinces, prefecture-level cities, municipal districts), else its city's, else its
 * province's — see seed/tools/region-coordinates.ts for where the points come from.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const POINTS = require("./coordinates.json") as Record<string, [lng: number, lat: number]>;

export function regionPoint(code: string): [number, number] | null {
  return POINTS[code] ?? POINTS[`${code.slice(0, 4)}00`] ?? POINTS[`${code.slice(0, 2)}0000`] ?? null;
}

/** Great-circle distance in km between two regions' points; null when either is unknown. */
export function distanceKm(fromCode: string, toCode: string): number | null {
  const a = regionPoint(fromCode);
  const b = regionPoint(toCode);
  if (!a || !b) return null;
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
