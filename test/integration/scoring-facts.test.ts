/**
 * Rankings computed from the scoring facts kept in memory answer exactly what the Cypher
 * candidate query answers, after every kind of write the facts must follow: firms created,
 * edited and deleted, segment links added, changed and removed, imports (new firms and
 * known ones changed), capital converted at a new rate, won list entries, projects and
 * thresholds. Small read chunks, so a few thousand firms take several.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACTS_LOOKUPS, importFirms } from "../../server/imports/import-firms.js";
import { NewFirm, TargetRanking } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { createFirm, deleteFirm, updateFirm } from "../../server/services/editing/firms.js";
import { deleteFirmSegment, putFirmSegment, readFirmSegment } from "../../server/services/editing/firm-segments.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { addEntry, changeEntry, createList, EntryChange, NewEntry, NewList } from "../../server/services/lists.js";
import { firmsBefore, readScoringFacts, SCORING_FACTS, scoringFacts, type ScoringFirm } from "../../server/services/scoring-facts.js";
import { putExchangeRates, getExchangeRates, putGapThresholds, getGapThresholds } from "../../server/services/settings.js";
import { computeRanking, TargetFilters } from "../../server/services/targets.js";
import { readFirm } from "../../server/services/firms.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { miniGraph, withCandidates, withGroups } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let dir: string;
const defaults = { ...SCORING_FACTS };
const graph = withGroups(withCandidates(miniGraph()));
const today = new Date("2026-11-30T00:00:00Z");

beforeAll(async () => {
  SCORING_FACTS.chunk = 256;
  t = await openTestStore();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-scoring-facts-"));
  // Two thousand firms over the mini graph's segments, imported through the real path.
  const file = path.join(dir, "firms.csv");
  await writeBenchExport(file, { firms: 2000, seed: 7, segments: graph.segments });
  await importFirms(t.store, { importId: "imp-1", path: file, fileName: "firms.csv", mode: "commit", actor: "test", workers: 0 });
}, 120_000);
afterAll(async () => {
  Object.assign(SCORING_FACTS, defaults);
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const FILTERS = [
  { limit: 50 },
  { limit: 500 },
  { limit: 7, regionGroup: "jingjinji" },
  { limit: 20, minCapital: 1000, tags: ["上市"] },
  { limit: 30, segment: "steel-scrap" },
  { limit: 30, regions: ["130000"] },
].map((f) => TargetFilters.parse(f));

/** Every zone × chain × filter, from memory and from Cypher: the same answer. */
async function expectSameAnswers(): Promise<void> {
  if (t.store.engine !== "kuzu") return;
  let compared = 0;
  for (const zoneId of ["lingyuan", "beipiao"])
    for (const chainId of ["steel", "coal"])
      for (const filters of FILTERS) {
        if (filters.segment && chainId !== "steel") continue;
        const fromMemory = await computeRanking(t.store, zoneId, chainId, filters, today, "memory");
        const fromCypher = await computeRanking(t.store, zoneId, chainId, filters, today, "cypher");
        TargetRanking.parse(fromMemory);
        expect(fromMemory, `${zoneId} ${chainId} ${JSON.stringify(filters)}`).toEqual(fromCypher);
        compared += fromCypher.results.length;
      }
  expect(compared).toBeGreaterThan(100);
}

const newFirm = (over: Partial<NewFirm>) => NewFirm.parse({ name: "测试冷轧有限公司", regionCode: "130203", source: "test", ...over });

