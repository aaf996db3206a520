import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainGaps, ChainMap, ChainReport, ListEntry, TargetListDetail, TargetListList } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { startApp, type ApiFetch, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(withCandidates(miniGraph()))]), { logError: console.error });
});
afterAll(() => app.close());

/** Calls the API as the admin, or as `as`; who made each change is the logged-in user. */
const call = async (path: string, method = "GET", body?: unknown, as: ApiFetch = app.fetch) => {
  const res = await as(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const newList = (extra: object) => call("/api/lists", "POST", { name: "京津冀钢铁目标", zoneId: "lingyuan", chainId: "steel", ...extra });

describe("target lists and the pipeline", () => {
  it("saves the top N of a ranking, each entry 待接触 with its score, reason and a first history line", async () => {
    const { status, body } = await newList({ top: 2, filters: { regionGroup: "jingjinji" } });
    expect(status).toBe(201);
    const list = TargetListDetail.parse(body);
    expect(list.entries.map((e) => e.firm.id)).toEqual(["tangsteel", "bj-scrap"]);
    expect(list.statusCounts.待接触).toBe(2);
    for (const entry of list.entries) {
      expect(entry.status).toBe("待接触");
      expect(entry.score).toBeGreaterThan(0);
      expect(entry.reason).toMatch(/^补「/);
      expect(entry.history).toEqual([expect.objectContaining({ from: null, to: "待接触", by: "admin" })]);
    }
    expect(list.createdBy).toBe("admin");
    expect(list.entries[0]!.segmentId).toBe("steel-strip");
  });

  it("saves hand-picked firms of the ranking, and refuses firms that are not in it", async () => {
    const list = TargetListDetail.parse((await newList({ firmIds: ["js-strip"] })).body);
    expect(list.entries.map((e) => e.firm.id)).toEqual(["js-strip"]);
    const bad = await newList({ firmIds: ["ts-ore"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("ts-ore");
  });

  it("moves an entry through the pipeline with history; signing makes a project that fills the gap on the map", async () => {
    const list = TargetListDetail.parse((await newList({ top: 1, filters: { segment: "steel-scrap" } })).body);
    const entry = list.entries[0]!;
    expect(entry.segmentId).toBe("steel-scrap");
    const before = ChainMap.parse((await call("/api/zones/lingyuan/chains/steel/map")).body);
    expect(before.segments.find((s) => s.id === "steel-scrap")!.filling).toBe(false);

    const editor = await app.as("editor");
    const step1 = ListEntry.parse((await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, status: "洽谈中", ownerTeam: "招商二组", nextContactOn: "2026-12-01", note: "已见面" }, editor)).body);
    expect(step1).toMatchObject({ status: "洽谈中", ownerTeam: "招商二组", nextContactOn: "2026-12-01", version: 2, projectId: null });

    const signed = ListEntry.parse((await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 2, status: "已签约", investment: 30000 })).body);
    expect(signed.projectId).toBe(`p-${entry.id}`);
    expect(signed.history.map((h) => [h.from, h.to, h.by])).toEqual([
      [null, "待接触", "admin"],
      ["待接触", "洽谈中", "editor"],
      ["洽谈中", "已签约", "admin"],
    ]);

    const map = ChainMap.parse((await call("/api/zones/lingyuan/chains/steel/map")).body);
    const scrap = map.segments.find((s) => s.id === "steel-scrap")!;
    expect(scrap.filling).toBe(true);
    expect(scrap.status).toBe("bottleneck");
    expect(map.projects.find((p) => p.id === signed.projectId)).toMatchObject({ status: "签约", investment: 30000, firmId: "bj-scrap" });
    const gaps = ChainGaps.parse((await call("/api/zones/lingyuan/chains/steel/gaps")).body);
    expect(gaps.segments.find((s) => s.segmentId === "steel-scrap")!.filling.map((p) => p.id)).toEqual([signed.projectId]);

    // Given up: the project is no longer under way and the gap is open again.
    await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 3, status: "已放弃", note: "对方改投他处" });
    const after = ChainMap.parse((await call("/api/zones/lingyuan/chains/steel/map")).body);
    expect(after.segments.find((s) => s.id === "steel-scrap")!.filling).toBe(false);
  });

  it("refuses a stale change with 409 and the current entry, and changes nothing", async () => {
    const list = TargetListDetail.parse((await newList({ top: 1 })).body);
    const entry = list.entries[0]!;
    await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, status: "已对接" });
    const stale = await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, status: "已放弃" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ status: "已对接", version: 2 });
    const now = TargetListDetail.parse((await call(`/api/lists/${list.id}`)).body).entries[0]!;
    expect(now.status).toBe("已对接");
    expect(now.history).toHaveLength(2);
  });

  it("adds a firm by hand, lists lists with their status counts, and deletes entries and lists", async () => {
    const list = TargetListDetail.parse((await newList({ top: 1 })).body);
    const added = TargetListDetail.parse((await call(`/api/lists/${list.id}/entries`, "POST", { firmId: "sy-strip" })).body);
    expect(added.entries.map((e) => e.firm.id)).toContain("sy-strip");
    expect((await call(`/api/lists/${list.id}/entries`, "POST", { firmId: "sy-strip" })).status).toBe(409);
    const lists = TargetListList.parse((await call("/api/lists?zoneId=lingyuan&chainId=steel")).body);
    expect(lists.find((l) => l.id === list.id)).toMatchObject({ entryCount: 2, statusCounts: expect.objectContaining({ 待接触: 2 }) });

    const entry = added.entries.find((e) => e.firm.id === "sy-strip")!;
    expect((await call(`/api/lists/${list.id}/entries/${entry.id}`, "DELETE")).status).toBe(204);
    expect((await call(`/api/lists/${list.id}`, "DELETE")).status).toBe(204);
    expect((await call(`/api/lists/${list.id}`)).status).toBe(404);
  });

  it.each([
    [{ zoneId: "lingyuan", chainId: "steel", top: 1 }, "body.name"],
    [{ name: "n", zoneId: "lingyuan", chainId: "steel" }, "body.top"],
    [{ name: "n", zoneId: "lingyuan", chainId: "steel", top: 0 }, "body.top"],
  ])("refuses a list without what it needs (%j → %s)", async (body, field) => {
    const res = await call("/api/lists", "POST", body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it("refuses an unknown status naming the field", async () => {
    const list = TargetListDetail.parse((await newList({ top: 1 })).body);
    const res = await call(`/api/lists/${list.id}/entries/${list.entries[0]!.id}`, "PATCH", { version: 1, status: "成功" });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe("body.status");
  });

  it("gathers the 一链一图 report: map, gaps, top 京津冀 targets and every list of the zone × chain", async () => {
    const report = ChainReport.parse((await call("/api/zones/lingyuan/chains/steel/report")).body);
    expect(report.map.segments).toHaveLength(5);
    expect(report.gaps.figures).toEqual(report.map.figures);
    expect(report.targets.filters).toMatchObject({ regionGroup: "jingjinji", limit: 10 });
    expect(report.targets.results.map((t) => t.firm.id).sort()).toEqual(["bj-scrap", "tangsteel"]);
    expect(report.lists.length).toBeGreaterThan(0);
    expect(report.lists.every((l) => l.zoneId === "lingyuan" && l.chainId === "steel")).toBe(true);
    const other = ChainReport.parse((await call("/api/zones/lingyuan/chains/steel/report?regionGroup=jiangzhehu")).body);
    expect(other.targets.results.map((t) => t.firm.id)).toEqual(["js-strip"]);
  });
});
