/**
 * The firm keys kept in memory between imports (server/imports/firm-keys.ts) hold exactly
 * what reading every firm afresh gives, after random writes of every kind that touch a
 * firm's keys — firms created (namesakes among them), renamed, moved, given a code, a
 * changed code or none, deleted, imported (new firms and known ones changed) — and writes
 * beside them; an import matches its rows to the same firms either way, and reads no
 * firm's keys but those the writes since the last import named.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphStore, Params } from "../../server/graph/store.js";
import { firmKeys, readFirmKeys } from "../../server/imports/firm-keys.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { listedPlacements } from "../../server/imports/placements.js";
import { usccCheckCharacter } from "../../server/imports/values.js";
import { NewFirm, type ImportReport } from "../../server/model/api.js";
import { ALL_REGIONS, findRegion } from "../../server/regions/divisions.js";
import { createFirm, deleteFirm, updateFirm } from "../../server/services/editing/firms.js";
import { putFirmSegment } from "../../server/services/editing/firm-segments.js";
import { readFirm } from "../../server/services/firms.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { Random } from "../../seed/generate/random.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
/** The store every write and import of this file goes through, counting the queries read. */
let store: GraphStore;
const reads: { query: string; params: Params }[] = [];
let dir: string;
const graph = miniGraph();
const random = new Random(20261202);

/** The same graph under another identity: nothing kept in memory for it, so its keys are read afresh. */
const afresh = (s: GraphStore): GraphStore =>
  new Proxy(s, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });

