import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry, AuditPage, ListEntry, TargetListDetail } from "../../server/model/api.js";
import { DEFAULT_SCORING_PROFILE } from "../../server/model/domain.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { startApp, type ApiFetch, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
let editor: ApiFetch;
beforeAll(async () => {
  app = await startApp((store) =>
    store.write([
      ...regionSteps(ALL_REGIONS),
      ...recordSteps(withCandidates(miniGraph())),
      // A doubtful segment link waiting for review, as an import leaves it.
      { query: "review/link-suggested", rows: [{ firmId: "sy-strip", segmentId: "steel-steel", confidence: 0.4, evidence: "经营范围：钢材加工", importId: "imp-test" }] },
    ]),
  );
  editor = await app.as("editor");
});
afterAll(() => app.close());

const call = async (path: string, method = "GET", body?: unknown, as: ApiFetch = editor) => {
  const res = await as(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const page = async (query: string) => {
  const res = await call(`/api/audit?${query}`, "GET", undefined, app.fetch);
  expect(res.status).toBe(200);
  return AuditPage.parse(res.body);
};
/** One entry opened, with its records before and after (a page lists entries without them). */
const opened = async (id: string): Promise<AuditEntry> => {
  const res = await call(`/api/audit/${encodeURIComponent(id)}`, "GET", undefined, app.fetch);
  expect(res.status).toBe(200);
  return AuditEntry.parse(res.body);
};
const latest = async (entity: string, entityId: string): Promise<AuditEntry> => opened((await page(`entity=${entity}&entityId=${encodeURIComponent(entityId)}&limit=1`)).items[0]!.id);
/** Today as people in China count days (the log's day filters do the same). */
const cstDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("the audit log of the existing writes", () => {
  it("records a list, an entry's move and its removal under the logged-in user, with before and after", async () => {
    const list = TargetListDetail.parse((await call("/api/lists", "POST", { name: "审计测试清单", zoneId: "lingyuan", chainId: "steel", top: 2, createdBy: "冒名" })).body);
    expect(list.createdBy).toBe("editor");
    expect(await latest("list", list.id)).toMatchObject({ actor: "editor", action: "list.create", before: null, after: { id: list.id, name: "审计测试清单", createdBy: "editor" } });

    const entry = list.entries[0]!;
    const moved = ListEntry.parse((await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, status: "已对接", by: "冒名" })).body);
    expect(moved.history.at(-1)).toMatchObject({ to: "已对接", by: "editor" });
    const move = await latest("list-entry", entry.id);
    expect(move).toMatchObject({ actor: "editor", action: "list-entry.move", before: { status: "待接触", version: 1 }, after: { status: "已对接", version: 2 } });
    expect(move.summary).toContain("待接触 → 已对接");

    expect((await call(`/api/lists/${list.id}/entries/${entry.id}`, "DELETE")).status).toBe(204);
    expect(await latest("list-entry", entry.id)).toMatchObject({ action: "list-entry.delete", after: null, before: { id: entry.id, status: "已对接" } });
    expect((await call(`/api/lists/${list.id}`, "DELETE", undefined, app.fetch)).status).toBe(204);
    expect(await latest("list", list.id)).toMatchObject({ actor: "admin", action: "list.delete", after: null });
  });

  it("a stale entry change gets 409 with the current entry and writes no audit entry", async () => {
    const list = TargetListDetail.parse((await call("/api/lists", "POST", { name: "并发测试", zoneId: "lingyuan", chainId: "steel", top: 1 })).body);
    const entry = list.entries[0]!;
    await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, notes: "第一次" });
    const countBefore = (await page(`entityId=${entry.id}`)).items.length;
    const stale = await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, notes: "第二次" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", details: { current: { id: entry.id, notes: "第一次", version: 2 } } });
    expect((await page(`entityId=${entry.id}`)).items).toHaveLength(countBefore);
  });

  it("records flags with the flagging user, thresholds (admin only), profiles and review decisions", async () => {
    expect((await call("/api/zones/lingyuan/segments/steel-ore/flag", "PUT", { note: "品位低", flaggedBy: "冒名" })).status).toBe(204);
    expect(await latest("flag", "lingyuan|steel-ore")).toMatchObject({ actor: "editor", action: "flag.set", before: null, after: { note: "品位低", flaggedBy: "editor" } });
    expect((await call("/api/zones/lingyuan/segments/steel-ore/flag", "DELETE")).status).toBe(204);
    expect(await latest("flag", "lingyuan|steel-ore")).toMatchObject({ action: "flag.unset", before: { note: "品位低" }, after: null });

    expect((await call("/api/settings/gap-thresholds", "PUT", { minFirms: 3, minCapital: 100 })).status).toBe(403);
    expect((await call("/api/settings/gap-thresholds", "PUT", { minFirms: 3, minCapital: 100 }, app.fetch)).status).toBe(200);
    expect(await latest("setting", "gap-thresholds")).toMatchObject({ actor: "admin", action: "setting.update", before: { minFirms: 2, minCapital: 5000 }, after: { minFirms: 3, minCapital: 100 } });

    const { id: _, ...profile } = DEFAULT_SCORING_PROFILE;
    expect((await call("/api/profiles/near-first", "PUT", { ...profile, name: "就近优先", nearKm: 100 })).status).toBe(200);
    expect(await latest("profile", "near-first")).toMatchObject({ action: "profile.create", before: null, after: { id: "near-first", nearKm: 100 } });
    expect((await call("/api/profiles/near-first", "DELETE")).status).toBe(204);
    expect(await latest("profile", "near-first")).toMatchObject({ action: "profile.delete", before: { name: "就近优先" }, after: null });

    expect((await call("/api/review/sy-strip/steel-steel", "POST", { decision: "accept", by: "冒名" })).status).toBe(204);
    const review = await latest("review", "sy-strip|steel-steel");
    expect(review).toMatchObject({ actor: "editor", action: "review.accept", before: { confidence: 0.4 }, after: { decision: "accepted" } });
    expect(review.summary).toContain("沈阳冷轧有限公司");
  });
});

