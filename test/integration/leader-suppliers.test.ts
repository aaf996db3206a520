/**
 * What a zone's chain leaders buy outside the zone (chain-facts.ts readLeaderSuppliers): on
 * the embedded graph it comes from memory — the links kept in memory and the suppliers'
 * firm cards — and after each of a seeded run of random writes it equals what
 * gaps/leader-outside-suppliers reads from the graph: ties made into leaders from inside and
 * outside the zone, suppliers moved into and out of the zone, renamed, given segment links,
 * deleted, leaders set and unset, an import into the zone. So do the supply ties a firm's
 * page shows (firms.ts readTies).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFirms } from "../../server/imports/import-firms.js";
import { NewFirm } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { listLeaders, readLeaderSuppliers } from "../../server/services/chain-facts.js";
import { getChain } from "../../server/services/chains.js";
import { getChainGaps } from "../../server/services/gaps.js";
import { createFirm, deleteFirm, updateFirm } from "../../server/services/editing/firms.js";
import { deleteFirmSegment, putFirmSegment, readFirmSegment } from "../../server/services/editing/firm-segments.js";
import { setLeader, unsetLeader } from "../../server/services/editing/leaders.js";
import { readFirm, readTies } from "../../server/services/firms.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { FIRM_CARDS } from "../../server/services/firm-cards.js";
import { linkFacts } from "../../server/services/link-facts.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let dir: string;
const graph = withCandidates(miniGraph());
const ZONES = ["lingyuan", "beipiao"];
const CHAINS = ["steel", "coal"];
const SEGMENTS = graph.segments.map((s) => s.id);

beforeAll(async () => {
  t = await openTestStore();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-leader-suppliers-"));
  const file = path.join(dir, "firms.csv");
  await writeBenchExport(file, { firms: 200, seed: 21, segments: graph.segments });
  await importFirms(t.store, { importId: "imp-1", path: file, fileName: "firms.csv", mode: "commit", actor: "test", workers: 0 });
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows seen from memory over the run, so the comparison is known not to be of empty lists alone. */
const seen = { rows: 0, withSegment: 0, withoutSegment: 0, ties: 0 };

async function expectSameRows(what: string): Promise<void> {
  for (const zoneId of ZONES) {
    const leaders = await listLeaders(t.store, zoneId);
    for (const chainId of CHAINS) {
      const chain = await getChain(t.store, chainId);
      const fromMemory = await readLeaderSuppliers(t.store, zoneId, chain, leaders, "memory");
      const fromCypher = await readLeaderSuppliers(t.store, zoneId, chain, leaders, "cypher");
      expect(fromMemory, `${what}: ${zoneId} × ${chainId}`).toEqual(fromCypher);
      seen.rows += fromMemory.length;
      seen.withSegment += fromMemory.filter((r) => r.segmentId).length;
      seen.withoutSegment += fromMemory.filter((r) => !r.segmentId).length;
    }
  }
}

/** A firm's supply ties as its page shows them (firms.ts readTies), from memory and from Cypher. */
async function expectSameTies(what: string, ids: readonly string[]): Promise<void> {
  for (const id of ids)
    for (const which of ["customers", "suppliers"] as const) {
      const fromMemory = await readTies(t.store, id, which, "memory");
      expect(fromMemory, `${what}: ${which} of ${id}`).toEqual(await readTies(t.store, id, which, "cypher"));
      seen.ties += fromMemory.length;
    }
}

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

