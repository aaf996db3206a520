/**
 * The project register (项目库): every project of every zone with its firm, segments, key
 * dates and the list entry it came from; filtered, sorted and totalled on the server. The
 * totals are `projectTotals`, the one function every screen's project figures come from.
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { EntryStatus, FILLING_STATUSES, Id, IsoDate, PROJECT_STATUSES, ProjectStatus, type ProjectStatus as Status, StoredAmountWan } from "../model/domain.js";
import { displayName } from "../model/format.js";
import type { ProjectDetail, ProjectQuery, ProjectRegister, ProjectStatusChange, ProjectStatusTotals, ProjectTotals, RegisterProject } from "../model/progress.js";
import { groupBy, parseRows } from "./rows.js";

const ProjectRow = z.object({
  id: Id,
  name: z.string(),
  investment: StoredAmountWan,
  status: ProjectStatus,
  statusOn: IsoDate.nullable(),
  description: z.string(),
  source: z.string(),
  version: z.number().int(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  firmId: Id,
  firmName: z.string(),
  firmAliases: z.array(z.string()),
  zoneId: Id,
  zoneName: z.string(),
  segmentId: Id.nullable(),
  segmentName: z.string().nullable(),
  chainId: Id.nullable(),
});
const ChangeRow = z.object({
  id: z.string(),
  projectId: Id,
  fromStatus: ProjectStatus.nullable(),
  toStatus: ProjectStatus,
  statusOn: IsoDate.nullable(),
  by: z.string(),
  at: z.string(),
  note: z.string(),
});
/** A list entry anywhere, with its list, firm and segment (lists/all-entries). */
export const PipelineEntry = z.object({
  id: Id,
  status: EntryStatus,
  ownerTeam: z.string(),
  nextContactOn: IsoDate.nullable(),
  projectId: Id.nullable(),
  updatedAt: z.string(),
  listId: Id,
  listName: z.string(),
  zoneId: Id,
  chainId: Id,
  firmId: Id,
  firmName: z.string(),
  firmAliases: z.array(z.string()),
  segmentId: Id,
  segmentName: z.string(),
});
export type PipelineEntry = z.infer<typeof PipelineEntry>;

export async function listPipelineEntries(store: GraphStore): Promise<PipelineEntry[]> {
  return parseRows(PipelineEntry, await store.read("lists/all-entries"));
}

/** The status changes of one project, or of all (grouped by project), oldest first. */
async function readChanges(store: GraphStore, projectId: string | null): Promise<Map<string, ProjectStatusChange[]>> {
  const rows = parseRows(ChangeRow, await store.read("projects/list-changes", { projectId }));
  const changes = new Map<string, ProjectStatusChange[]>();
  for (const r of rows) changes.set(r.projectId, [...(changes.get(r.projectId) ?? []), { from: r.fromStatus, to: r.toStatus, on: r.statusOn, by: r.by, at: r.at, note: r.note }]);
  return changes;
}

/**
 * The day each status was reached: the latest recorded change into it, and the current
 * status's own date (the sample's projects carry only that).
 */
export function keyDates(status: Status, statusOn: string | null, history: readonly ProjectStatusChange[]): Partial<Record<Status, string>> {
  const dates: Partial<Record<Status, string>> = {};
  for (const change of history) if (change.on) dates[change.to] = change.on;
  if (statusOn) dates[status] = statusOn;
  return dates;
}

/**
 * The day a project was won: the earliest day it reached 签约 or a later status; null when
 * no such day is known.
 */
export function signedOn(project: Pick<RegisterProject, "status" | "dates">): string | null {
  const days = FILLING_STATUSES.map((s) => project.dates[s]).filter((d): d is string => !!d);
  if (!days.length) return null;
  return days.sort()[0]!;
}

/** A project as the register lists it, with its status changes. */
export type ProjectRecord = RegisterProject & { history: ProjectStatusChange[] };

