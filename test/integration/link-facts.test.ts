/**
 * The links kept in memory (zones, groups, supply ties, chain leaders: link-facts.ts) follow
 * every kind of write: after each of a seeded run of random writes — zone moves, group
 * links, supply ties, leaders set and unset, firms created, edited (a branch's name too),
 * deleted, segment links, imports into a zone — they equal the links read afresh from the
 * graph, and every ranking computed from memory equals the one computed with Cypher.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFirms } from "../../server/imports/import-firms.js";
import { NewFirm, TargetRanking } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { createFirm, deleteFirm, updateFirm } from "../../server/services/editing/firms.js";
import { putFirmSegment } from "../../server/services/editing/firm-segments.js";
import { setLeader, unsetLeader } from "../../server/services/editing/leaders.js";
import { readFirm } from "../../server/services/firms.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { firmsRelinked, linkFacts, readLinkFacts, type LinkFacts } from "../../server/services/link-facts.js";
import { graphVersion } from "../../server/services/read-cache.js";
import { scoringFacts } from "../../server/services/scoring-facts.js";
import { computeRanking, TargetFilters } from "../../server/services/targets.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let dir: string;
const graph = withCandidates(miniGraph());
const today = new Date("2026-11-30T00:00:00Z");
const ZONES = ["lingyuan", "beipiao"];
const CHAINS = ["steel", "coal"];
const SEGMENTS = graph.segments.map((s) => s.id);
const FILTERS = [TargetFilters.parse({ limit: 500 })];

beforeAll(async () => {
  t = await openTestStore();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-link-facts-"));
  const file = path.join(dir, "firms.csv");
  await writeBenchExport(file, { firms: 300, seed: 11, segments: graph.segments });
  await importFirms(t.store, { importId: "imp-1", path: file, fileName: "firms.csv", mode: "commit", actor: "test", workers: 0 });
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The links as sorted lines, to compare two states whatever order they were read in. */
function lines(f: LinkFacts): Record<string, string[]> {
  const all = <T>(m: ReadonlyMap<string, readonly T[]>) => [...m.values()].flat();
  return {
    zones: [...f.zonesOf].flatMap(([firm, zones]) => zones.map((z) => `${firm}>${z}`)).sort(),
    zoneFirms: [...f.firmsIn].flatMap(([z, firms]) => [...firms].map((firm) => `${z}<${firm}`)).sort(),
    parents: all(f.parentsOf).map((p) => `${p.firmId}>${p.parentId}:${p.kind}`).sort(),
    children: all(f.childrenOf).map((p) => `${p.firmId}>${p.parentId}:${p.kind}`).sort(),
    sells: all(f.sells).map((s) => `${s.supplierId}>${s.buyerId}:${s.product}:${s.source}`).sort(),
    buys: all(f.buys).map((s) => `${s.supplierId}>${s.buyerId}:${s.product}:${s.source}`).sort(),
    leads: all(f.leads).map((l) => `${l.firmId}>${l.chainId}@${l.zoneId}`).sort(),
  };
}

async function expectSameAnswers(what: string): Promise<void> {
  expect(lines(await linkFacts(t.store)), what).toEqual(lines(await readLinkFacts(t.store)));
  for (const zoneId of ZONES)
    for (const chainId of CHAINS)
      for (const filters of FILTERS) {
        const fromMemory = await computeRanking(t.store, zoneId, chainId, filters, today, "memory");
        const fromCypher = await computeRanking(t.store, zoneId, chainId, filters, today, "cypher");
        TargetRanking.parse(fromMemory);
        expect(fromMemory, `${what}: ${zoneId} ${chainId} ${JSON.stringify(filters)}`).toEqual(fromCypher);
      }
}

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

