/**
 * Editing projects in the register. Each project has a version; a stale change gets 409
 * with the project as it is now. A status change records the day it happened (today
 * unless given), who recorded it and when, in the same write as the change and its audit
 * entry. A project's segments and status are what the map's 补链中 marks and the gap
 * figures read (FILLING_STATUSES), so they change with it.
 */
import { randomUUID } from "node:crypto";
import type { GraphStore, WriteStep } from "../../graph/store.js";
import { lockStep } from "../../graph/store.js";
import { NotFound, ValidationError } from "../../errors.js";
import { auditStep } from "../../audit/audit.js";
import type { ProjectStatus } from "../../model/domain.js";
import type { NewProject, ProjectChange, ProjectDetail } from "../../model/progress.js";
import { getProject, readProjects } from "../projects.js";
import { findZone } from "../chain-facts.js";
import { enteredBy, given, guardedWrite, stale } from "./guarded.js";

/** Today in China (UTC+8), where the people recording the changes are. */
export const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** What zod cannot see: that the firm, the zone and each segment exist. */
async function checkFacts(store: GraphStore, project: { firmId: string; zoneId: string; segmentIds: readonly string[] }): Promise<void> {
  const problems: { field: string; message: string }[] = [];
  if ((await store.read("firms/get-firm", { id: project.firmId })).length === 0) problems.push({ field: "body.firmId", message: `没有编号为 ${project.firmId} 的企业：请先在企业库中新增` });
  if (!(await findZone(store, project.zoneId))) problems.push({ field: "body.zoneId", message: `没有编号为 ${project.zoneId} 的开发区` });
  for (const [i, segmentId] of project.segmentIds.entries())
    if ((await store.read("chains/get-segment", { id: segmentId })).length === 0) problems.push({ field: `body.segmentIds.${i}`, message: `没有编号为 ${segmentId} 的环节` });
  if (new Set(project.segmentIds).size !== project.segmentIds.length) problems.push({ field: "body.segmentIds", message: "所补环节有重复" });
  if (problems.length) throw new ValidationError(`请求内容有误：${problems.map((p) => p.message).join("；")}`, problems);
}

/** The step recording a status change; `from` null for a project's first status. */
export function statusChangeStep(projectId: string, from: ProjectStatus | null, to: ProjectStatus, on: string | null, by: string, at: Date, note: string): WriteStep {
  return {
    query: "projects/add-change",
    mustMatch: true,
    rows: [{ id: `pc-${at.getTime().toString(36)}-${randomUUID()}`, projectId, fromStatus: from, toStatus: to, statusOn: on, by, at: at.toISOString(), note }],
  };
}

const segmentSteps = (projectId: string, segmentIds: readonly string[]): WriteStep[] => [
  { query: "projects/unlink-segments", rows: [{ id: projectId }] },
  { query: "projects/link-segment", rows: segmentIds.map((segmentId) => ({ projectId, segmentId })), mustMatch: true },
];

/** The record the audit log keeps: the project's own fields and links, without its history. */
const auditRecord = ({ history: _, origin: _o, dates: _d, ...project }: ProjectDetail) => project;

export async function createProject(store: GraphStore, input: NewProject, actor: string, now = new Date()): Promise<ProjectDetail> {
  await checkFacts(store, input);
  const id = `p-${randomUUID()}`;
  const statusOn = input.statusOn === undefined ? chinaDay(now) : input.statusOn;
  const row = { id, name: input.name, firmId: input.firmId, zoneId: input.zoneId, investment: input.investment, status: input.status, statusOn, description: input.description, source: input.source ?? enteredBy(actor), at: now.toISOString() };
  await guardedWrite(
    store,
    [
      lockStep("projects"),
      { query: "projects/create-project", rows: [row], mustMatch: true },
      ...segmentSteps(id, input.segmentIds),
      statusChangeStep(id, null, input.status, statusOn, actor, now, "新增项目"),
      auditStep(actor, { action: "project.create", entity: "project", entityId: id, summary: `新增项目「${input.name}」（${input.status}）`, before: null, after: { ...row, segmentIds: input.segmentIds } }, now),
    ],
    // The firm, zone or a segment went away meanwhile.
    () => checkFacts(store, input),
  );
  return getProject(store, id);
}

export async function updateProject(store: GraphStore, id: string, change: ProjectChange, actor: string, now = new Date()): Promise<ProjectDetail> {
  const current = await getProject(store, id);
  if (current.version !== change.version) throw stale(`项目「${current.name}」`, current);
  const { version: _, note = "", ...fields } = given(change);
  const was = { name: current.name, firmId: current.firm.id, zoneId: current.zone.id, segmentIds: current.segments.map((s) => s.id), investment: current.investment, status: current.status, statusOn: current.statusOn, description: current.description, source: current.source };
  const statusChanged = fields.status !== undefined && fields.status !== current.status;
  const next = { ...was, ...fields, statusOn: fields.statusOn !== undefined ? fields.statusOn : statusChanged ? chinaDay(now) : was.statusOn };
  const sameSegments = [...next.segmentIds].sort().join() === [...was.segmentIds].sort().join();
  if (JSON.stringify({ ...next, segmentIds: [] }) === JSON.stringify({ ...was, segmentIds: [] }) && sameSegments) return current;
  await checkFacts(store, next);

  const steps: WriteStep[] = [
    lockStep("projects"),
    { query: "projects/update-project", rows: [{ id, version: current.version, name: next.name, investment: next.investment, status: next.status, statusOn: next.statusOn, description: next.description, source: next.source, at: now.toISOString() }], mustMatch: true },
  ];
  if (next.firmId !== was.firmId || next.zoneId !== was.zoneId) steps.push({ query: "projects/move-project", rows: [{ id, firmId: next.firmId, zoneId: next.zoneId }], mustMatch: true });
  if (!sameSegments) steps.push(...segmentSteps(id, next.segmentIds));
  if (statusChanged) steps.push(statusChangeStep(id, current.status, next.status, next.statusOn, actor, now, note));
  steps.push(
    auditStep(
      actor,
      {
        action: statusChanged ? "project.move" : "project.update",
        entity: "project",
        entityId: id,
        summary: statusChanged ? `项目「${next.name}」：${current.status} → ${next.status}` : `修改项目「${next.name}」`,
        before: auditRecord(current),
        after: { ...auditRecord(current), ...next, version: current.version + 1 },
      },
      now,
    ),
  );
  await guardedWrite(store, steps, async () => {
    const [now] = await readProjects(store, id);
    if (!now) throw new NotFound("project", id);
    if (now.version !== current.version) throw stale(`项目「${now.name}」`, now);
    await checkFacts(store, next);
  });
  return getProject(store, id);
}
