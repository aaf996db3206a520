import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { StagingWriter } from "../../server/graph/bulk.js";
import { linkTextsRow } from "../../server/graph/link-texts.js";
import { PreconditionFailed, StoreError } from "../../server/graph/store.js";
import { readFirm } from "../../server/services/firms.js";
import { graphVersion } from "../../server/services/read-cache.js";
import { recordSteps } from "../../server/services/graph-writer.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await t.store.write(recordSteps(miniGraph()));
});
afterAll(() => t.close());

const count = async () => Number((await t.store.read("admin/count-nodes"))[0]!.count);
const firm = (id: string) => readFirm(t.store, id);

describe("graph store", () => {
  it("when schema set-up runs again, then it succeeds and the data stays", async () => {
    const before = await count();
    await t.store.ensureSchema();
    expect(await count()).toBe(before);
  });

  it("when whole and decimal numbers are written in one batch, then each reads back exactly", async () => {
    expect((await firm("lingang"))?.capital).toBe(100.5);
    expect((await firm("ore-one"))?.capital).toBe(20);
    expect((await firm("ore-two"))?.capital).toBeNull();
    expect((await firm("tangsteel"))?.capital).toBe(3000000);
  });

  it("when a list property is empty, then it reads back as an empty list", async () => {
    expect((await firm("ore-one"))?.aliases).toEqual([]);
    expect((await firm("ore-one"))?.tags).toEqual([]);
    expect((await firm("lingang"))?.aliases).toEqual(["凌钢"]);
  });

  it("when rows leave the store, then they hold plain JS values only", async () => {
    const rows = await t.store.read("firms/firm-projects", { id: "lingang" });
    const isPlain = (v: unknown): boolean =>
      v === null ||
      ["string", "number", "boolean"].includes(typeof v) ||
      (Array.isArray(v) && v.every(isPlain)) ||
      (typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(isPlain));
    expect(rows.length).toBe(1);
    expect(rows.every(isPlain)).toBe(true);
    expect(rows[0]!.investment).toBe(52000.5);
  });

  it("when the last statement of a write fails, then nothing of the write lands", async () => {
    const before = await count();
    const write = t.store.write([
      { query: "regions/upsert-region", rows: [{ code: "110000", name: "北京市", level: "province", parentCode: null }] },
      { query: "regions/upsert-region", rows: [{ code: null, name: "broken", level: "county", parentCode: null }] },
    ]);
    await expect(write).rejects.toThrow();
    expect(await count()).toBe(before);
    expect(await t.store.read("regions/get-region", { code: "110000" })).toEqual([]);
  });

  it("when a guarded step finds nothing to change, then the whole write is rolled back", async () => {
    const before = await count();
    const write = t.store.write([
      { query: "settings/put-setting", rows: [{ key: "probe", value: "1" }] },
      { query: "lists/update-entry", mustMatch: true, rows: [{ id: "no-such-entry", version: 1, status: "已对接", ownerTeam: "", notes: "", nextContactOn: null, projectId: null, updatedAt: "" }] },
    ]);
    await expect(write).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await count()).toBe(before);
  });

  it("when a query parameter is missing, then the store refuses rather than reading it as null", async () => {
    await expect(t.store.read("firms/get-firm", {})).rejects.toThrow(StoreError);
    await expect(t.store.read("firms/get-firm", {})).rejects.toThrow(/\$id/);
  });

  it("when the graph is cleared, then nothing is left but the new version token", async () => {
    const other = await openTestStore();
    await other.store.write(recordSteps(miniGraph()));
    const before = await graphVersion(other.store);
    await other.store.clear();
    expect(Number((await other.store.read("admin/count-nodes"))[0]!.count)).toBe(1);
    expect(await graphVersion(other.store)).not.toBe(before);
    await other.close();
  });

  it("when staged files are bulk loaded, then tricky values survive and steps around them share the transaction", async () => {
    const firms = new StagingWriter("Firm", path.join(t.dataDir, "firms.csv"));
    const base = { uscc: null, regionCode: "130203", foundedOn: null, staff: null, revenue: null, sample: false, source: "import", asOf: "2026-11-01", attributes: JSON.stringify({ 经营范围: "钢材，\"冷轧\"\n加工" }), searchText: "x" };
    await firms.write({ ...base, id: "bulk-a", name: '唐山"钢铁",有限公司', aliases: ["唐,钢", "[TS]"], capital: 20, tags: ["上市"] });
    await firms.write({ ...base, id: "bulk-b", name: "多\n行名称", aliases: [], capital: 100.5, tags: [], uscc: "", staff: 7 });
    const links = new StagingWriter("OPERATES_IN", path.join(t.dataDir, "links.csv"));
    const link = { from: "bulk-a", to: "steel-strip", products: "冷轧板, 镀锌板", capacity: "", confidence: 0.7, source: "import", evidence: "经营范围: 冷轧" };
    await links.write(link);
    const texts = new StagingWriter("LINK_TEXTS", path.join(t.dataDir, "link-texts.csv"));
    await texts.write(linkTextsRow(link));
    await t.store.load({
      before: [{ query: "settings/put-setting", rows: [{ key: "bulk-probe", value: "before" }] }],
      files: [await firms.close(), await links.close(), await texts.close()],
      after: [{ query: "firms/set-zone", rows: [{ id: "bulk-a", zoneId: "lingyuan" }] }],
    });
    const a = await firm("bulk-a");
    // Exactly as written: a list element with a comma or a bracket, a line break in a name.
    expect(a).toMatchObject({ name: '唐山"钢铁",有限公司', aliases: ["唐,钢", "[TS]"], capital: 20, tags: ["上市"], zoneId: "lingyuan", uscc: null });
    expect(a?.attributes).toEqual({ 经营范围: '钢材，"冷轧"\n加工' });
    expect(await firm("bulk-b")).toMatchObject({ name: "多\n行名称", capital: 100.5, aliases: [], staff: 7, uscc: null });
    const segments = await t.store.read("firms/firm-segments", { id: "bulk-a" });
    expect(segments).toEqual([expect.objectContaining({ segmentId: "steel-strip", products: "冷轧板, 镀锌板", confidence: 0.7, source: "import", evidence: "经营范围: 冷轧" })]);
  });

  it("when a bulk load fails, then nothing of it lands, the steps before it included", async () => {
    const before = await count();
    const firms = new StagingWriter("Firm", path.join(t.dataDir, "dupes.csv"));
    const row = { id: "dupe", uscc: null, name: "重复", aliases: [], regionCode: "130203", capital: null, foundedOn: null, staff: null, revenue: null, tags: [], sample: false, source: "x", asOf: null, attributes: "{}", searchText: "" };
    await firms.write(row);
    await firms.write(row);
    const load = t.store.load({ before: [{ query: "settings/put-setting", rows: [{ key: "rolled-back", value: "1" }] }], files: [await firms.close()], after: [] });
    await expect(load).rejects.toThrow();
    expect(await count()).toBe(before);
  });
});
