/**
 * Kept answers are dropped per zone × chain (services/write-reach.ts): after each kind of
 * write, on a hand-built graph, exactly the answers it can change are computed afresh, and
 * every answer kept through it equals one computed afresh.
 *
 * Answers: 凌源 × 钢铁 (A), 北票 × 钛材 (B: a chain no FEEDS link joins to steel) and
 * 北票 × 钢铁 (C: the steel chain seen from another zone) — each map, gaps and ranking.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CommitLog, type GraphStore } from "../../server/graph/store.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { createFeeds, deleteFeeds } from "../../server/services/editing/feeds.js";
import { putFirmSegment, readFirmSegment } from "../../server/services/editing/firm-segments.js";
import { createFirm, updateFirm } from "../../server/services/editing/firms.js";
import { setLeader } from "../../server/services/editing/leaders.js";
import { createProject } from "../../server/services/editing/projects.js";
import { getSegmentRecord, updateSegment } from "../../server/services/editing/segments.js";
import { getFirm, readFirm } from "../../server/services/firms.js";
import { flagBottleneck, getChainGaps } from "../../server/services/gaps.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { addEntry, changeEntry, createList, getList, EntryChange, NewEntry, NewList } from "../../server/services/lists.js";
import { getChainMap } from "../../server/services/maps.js";
import { getGapThresholds, putGapThresholds } from "../../server/services/settings.js";
import { rankChainTargets, TargetFilters } from "../../server/services/targets.js";
import { stillHolds } from "../../server/services/write-reach.js";
import { NewFirm } from "../../server/model/api.js";
import { NewProject } from "../../server/model/progress.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { firm, link, miniGraph, withCandidates, withTitanium } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let store: GraphStore;
let dir: string;
const src = "test fixture";
const today = new Date("2026-12-01T00:00:00Z");
const filters = TargetFilters.parse({ limit: 20 });

const graph = withTitanium(withCandidates(miniGraph()));
graph.firms.push(firm({ id: "cq-ti", name: "重庆钛业有限公司", regionCode: "500103", capital: 1000, sample: true }));
graph.operatesIn.push(link("cq-ti", "ti-sponge"));

type Name = "mapA" | "gapsA" | "rankA" | "mapB" | "gapsB" | "rankB" | "mapC" | "rankC";
const NAMES: Name[] = ["mapA", "gapsA", "rankA", "mapB", "gapsB", "rankB", "mapC", "rankC"];
const answer: Record<Name, () => Promise<unknown>> = {
  mapA: () => getChainMap(store, "lingyuan", "steel"),
  gapsA: () => getChainGaps(store, "lingyuan", "steel"),
  rankA: () => rankChainTargets(store, "lingyuan", "steel", filters, today),
  mapB: () => getChainMap(store, "beipiao", "ti"),
  gapsB: () => getChainGaps(store, "beipiao", "ti"),
  rankB: () => rankChainTargets(store, "beipiao", "ti", filters, today),
  mapC: () => getChainMap(store, "beipiao", "steel"),
  rankC: () => rankChainTargets(store, "beipiao", "steel", filters, today),
};
const all = async () => Object.fromEntries(await Promise.all(NAMES.map(async (n) => [n, await answer[n]()] as const))) as Record<Name, unknown>;

/** The answers `write` made the cache compute afresh; each one kept must equal a fresh one. */
async function droppedBy(write: () => Promise<unknown>): Promise<Name[]> {
  const before = await all();
  await write();
  const after = await all();
  const dropped = NAMES.filter((n) => after[n] !== before[n]);
  // A write that reaches everything (the same thresholds again), then every answer afresh.
  await putGapThresholds(store, await getGapThresholds(store), "test");
  const fresh = await all();
  for (const n of NAMES) {
    expect(fresh[n]).not.toBe(after[n]);
    expect(JSON.parse(JSON.stringify(after[n])), n).toEqual(JSON.parse(JSON.stringify(fresh[n])));
  }
  return dropped;
}

beforeAll(async () => {
  t = await openTestStore();
  store = t.store;
  await store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-kept-answers-"));
}, 120_000);

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await all();
});

const edit = async (id: string) => {
  const firm = (await readFirm(store, id))!;
  // Its capital (weighed by rankings) and a new short name (shown on every answer naming it).
  await updateFirm(store, id, { version: firm.version, capital: (firm.capital ?? 0) + 1, aliases: [`简称${firm.version}`] }, "test");
};