describe("links kept in memory", () => {
  it("equal the graph's, and rankings from them equal Cypher's, after every kind of write", async () => {
    if (t.store.engine !== "kuzu") return;
    await expectSameAnswers("at first");
    const rnd = random(20261202);
    const firmIds = async () => [...(await readLinkFacts(t.store)).zonesOf.keys(), ...(await t.store.read("targets/scoring-firms", { from: 0, to: 1_000_000 })).map((r) => String(r.id))];
    // In a fixed order: the graph returns its rows in no promised order, and the run is replayed by its seed.
    let ids = [...new Set(await firmIds())].sort();
    const kinds = ["zone", "parent", "supply", "lead", "unlead", "edit", "branch", "link", "create", "delete"] as const;
    /** The kinds of write that landed at least once. */
    const done = new Set<string>();
    for (let step = 0; step < 30; step++) {
      const kind = step < kinds.length ? kinds[step]! : rnd.pick(kinds);
      const a = rnd.pick(ids);
      const b = rnd.pick(ids.filter((id) => id !== a));
      const zoneId = rnd.pick(ZONES);
      const what = `step ${step}: ${kind} ${a} ${b}`;
      const firm = await readFirm(t.store, a);
      try {
        if (kind === "zone" && firm) await updateFirm(t.store, a, { version: firm.version, zoneId: rnd.next() < 0.3 ? null : zoneId }, "test");
        if (kind === "parent") await t.store.write([{ query: "firms/link-parent", rows: [{ from: a, to: b, kind: rnd.pick(["branch", "subsidiary"]), source: "test" }] }]);
        if (kind === "supply") await t.store.write([{ query: "firms/link-supplies", rows: [{ from: a, to: b, product: rnd.pick(["钢板", "焦炭", "废钢"]), source: "test" }] }]);
        if (kind === "lead") {
          // A leader is a firm of the zone it leads in.
          const local = [...((await linkFacts(t.store)).firmsIn.get(zoneId) ?? [])];
          if (local.length) await setLeader(t.store, zoneId, rnd.pick(CHAINS), rnd.pick(local), "test");
        }
        if (kind === "unlead") {
          const leads = [...(await linkFacts(t.store)).leads.values()].flat();
          const lead = leads.length ? rnd.pick(leads) : null;
          if (lead) await unsetLeader(t.store, lead.zoneId, lead.chainId, lead.firmId, "test");
        }
        if (kind === "edit" && firm) await updateFirm(t.store, a, { version: firm.version, capital: Math.round(rnd.next() * 100_000) }, "test");
        if (kind === "branch" && firm) await updateFirm(t.store, a, { version: firm.version, name: `${firm.name.replace(/分公司$/, "")}${step}分公司` }, "test");
        if (kind === "link") {
          // A segment the firm is not linked to yet (a new link needs no version).
          const linked = new Set((await scoringFacts(t.store)).firms.get(a)?.links.map((l) => l.segmentId));
          const open = SEGMENTS.filter((s) => !linked.has(s));
          if (open.length) await putFirmSegment(t.store, a, rnd.pick(open), { products: "", capacity: "", confidence: 0.5 + rnd.next() / 2, evidence: "" }, "test");
        }
        if (kind === "create") {
          const created = await createFirm(t.store, NewFirm.parse({ id: `new-${step}`, name: `新建${step}有限公司`, regionCode: "130203", source: "test", zoneId: rnd.next() < 0.5 ? zoneId : undefined, capital: 1000 }), "test");
          await putFirmSegment(t.store, created.id, rnd.pick(SEGMENTS), { products: "", capacity: "", confidence: 0.9, evidence: "" }, "test");
          await t.store.write([{ query: "firms/link-supplies", rows: [{ from: created.id, to: b, product: "钢板", source: "test" }] }]);
          ids.push(created.id);
        }
        if (kind === "delete") {
          // A firm with projects or list entries is kept: delete one made here when there is one.
          const made = ids.filter((id) => id.startsWith("new-"));
          const gone = made.length ? rnd.pick(made) : a;
          const record = await readFirm(t.store, gone);
          if (record) await deleteFirm(t.store, gone, record.version, "test");
          ids = ids.filter((id) => id !== gone);
        }
        done.add(kind);
      } catch (error) {
        // A write the app refuses (a firm with projects, a leader outside its zone…) changes nothing.
        if (!(error instanceof Error) || /TypeError|ReferenceError/.test(error.name)) throw error;
      }
      await expectSameAnswers(what);
    }
    // An import into a zone: its firms arrive with their zone in one bulk load.
    const file = path.join(dir, "zone.csv");
    await writeBenchExport(file, { firms: 40, seed: 12, segments: graph.segments, prefix: "Z" });
    await importFirms(t.store, { importId: "imp-zone", path: file, fileName: "zone.csv", mode: "commit", actor: "test", workers: 0, zoneId: "lingyuan" });
    await expectSameAnswers("an import into a zone");
    expect(kinds.filter((k) => !done.has(k))).toEqual([]);
  }, 300_000);

  it("keeps the links through an import that brings no zone, group, supply or lead rows", async () => {
    const before = await graphVersion(t.store);
    const file = path.join(dir, "elsewhere.csv");
    await writeBenchExport(file, { firms: 20, seed: 13, segments: graph.segments, prefix: "E" });
    await importFirms(t.store, { importId: "imp-elsewhere", path: file, fileName: "elsewhere.csv", mode: "commit", actor: "test", workers: 0 });
    // Its empty staged files (zone memberships among them) do not count as loaded tables.
    expect(firmsRelinked(t.store, before, await graphVersion(t.store))).not.toBe("all");
    expect(lines(await linkFacts(t.store))).toEqual(lines(await readLinkFacts(t.store)));
  }, 120_000);
});