/** Every project with its key dates and origin; `projectId` for one. `entries`: the list entries, when read already. */
export async function readProjects(store: GraphStore, projectId: string | null = null, entries?: PipelineEntry[]): Promise<ProjectRecord[]> {
  const [rows, changes, pipeline] = await Promise.all([
    store.read("projects/list-projects", { projectId }).then((r) => parseRows(ProjectRow, r)),
    readChanges(store, projectId),
    entries ? Promise.resolve(entries) : listPipelineEntries(store),
  ]);
  const originOf = new Map(pipeline.filter((e) => e.projectId).map((e) => [e.projectId!, e]));
  return [...groupBy(rows, (r) => r.id).values()].map((group) => {
    const p = group[0]!;
    const segments = group.filter((r) => r.segmentId && r.chainId).map((r) => ({ id: r.segmentId!, name: r.segmentName ?? r.segmentId!, chainId: r.chainId! }));
    const history = changes.get(p.id) ?? [];
    const entry = originOf.get(p.id);
    return {
      id: p.id,
      name: p.name,
      firm: { id: p.firmId, name: displayName(p.firmName, p.firmAliases) },
      zone: { id: p.zoneId, name: p.zoneName },
      chainIds: [...new Set(segments.map((s) => s.chainId))],
      segments,
      investment: p.investment,
      status: p.status,
      statusOn: p.statusOn,
      dates: keyDates(p.status, p.statusOn, history),
      description: p.description,
      source: p.source,
      origin: entry ? { listId: entry.listId, listName: entry.listName, entryId: entry.id, entryStatus: entry.status } : null,
      version: p.version,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      history,
    };
  });
}

export async function getProject(store: GraphStore, projectId: string): Promise<ProjectDetail> {
  const [project] = await readProjects(store, projectId);
  if (!project) throw new NotFound("project", projectId);
  return project;
}

/** Count and investment of projects: the one place every screen's project figures come from. */
export function projectTotals(projects: readonly Pick<RegisterProject, "investment">[]): ProjectTotals {
  const known = projects.filter((p) => p.investment !== null);
  return { count: projects.length, investment: known.reduce((sum, p) => sum + p.investment!, 0), withInvestment: known.length };
}

export function projectStatusTotals(projects: readonly Pick<RegisterProject, "investment" | "status">[]): ProjectStatusTotals {
  return Object.fromEntries(PROJECT_STATUSES.map((s) => [s, projectTotals(projects.filter((p) => p.status === s))])) as ProjectStatusTotals;
}

/** Whether a project is in a zone × chain (null: any zone, any chain). */
export function inScope(project: Pick<RegisterProject, "zone" | "chainIds">, zoneId: string | null, chainId: string | null): boolean {
  return (zoneId === null || project.zone.id === zoneId) && (chainId === null || project.chainIds.includes(chainId));
}

/** The register's filter, as a pure function over the projects. */
export function filterProjects<P extends RegisterProject>(projects: readonly P[], query: Omit<ProjectQuery, "sort" | "order">): P[] {
  const words = query.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  return projects.filter(
    (p) =>
      inScope(p, query.zoneId ?? null, query.chainId ?? null) &&
      (!query.status || query.status.includes(p.status)) &&
      (query.minInvestment === undefined || (p.investment !== null && p.investment >= query.minInvestment)) &&
      (query.maxInvestment === undefined || (p.investment !== null && p.investment <= query.maxInvestment)) &&
      (query.from === undefined || (p.statusOn !== null && p.statusOn >= query.from)) &&
      (query.to === undefined || (p.statusOn !== null && p.statusOn <= query.to)) &&
      words.every((w) => `${p.name} ${p.firm.name}`.toLowerCase().includes(w)),
  );
}

/** Sorted by one field; projects without it (unknown investment, no date) always last. */
export function sortProjects<P extends RegisterProject>(projects: readonly P[], sort: ProjectQuery["sort"], order: ProjectQuery["order"]): P[] {
  const key = (p: P): string | number | null =>
    ({ statusOn: p.statusOn, investment: p.investment, name: p.name, status: PROJECT_STATUSES.indexOf(p.status), zone: p.zone.name })[sort];
  const sign = order === "asc" ? 1 : -1;
  return [...projects].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? a.id.localeCompare(b.id) : x === null ? 1 : -1;
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
    return c !== 0 ? sign * c : a.id.localeCompare(b.id);
  });
}

export async function listProjects(store: GraphStore, query: ProjectQuery): Promise<ProjectRegister> {
  const all = await readProjects(store);
  const selected = sortProjects(filterProjects(all, query), query.sort, query.order).map(({ history: _, ...p }) => p);
  return { items: selected, totals: projectTotals(selected), byStatus: projectStatusTotals(selected) };
}
