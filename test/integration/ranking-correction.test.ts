/**
 * A ranking whose kept weighing is corrected after writes (target-weighing.ts) answers
 * exactly what weighing every candidate again answers — order, totals, words, candidate
 * count, won list — after each write of a seeded random run of every kind: firm edits
 * (capital, tags, region, a name made a branch's), segment links added, changed and
 * removed, group links, supply ties (with the zone's firms and its leader), zone
 * membership, list entries won, projects signed, leaders set and unset, thresholds, firms
 * created and deleted, imports. Small limits and few spare entries, so the corrections
 * reach the first ones and run out of them. Every few writes, the Cypher path too.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFirms } from "../../server/imports/import-firms.js";
import { NewFirm, TargetRanking } from "../../server/model/api.js";
import type { FirmTag } from "../../server/model/domain.js";
import { NewProject } from "../../server/model/progress.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { deleteFirmSegment, putFirmSegment, readFirmSegment } from "../../server/services/editing/firm-segments.js";
import { createFirm, deleteFirm, updateFirm } from "../../server/services/editing/firms.js";
import { setLeader, unsetLeader } from "../../server/services/editing/leaders.js";
import { createProject } from "../../server/services/editing/projects.js";
import { readFirm } from "../../server/services/firms.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { linkFacts } from "../../server/services/link-facts.js";
import { changeEntry, createList, EntryChange, getList, NewList } from "../../server/services/lists.js";
import { scoringFacts } from "../../server/services/scoring-facts.js";
import { getGapThresholds, putGapThresholds } from "../../server/services/settings.js";
import { KEPT_WEIGHINGS, weighingCounts } from "../../server/services/target-weighing.js";
import { computeRanking, TargetFilters } from "../../server/services/targets.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { link, miniGraph, withCandidates, withGroups } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let dir: string;
const today = new Date("2026-11-30T00:00:00Z");
const graph = withGroups(withCandidates(miniGraph()));
const SEGMENTS = graph.segments.map((s) => s.id);
graph.operatesIn.push(link("gz-strip-sub", "coal-coke", 0.6));

/** Zone × chain, and a segment asked for by name (a target whatever its status). */
const PAIRS = [["lingyuan", "steel", "steel-strip"], ["beipiao", "coal", "coal-coke"], ["beipiao", "steel", "steel-scrap"]] as const;
/** Small limits (the first ones run out), and one that shows every candidate (every total compared). */
const FILTERS = [{ limit: 5 }, { limit: 8, regionGroup: "jingjinji" }, { limit: 6, tags: ["高新技术企业", "上市", "专精特新"] }, { limit: 4, minCapital: 1000 }, { limit: 500 }];
const spare = KEPT_WEIGHINGS.spare;

