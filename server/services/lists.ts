/**
 * Target lists and the pipeline: a list is saved from a ranking (top N or hand-picked)
 * for a zone × chain; each entry moves 待接触 → 已对接 → 洽谈中 → 已签约 → 已落地 (or 已放弃),
 * every status change is kept with who and when, and a signed or landed entry becomes a
 * Project in its segment, which the map and the gap figures then show as being filled.
 * Who did it comes from the session (`actor`); every write adds its audit entry.
 */
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { GraphStore, WriteStep } from "../graph/store.js";
import { PreconditionFailed } from "../graph/store.js";
import { AppError, Conflict, NotFound, ValidationError } from "../errors.js";
import { auditStep } from "../audit/audit.js";
import { ListEntry, TargetListSummary, type TargetListDetail, type TargetRanking } from "../model/api.js";
import { AmountWan, ENTRY_STATUSES, EntryStatus, Id, IsoDate, PROJECT_STATUSES, PROJECT_STATUS_OF_ENTRY, type ProjectStatus } from "../model/domain.js";
import type { RegisterProject } from "../model/progress.js";
import { displayName } from "../model/format.js";
import { regionPath } from "../regions/divisions.js";
import { getZoneRecord } from "./chain-facts.js";
import { listChains } from "./chains.js";
import { readSegment } from "./editing/segments.js";
import { readFirm } from "./firms.js";
import { enteredBy, guardedWrite } from "./editing/guarded.js";
import { chinaDay, statusChangeStep } from "./editing/projects.js";
import { readProjects } from "./projects.js";
import { groupBy, parseRows } from "./rows.js";
import { rankChainTargets, TargetFilters } from "./targets.js";

export const NewList = z
  .object({
    name: z.string().trim().min(1, "请为清单命名").max(100),
    zoneId: Id,
    chainId: Id,
    note: z.string().max(1000).default(""),
    filters: TargetFilters.omit({ limit: true }).partial().default({}),
    /** Take the first `top` of the ranking … */
    top: z.number().int().min(1).max(500).optional(),
    /** … or exactly these firms of the ranking. */
    firmIds: z.array(Id).min(1).max(500).optional(),
  })
  .refine((l) => (l.top === undefined) !== (l.firmIds === undefined), { message: "请给出前 N 名（top）或手选企业（firmIds），二者选一", path: ["top"] });
export type NewList = z.infer<typeof NewList>;

export const NewEntry = z.object({
  firmId: Id,
  segmentId: Id.optional(),
  /**
   * The ranking the firm was picked from (加入已有清单: its filters and profile): the entry then
   * keeps the score and 为何推荐 that ranking gives it, as a list saved from the ranking does.
   * Without it the firm is added by hand, with no score.
   */
  ranking: TargetFilters.omit({ limit: true }).partial().optional(),
});

export const EntryChange = z.object({
  version: z.number().int().min(1),
  status: EntryStatus.optional(),
  ownerTeam: z.string().trim().max(100).optional(),
  notes: z.string().max(5000).optional(),
  nextContactOn: IsoDate.nullable().optional(),
  /** Why the status changed; kept in the history. */
  note: z.string().max(500).default(""),
  /** Planned investment (万元) for the project a signed entry becomes. */
  investment: AmountWan.nullable().optional(),
});
export type EntryChange = z.infer<typeof EntryChange>;

/** One row per list × entry status. */
const ListRow = TargetListSummary.omit({ entryCount: true, statusCounts: true }).extend({ status: EntryStatus.nullable(), entries: z.number().int() });
/** An entry with its firm's fields flattened. */
const EntryRow = ListEntry.omit({ firm: true, region: true, history: true }).extend({
  firmId: Id,
  firmName: z.string(),
  ...ListEntry.shape.firm.omit({ id: true, name: true }).shape,
});
const ChangeRow = z.object({ entryId: Id, fromStatus: EntryStatus.nullable(), toStatus: EntryStatus, by: z.string(), at: z.string(), note: z.string() });

