/** Every view's URL, built in one place so links and the router agree. */
import type { MapView } from "./mapView";
import { writeMapView } from "./mapView";

export type Paper = "A4" | "A3";

export const paths = {
  overview: (sort?: string) => (sort ? `/?sort=${encodeURIComponent(sort)}` : "/"),
  map: (zoneId: string, chainId: string, view: Partial<MapView> = {}) =>
    withQuery(`/zones/${zoneId}/chains/${chainId}`, writeMapView(view)),
  print: (zoneId: string, chainId: string, paper: Paper = "A4", view: Partial<MapView> = {}) => {
    const query = writeMapView({ ...view, selected: null, focus: [], meeting: false });
    query.set("paper", paper);
    return withQuery(`/zones/${zoneId}/chains/${chainId}/print`, query);
  },
  firm: (firmId: string) => `/firms/${firmId}`,
};

export const ROUTES = {
  overview: "/",
  map: "/zones/:zoneId/chains/:chainId",
  print: "/zones/:zoneId/chains/:chainId/print",
  firm: "/firms/:firmId",
} as const;

function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
  return text ? `${path}?${text}` : path;
}