beforeAll(async () => {
  // Two spare entries past each limit: a correction that takes out the first ones soon runs out.
  KEPT_WEIGHINGS.spare = 2;
  t = await openTestStore();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-ranking-correction-"));
  const file = path.join(dir, "firms.csv");
  await writeBenchExport(file, { firms: 400, seed: 31, segments: graph.segments });
  await importFirms(t.store, { importId: "imp-1", path: file, fileName: "firms.csv", mode: "commit", actor: "test", workers: 0 });
  const local = path.join(dir, "local.csv");
  await writeBenchExport(local, { firms: 6, seed: 32, segments: graph.segments, prefix: "L", countyCode: "211381" });
  await importFirms(t.store, { importId: "imp-2", path: local, fileName: "local.csv", mode: "commit", actor: "test", workers: 0, zoneId: "beipiao" });
}, 120_000);
afterAll(async () => {
  KEPT_WEIGHINGS.spare = spare;
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number) {
  let x = seed;
  const next = () => ((x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

/** Every ranking corrected from its kept weighing equals every candidate weighed again; the first ones of each, for the next writes. */
async function expectSameRankings(what: string, withCypher: boolean): Promise<string[]> {
  const shown: string[] = [];
  for (const [zoneId, chainId, segment] of PAIRS)
    for (const filters of [...FILTERS, { limit: 5, segment }].map((f) => TargetFilters.parse(f))) {
      const corrected = await computeRanking(t.store, zoneId, chainId, filters, today, "kept");
      const full = await computeRanking(t.store, zoneId, chainId, filters, today, "memory");
      TargetRanking.parse(corrected);
      expect(corrected, `${what}: ${zoneId} ${chainId} ${JSON.stringify(filters)}`).toEqual(full);
      if (withCypher) expect(corrected, `${what} (Cypher): ${zoneId} ${chainId} ${JSON.stringify(filters)}`).toEqual(await computeRanking(t.store, zoneId, chainId, filters, today, "cypher"));
      if (filters.limit < 500) shown.push(...corrected.results.flatMap((r) => [r.firm.id, ...r.via.map((v) => v.id)]));
    }
  return shown;
}

const KINDS = [
  "capital", "tags", "region", "branch", "link", "unlink", "parent", "supply", "zone", "won", "unwon", "project", "leader", "unlead", "create", "delete", "import", "thresholds",
] as const;
const TAGS: FirmTag[] = ["上市", "高新技术企业", "专精特新", "小巨人", "国企"];
const REGIONS = ["110105", "130203", "120101", "320583", "440103", "211381", "210106"];

describe("rankings corrected from their kept weighing", () => {
  it("equal every candidate weighed again, after each write of a random run of every kind", async () => {
    if (t.store.engine !== "kuzu") return;
    const rnd = random(20261202);
    let shown = await expectSameRankings("at first", true);
    const counts = { ...weighingCounts };
    const done = new Set<string>();
    const made: string[] = [];
    const lists: { listId: string; zoneId: string }[] = [];
    for (let step = 0; step < 2 * KINDS.length + 30; step++) {
      const kind = step < 2 * KINDS.length ? KINDS[step % KINDS.length]! : rnd.pick(KINDS);
      const facts = await scoringFacts(t.store);
      const links = await linkFacts(t.store);
      const all = [...facts.firms.keys()];
      const zoneFirms = [...(links.firmsIn.get("lingyuan") ?? []), ...(links.firmsIn.get("beipiao") ?? [])];
      // Often a firm shown first somewhere (the corrections that matter most), or one in a group.
      const grouped = [...links.parentsOf.keys(), ...links.childrenOf.keys()];
      const dice = rnd.next();
      const a = shown.length && dice < 0.4 ? rnd.pick(shown) : grouped.length && dice < 0.65 ? rnd.pick(grouped) : rnd.pick(all);
      const b = rnd.next() < 0.5 && zoneFirms.length ? rnd.pick(zoneFirms) : rnd.pick(all);
      const zoneId = rnd.pick(["lingyuan", "beipiao"]);
      const chainId = zoneId === "lingyuan" ? "steel" : rnd.pick(["steel", "coal"]);
      const firm = await readFirm(t.store, a);
      const what = `step ${step}: ${kind} ${a} ${b}`;
      try {
        if (kind === "capital" && firm) await updateFirm(t.store, a, { version: firm.version, capital: rnd.next() < 0.2 ? null : Math.round(rnd.next() * 2_000_000) }, "test");
        if (kind === "tags" && firm) await updateFirm(t.store, a, { version: firm.version, tags: TAGS.filter(() => rnd.next() < 0.3) }, "test");
        if (kind === "region" && firm) await updateFirm(t.store, a, { version: firm.version, regionCode: rnd.pick(REGIONS) }, "test");
        if (kind === "branch" && firm)
          await updateFirm(t.store, a, { version: firm.version, name: /分公司$/.test(firm.name) ? firm.name.replace(/分公司$/, "") : `${firm.name}${step}分公司` }, "test");
        if (kind === "link") await putFirmSegment(t.store, a, rnd.pick(SEGMENTS), { products: "", capacity: "", confidence: Math.round((0.3 + 0.7 * rnd.next()) * 100) / 100, evidence: "" }, "test");
        if (kind === "unlink")
          for (const segmentId of SEGMENTS) {
            const link = await readFirmSegment(t.store, a, segmentId);
            if (link) {
              await deleteFirmSegment(t.store, a, segmentId, link.version, "test");
              break;
            }
          }
        if (kind === "parent" && a !== b) await t.store.write([{ query: "firms/link-parent", rows: [{ from: a, to: rnd.next() < 0.7 ? rnd.pick(all) : b, kind: rnd.pick(["branch", "subsidiary"]), source: "test" }] }]);
        if (kind === "supply" && a !== b) {
          const [from, to] = rnd.next() < 0.5 ? [a, b] : [b, a];
          await t.store.write([{ query: "firms/link-supplies", rows: [{ from, to, product: rnd.pick(["钢板", "焦炭", "废钢"]), source: "test" }] }]);
        }
        if (kind === "zone" && firm) await updateFirm(t.store, a, { version: firm.version, zoneId: firm.zoneId ? null : zoneId }, "test");
        if (kind === "won") {
          const list = await createList(t.store, NewList.parse({ name: `清单${step}`, zoneId, chainId, top: 2 }), "test", today);
          lists.push({ listId: list.id, zoneId });
          const entry = rnd.pick(list.entries);
          if (entry) await changeEntry(t.store, list.id, entry.id, EntryChange.parse({ version: entry.version, status: rnd.pick(["已签约", "已落地"]) }), "test", today);
        }
        if (kind === "unwon" && lists.length) {
          const { listId } = rnd.pick(lists);
          const entry = (await getList(t.store, listId)).entries.find((e) => e.status === "已签约" || e.status === "已落地");
          if (entry) await changeEntry(t.store, listId, entry.id, EntryChange.parse({ version: entry.version, status: rnd.pick(["洽谈中", "已放弃"]) }), "test", today);
        }
        if (kind === "project") await createProject(t.store, NewProject.parse({ name: `项目${step}`, firmId: a, zoneId, segmentIds: [rnd.pick(SEGMENTS)], status: rnd.pick(["洽谈", "签约", "落地"]) }), "test", today);
        if (kind === "leader") {
          const local = [...(links.firmsIn.get(zoneId) ?? [])];
          if (local.length) await setLeader(t.store, zoneId, chainId, rnd.pick(local), "test");
        }
        if (kind === "unlead") {
          const leads = [...links.leads.values()].flat();
          if (leads.length) {
            const lead = rnd.pick(leads);
            await unsetLeader(t.store, lead.zoneId, lead.chainId, lead.firmId, "test");
          }
        }
        if (kind === "create") {
          const created = await createFirm(t.store, NewFirm.parse({ id: `new-${step}`, name: `新建${step}${rnd.next() < 0.3 ? "分公司" : "有限公司"}`, regionCode: rnd.pick(REGIONS), source: "test", capital: Math.round(rnd.next() * 100_000), tags: TAGS.filter(() => rnd.next() < 0.3) }), "test");
          await putFirmSegment(t.store, created.id, rnd.pick(SEGMENTS), { products: "", capacity: "", confidence: 0.9, evidence: "" }, "test");
          made.push(created.id);
        }
        if (kind === "delete") {
          // A firm made here, or a parent its branches then stand without.
          const parents = [...links.childrenOf.keys()];
          const gone = parents.length && rnd.next() < 0.5 ? rnd.pick(parents) : made.length ? made.splice(Math.floor(rnd.next() * made.length), 1)[0]! : a;
          const record = await readFirm(t.store, gone);
          if (record) await deleteFirm(t.store, gone, record.version, "test");
        }
        if (kind === "import") {
          const file = path.join(dir, `import-${step}.csv`);
          await writeBenchExport(file, { firms: 15, seed: 100 + step, segments: graph.segments, prefix: `I${step}` });
          await importFirms(t.store, { importId: `imp-${step}`, path: file, fileName: "more.csv", mode: "commit", actor: "test", workers: 0, ...(rnd.next() < 0.3 ? { zoneId } : {}) });
        }
        if (kind === "thresholds") {
          const thresholds = await getGapThresholds(t.store);
          await putGapThresholds(t.store, { ...thresholds, minFirms: 1 + Math.floor(rnd.next() * 3) }, "test");
        }
        done.add(kind);
      } catch (error) {
        // A write the app refuses (a firm with projects, a leader outside its zone…) changes nothing.
        if (!(error instanceof Error) || /TypeError|ReferenceError|AssertionError/.test(error.name)) throw error;
      }
      const c0 = { ...weighingCounts };
      shown = await expectSameRankings(what, step % 8 === 7);
      console.log(`${what}: corrected ${weighingCounts.corrected - c0.corrected}, full ${weighingCounts.full - c0.full}`);
    }
    expect(KINDS.filter((k) => !done.has(k))).toEqual([]);
    // Most rankings were corrected, not weighed again; some ran out of first ones or their scope moved.
    const corrected = weighingCounts.corrected - counts.corrected;
    const full = weighingCounts.full - counts.full;
    console.log(`weighings corrected ${corrected}, full ${full}`);
    expect(corrected).toBeGreaterThan(full);
    expect(full).toBeGreaterThan(0);
  }, 600_000);
});
