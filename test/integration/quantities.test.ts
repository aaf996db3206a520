import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFirms } from "../../server/imports/import-firms.js";
import { FirmDetail } from "../../server/model/api.js";
const BOUNDS = { amountWan: 1e10 };
import { searchKeys } from "../../server/services/search-keys.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

// Numbers are bounded where they come in (API, import), in one place (BOUNDS in the
// model), and a graph that holds a number saved before the bounds never answers 500.

let app: RunningApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app.close());

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const firm = async (id: string) => FirmDetail.parse(await (await app.fetch(`/api/firms/${id}`)).json());
const pages = ["/api/zones/lingyuan/chains/steel/map", "/api/zones/lingyuan/chains/steel/gaps", "/api/zones/lingyuan/chains/steel/report", "/api/zones/lingyuan/chains/steel/targets", "/api/zones/lingyuan", "/api/zones"];

describe("quantities", () => {
  it("are refused past their bounds by the API, with the field named", async () => {
    const before = await firm("xuyang-coking");
    for (const [field, value] of [["capital", 1.7e308], ["revenue", BOUNDS.amountWan * 2], ["staff", 1e12]] as const) {
      const res = await app.fetch("/api/firms/xuyang-coking", json("PATCH", { version: before.version, [field]: value }));
      expect([field, res.status]).toEqual([field, 400]);
      expect(JSON.stringify(await res.json())).toContain(field);
    }
    expect((await app.fetch("/api/settings/gap-thresholds", json("PUT", { minFirms: 2, minCapital: 1e300 }))).status).toBe(400);
    expect((await app.fetch("/api/zones/lingyuan/chains/steel/gaps?minCapital=1e300")).status).toBe(400);
    expect((await app.fetch("/api/zones/lingyuan/chains/steel/targets?minCapital=1e300")).status).toBe(400);
    expect((await firm("xuyang-coking")).version).toBe(before.version);
  });

  it("past their bounds in an import are problems of the row, and the firm lands without them", async () => {
    const file = path.join(tmpdir(), `chainatlas-quantities-${process.pid}.csv`);
    writeFileSync(file, `企业名称,注册地址,注册资本,营业收入,参保人数\n凌源巨额测试有限公司,辽宁省朝阳市凌源市,${"9".repeat(400)}万元,1e400,${"9".repeat(30)}\n`);
    const report = await importFirms(app.store, { importId: "imp-bounds", path: file, fileName: "q.csv", mode: "commit", actor: "test" });
    expect(report.counts.new).toBe(1);
    expect(report.problems.map((p) => p.column).sort()).toEqual(["参保人数", "注册资本", "营业收入"]);
    const { id } = (await app.store.read("imports/list-firm-keys")).find((f) => f.name === "凌源巨额测试有限公司")!;
    const [landed] = await app.store.read("imports/firm-facts", { id });
    expect(landed).toMatchObject({ capital: null, revenue: null, staff: null });
    rmSync(file);
  });

  it("saved before the bounds, out of them, answer as unknown rather than 500", async () => {
    // Two local firms of one segment at 1.7e308 each: their capital summed to Infinity.
    const map = (await (await app.fetch("/api/zones/lingyuan/chains/steel/map")).json()) as { firms: { id: string; segments: { segmentId: string }[] }[] };
    const bySegment = new Map<string, string[]>();
    for (const f of map.firms) for (const s of f.segments) bySegment.set(s.segmentId, [...(bySegment.get(s.segmentId) ?? []), f.id]);
    const pair = [...bySegment.values()].find((ids) => ids.length >= 2)!.slice(0, 2);
    for (const id of [...pair, "xuyang-coking"]) {
      const f = await firm(id);
      const huge = { ...f, capital: 1.7e308, revenue: 1.7e308, staff: 9e18, attributes: JSON.stringify(f.attributes), searchText: searchKeys([f.name, ...f.aliases]) };
      await app.store.write([{ query: "firms/update-firm", rows: [huge], mustMatch: true }]);
    }
    await app.store.write([{ query: "settings/put-setting", rows: [{ key: "gap-thresholds", value: JSON.stringify({ minFirms: 2, minCapital: 1e308 }) }] }]);
    for (const page of [...pages, `/api/firms/${pair[0]}`, "/api/settings/gap-thresholds", "/api/zones/lingyuan/chains/steel/targets/export?format=xlsx"]) {
      const res = await app.fetch(page);
      expect([page, res.status, res.status === 200 ? "" : await res.text()]).toEqual([page, 200, ""]);
    }
    expect((await firm(pair[0]!)).capital).toBeNull();
    expect(await (await app.fetch("/api/settings/gap-thresholds")).json()).toEqual({ minFirms: 2, minCapital: 5000 });
  });
});
