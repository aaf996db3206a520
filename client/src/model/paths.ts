/** Every view's URL, built in one place so links and the router agree. */
import type { MapView } from "./mapView";
import { writeMapView } from "./mapView";
import type { TargetQuery } from "./targetQuery";
import { writeTargetQuery } from "./targetQuery";

export type Paper = "A4" | "A3";

export const paths = {
  overview: (sort?: string) => (sort ? `/?sort=${encodeURIComponent(sort)}` : "/"),
  map: (zoneId: string, chainId: string, view: Partial<MapView> = {}, extra: Record<string, string> = {}) => {
    const query = writeMapView(view);
    for (const [key, value] of Object.entries(extra)) query.set(key, value);
    return withQuery(`/zones/${zoneId}/chains/${chainId}`, query);
  },
  print: (zoneId: string, chainId: string, paper: Paper = "A4", view: Partial<MapView> = {}) => {
    const query = writeMapView({ ...view, selected: null, focus: [], meeting: false });
    query.set("paper", paper);
    return withQuery(`/zones/${zoneId}/chains/${chainId}/print`, query);
  },
  firm: (firmId: string) => `/firms/${firmId}`,
  simulation: (zoneId: string, chainId: string, firmIds: readonly string[]) =>
    withQuery(`/zones/${zoneId}/chains/${chainId}/simulation`, new URLSearchParams({ firms: firmIds.join(",") })),
  targets: (zoneId: string, chainId: string, query: Partial<TargetQuery> = {}) =>
    withQuery(`/zones/${zoneId}/chains/${chainId}/targets`, writeTargetQuery(query)),
  report: (zoneId: string, chainId: string, paper: Paper = "A3") =>
    withQuery(`/zones/${zoneId}/chains/${chainId}/report`, new URLSearchParams(paper === "A3" ? {} : { paper })),
  lists: (filter: { zoneId?: string | null; chainId?: string | null } = {}) => {
    const query = new URLSearchParams();
    if (filter.zoneId) query.set("zone", filter.zoneId);
    if (filter.chainId) query.set("chain", filter.chainId);
    return withQuery("/lists", query);
  },
  list: (listId: string, entryId?: string | null) => withQuery(`/lists/${listId}`, new URLSearchParams(entryId ? { entry: entryId } : {})),
  projects: (query: URLSearchParams = new URLSearchParams()) => withQuery("/projects", query),
  cockpit: (zoneId?: string | null, since?: string | null) => {
    const query = new URLSearchParams();
    if (zoneId) query.set("zone", zoneId);
    if (since) query.set("since", since);
    return withQuery("/cockpit", query);
  },
  profiles: (profileId?: string) => (profileId ? `/profiles/${profileId}` : "/profiles"),
  imports: () => "/imports",
  importJob: (importId: string) => `/imports/${importId}`,
  review: (page = 1) => withQuery("/review", new URLSearchParams(page > 1 ? { page: String(page) } : {})),
  users: () => "/admin/users",
  audit: (query: URLSearchParams = new URLSearchParams()) => withQuery("/admin/audit", query),
  /** `back`: the view to return to (e.g. the map whose gap panel linked here). */
  settings: (back?: string | null) => withQuery("/admin/settings", new URLSearchParams(back ? { back } : {})),
};

export const ROUTES = {
  overview: "/",
  map: "/zones/:zoneId/chains/:chainId",
  print: "/zones/:zoneId/chains/:chainId/print",
  firm: "/firms/:firmId",
  targets: "/zones/:zoneId/chains/:chainId/targets",
  simulation: "/zones/:zoneId/chains/:chainId/simulation",
  report: "/zones/:zoneId/chains/:chainId/report",
  lists: "/lists",
  list: "/lists/:listId",
  projects: "/projects",
  cockpit: "/cockpit",
  profiles: "/profiles",
  profile: "/profiles/:profileId",
  imports: "/imports",
  importJob: "/imports/:importId",
  review: "/review",
  login: "/login",
  users: "/admin/users",
  audit: "/admin/audit",
  settings: "/admin/settings",
} as const;

function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
  return text ? `${path}?${text}` : path;
}
