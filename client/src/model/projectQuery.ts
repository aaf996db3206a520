/**
 * The project register's filters as the page's URL holds them (?zone=&chain=&status=签约,在建
 * &min=&max=&from=&to=&q=&sort=&order=) and as the API takes them. Anything unreadable in
 * the URL is dropped rather than sent on.
 */
import { PROJECT_STATUSES, type ProjectStatus } from "../../../server/model/domain";
import { PROJECT_SORTS } from "../../../server/model/progress";

export type ProjectSort = (typeof PROJECT_SORTS)[number];

export interface ProjectFilter {
  zoneId: string | null;
  chainId: string | null;
  statuses: ProjectStatus[];
  /** 万元 */
  minInvestment: number | null;
  maxInvestment: number | null;
  from: string | null;
  to: string | null;
  q: string;
  sort: ProjectSort;
  order: "asc" | "desc";
}

export const EMPTY_PROJECT_FILTER: ProjectFilter = { zoneId: null, chainId: null, statuses: [], minInvestment: null, maxInvestment: null, from: null, to: null, q: "", sort: "statusOn", order: "desc" };

const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function amount(text: string | null): number | null {
  if (text === null || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export function readProjectFilter(search: URLSearchParams): ProjectFilter {
  const id = (key: string) => {
    const value = search.get(key);
    return value && ID.test(value) ? value : null;
  };
  const day = (key: string) => {
    const value = search.get(key);
    return value && DAY.test(value) ? value : null;
  };
  const sort = search.get("sort");
  return {
    zoneId: id("zone"),
    chainId: id("chain"),
    statuses: (search.get("status") ?? "").split(",").filter((s): s is ProjectStatus => (PROJECT_STATUSES as readonly string[]).includes(s)),
    minInvestment: amount(search.get("min")),
    maxInvestment: amount(search.get("max")),
    from: day("from"),
    to: day("to"),
    q: (search.get("q") ?? "").slice(0, 50),
    sort: (PROJECT_SORTS as readonly string[]).includes(sort ?? "") ? (sort as ProjectSort) : EMPTY_PROJECT_FILTER.sort,
    order: search.get("order") === "asc" ? "asc" : "desc",
  };
}

type FilterField = "zoneId" | "chainId" | "statuses" | "minInvestment" | "maxInvestment" | "from" | "to" | "q";

/** The filter's own fields (sort and order aside) under the names one side uses. */
function filterParams(filter: ProjectFilter, names: Record<FilterField, string>): URLSearchParams {
  const query = new URLSearchParams();
  const values: Record<FilterField, string | null> = {
    zoneId: filter.zoneId,
    chainId: filter.chainId,
    statuses: filter.statuses.length ? filter.statuses.join(",") : null,
    minInvestment: filter.minInvestment === null ? null : String(filter.minInvestment),
    maxInvestment: filter.maxInvestment === null ? null : String(filter.maxInvestment),
    from: filter.from,
    to: filter.to,
    q: filter.q.trim() || null,
  };
  for (const [field, value] of Object.entries(values) as [FilterField, string | null][]) if (value) query.set(names[field], value);
  return query;
}

const URL_NAMES: Record<FilterField, string> = { zoneId: "zone", chainId: "chain", statuses: "status", minInvestment: "min", maxInvestment: "max", from: "from", to: "to", q: "q" };
const API_NAMES: Record<FilterField, string> = { zoneId: "zoneId", chainId: "chainId", statuses: "status", minInvestment: "minInvestment", maxInvestment: "maxInvestment", from: "from", to: "to", q: "q" };

export function writeProjectFilter(filter: ProjectFilter): URLSearchParams {
  const query = filterParams(filter, URL_NAMES);
  if (filter.sort !== EMPTY_PROJECT_FILTER.sort) query.set("sort", filter.sort);
  if (filter.order !== EMPTY_PROJECT_FILTER.order) query.set("order", filter.order);
  return query;
}

/** The API's query string for a filter (its own parameter names). */
export function projectApiQuery(filter: ProjectFilter, extra: Record<string, string> = {}): string {
  const query = filterParams(filter, API_NAMES);
  query.set("sort", filter.sort);
  query.set("order", filter.order);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}