describe("rankings from the scoring facts in memory", () => {
  it("answer as the candidate query does, on an imported graph", async () => {
    await expectSameAnswers();
    if (t.store.engine === "kuzu") expect((await scoringFacts(t.store)).firms.size).toBeGreaterThan(2000);
  });

  it("follow firms created, edited and deleted, and their segment links", async () => {
    const created = await createFirm(t.store, newFirm({ id: "new-strip", capital: 5_000_000, tags: ["上市", "单项冠军"] }), "test");
    await putFirmSegment(t.store, created.id, "steel-strip", { products: "冷轧板", capacity: "", confidence: 1, evidence: "" }, "test");
    await putFirmSegment(t.store, created.id, "steel-scrap", { products: "废钢", capacity: "", confidence: 0.6, evidence: "" }, "test");
    await expectSameAnswers();

    // Its capital, tags and place change; one link's confidence changes, the other goes.
    const firm = (await readFirm(t.store, created.id))!;
    await updateFirm(t.store, created.id, { version: firm.version, capital: 10, tags: [], regionCode: "320583" }, "test");
    await expectSameAnswers();
    const strip = (await readFirmSegment(t.store, created.id, "steel-strip"))!;
    await putFirmSegment(t.store, created.id, "steel-strip", { version: strip.version, products: "冷轧板", capacity: "", confidence: 0.3, evidence: "" }, "test");
    const scrap = (await readFirmSegment(t.store, created.id, "steel-scrap"))!;
    await deleteFirmSegment(t.store, created.id, "steel-scrap", scrap.version, "test");
    await expectSameAnswers();

    // An imported firm outside the zone loses its place, then goes altogether.
    const facts = t.store.engine === "kuzu" ? await scoringFacts(t.store) : null;
    const some = [...(facts?.firms.values() ?? [])].find((f) => f.links.some((l) => l.segmentId === "steel-strip") && /^\d/.test(f.regionCode) && !f.branch);
    if (some) {
      const record = (await readFirm(t.store, some.id))!;
      await updateFirm(t.store, some.id, { version: record.version, regionCode: "110105", capital: 123_456 }, "test");
      const links = ["steel-strip", "steel-scrap", "steel-ore", "steel-iron", "steel-steel", "coal-coke"];
      for (const segmentId of links) {
        const link = await readFirmSegment(t.store, some.id, segmentId);
        if (link) await deleteFirmSegment(t.store, some.id, segmentId, link.version, "test");
      }
      await deleteFirm(t.store, some.id, (await readFirm(t.store, some.id))!.version, "test");
      expect((await scoringFacts(t.store)).firms.has(some.id)).toBe(false);
    }
    await expectSameAnswers();
  }, 120_000);

  it("follow imports of new firms and of firms the graph knows, with changed facts", async () => {
    const file = path.join(dir, "more.csv");
    await writeBenchExport(file, { firms: 600, seed: 8, segments: graph.segments, prefix: "M" });
    await importFirms(t.store, { importId: "imp-2", path: file, fileName: "more.csv", mode: "commit", actor: "test", workers: 0 });
    await expectSameAnswers();
    // The first file again, capital doubled where given: known firms are updated in place.
    const again = path.join(dir, "again.csv");
    await writeBenchExport(again, { firms: 300, seed: 7, segments: graph.segments });
    writeFileSync(again, readFileSync(again, "utf8").replace(/(\d+)万元/g, (_, wan: string) => `${Number(wan) * 2}万元`));
    const report = await importFirms(t.store, { importId: "imp-3", path: again, fileName: "again.csv", mode: "commit", actor: "test", workers: 0 });
    expect(report.counts.updated).toBeGreaterThan(0);
    await expectSameAnswers();
    // Once more with a few rows changed back, the known firms' facts read in one scan: the same report.
    FACTS_LOOKUPS.atMost = 10;
    try {
      const scanned = await importFirms(t.store, { importId: "imp-4", path: again, fileName: "again.csv", mode: "dry-run", actor: "test", workers: 0 });
      FACTS_LOOKUPS.atMost = 2_000;
      const looked = await importFirms(t.store, { importId: "imp-5", path: again, fileName: "again.csv", mode: "dry-run", actor: "test", workers: 0 });
      expect(scanned.counts).toEqual(looked.counts);
      expect(looked.counts.unchanged).toBe(report.counts.updated + report.counts.unchanged);
    } finally {
      FACTS_LOOKUPS.atMost = 2_000;
    }
  }, 120_000);

  it("hold, caught up, what a fresh read holds, and give each firm a catch-up replaced as it was", async () => {
    if (t.store.engine !== "kuzu") return;
    // By id, each firm's links by segment: a firm read again by id gets its links in another order than a scan.
    const bySegment = (a: { segmentId: string }, b: { segmentId: string }) => (a.segmentId < b.segmentId ? -1 : 1);
    const sorted = (firms: Iterable<[string, ScoringFirm]>) => [...firms].map(([id, f]) => [id, { ...f, links: [...f.links].sort(bySegment) }]).sort(([a], [b]) => (a! < b! ? -1 : 1));
    const then = await scoringFacts(t.store);
    const linked = [...then.firms.values()].filter((f) => f.links.length > 1 && !f.id.startsWith("new-"));
    const [edited, relinked] = [linked[0]!, linked[1]!];
    const held = { edited: then.firms.get(edited.id), relinked: then.firms.get(relinked.id) };

    const record = (await readFirm(t.store, edited.id))!;
    await updateFirm(t.store, edited.id, { version: record.version, capital: (record.capital ?? 0) + 7, name: `${record.name}分公司` }, "test");
    const gone = relinked.links[0]!.segmentId;
    await deleteFirmSegment(t.store, relinked.id, gone, (await readFirmSegment(t.store, relinked.id, gone))!.version, "test");
    await createFirm(t.store, newFirm({ id: "new-after", name: "新近冷轧有限公司" }), "test");
    await putFirmSegment(t.store, "new-after", "steel-strip", { products: "冷轧板", capacity: "", confidence: 0.7, evidence: "" }, "test");

    const now = await scoringFacts(t.store);
    expect(now.firms.get(edited.id)).toMatchObject({ capital: (record.capital ?? 0) + 7, branch: true });
    const segments = (links: { segmentId: string }[]) => links.map((l) => l.segmentId).sort();
    expect(segments(now.firms.get(relinked.id)!.links)).toEqual(segments(relinked.links.slice(1)));
    const before = firmsBefore(now, then.version)!;
    expect(before.get(edited.id)).toEqual(held.edited);
    expect(before.get(relinked.id)).toEqual(held.relinked);
    expect(before.has("new-after") && before.get("new-after")).toBe(undefined);
    expect(sorted(now.firms)).toEqual(sorted(await readScoringFacts(t.store)));
    expect(now.firms.links).toBe((await readScoringFacts(t.store)).links);
  }, 120_000);

  it("follow capital converted at a new rate, won list entries and new thresholds", async () => {
    await createFirm(t.store, newFirm({ id: "usd-strip", name: "美元冷轧有限公司", capital: 500, capitalCurrency: "USD" }), "test");
    await putFirmSegment(t.store, "usd-strip", "steel-strip", { products: "冷轧板", capacity: "", confidence: 0.9, evidence: "" }, "test");
    const rates = await getExchangeRates(t.store);
    await putExchangeRates(t.store, rates.map((r) => (r.currency === "USD" ? { ...r, cnyPerUnit: r.cnyPerUnit * 3 } : r)), "test");
    await expectSameAnswers();

    const list = await createList(t.store, NewList.parse({ name: "测试清单", zoneId: "lingyuan", chainId: "steel", top: 3 }), "test", today);
    const entry = list.entries[0]!;
    await changeEntry(t.store, list.id, entry.id, EntryChange.parse({ version: entry.version, status: "已签约" }), "test", today);
    const ranking = await computeRanking(t.store, "lingyuan", "steel", TargetFilters.parse({ limit: 10 }), today);
    const other = ranking.results.find((r) => !list.entries.some((e) => e.firm.id === r.firm.id))!;
    await addEntry(t.store, list.id, NewEntry.parse({ firmId: other.firm.id }), "test", today);
    await expectSameAnswers();

    const thresholds = await getGapThresholds(t.store);
    await putGapThresholds(t.store, { ...thresholds, minFirms: thresholds.minFirms + 2 }, "test");
    await expectSameAnswers();
  }, 120_000);
});