beforeAll(async () => {
  t = await openTestStore();
  store = new Proxy(t.store, {
    get(target, property) {
      if (property === "read")
        return (query: string, params: Params = {}) => {
          reads.push({ query, params });
          return target.read(query, params);
        };
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  await store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-firm-keys-"));
  const file = path.join(dir, "firms.csv");
  await writeBenchExport(file, { firms: 800, seed: 11, segments: graph.segments });
  await importFirms(store, { importId: "imp-first", path: file, fileName: "firms.csv", mode: "commit", actor: "test", workers: 0 });
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
let serial = 0;
/** A valid 统一社会信用代码 no firm holds yet. */
function newCode(regionCode: string): string {
  let digits = "";
  for (let n = 90_000 + serial++; digits.length < 9; n = Math.floor(n / 31)) digits = USCC_ALPHABET[n % 31]! + digits;
  const body = `92${regionCode}${digits}`;
  return body + usccCheckCharacter(body)!;
}

const counties = ALL_REGIONS.filter((r) => r.level === "county" && /^(11|13|31|33|44)/.test(r.code)).map((r) => r.code);
const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;
/** A name as another export may spell it, one name all the same: full-width letters and digits, a space. */
const respelled = (name: string) => name.replace(/[0-9A-Za-z()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/^(.{2})/, "$1\u3000");

interface Held {
  id: string;
  uscc: string | null;
  name: string;
  regionCode: string;
}
const firmsNow = async (): Promise<Held[]> => (await t.store.read("imports/list-firm-keys")) as unknown as Held[];
const gone: Held[] = [];

/** A write touching firms' keys, or beside them: each kind in turn, each at random. */
async function randomWrite(round: number): Promise<string> {
  const firms = await firmsNow();
  const some = random.pick(firms);
  const kind = round % 7;
  if (kind === 0 || kind === 1) {
    // A new firm: sometimes a namesake of another (in its region or another), with or without a code.
    const regionCode = random.next() < 0.5 ? some.regionCode : random.pick(counties);
    const name = random.next() < 0.6 ? (random.next() < 0.5 ? some.name : respelled(some.name)) : `随机${round}号机械有限公司`;
    const uscc = random.next() < 0.5 ? newCode(regionCode) : null;
    const firm = NewFirm.parse({ id: `kf-${round}`, name, uscc, regionCode, source: "test" });
    await createFirm(store, firm, "test");
    return `create ${firm.id} ${name} ${regionCode} ${uscc}`;
  }
  const record = (await readFirm(t.store, some.id))!;
  if (kind === 2) {
    // Renamed (perhaps to another firm's name), moved, or both.
    const other = random.pick(firms);
    const change = random.next() < 0.5 ? { name: random.next() < 0.5 ? other.name : `改名${round}有限公司` } : { regionCode: random.next() < 0.5 ? other.regionCode : random.pick(counties) };
    await updateFirm(store, some.id, { version: record.version, ...change }, "test");
    return `update ${some.id} ${JSON.stringify(change)}`;
  }
  if (kind === 3) {
    // Given a code, another code, or none.
    const uscc = record.uscc && random.next() < 0.4 ? null : newCode(some.regionCode.slice(0, 6));
    await updateFirm(store, some.id, { version: record.version, uscc }, "test");
    return `code ${some.id} ${uscc}`;
  }
  if (kind === 4) {
    // A firm a project or list entry points at stays (409 firm_in_use).
    const deleted = await deleteFirm(store, some.id, record.version, "test").then(() => true, () => false);
    if (deleted) gone.push(some);
    return `${deleted ? "delete" : "kept"} ${some.id}`;
  }
  if (kind === 5) {
    // An import: firms it adds, and firms the graph knows with changed facts — a firm found by
    // its code under a new name, a firm found by its name given a code, other facts.
    const file = path.join(dir, `round-${round}.csv`);
    const known = [...new Set([...Array(20)].map(() => random.pick(firms)))].map((f, i): Row => {
      if (f.uscc && i % 3 === 0) return { ...f, name: `${f.name.replace(/有限公司$/, "")}${round}改有限公司` };
      if (!f.uscc && i % 3 === 1) return { ...f, uscc: newCode(f.regionCode) };
      return { ...f, capital: 1 + random.int(9000) };
    });
    writeFileSync(file, exportOf([...known, ...[...Array(20)].map((_, i) => newRow(`导入${round}-${i}`))]));
    const report = await importFirms(store, { importId: `imp-${round}`, path: file, fileName: "round.csv", mode: "commit", actor: "test", workers: 0 });
    return `import ${JSON.stringify(report.counts)}`;
  }
  // Beside the keys: a segment link.
  await putFirmSegment(store, some.id, random.pick(graph.segments).id, { products: "", capacity: "", confidence: 0.8, evidence: "" }, "test").catch(() => undefined);
  return `link ${some.id}`;
}

interface Row {
  name: string;
  uscc: string | null;
  regionCode: string;
  capital?: number;
}
const newRow = (name: string): Row => ({ name: `${name}机械有限公司`, uscc: null, regionCode: random.pick(counties) });

/** An export of the rows, each in its county or only its province. */
function exportOf(rows: Row[]): string {
  const header = "企业名称,统一社会信用代码,注册资本,所属省份,所属城市,所属区县,主营产品";
  const lines = rows.map((r) => {
    const county = findRegion(r.regionCode)!;
    const province = findRegion(provinceOf(r.regionCode))!;
    const city = findRegion(`${r.regionCode.slice(0, 4)}00`);
    const whole = r.regionCode !== provinceOf(r.regionCode) && random.next() < 0.5;
    const place = whole ? [province.name, city?.name ?? "", county.name] : [province.name, "", ""];
    return [r.name, r.uscc ?? "", r.capital ? `${r.capital}万元` : "", ...place, "冷轧板"].map((c) => `"${c.replace(/"/g, '""')}"`).join(",");
  });
  return "\uFEFF" + [header, ...lines].join("\n") + "\n";
}

/** A file naming firms of the graph every way a row can (and firms gone, and new ones). */
async function probeFile(round: number): Promise<string> {
  const firms = await firmsNow();
  const rows: Row[] = [];
  for (let i = 0; i < 60; i++) {
    const f = random.pick(firms);
    const way = random.int(5);
    if (way === 0) rows.push({ name: `另名${round}-${i}有限公司`, uscc: f.uscc, regionCode: f.regionCode });
    else if (way === 1) rows.push({ name: respelled(f.name), uscc: null, regionCode: provinceOf(f.regionCode) });
    else if (way === 2) rows.push({ name: f.name, uscc: newCode(f.regionCode.slice(0, 6)), regionCode: f.regionCode });
    else rows.push({ name: f.name, uscc: null, regionCode: random.next() < 0.5 ? f.regionCode : provinceOf(f.regionCode) });
  }
  for (const f of gone.slice(-10)) rows.push({ name: f.name, uscc: f.uscc, regionCode: f.regionCode });
  rows.push(newRow(`新${round}`));
  const file = path.join(dir, `probe-${round}.csv`);
  writeFileSync(file, exportOf(rows));
  return file;
}

/** What a dry run of the file reports, with each row's firm and outcome. */
async function dryRun(s: GraphStore, file: string, importId: string) {
  const report: ImportReport = await importFirms(s, { importId, path: file, fileName: "probe.csv", mode: "dry-run", actor: "test", workers: 0 });
  const { importId: _, startedAt: __, finishedAt: ___, ...rest } = report;
  return { ...rest, rows: await listedPlacements(t.store, importId, report.placements!) };
}

describe("firm keys kept in memory between imports", () => {
  it("equal the keys read afresh after random writes of every kind, and match every row to the same firm", async () => {
    const done: string[] = [];
    for (let round = 0; round < 36; round++) {
      done.push(await randomWrite(round));
      if (round % 4 !== 3) continue;
      const kept = await firmKeys(store);
      expect(kept.describe(), done.join("\n")).toEqual((await readFirmKeys(t.store)).describe());
      const file = await probeFile(round);
      const withKept = await dryRun(store, file, `probe-kept-${round}`);
      const withFresh = await dryRun(afresh(t.store), file, `probe-fresh-${round}`);
      expect(withKept, done.join("\n")).toEqual(withFresh);
      expect(withKept.counts.unchanged + withKept.counts.updated).toBeGreaterThan(20);
    }
    expect(done.filter((d) => d.startsWith("import")).length).toBeGreaterThan(1);
    expect(done.filter((d) => d.startsWith("delete")).length).toBeGreaterThan(1);
  }, 300_000);

  it("reads again only the firms the writes since the last import named", async () => {
    if (store.engine !== "kuzu") return;
    const some = (await firmsNow())[3]!;
    await firmKeys(store);
    const record = (await readFirm(t.store, some.id))!;
    await updateFirm(store, some.id, { version: record.version, name: `${some.name}新名` }, "test");
    await createFirm(store, NewFirm.parse({ id: "kf-last", name: "最后机械有限公司", regionCode: "110105", source: "test" }), "test");
    const file = await probeFile(99);
    reads.length = 0;
    const report = await importFirms(store, { importId: "imp-last", path: file, fileName: "probe.csv", mode: "dry-run", actor: "test", workers: 0 });
    expect(report.counts.rows).toBeGreaterThan(60);
    const keyReads = reads.filter((r) => /^imports\/(list-firm-keys|firm-keys-from|firm-key)$/.test(r.query));
    expect(keyReads.map((r) => r.query).sort()).toEqual(["imports/firm-key", "imports/firm-key"]);
    expect(keyReads.map((r) => r.params.id).sort()).toEqual(["kf-last", some.id].sort());
    // A bulk load of firms: only the places past the last one held are read.
    const more = path.join(dir, "more.csv");
    await writeBenchExport(more, { firms: 30, seed: 12, segments: graph.segments, prefix: "Q" });
    await importFirms(store, { importId: "imp-more", path: more, fileName: "more.csv", mode: "commit", actor: "test", workers: 0 });
    reads.length = 0;
    const known = await firmKeys(store);
    const fromPlaces = reads.filter((r) => r.query === "imports/firm-keys-from");
    expect(fromPlaces).toHaveLength(1);
    expect(Number(fromPlaces[0]!.params.from)).toBeGreaterThan(800);
    expect(known.describe()).toEqual((await readFirmKeys(t.store)).describe());
  }, 120_000);
});