describe.skipIf(process.env.NEO4J_URI)("kept answers, per zone × chain", () => {
  it("a firm outside every zone: the rankings of its chain, in every zone", async () => {
    expect(await droppedBy(() => edit("bj-scrap"))).toEqual(["rankA", "rankC"]);
    expect(await droppedBy(() => edit("cq-ti"))).toEqual(["rankB"]);
  });

  it("a firm of a zone: that zone's answers, and its chain's rankings elsewhere", async () => {
    expect(await droppedBy(() => edit("ore-two"))).toEqual(["mapA", "gapsA", "rankA", "rankC"]);
    expect(await droppedBy(() => edit("bp-sponge"))).toEqual(["mapB", "gapsB", "rankB", "mapC", "rankC"]);
  });

  it("a firm tied to others: also the answers that show it through the tie", async () => {
    // 唐钢 supplies 凌源's leader from outside: 凌源's gaps name it.
    expect(await droppedBy(() => edit("tangsteel"))).toEqual(["mapA", "gapsA", "rankA", "rankC"]);
    // A group in no segment: the rankings of the chains its branch operates in name it.
    expect(await droppedBy(() => edit("ti-group"))).toEqual(["rankB"]);
  });

  it("a new firm: no answer until it is placed in a segment; then that chain's rankings", async () => {
    expect(await droppedBy(() => createFirm(store, NewFirm.parse({ id: "tj-ti", name: "天津钛锭有限公司", regionCode: "120101" }), "test"))).toEqual([]);
    expect(await droppedBy(() => putFirmSegment(store, "tj-ti", "ti-ingot", { products: "", capacity: "", confidence: 0.8, evidence: "" }, "test"))).toEqual(["rankB"]);
  });

  it("a segment link, added or changed: the rankings of the segment's chain; a zone firm's also the zone's", async () => {
    expect(await droppedBy(() => putFirmSegment(store, "cq-ti", "ti-ingot", { products: "钛锭", capacity: "", confidence: 0.7, evidence: "" }, "test"))).toEqual(["rankB"]);
    const link = (await readFirmSegment(store, "cq-ti", "ti-ingot"))!;
    expect(await droppedBy(() => putFirmSegment(store, "cq-ti", "ti-ingot", { version: link.version, products: "钛锭", capacity: "", confidence: 0.6, evidence: "" }, "test"))).toEqual(["rankB"]);
    // 凌源 firm placed in a titanium segment: 凌源's answers, and every titanium ranking.
    expect(await droppedBy(() => putFirmSegment(store, "ore-two", "ti-sponge", { products: "", capacity: "", confidence: 0.5, evidence: "" }, "test"))).toEqual(["mapA", "gapsA", "rankA", "rankB", "rankC"]);
  });

  it("a segment or FEEDS link: the chain's answers in every zone, and those of the chains FEEDS joins to it", async () => {
    const strip = await getSegmentRecord(store, "steel-strip");
    expect(await droppedBy(() => updateSegment(store, "steel-strip", { version: strip.version, description: "冷轧" }, "test"))).toEqual(["mapA", "gapsA", "rankA", "mapC", "rankC"]);
    const ingot = await getSegmentRecord(store, "ti-ingot");
    expect(await droppedBy(() => updateSegment(store, "ti-ingot", { version: ingot.version, description: "钛锭" }, "test"))).toEqual(["mapB", "gapsB", "rankB"]);
    // 焦炭 is of the coal chain, and feeds 炼铁: the steel maps show it.
    const coke = await getSegmentRecord(store, "coal-coke");
    expect(await droppedBy(() => updateSegment(store, "coal-coke", { version: coke.version, description: "焦炭" }, "test"))).toEqual(["mapA", "gapsA", "rankA", "mapC", "rankC"]);
    expect(await droppedBy(() => deleteFeeds(store, "ti-sponge", "ti-ingot", "test"))).toEqual(["mapB", "gapsB", "rankB"]);
    expect(await droppedBy(() => createFeeds(store, { from: "ti-sponge", to: "ti-ingot", source: undefined, confirmCycle: false }, "test"))).toEqual(["mapB", "gapsB", "rankB"]);
    expect(await droppedBy(() => createFeeds(store, { from: "ti-ingot", to: "steel-strip", source: undefined, confirmCycle: false }, "test"))).toEqual(NAMES);
  });

  it("a leader or a bottleneck flag: that zone's answers", async () => {
    expect(await droppedBy(() => setLeader(store, "beipiao", "ti", "bp-sponge", "test"))).toEqual(["mapB", "gapsB", "rankB", "mapC", "rankC"]);
    expect(await droppedBy(() => flagBottleneck(store, { zoneId: "lingyuan", segmentId: "steel-ore", note: "缺" }, "test"))).toEqual(["mapA", "gapsA", "rankA"]);
  });

  it("list entries and projects: that zone's answers", async () => {
    let listId = "";
    expect(
      await droppedBy(async () => {
        listId = (await createList(store, NewList.parse({ name: "钛材清单", zoneId: "beipiao", chainId: "ti", firmIds: ["cq-ti"] }), "test", today)).id;
      }),
    ).toEqual(["mapB", "gapsB", "rankB", "mapC", "rankC"]);
    const list = await droppedBy(() => addEntry(store, listId, NewEntry.parse({ firmId: "bj-ti" }), "test", today));
    expect(list).toEqual(["mapB", "gapsB", "rankB", "mapC", "rankC"]);
    const { entries } = await getList(store, listId);
    const entry = entries.find((e) => e.firm.id === "bj-ti")!;
    expect(await droppedBy(() => changeEntry(store, listId, entry.id, EntryChange.parse({ version: entry.version, status: "已对接" }), "test", today))).toEqual(["mapB", "gapsB", "rankB", "mapC", "rankC"]);
    const project = NewProject.parse({ name: "钛锭项目", firmId: "bj-ti", zoneId: "lingyuan", segmentIds: ["steel-strip"], source: src });
    expect(await droppedBy(() => createProject(store, project, "test", today))).toEqual(["mapA", "gapsA", "rankA"]);
  });

  it("thresholds and imports: everything", async () => {
    const thresholds = await getGapThresholds(store);
    expect(await droppedBy(() => putGapThresholds(store, { ...thresholds, minFirms: thresholds.minFirms + 1 }, "test"))).toEqual(NAMES);
    const file = path.join(dir, "firms.csv");
    await writeBenchExport(file, { firms: 20, seed: 3, segments: graph.segments.filter((s) => s.chainId === "ti") });
    expect(await droppedBy(() => importFirms(store, { importId: "imp-ti", path: file, fileName: "firms.csv", mode: "commit", actor: "test", workers: 0 }))).toEqual(NAMES);
  });

  it("editing or reading a zone's firm checks the zone by its key, without computing the zone's overview", async () => {
    const read = store.read.bind(store);
    const queries: string[] = [];
    store.read = (query, params) => (queries.push(query), read(query, params));
    try {
      await edit("ore-two");
      await getFirm(store, "ore-two");
      await createProject(store, NewProject.parse({ name: "铁矿项目", firmId: "ts-ore", zoneId: "lingyuan", segmentIds: ["steel-ore"], source: src }), "test", today);
    } finally {
      store.read = read;
    }
    expect(queries).toContain("zones/list-zones");
    // The overview diagnoses each of the zone's chains: at a million firms, seconds per edit.
    expect(queries).not.toContain("zones/list-zone-chains");
  });

  it("a map afresh after an edit of a zone's firm reads the zone's rows alone: the chain's structure is kept, the leaders' suppliers are in memory", async () => {
    const read = store.read.bind(store);
    const queries: string[] = [];
    try {
      await getChainMap(store, "lingyuan", "steel");
      await edit("ore-two");
      store.read = (query, params) => (queries.push(query), read(query, params));
      const map = await getChainMap(store, "lingyuan", "steel");
      expect(map.firms.find((f) => f.id === "ore-two")?.aliases).toEqual([`简称${(await readFirm(store, "ore-two"))!.version - 1}`]);
    } finally {
      store.read = read;
    }
    expect(queries).toContain("maps/local-firms");
    // The chain's segments and FEEDS links: no write of a zone's firm changes them.
    expect(queries.filter((q) => q.startsWith("chains/"))).toEqual([]);
    // 凌钢 buys from 唐钢, outside the zone: on the embedded graph from the links and cards in memory.
    if (store.engine === "kuzu") expect(queries).not.toContain("gaps/leader-outside-suppliers");
    const gaps = await getChainGaps(store, "lingyuan", "steel");
    expect(gaps.leaderDependencies.map((d) => d.supplierId)).toContain("tangsteel");
  });

  it("a write this process did not make (another instance on Neo4j) drops every answer", async () => {
    const scope = { zoneId: "lingyuan", chainId: "steel", candidates: false };
    const other = { ...store, commits: new CommitLog(false) } as GraphStore;
    const [from, to] = ["v1", "v2"];
    other.commits.record(from, [], []);
    other.commits.record(to, [{ query: "audit/add-entry", rows: [{}] }], []);
    expect(await stillHolds(other, scope, from, to)).toBe(false);
    const sole = new CommitLog(true);
    sole.record(from, [], []);
    sole.record(to, [{ query: "audit/add-entry", rows: [{}] }], []);
    expect(await stillHolds({ ...store, commits: sole } as GraphStore, scope, from, to)).toBe(true);
    expect(await stillHolds({ ...store, commits: sole } as GraphStore, scope, "unknown", to)).toBe(false);
  });
});