describe("browsing the audit log", () => {
  beforeAll(async () => {
    // A few more writes by two people, so there is something to filter and page.
    for (const [as, note] of [[editor, "一"], [app.fetch, "二"], [editor, "三"]] as const)
      await call("/api/zones/lingyuan/segments/steel-iron/flag", "PUT", { note }, as);
  });

  it("lists entries newest first and filters by actor, entity, record and action", async () => {
    const all = await page("limit=500");
    expect(all.nextCursor).toBeNull();
    const times = all.items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    const flags = await Promise.all((await page("entity=flag&entityId=lingyuan%7Csteel-iron")).items.map((e) => opened(e.id)));
    expect(flags.map((e) => e.after)).toMatchObject([{ note: "三" }, { note: "二" }, { note: "一" }]);
    expect(flags.map((e) => e.before)).toMatchObject([{ note: "二" }, { note: "一" }, null]);
    const byAdmin = await Promise.all((await page("actor=admin&entity=flag")).items.map((e) => opened(e.id)));
    expect(byAdmin.map((e) => (e.after as { note: string }).note)).toEqual(["二"]);
    expect((await page("action=flag.unset")).items.every((e) => e.action === "flag.unset")).toBe(true);
    expect((await page("actor=nobody")).items).toEqual([]);
  });

  it("lists entries without their records, which an entry opened by its id has; an unknown id is 404", async () => {
    const [item] = (await page("entity=flag&limit=1")).items;
    expect(Object.keys(item!).sort()).toEqual(["action", "actor", "at", "entity", "entityId", "id", "summary"]);
    expect(await opened(item!.id)).toMatchObject({ ...item, before: expect.anything() });
    const missing = await call("/api/audit/aud-no-such-entry", "GET", undefined, app.fetch);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it("pages with a cursor: every entry once, in order, however small the pages", async () => {
    const all = (await page("limit=500")).items.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const next: AuditPage = await page(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(next.items.length).toBeLessThanOrEqual(2);
      seen.push(...next.items.map((e) => e.id));
      cursor = next.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const bad = await call("/api/audit?cursor=not-a-cursor", "GET", undefined, app.fetch);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("query.cursor");
  });

  it("filters by day (China Standard Time) or by instant", async () => {
    const total = (await page("limit=500")).items.length;
    expect((await page(`limit=500&from=${cstDay()}&to=${cstDay()}`)).items).toHaveLength(total);
    expect((await page(`limit=500&to=${cstDay(-1)}`)).items).toEqual([]);
    expect((await page(`limit=500&from=${cstDay(1)}`)).items).toEqual([]);
    expect((await page(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).items).toEqual([]);
    expect((await call("/api/audit?from=yesterday", "GET", undefined, app.fetch)).status).toBe(400);
  });

  it("exports what the filters select as XLSX (and CSV), newest first", async () => {
    const flags = (await page("entity=flag&limit=500")).items;
    const res = await app.fetch("/api/audit/export?entity=flag");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(decodeURIComponent(res.headers.get("content-disposition") ?? "")).toContain("操作日志");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet("操作日志")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "时间(UTC)", "操作人", "操作", "对象类型", "操作代码", "对象编号", "摘要", "修改前", "修改后", "记录编号"]);
    expect(sheet.rowCount).toBe(flags.length + 1);
    // Actions in words, the code beside them.
    expect([sheet.getRow(2).getCell(3).value, sheet.getRow(2).getCell(4).value, sheet.getRow(2).getCell(5).value]).toEqual([
      flags[0]!.action === "flag.set" ? "卡点标记 · 设置" : "卡点标记 · 取消",
      "卡点标记",
      flags[0]!.action,
    ]);
    expect(sheet.getRow(2).getCell(10).value).toBe(flags[0]!.id);
    expect(JSON.parse(String(sheet.getRow(2).getCell(9).value))).toEqual((await opened(flags[0]!.id)).after);

    const csv = await app.fetch("/api/audit/export?entity=flag&format=csv");
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("时间(UTC),操作人")).toBe(true);
    expect(text.trim().split("\r\n")).toHaveLength(flags.length + 1);
  });

  it("is for admins only: editors and viewers get 403, nobody without a session 401", async () => {
    for (const role of ["editor", "viewer"] as const) {
      const as = await app.as(role);
      expect((await as("/api/audit")).status).toBe(403);
      expect((await as("/api/audit/export")).status).toBe(403);
    }
    expect((await (await app.as("anonymous"))("/api/audit")).status).toBe(401);
  });
});
