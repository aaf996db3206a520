/**
 * Search follows every change to firms — added, renamed, deleted, imported by the
 * thousand — and answers what scanning every firm's keys would. (With small blocks, so a
 * few hundred firms reach both the partial refresh and the full rebuild of the index.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFirms } from "../../server/imports/import-firms.js";
import { FIRM_SEARCH } from "../../server/services/firm-search.js";
import { search } from "../../server/services/search.js";
import { searchKeys } from "../../server/services/search-keys.js";
import { loadSample } from "../../seed/load-sample.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let dir: string;
const defaults = { ...FIRM_SEARCH };
beforeAll(async () => {
  Object.assign(FIRM_SEARCH, { blockSize: 64, chunkBlocks: 2, maxChangedBlocks: 3 });
  t = await openTestStore();
  await loadSample(t.store);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-firm-search-"));
});
afterAll(async () => {
  Object.assign(FIRM_SEARCH, defaults);
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const firmIds = async (q: string) => (await search(t.store, q, 10)).firms.map((f) => f.id);

const firm = (id: string, name: string, version?: number) => ({
  id,
  version,
  uscc: null,
  name,
  aliases: [],
  regionCode: "130203",
  capital: null,
  capitalSource: null,
  capitalAsOf: null,
  foundedOn: null,
  staff: null,
  revenue: null,
  tags: [],
  sample: false,
  source: "test",
  asOf: null,
  attributes: "{}",
  searchText: searchKeys([name]),
});

describe("firm search over a changing graph", () => {
  it("finds the sample's firms by name, pinyin and initials", async () => {
    expect((await firmIds("凌钢"))[0]).toBe("lingang-group");
    expect(await firmIds("linggang")).toContain("lingang-group");
  });

  it("sees a firm added, renamed and deleted", async () => {
    await t.store.write([{ query: "firms/create-firm", rows: [firm("t-added", "测试钛业有限公司")] }]);
    expect(await firmIds("测试钛业")).toEqual(["t-added"]);
    expect(await firmIds("ceshitaiye")).toEqual(["t-added"]);
    await t.store.write([{ query: "firms/update-firm", rows: [firm("t-added", "改名精工有限公司", 1)], mustMatch: true }]);
    expect(await firmIds("测试钛业")).toEqual([]);
    expect(await firmIds("改名精工")).toEqual(["t-added"]);
    await t.store.write([{ query: "gaps/set-flag", rows: [{ zoneId: "lingyuan", segmentId: "steel-coke", note: "n", flaggedBy: "t", flaggedAt: "2026-11-29" }] }]);
    expect(await firmIds("改名精工")).toEqual(["t-added"]);
    await t.store.write([{ query: "firms/delete-firm", rows: [{ id: "t-added", version: 2 }], mustMatch: true }]);
    expect(await firmIds("改名精工")).toEqual([]);
  });

  it("finds segments and chains, and a segment by its new name once renamed", async () => {
    expect((await search(t.store, "jiaohua", 10)).segments.map((s) => s.id)).toEqual(["steel-coke"]);
    expect((await search(t.store, "钢铁", 10)).chains.map((c) => c.id)).toContain("steel");
    const [segment] = (await t.store.read("chains/get-segment-record", { id: "steel-coke" })) as { id: string; version: number }[];
    await t.store.write([{ query: "chains/update-segment", rows: [{ ...segment!, name: "兰炭", keywords: [], searchText: searchKeys(["兰炭"]) }], mustMatch: true }]);
    expect((await search(t.store, "lantan", 10)).segments.map((s) => s.id)).toEqual(["steel-coke"]);
    expect((await search(t.store, "jiaohua", 10)).segments.map((s) => s.id)).toEqual([]);
  });

  it("sees a large import, and ranks as scanning every firm does", async () => {
    const file = path.join(dir, "firms.csv");
    const segments = (await t.store.read("imports/list-segments")) as { id: string; name: string }[];
    await writeBenchExport(file, { firms: 600, seed: 11, segments, prefix: "S" });
    const report = await importFirms(t.store, { importId: "imp-s", path: file, fileName: "firms.csv", mode: "commit", actor: "test", workers: 0 });
    expect(report.counts.new).toBe(600);
    for (const q of ["S0000017", "s0000017", "唐山", "ts", "gangtie", "凌钢", "lg", "有限公司", "钛"]) {
      const indexed = await search(t.store, q, 10);
      const scanned = await search(t.store, q, 10, { scan: true });
      // The scan ranks only its first 200 candidates; compare where it saw them all.
      if (scanned.firms.length < 10 || q.startsWith("S") || q.startsWith("s")) expect(indexed.firms, q).toEqual(scanned.firms);
      expect(indexed.firms.length, q).toBe(scanned.firms.length);
    }
    expect((await firmIds("s0000017")).length).toBe(1);
  });
});
