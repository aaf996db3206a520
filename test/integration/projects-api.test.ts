import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ChainMap, ListEntry, TargetListDetail } from "../../server/model/api.js";
import { ChainChanges, ChainHistory, Cockpit, ProjectDetail, ProjectRegister } from "../../server/model/progress.js";
import { listSnapshots, snapshotsSettled } from "../../server/services/history.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { startApp, type ApiFetch, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  const graph = withCandidates(miniGraph());
  graph.projects.push(
    { id: "p-scrap", name: "废钢加工项目", firmId: "bj-scrap", zoneId: "lingyuan", segmentIds: ["steel-scrap"], investment: 8000, status: "签约", statusOn: "2026-03-10", description: "", source: "test fixture" },
    { id: "p-talk", name: "铁矿洽谈项目", firmId: "ts-ore", zoneId: "lingyuan", segmentIds: ["steel-ore"], investment: null, status: "洽谈", statusOn: null, description: "", source: "test fixture" },
    { id: "p-coke", name: "焦炭项目", firmId: "lingang", zoneId: "beipiao", segmentIds: ["coal-coke"], investment: 120000, status: "投产", statusOn: "2025-12-01", description: "", source: "test fixture" },
  );
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]), { logError: console.error });
});
afterAll(() => app.close());

const call = async (path: string, method = "GET", body?: unknown, as: ApiFetch = app.fetch) => {
  const res = await as(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const register = async (query = "") => ProjectRegister.parse((await call(`/api/projects${query}`)).body);

describe("the project register", () => {
  it("lists every project of every zone with firm, zone, chain, segments and key dates; totals on the server", async () => {
    const all = await register("?sort=investment&order=desc");
    expect(all.items.map((p) => p.id)).toEqual(["p-coke", "p-strip", "p-scrap", "p-talk"]);
    const strip = all.items.find((p) => p.id === "p-strip")!;
    expect(strip).toMatchObject({ firm: { id: "lingang", name: "凌钢" }, zone: { id: "lingyuan", name: "凌源经开区" }, chainIds: ["steel"], status: "在建", dates: { 在建: "2025-06-01" } });
    expect(strip.segments.map((s) => s.id).sort()).toEqual(["steel-steel", "steel-strip"]);
    // Unknown investment is not zero: counted, not summed.
    expect(all.totals).toEqual({ count: 4, investment: 120000 + 52000.5 + 8000, withInvestment: 3 });
    expect(all.byStatus.洽谈).toEqual({ count: 1, investment: 0, withInvestment: 0 });
  });

  it("filters by zone, chain, status, amount and date, and the totals follow the filter", async () => {
    expect((await register("?zoneId=beipiao")).items.map((p) => p.id)).toEqual(["p-coke"]);
    expect((await register("?chainId=steel&sort=name&order=asc")).items.map((p) => p.id).sort()).toEqual(["p-scrap", "p-strip", "p-talk"]);
    const moving = await register("?status=签约,在建");
    expect(moving.items.map((p) => p.id).sort()).toEqual(["p-scrap", "p-strip"]);
    expect(moving.totals).toEqual({ count: 2, investment: 60000.5, withInvestment: 2 });
    expect((await register("?minInvestment=10000&maxInvestment=100000")).items.map((p) => p.id)).toEqual(["p-strip"]);
    expect((await register("?from=2026-01-01")).items.map((p) => p.id)).toEqual(["p-scrap"]);
    expect((await register("?to=2025-12-31&sort=statusOn&order=asc")).items.map((p) => p.id)).toEqual(["p-strip", "p-coke"]);
    expect((await register("?q=焦炭")).totals.count).toBe(1);
  });

  it("refuses a filter it cannot read, saying which and how", async () => {
    const bad = await call("/api/projects?status=开工");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("开工");
    expect((await call("/api/projects?minInvestment=-5")).status).toBe(400);
  });

  it("exports what the filter selects, with its totals, as XLSX and CSV", async () => {
    const res = await app.fetch("/api/projects/export?format=xlsx&zoneId=lingyuan");
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const sheet = book.getWorksheet("项目库")!;
    expect(sheet.rowCount).toBe(1 + 3);
    expect(book.getWorksheet("合计")!.getRow(2).getCell(2).value).toBe(3);
    const csv = await (await app.fetch("/api/projects/export?format=csv&status=投产")).text();
    expect(csv).toContain("焦炭项目");
    expect(csv).not.toContain("废钢加工项目");
  });
});

describe("editing projects", () => {
  it("adds a project, and a status change records its day and who, audited in the same write", async () => {
    const editor = await app.as("editor");
    const created = await call("/api/projects", "POST", { name: "冷轧新线", firmId: "js-strip", zoneId: "lingyuan", segmentIds: ["steel-strip"], investment: 30000, status: "洽谈" }, editor);
    expect(created.status).toBe(201);
    const project = ProjectDetail.parse(created.body);
    expect(project).toMatchObject({ version: 1, status: "洽谈", source: "entered by editor" });
    expect(project.history).toEqual([expect.objectContaining({ from: null, to: "洽谈", by: "editor" })]);

    const signed = ProjectDetail.parse((await call(`/api/projects/${project.id}`, "PATCH", { version: 1, status: "签约", statusOn: "2026-11-20", note: "签约仪式" }, editor)).body);
    expect(signed).toMatchObject({ version: 2, status: "签约", statusOn: "2026-11-20", dates: { 洽谈: project.statusOn!, 签约: "2026-11-20" } });
    expect(signed.history.at(-1)).toMatchObject({ from: "洽谈", to: "签约", on: "2026-11-20", by: "editor", note: "签约仪式" });

    const audit = (await call(`/api/audit?entityId=${project.id}`)).body.items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(["project.move", "project.create"]);
  });

  it("refuses a stale version with 409 and the current project, and changes nothing", async () => {
    const project = (await register("?q=冷轧新线")).items[0]!;
    const stale = await call(`/api/projects/${project.id}`, "PATCH", { version: 1, investment: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: project.id, version: project.version });
    expect((await register("?q=冷轧新线")).items[0]!.investment).toBe(30000);
  });

  it("refuses unknown firms and segments with field errors, writing nothing", async () => {
    const before = (await register()).totals.count;
    const bad = await call("/api/projects", "POST", { name: "无名", firmId: "no-firm", zoneId: "lingyuan", segmentIds: ["no-segment"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(["body.firmId", "body.segmentIds.0"]);
    expect((await register()).totals.count).toBe(before);
  });

  it("changing a project's segments or status moves the map's 补链中 marks", async () => {
    const talk = (await register("?q=铁矿洽谈")).items[0]!;
    const map = async () => ChainMap.parse((await call("/api/zones/lingyuan/chains/steel/map")).body);
    // 洽谈 fills nothing yet; the ore segment is covered, so no mark either way there.
    expect((await map()).segments.find((s) => s.id === "steel-scrap")!.filling).toBe(true);
    const moved = ProjectDetail.parse((await call(`/api/projects/${talk.id}`, "PATCH", { version: talk.version, status: "签约", segmentIds: ["steel-iron", "steel-scrap"] })).body);
    expect(moved.segments.map((s) => s.id).sort()).toEqual(["steel-iron", "steel-scrap"]);
    const scrap = ProjectDetail.parse((await call("/api/projects/p-scrap")).body);
    await call("/api/projects/p-scrap", "PATCH", { version: scrap.version, status: "洽谈" });
    // The other project still fills 废钢.
    expect((await map()).segments.find((s) => s.id === "steel-scrap")!.filling).toBe(true);
    await call(`/api/projects/${talk.id}`, "PATCH", { version: moved.version, segmentIds: ["steel-ore"] });
    expect((await map()).segments.find((s) => s.id === "steel-scrap")!.filling).toBe(false);
    // Only 冷轧带钢, which the project under construction fills, is still marked.
    expect((await map()).figures.filling).toBe(1);
  });
});

describe("the cockpit", () => {
  it("counts the funnel per status with investment, and lists follow-ups due per owner, linked to the entry", async () => {
    const list = TargetListDetail.parse((await call("/api/lists", "POST", { name: "冷轧目标", zoneId: "lingyuan", chainId: "steel", top: 3 })).body);
    const [a, b, c] = list.entries;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await call(`/api/lists/${list.id}/entries/${a!.id}`, "PATCH", { version: 1, ownerTeam: "招商一组", nextContactOn: "2026-01-05" });
    await call(`/api/lists/${list.id}/entries/${b!.id}`, "PATCH", { version: 1, ownerTeam: "招商二组", nextContactOn: today, status: "洽谈中" });
    await call(`/api/lists/${list.id}/entries/${c!.id}`, "PATCH", { version: 1, nextContactOn: "2099-01-01" });
    const signed = ListEntry.parse((await call(`/api/lists/${list.id}/entries/${a!.id}`, "PATCH", { version: 2, status: "已签约", investment: 15000 })).body);

    const cockpit = Cockpit.parse((await call("/api/cockpit?zoneId=lingyuan&since=2026-01-01")).body);
    const step = (s: string) => cockpit.funnel.find((f) => f.status === s)!;
    expect(step("待接触")).toMatchObject({ count: 1 });
    expect(step("洽谈中")).toMatchObject({ count: 1 });
    expect(step("已签约")).toEqual({ status: "已签约", count: 1, investment: 15000, withInvestment: 1 });
    // Owners with the most urgent follow-up first; only 已落地 and 已放弃 are no longer followed up.
    expect(cockpit.reminders.map((r) => [r.owner, r.reminders.map((x) => [x.entryId, x.overdue])])).toEqual([
      ["招商一组", [[a!.id, true]]],
      ["招商二组", [[b!.id, false]]],
    ]);
    expect(cockpit.reminders[0]!.reminders[0]).toMatchObject({ listId: list.id, firm: { id: a!.firm.id } });
    // Projects by status from the register's own totals; the signed entry's project is new.
    const reg = await register("?zoneId=lingyuan");
    expect(cockpit.projects.totals).toEqual(reg.totals);
    expect(cockpit.newProjects.items.map((p) => p.id)).toContain(signed.projectId);
    expect(cockpit.chains.map((c) => [c.zone.id, c.chain.id])).toEqual([["lingyuan", "steel"]]);
    expect(cockpit.chains[0]!.since.newlySigned.count).toBeGreaterThanOrEqual(1);
    expect(cockpit.changes[0]).toMatchObject({ action: "list-entry.move", actor: "admin" });
    // The register shows where the project came from.
    const fromList = ProjectDetail.parse((await call(`/api/projects/${signed.projectId}`)).body);
    expect(fromList.origin).toEqual({ listId: list.id, listName: "冷轧目标", entryId: a!.id, entryStatus: "已签约" });
  });

  it("a signed entry's later edits keep the project as the register left it", async () => {
    const lists = (await call("/api/lists?zoneId=lingyuan")).body as { id: string; name: string }[];
    const list = TargetListDetail.parse((await call(`/api/lists/${lists.find((l) => l.name === "冷轧目标")!.id}`)).body);
    const entry = list.entries.find((e) => e.status === "已签约")!;
    const project = ProjectDetail.parse((await call(`/api/projects/${entry.projectId}`)).body);
    await call(`/api/projects/${project.id}`, "PATCH", { version: project.version, status: "在建" });
    await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: entry.version, notes: "每周跟进" });
    await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: entry.version + 1, status: "已落地" });
    const after = ProjectDetail.parse((await call(`/api/projects/${project.id}`)).body);
    expect(after).toMatchObject({ status: "在建", investment: 15000 });
  });

  it("keeps today's figures after each write through the API, and the chain's history answers from them", async () => {
    await snapshotsSettled(app.store);
    const project = (await register("?q=废钢加工")).items[0]!;
    await call(`/api/projects/${project.id}`, "PATCH", { version: project.version, status: "投产" });
    await snapshotsSettled(app.store);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const [snapshot] = await listSnapshots(app.store, "lingyuan", "steel");
    expect(snapshot).toMatchObject({ day: today, figures: { projects: { 投产: 1 } } });
    const history = ChainHistory.parse((await call("/api/zones/lingyuan/chains/steel/history?since=2026-01-01")).body);
    expect(history.trend.at(-1)).toEqual({ day: today, completeness: snapshot!.figures.completeness });
  });

  it("says segment by segment what changed since a day, with the history's summary", async () => {
    await snapshotsSettled(app.store);
    const tomorrow = new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);
    const changes = ChainChanges.parse((await call(`/api/zones/lingyuan/chains/steel/changes?since=${tomorrow}`)).body);
    const history = ChainHistory.parse((await call(`/api/zones/lingyuan/chains/steel/history?since=${tomorrow}`)).body);
    expect(changes.since).toEqual(history.since);
    expect(changes.segmentRecord).toBe(true);
    expect(changes.segments.map((s) => [s.id, s.change])).toEqual(["steel-ore", "steel-scrap", "steel-iron", "steel-steel", "steel-strip"].map((id) => [id, "unchanged"]));
    // The day is required, and must be a day.
    const missing = await call("/api/zones/lingyuan/chains/steel/changes");
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain("since");
    expect((await call("/api/zones/lingyuan/chains/steel/changes?since=2026-13-01")).status).toBe(400);
    expect((await call("/api/zones/nowhere/chains/steel/changes?since=2026-10-01")).status).toBe(404);
  });

  it("answers 404 for an unknown zone", async () => {
    expect((await call("/api/cockpit?zoneId=nowhere")).status).toBe(404);
  });
});