const newId = (prefix: string) => `${prefix}-${randomUUID()}`;

/**
 * A firm is on a list at most once, so its entry's id is made from the two: the graph's
 * own uniqueness of ids then refuses a second entry even when two adds race (Neo4j).
 * Shaped like the random ids (entries made before keep theirs).
 */
function entryId(listId: string, firmId: string): string {
  const hex = createHash("sha256").update(`${listId}\n${firmId}`).digest("hex");
  return `e-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function summarize(rows: z.infer<typeof ListRow>[]): TargetListSummary[] {
  return [...groupBy(rows, (r) => r.id).values()].map((group) => {
    const { status: _s, entries: _e, ...list } = group[0]!;
    const statusCounts = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;
    for (const row of group) if (row.status) statusCounts[row.status] += row.entries;
    return { ...list, entryCount: Object.values(statusCounts).reduce((a, b) => a + b, 0), statusCounts };
  });
}

export async function listLists(store: GraphStore, filter: { zoneId: string | null; chainId: string | null }): Promise<TargetListSummary[]> {
  return summarize(parseRows(ListRow, await store.read("lists/list-lists", filter)));
}

/** A list's own fields and counts, by its key. */
async function readList(store: GraphStore, listId: string): Promise<TargetListSummary | undefined> {
  return summarize(parseRows(ListRow, await store.read("lists/get-list", { listId })))[0];
}

export async function getList(store: GraphStore, listId: string): Promise<TargetListDetail> {
  const summary = await readList(store, listId);
  if (!summary) throw new NotFound("list", listId);
  const [zone, [chain], entryRows, changeRows] = await Promise.all([
    getZoneRecord(store, summary.zoneId),
    listChains(store, summary.chainId),
    store.read("lists/list-entries", { listId }).then((r) => parseRows(EntryRow, r)),
    store.read("lists/list-changes", { listId }).then((r) => parseRows(ChangeRow, r)),
  ]);
  if (!chain) throw new NotFound("chain", summary.chainId);
  const history = groupBy(changeRows, (c) => c.entryId);
  const entries: ListEntry[] = entryRows.map((r) => ({
    id: r.id,
    firm: { id: r.firmId, name: r.firmName, aliases: r.aliases, regionCode: r.regionCode, capital: r.capital, tags: r.tags, sample: r.sample, source: r.source, asOf: r.asOf },
    region: regionPath(r.regionCode),
    segmentId: r.segmentId,
    segmentName: r.segmentName,
    status: r.status,
    ownerTeam: r.ownerTeam,
    notes: r.notes,
    nextContactOn: r.nextContactOn,
    score: r.score,
    reason: r.reason,
    projectId: r.projectId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    history: (history.get(r.id) ?? []).map((c) => ({ from: c.fromStatus, to: c.toStatus, by: c.by, at: c.at, note: c.note })),
  }));
  return { ...summary, zone: { id: zone.id, name: zone.name, shortName: zone.shortName }, chain: { id: chain.id, name: chain.name }, entries };
}

function entrySteps(listId: string, entries: { firmId: string; segmentId: string; score: number | null; reason: string }[], by: string, at: string): WriteStep[] {
  const rows = entries.map((e) => ({ ...e, id: entryId(listId, e.firmId), listId, status: "待接触", ownerTeam: "", notes: "", nextContactOn: null, createdAt: at }));
  return [
    // Each must land: a firm on the list already (or gone meanwhile) fails the whole write.
    { query: "lists/add-entry", rows, mustMatch: true },
    {
      query: "lists/add-change",
      rows: rows.map((r) => ({ id: newId("c"), entryId: r.id, fromStatus: null, toStatus: "待接触", by, at, note: "加入清单" })),
    },
  ];
}

/** An entry as the audit log keeps it: its own fields, without the history. */
const entryRecord = ({ history: _, ...entry }: ListEntry) => entry;

export async function createList(store: GraphStore, input: NewList, actor: string, now = new Date()): Promise<TargetListDetail> {
  const ranking = await rankChainTargets(store, input.zoneId, input.chainId, TargetFilters.parse({ ...input.filters, limit: 500 }), now);
  let picked = ranking.results.slice(0, input.top);
  if (input.firmIds) {
    const missing = input.firmIds.filter((id) => !ranking.results.some((r) => r.firm.id === id));
    if (missing.length)
      throw new ValidationError(`These firms are not in the ranking for this chain and filters: ${missing.join(", ")}`, missing.map((id) => ({ field: "body.firmIds", message: `${id} is not a ranked target` })));
    picked = ranking.results.filter((r) => input.firmIds!.includes(r.firm.id));
  }
  const at = now.toISOString();
  const listId = newId("l");
  const entries = picked.map(entryOf);
  const list = { id: listId, name: input.name, zoneId: input.zoneId, chainId: input.chainId, profileId: ranking.profile.id, createdBy: actor, createdAt: at, note: input.note };
  // A picked firm or its segment deleted since the ranking was read: a plain conflict.
  await guardedWrite(
    store,
    [
      { query: "lists/upsert-list", rows: [list] },
      ...entrySteps(listId, entries, actor, at),
      auditStep(actor, { action: "list.create", entity: "list", entityId: listId, summary: `新建招商清单「${input.name}」（${entries.length} 家企业）`, before: null, after: { ...list, filters: input.filters, entries } }),
    ],
    async () => undefined,
  );
  return getList(store, listId);
}

const FirmSegmentRow = z.object({ segmentId: Id, chainId: Id });

/**
 * Adds a firm by hand; its segment defaults to the firm's first segment in the list's chain.
 * Reads only the list, the firm and the segment by their keys; a firm on the list already
 * is refused inside the write (lists/add-entry), and the second look says so.
 */
export async function addEntry(store: GraphStore, listId: string, input: z.infer<typeof NewEntry>, actor: string, now = new Date()): Promise<TargetListDetail> {
  const [list, firm, firmSegments] = await Promise.all([
    readList(store, listId),
    readFirm(store, input.firmId),
    store.read("firms/firm-segments", { id: input.firmId }).then((rows) => parseRows(FirmSegmentRow, rows)),
  ]);
  if (!list) throw new NotFound("list", listId);
  if (!firm) throw new NotFound("firm", input.firmId);
  const onList = async () => (await store.read("lists/find-entry", { listId, firmId: input.firmId })).length > 0;
  if (await onList()) throw new Conflict(`${input.firmId} is already on this list`, { firmId: input.firmId });
  const ranked = input.ranking ? await rankedEntry(store, list, input.firmId, input.ranking, now) : null;
  const segmentId = input.segmentId ?? ranked?.segmentId ?? firmSegments.find((s) => s.chainId === list.chainId)?.segmentId;
  const segment = segmentId ? await readSegment(store, segmentId) : undefined;
  if (!segment || segment.chainId !== list.chainId) {
    const chainName = (await listChains(store, list.chainId))[0]?.name ?? list.chainId;
    throw new ValidationError(`Say which segment of ${chainName} the firm would fill`, [{ field: "body.segmentId", message: "a segment of the list's chain is needed" }]);
  }
  const steps = entrySteps(listId, [{ firmId: input.firmId, segmentId: segment.id, score: ranked?.score ?? null, reason: ranked?.reason ?? "手工添加" }], actor, now.toISOString());
  await guardedWrite(
    store,
    [
      ...steps,
      auditStep(actor, { action: "list-entry.add", entity: "list-entry", entityId: entryId(listId, input.firmId), summary: `「${list.name}」加入「${firm.name}」`, before: null, after: { listId, firmId: input.firmId, segmentId: segment.id, status: "待接触", score: ranked?.score ?? null } }),
    ],
    async () => {
      // Added by someone else meanwhile (or the list or firm is gone): the answer a repeat gets.
      if (!(await readList(store, listId))) throw new NotFound("list", listId);
      if (await onList()) throw new Conflict(`${input.firmId} is already on this list`, { firmId: input.firmId });
      if (!(await readFirm(store, input.firmId))) throw new NotFound("firm", input.firmId);
    },
  );
  return getList(store, listId);
}

/** A ranked firm as a list keeps it: its best-fitting segment, its total and 为何推荐 in the ranking named. */
function entryOf(r: TargetRanking["results"][number]) {
  return { firmId: r.firm.id, segmentId: [...r.segments].sort((a, b) => b.confidence - a.confidence)[0]!.segmentId, score: r.total, reason: r.reason };
}

/** The firm as the ranking the editor picked it from ranks it: the same function, filters and profile as the targets page. */
async function rankedEntry(store: GraphStore, list: TargetListSummary, firmId: string, filters: NonNullable<z.infer<typeof NewEntry>["ranking"]>, now: Date) {
  const ranking = await rankChainTargets(store, list.zoneId, list.chainId, TargetFilters.parse({ ...filters, limit: 500 }), now);
  const found = ranking.results.find((r) => r.firm.id === firmId);
  if (!found)
    throw new ValidationError(`${firmId} is not among the first 500 of the ranking it was picked from`, [{ field: "body.firmId", message: `${firmId} is not a ranked target for these filters; add it without "ranking" to add it by hand` }]);
  return entryOf(found);
}

export async function changeEntry(store: GraphStore, listId: string, entryId: string, change: EntryChange, actor: string, now = new Date()): Promise<ListEntry> {
  const list = await getList(store, listId);
  const entry = list.entries.find((e) => e.id === entryId);
  if (!entry) throw new NotFound("list entry", entryId);
  if (entry.version !== change.version)
    throw new AppError("conflict", 409, "Someone changed this entry since you loaded it; here is the current one.", { current: entry });

  const at = now.toISOString();
  const status = change.status ?? entry.status;
  const projectStatus = PROJECT_STATUS_OF_ENTRY[status];
  const project = entry.projectId ? (await readProjects(store, entry.projectId))[0] ?? null : null;
  const projectId = projectStatus ? (project?.id ?? `p-${entry.id}`) : null;
  const steps: WriteStep[] = [
    {
      query: "lists/update-entry",
      mustMatch: true,
      rows: [
        {
          id: entry.id,
          version: entry.version,
          status,
          ownerTeam: change.ownerTeam ?? entry.ownerTeam,
          notes: change.notes ?? entry.notes,
          nextContactOn: change.nextContactOn === undefined ? entry.nextContactOn : change.nextContactOn,
          projectId,
          updatedAt: at,
        },
      ],
    },
  ];
  if (status !== entry.status)
    steps.push({ query: "lists/add-change", rows: [{ id: newId("c"), entryId: entry.id, fromStatus: entry.status, toStatus: status, by: actor, at, note: change.note }] });
  if (projectStatus) steps.push(...entryProjectSteps(list, entry, status, projectStatus, project, change, actor, now));
  else if (project) {
    // Back before signing, or given up: the project it had become is no longer under way.
    steps.push({ query: "projects/delete-changes", rows: [{ projectId: project.id }] }, { query: "projects/delete-project", rows: [{ id: project.id }] });
  }
  const after = {
    ...entryRecord(entry),
    ...steps[0]!.rows[0]!,
    version: entry.version + 1,
    ...(change.investment !== undefined ? { investment: change.investment } : {}),
  };
  const firm = displayName(entry.firm.name, entry.firm.aliases);
  steps.push(
    auditStep(actor, {
      action: status !== entry.status ? "list-entry.move" : "list-entry.update",
      entity: "list-entry",
      entityId: entry.id,
      summary: status !== entry.status ? `「${list.name}」${firm}：${entry.status} → ${status}` : `「${list.name}」${firm}：修改跟进信息`,
      before: entryRecord(entry),
      after,
    }),
  );
  try {
    await store.write(steps);
  } catch (error) {
    if (!(error instanceof PreconditionFailed)) throw error;
    const current = (await getList(store, listId)).entries.find((e) => e.id === entryId);
    if (!current) throw new NotFound("list entry", entryId);
    throw new AppError("conflict", 409, "Someone changed this entry meanwhile; here is the current one.", { current });
  }
  return (await getList(store, listId)).entries.find((e) => e.id === entryId)!;
}

/**
 * What a signed or landed entry does to its project: makes it (once), moves its status with
 * the entry's, records the change with its day and who, and sets its investment when given.
 * A project the register has already taken further (在建, 投产 …) keeps its status when the
 * entry moves forward to a status it has passed.
 */
function entryProjectSteps(
  list: TargetListDetail,
  entry: ListEntry,
  status: EntryStatus,
  projectStatus: ProjectStatus,
  project: RegisterProject | null,
  change: EntryChange,
  actor: string,
  now: Date,
): WriteStep[] {
  const day = chinaDay(now);
  const firm = displayName(entry.firm.name, entry.firm.aliases);
  if (!project) {
    const id = `p-${entry.id}`;
    return [
      {
        query: "projects/create-project",
        mustMatch: true,
        rows: [{ id, name: `${firm}${entry.segmentName}项目`, firmId: entry.firm.id, zoneId: list.zoneId, investment: change.investment ?? null, status: projectStatus, statusOn: day, description: `由招商清单「${list.name}」转入（${actor}）`, source: enteredBy(actor), at: now.toISOString() }],
      },
      { query: "projects/link-segment", rows: [{ projectId: id, segmentId: entry.segmentId }], mustMatch: true },
      statusChangeStep(id, null, projectStatus, day, actor, now, `招商清单「${list.name}」：${status}`),
    ];
  }
  const movedForward = ENTRY_STATUSES.indexOf(status) > ENTRY_STATUSES.indexOf(entry.status);
  const passed = PROJECT_STATUSES.indexOf(project.status) >= PROJECT_STATUSES.indexOf(projectStatus);
  const nextStatus = status === entry.status || (movedForward && passed) ? project.status : projectStatus;
  const investment = change.investment === undefined ? project.investment : change.investment;
  if (nextStatus === project.status && investment === project.investment) return [];
  const statusOn = nextStatus === project.status ? project.statusOn : day;
  return [
    { query: "projects/set-progress", rows: [{ id: project.id, status: nextStatus, statusOn, investment, at: now.toISOString() }], mustMatch: true },
    ...(nextStatus === project.status ? [] : [statusChangeStep(project.id, project.status, nextStatus, day, actor, now, `招商清单「${list.name}」：${status}`)]),
  ];
}

export async function deleteEntry(store: GraphStore, listId: string, entryId: string, actor: string): Promise<void> {
  const list = await getList(store, listId);
  const entry = list.entries.find((e) => e.id === entryId);
  if (!entry) throw new NotFound("list entry", entryId);
  await store.write([
    { query: "lists/delete-entry-history", rows: [{ entryId }] },
    { query: "lists/delete-entry", rows: [{ id: entryId }] },
    auditStep(actor, { action: "list-entry.delete", entity: "list-entry", entityId: entryId, summary: `「${list.name}」移除「${displayName(entry.firm.name, entry.firm.aliases)}」`, before: entry, after: null }),
  ]);
}

export async function deleteList(store: GraphStore, listId: string, actor: string): Promise<void> {
  const list = await getList(store, listId);
  await store.write([
    { query: "lists/delete-entry-history", rows: list.entries.map((e) => ({ entryId: e.id })) },
    { query: "lists/delete-entry", rows: list.entries.map((e) => ({ id: e.id })) },
    { query: "lists/delete-list", rows: [{ id: listId }] },
    auditStep(actor, { action: "list.delete", entity: "list", entityId: listId, summary: `删除招商清单「${list.name}」（${list.entries.length} 家企业）`, before: list, after: null }),
  ]);
}
