/**
 * FEEDS links between segments (supply direction, across chains too). A link is created
 * or deleted, never edited. One that closes a loop is refused with the loop named
 * (409 feeds_cycle) until the person confirms it: loops exist (recycling), typos too.
 */
import { z } from "zod";
import type { GraphStore } from "../../graph/store.js";
import { AppError, Conflict, NotFound, ValidationError } from "../../errors.js";
import { auditStep } from "../../audit/audit.js";
import type { FeedsRecord, NewFeeds } from "../../model/api.js";
import { parseRows } from "../rows.js";
import { cycleClosedBy } from "./feeds-cycle.js";
import { enteredBy, guardedWrite } from "./guarded.js";
import { readSegment } from "./segments.js";

const FeedsRow = z.object({ fromId: z.string(), toId: z.string(), source: z.string() });
const LinkRow = z.object({ fromId: z.string(), toId: z.string(), fromName: z.string(), toName: z.string() });

export async function readFeeds(store: GraphStore, from: string, to: string): Promise<FeedsRecord | undefined> {
  const [row] = parseRows(FeedsRow, await store.read("chains/get-feeds", { from, to }));
  return row && { from: row.fromId, to: row.toId, source: row.source };
}

export async function createFeeds(store: GraphStore, input: NewFeeds, actor: string): Promise<FeedsRecord> {
  if (input.from === input.to) throw new ValidationError("环节不能供给自己", [{ field: "body.to", message: "须与 from 不同" }]);
  const [from, to] = await Promise.all([readSegment(store, input.from), readSegment(store, input.to)]);
  if (!from) throw new NotFound("segment", input.from);
  if (!to) throw new NotFound("segment", input.to);
  const existing = await readFeeds(store, from.id, to.id);
  if (existing) throw new Conflict(`「${from.name}」→「${to.name}」的供给关系已存在`, { current: existing });

  const links = parseRows(LinkRow, await store.read("chains/list-all-feeds"));
  const cycle = cycleClosedBy(links.map((l) => ({ from: l.fromId, to: l.toId })), from.id, to.id);
  const names = new Map([...links.flatMap((l) => [[l.fromId, l.fromName], [l.toId, l.toName]] as const), [from.id, from.name], [to.id, to.name]]);
  const loop = cycle?.map((id) => names.get(id) ?? id).join(" → ");
  if (cycle && !input.confirmCycle)
    throw new AppError("feeds_cycle", 409, `新增「${from.name}」→「${to.name}」会形成循环：${loop}。如确属循环（如回收利用），请确认后再提交`, {
      cycle: cycle.map((id) => ({ id, name: names.get(id) ?? id })),
    });

  const link: FeedsRecord = { from: from.id, to: to.id, source: input.source ?? enteredBy(actor) };
  await guardedWrite(
    store,
    [
      { query: "chains/create-feeds", rows: [link], mustMatch: true },
      auditStep(actor, {
        action: "feeds.create",
        entity: "feeds",
        entityId: `${from.id}>${to.id}`,
        summary: `新增供给关系「${from.name}」→「${to.name}」${cycle ? `（确认形成循环：${loop}）` : ""}`,
        before: null,
        after: cycle ? { ...link, cycle } : link,
      }),
    ],
    async () => {
      if (!(await readSegment(store, from.id))) throw new NotFound("segment", from.id);
      if (!(await readSegment(store, to.id))) throw new NotFound("segment", to.id);
      const now = await readFeeds(store, from.id, to.id);
      if (now) throw new Conflict(`「${from.name}」→「${to.name}」的供给关系已存在`, { current: now });
    },
  );
  return (await readFeeds(store, from.id, to.id))!;
}

export async function deleteFeeds(store: GraphStore, fromId: string, toId: string, actor: string): Promise<void> {
  const link = await readFeeds(store, fromId, toId);
  if (!link) throw new NotFound("feeds", `${fromId}>${toId}`);
  const [from, to] = await Promise.all([readSegment(store, fromId), readSegment(store, toId)]);
  await guardedWrite(
    store,
    [
      { query: "chains/delete-feeds", rows: [{ from: fromId, to: toId }], mustMatch: true },
      auditStep(actor, { action: "feeds.delete", entity: "feeds", entityId: `${fromId}>${toId}`, summary: `删除供给关系「${from?.name ?? fromId}」→「${to?.name ?? toId}」`, before: link, after: null }),
    ],
    async () => {
      throw new NotFound("feeds", `${fromId}>${toId}`);
    },
  );
}