describe("a zone's leaders' suppliers outside the zone", () => {
  it("from memory equal the graph's after every kind of write", async () => {
    if (t.store.engine !== "kuzu") return;
    await expectSameRows("at first");
    const rnd = random(20261202);
    let ids = [...(await t.store.read("targets/scoring-firms", { from: 0, to: 1_000_000 })).map((r) => String(r.id))];
    const leaderIds = async () => [...(await linkFacts(t.store)).leads.values()].flat().map((l) => l.firmId).sort();
    const kinds = ["supply", "supply", "zone", "rename", "link", "unlink", "lead", "unlead", "create", "delete"] as const;
    const done = new Set<string>();
    for (let step = 0; step < 40; step++) {
      const kind = step < kinds.length ? kinds[step]! : rnd.pick(kinds);
      const leaders = await leaderIds();
      // Most writes touch a leader's suppliers: a tie into a leader, or a firm already supplying one.
      const a = rnd.pick(ids);
      const leader = leaders.length ? rnd.pick(leaders) : rnd.pick(ids);
      const links = await linkFacts(t.store);
      const supplying = leaders.flatMap((id) => (links.buys.get(id) ?? []).map((tie) => tie.supplierId)).sort();
      const target = supplying.length && rnd.next() < 0.7 ? rnd.pick(supplying) : a;
      const firm = await readFirm(t.store, target);
      try {
        if (kind === "supply") await t.store.write([{ query: "firms/link-supplies", rows: [{ from: a, to: leader, product: rnd.pick(["钢板", "焦炭", "废钢"]), source: rnd.pick(["test", "年报"]) }] }]);
        if (kind === "zone" && firm) await updateFirm(t.store, target, { version: firm.version, zoneId: rnd.next() < 0.5 ? null : rnd.pick(ZONES) }, "test");
        if (kind === "rename" && firm) await updateFirm(t.store, target, { version: firm.version, name: `${firm.name.replace(/\d+$/, "")}${step}`, regionCode: rnd.pick(["130203", "211382", "110105"]) }, "test");
        if (kind === "link") await putFirmSegment(t.store, target, rnd.pick(SEGMENTS), { products: "", capacity: "", confidence: 0.5 + rnd.next() / 2, evidence: "" }, "test");
        if (kind === "unlink") {
          const [segment] = await t.store.read("firms/firm-segments", { id: target });
          const current = segment ? await readFirmSegment(t.store, target, String(segment.segmentId)) : undefined;
          if (current) await deleteFirmSegment(t.store, target, current.segmentId, current.version, "test");
        }
        if (kind === "lead") {
          const zoneId = rnd.pick(ZONES);
          const local = [...((await linkFacts(t.store)).firmsIn.get(zoneId) ?? [])];
          if (local.length) await setLeader(t.store, zoneId, rnd.pick(CHAINS), rnd.pick(local), "test");
        }
        if (kind === "unlead") {
          const leads = [...(await linkFacts(t.store)).leads.values()].flat();
          const lead = leads.length > 1 ? rnd.pick(leads) : null;
          if (lead) await unsetLeader(t.store, lead.zoneId, lead.chainId, lead.firmId, "test");
        }
        if (kind === "create") {
          const created = await createFirm(t.store, NewFirm.parse({ id: `new-${step}`, name: `新建${step}有限公司`, regionCode: "130203", source: "test", zoneId: rnd.next() < 0.3 ? rnd.pick(ZONES) : undefined }), "test");
          await putFirmSegment(t.store, created.id, rnd.pick(SEGMENTS), { products: "", capacity: "", confidence: 0.9, evidence: "" }, "test");
          await t.store.write([{ query: "firms/link-supplies", rows: [{ from: created.id, to: leader, product: "钢板", source: "test" }] }]);
          ids.push(created.id);
        }
        if (kind === "delete") {
          const made = ids.filter((id) => id.startsWith("new-"));
          const gone = made.length ? rnd.pick(made) : target;
          const record = await readFirm(t.store, gone);
          if (record) await deleteFirm(t.store, gone, record.version, "test");
          ids = ids.filter((id) => id !== gone);
        }
        done.add(kind);
      } catch (error) {
        // A write the app refuses (a firm with projects, a leader outside its zone…) changes nothing.
        if (!(error instanceof Error) || /TypeError|ReferenceError/.test(error.name)) throw error;
      }
      await expectSameRows(`step ${step}: ${kind} ${a} → ${leader} (${target})`);
      await expectSameTies(`step ${step}: ${kind}`, [...new Set([a, leader, target, ...(await leaderIds())])]);
    }
    // An import into a zone: its firms arrive with their zone in one bulk load.
    const file = path.join(dir, "zone.csv");
    await writeBenchExport(file, { firms: 30, seed: 22, segments: graph.segments, prefix: "Z" });
    await importFirms(t.store, { importId: "imp-zone", path: file, fileName: "zone.csv", mode: "commit", actor: "test", workers: 0, zoneId: "lingyuan" });
    await expectSameRows("an import into a zone");
    expect(kinds.filter((k) => !done.has(k))).toEqual([]);
    expect(Math.min(seen.withSegment, seen.withoutSegment), JSON.stringify(seen)).toBeGreaterThan(2);
    expect(seen.rows).toBeGreaterThan(30);
    expect(seen.ties).toBeGreaterThan(100);
  }, 300_000);

  it("answers whole when it keeps fewer cards than an answer names", async () => {
    if (t.store.engine !== "kuzu") return;
    const held = FIRM_CARDS.max;
    FIRM_CARDS.max = 2;
    try {
      const sellers = (await t.store.read("targets/scoring-firms", { from: 0, to: 1_000_000 })).map((r) => String(r.id)).slice(-5);
      await t.store.write(sellers.map((from) => ({ query: "firms/link-supplies", rows: [{ from, to: "lingang", product: "钢板", source: "test" }] })));
      const busiest = "lingang";
      expect((await linkFacts(t.store)).buys.get(busiest)!.length).toBeGreaterThan(4);
      for (let i = 0; i < 2; i++) expect(await readTies(t.store, busiest, "suppliers", "memory")).toEqual(await readTies(t.store, busiest, "suppliers", "cypher"));
      await expectSameRows("with two cards kept");
    } finally {
      FIRM_CARDS.max = held;
    }
  });

  it("gives the gap diagnosis its leader dependencies", async () => {
    // The map and gaps stand on these rows: a leader's supplier outside the zone is a dependency.
    const gaps = await getChainGaps(t.store, "lingyuan", "steel");
    const leaders = await listLeaders(t.store, "lingyuan");
    const rows = await readLeaderSuppliers(t.store, "lingyuan", await getChain(t.store, "steel"), leaders);
    expect(gaps.leaderDependencies.map((d) => `${d.leaderId}>${d.supplierId}`).sort()).toEqual([...new Set(rows.map((r) => `${r.leaderId}>${r.supplierId}`))].sort());
  });
});
