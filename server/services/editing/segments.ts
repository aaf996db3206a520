/**
 * Editing a chain's segments. Each segment has a version; a change or delete names the
 * version the person saw, and the write is guarded by it inside the transaction.
 * A segment that firms, projects or list entries point at is not deleted (409
 * segment_in_use, with the counts): those records would lose their place silently. Its
 * FEEDS links and bottleneck flags belong to it and go with it, kept in the audit entry.
 */
import { pinyin } from "pinyin-pro";
import { z } from "zod";
import type { GraphStore, WriteStep } from "../../graph/store.js";
import { AppError, NotFound } from "../../errors.js";
import { auditStep } from "../../audit/audit.js";
import { SegmentRecord, type NewSegment, type SegmentChange } from "../../model/api.js";
import { BottleneckFlag, STAGE_LABELS } from "../../model/domain.js";
import { getChain } from "../chains.js";
import { parseRows } from "../rows.js";
import { searchKeys } from "../search-keys.js";
import { enteredBy, given, guardedWrite, sameRecord, stale } from "./guarded.js";

const Usage = z.object({ firms: z.number().int(), projects: z.number().int(), entries: z.number().int() });
const FeedsRow = z.object({ fromId: z.string(), toId: z.string(), source: z.string() });

export async function readSegment(store: GraphStore, id: string): Promise<SegmentRecord | undefined> {
  return parseRows(SegmentRecord, await store.read("chains/get-segment-record", { id }))[0];
}

export async function getSegmentRecord(store: GraphStore, id: string): Promise<SegmentRecord> {
  const segment = await readSegment(store, id);
  if (!segment) throw new NotFound("segment", id);
  return segment;
}

/** `steel` + 冷轧带钢 → `steel-lengzhadaigang`; a number is added while the id is taken. */
async function newSegmentId(store: GraphStore, chainId: string, name: string): Promise<string> {
  const syllables = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive", v: true }).join("");
  const slug = syllables.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 50).replace(/-+$/, "") || "segment";
  const base = `${chainId}-${slug}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await readSegment(store, id))) return id;
  }
}

const rowOf = (s: SegmentRecord) => ({ ...s, searchText: searchKeys([s.name, ...s.keywords]) });

export async function createSegment(store: GraphStore, chainId: string, input: NewSegment, actor: string): Promise<SegmentRecord> {
  const chain = await getChain(store, chainId);
  if (input.id) {
    const taken = await readSegment(store, input.id);
    if (taken) throw new AppError("id_taken", 409, `编号 ${input.id} 已被环节「${taken.name}」使用`, { field: "body.id", segment: taken });
  }
  const id = input.id ?? (await newSegmentId(store, chainId, input.name));
  const sameStage = chain.segments.filter((s) => s.stage === input.stage);
  const segment: SegmentRecord = {
    id,
    chainId,
    name: input.name,
    stage: input.stage,
    position: input.position ?? (sameStage.length ? Math.max(...sameStage.map((s) => s.position)) + 1 : 0),
    industryCodes: input.industryCodes,
    keywords: input.keywords,
    description: input.description,
    source: input.source ?? enteredBy(actor),
    version: 1,
  };
  await guardedWrite(
    store,
    [
      { query: "chains/create-segment", rows: [rowOf(segment)], mustMatch: true },
      auditStep(actor, { action: "segment.create", entity: "segment", entityId: id, summary: `${chain.name}：新增环节「${segment.name}」（${STAGE_LABELS[segment.stage]}）`, before: null, after: segment }),
    ],
    async () => {
      await getChain(store, chainId);
      const taken = await readSegment(store, id);
      if (taken) throw new AppError("id_taken", 409, `编号 ${id} 已被环节「${taken.name}」使用`, { field: "body.id", segment: taken });
    },
  );
  return getSegmentRecord(store, id);
}

export async function updateSegment(store: GraphStore, id: string, change: SegmentChange, actor: string): Promise<SegmentRecord> {
  const current = await getSegmentRecord(store, id);
  if (current.version !== change.version) throw stale(`环节「${current.name}」`, current);
  const { version: _, ...fields } = given(change);
  const next: SegmentRecord = { ...current, ...fields, version: current.version + 1 };
  if (sameRecord({ ...next, version: current.version }, current)) return current;
  await guardedWrite(
    store,
    [
      { query: "chains/update-segment", rows: [{ ...rowOf(next), version: current.version }], mustMatch: true },
      auditStep(actor, { action: "segment.update", entity: "segment", entityId: id, summary: `修改环节「${next.name}」`, before: current, after: next }),
    ],
    async () => {
      throw stale(`环节「${current.name}」`, await getSegmentRecord(store, id));
    },
  );
  return getSegmentRecord(store, id);
}

async function inUse(store: GraphStore, segment: SegmentRecord): Promise<AppError | null> {
  const [usage] = parseRows(Usage, await store.read("chains/segment-usage", { id: segment.id }));
  if (!usage || usage.firms + usage.projects + usage.entries === 0) return null;
  const parts = [usage.firms && `${usage.firms} 家企业`, usage.projects && `${usage.projects} 个项目`, usage.entries && `${usage.entries} 条清单记录`].filter(Boolean);
  return new AppError("segment_in_use", 409, `环节「${segment.name}」仍有${parts.join("、")}指向它：请先移走它们再删除`, { segmentId: segment.id, ...usage });
}

export async function deleteSegment(store: GraphStore, id: string, version: number, actor: string): Promise<void> {
  const current = await getSegmentRecord(store, id);
  if (current.version !== version) throw stale(`环节「${current.name}」`, current);
  const refusal = await inUse(store, current);
  if (refusal) throw refusal;
  const [feeds, flags] = await Promise.all([
    store.read("chains/segment-feeds", { id }).then((rows) => parseRows(FeedsRow, rows)),
    store.read("chains/segment-flags", { id }).then((rows) => parseRows(BottleneckFlag, rows)),
  ]);
  const steps: WriteStep[] = [
    { query: "chains/delete-segment", rows: [{ id, version }], mustMatch: true },
    auditStep(actor, {
      action: "segment.delete",
      entity: "segment",
      entityId: id,
      summary: `删除环节「${current.name}」`,
      before: { ...current, feeds: feeds.map((f) => ({ from: f.fromId, to: f.toId, source: f.source })), flags },
      after: null,
    }),
  ];
  await guardedWrite(store, steps, async () => {
    const now = await getSegmentRecord(store, id);
    if (now.version !== version) throw stale(`环节「${now.name}」`, now);
    const refusal = await inUse(store, now);
    if (refusal) throw refusal;
  });
}
