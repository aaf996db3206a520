import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { StagingWriter } from "../../server/graph/bulk.js";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { TABLES, nodeTable, stagedColumns, type ColumnType, type Table } from "../../server/graph/schema.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { restoreBackup, writeBackup } from "../../server/services/backup.js";
import { putFirmSegment } from "../../server/services/editing/firm-segments.js";
import { loadSample } from "../../seed/load-sample.js";
import { Random } from "../../seed/generate/random.js";
import { openTestStore, type TestStore } from "../support/store.js";

// Property: whatever text a graph holds, in any column of any table, a backup restores it
// exactly. Rows are made up for every table of the schema from characters that CSV, JSON
// and Kùzu's list syntax treat specially, and from random code points (NUL aside).

const SPECIAL = ['"', "'", ",", "\n", "\r", "\r\n", "\\", "\t", "[", "]", "{", "}", " ", "\u3000", "\u00a0", "\u2028", "\ufeff", "\u0001", "\u001f", "\u007f", "\\N", "NULL", "null", "\"\"", "\",\"", "钢板", "🙂", "é", "e\u0301", ":", "=", "#", ";", "|"];

function randomText(r: Random, { empty = true } = {}): string {
  const length = r.int(empty ? 8 : 7) + (empty ? 0 : 1);
  let text = "";
  for (let i = 0; i < length; i++) {
    const kind = r.int(3);
    if (kind === 0) text += r.pick(SPECIAL);
    else if (kind === 1) text += String.fromCodePoint(0x20 + r.int(0x5f));
    else {
      // Any Unicode scalar value but NUL: no lone surrogates, which are not text.
      let code = 1 + r.int(0x10ffff);
      if (code >= 0xd800 && code <= 0xdfff) code -= 0x800;
      text += String.fromCodePoint(code);
    }
  }
  return text;
}

function randomValue(r: Random, type: ColumnType, column: string): unknown {
  // A missing version is restored as 1 (backups made before records had versions).
  if (r.int(8) === 0 && column !== "version") return type === "string[]" ? [] : null;
  switch (type) {
    case "string":
      return randomText(r);
    case "string[]":
      return Array.from({ length: 1 + r.int(4) }, () => randomText(r));
    case "number":
      // Whole and decimal numbers side by side in one column (Kùzu types a list from its
      // first element), and decimals a fixed number of digits would round.
      return r.pick([0.1 + 0.2, -0, 1e-300, 5e-324, 123456789.125, 1e15 + 0.5, 1.7976931348623157e308, 0.000001234, 284956.7315, 20, 100.5, 2 ** 53 + 2, r.next() * 1e6, -r.next()]);
    case "integer":
      return r.pick([0, 1, -7, 2 ** 53 - 1, -(2 ** 53 - 1), r.int(1_000_000)]);
    case "boolean":
      return r.int(2) === 0;
  }
}

/** A backup file holding `perTable` made-up rows of every table, and the rows it should restore to. */
function madeUpBackup(r: Random, perTable: number): { lines: string[]; expected: string[] } {
  const keys = new Map<string, string[]>();
  const rows: [Table, Record<string, unknown>][] = [];
  for (const t of TABLES.filter((x) => x.kind === "node")) {
    const own: string[] = [];
    for (let i = 0; i < perTable; i++) {
      const row: Record<string, unknown> = {};
      for (const [name, type] of t.columns) row[name] = randomValue(r, type, name);
      // Keys are text like any other, but unique and never empty.
      row[nodeTable(t.name).key] = `${i}${randomText(r, { empty: false })}`;
      own.push(row[nodeTable(t.name).key] as string);
      rows.push([t, row]);
    }
    keys.set(t.name, own);
  }
  for (const t of TABLES.filter((x) => x.kind === "rel")) {
    if (t.kind !== "rel") continue;
    for (let i = 0; i < perTable; i++) {
      const row: Record<string, unknown> = { from: r.pick(keys.get(t.from)!), to: r.pick(keys.get(t.to)!) };
      for (const [name, type] of t.columns) row[name] = randomValue(r, type, name);
      rows.push([t, row]);
    }
  }
  const counts: Record<string, number> = {};
  for (const [t] of rows) counts[t.name] = (counts[t.name] ?? 0) + 1;
  const line = ([t, row]: [Table, Record<string, unknown>]) => JSON.stringify({ table: t.name, row });
  // What a backup holds for them: empty text as null, every column present.
  const expected = rows.map(([t, row]) => {
    const out: Record<string, unknown> = {};
    for (const [name] of stagedColumns(t)) out[name] = row[name] === "" ? null : row[name];
    return line([t, out]);
  });
  return {
    lines: [JSON.stringify({ format: "chainatlas-backup", formatVersion: 1, createdAt: "2026-11-22T00:00:00.000Z", engine: "kuzu" }), ...rows.map(line), JSON.stringify({ end: true, counts })],
    expected,
  };
}

/** A backup's rows, each as its line with columns in schema order, sorted. */
function rowsOf(file: string): string[] {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .slice(1, -1)
    .map((text) => {
      const { table: name, row } = JSON.parse(text) as { table: string; row: Record<string, unknown> };
      const t = TABLES.find((x) => x.name === name)!;
      return JSON.stringify({ table: name, row: Object.fromEntries(stagedColumns(t).map(([c]) => [c, row[c]])) });
    })
    .sort();
}

const stores: TestStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

describe.runIf(!process.env.NEO4J_URI)("a backup restores every value of every table exactly", () => {
  it.each([1, 2, 3])("made-up rows with hostile text (seed %i)", async (seed) => {
    const store = await openTestStore();
    stores.push(store);
    const { lines, expected } = madeUpBackup(new Random(seed), 12);
    const file = path.join(store.dataDir, "made-up.jsonl");
    writeFileSync(file, lines.join("\n") + "\n");
    await restoreBackup(store.store, file);
    const again = path.join(store.dataDir, "again.jsonl");
    await writeBackup(store.store, again);
    const normalise = (text: string) => {
      const { table: name, row } = JSON.parse(text) as { table: string; row: Record<string, unknown> };
      const t = TABLES.find((x) => x.name === name)!;
      return JSON.stringify({ table: name, row: Object.fromEntries(stagedColumns(t).map(([c]) => [c, row[c]])) });
    };
    expect(rowsOf(again)).toEqual(expected.map(normalise).sort());
  });
});

describe.runIf(!process.env.NEO4J_URI)("a number JSON cannot write", () => {
  it("is backed up as null, as JSON.stringify writes it, and the rest of its row as it is", async () => {
    const store = await openTestStore();
    stores.push(store);
    const staged = new StagingWriter("ChainSnapshot", path.join(store.dataDir, "snapshots.csv"));
    for (const [id, completeness] of [["nan", Number.NaN], ["up", Number.POSITIVE_INFINITY], ["down", Number.NEGATIVE_INFINITY], ["half", 0.5]] as const)
      await staged.write({ id, zoneId: "z", chainId: "c", day: "2026-12-01", takenAt: "2026-12-01T16:00:00.000Z", completeness, figures: "{}" });
    await store.store.load({ before: [], files: [await staged.close()], after: [] });
    const file = path.join(store.dataDir, "numbers.jsonl");
    expect((await writeBackup(store.store, file)).ChainSnapshot).toBe(4);
    const rows = rowsOf(file).map((line) => JSON.parse(line) as { row: { id: string; completeness: number | null; day: string } });
    expect(Object.fromEntries(rows.map(({ row }) => [row.id, [row.completeness, row.day]]))).toEqual({ nan: [null, "2026-12-01"], up: [null, "2026-12-01"], down: [null, "2026-12-01"], half: [0.5, "2026-12-01"] });
  });
});

function cli(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "server/cli/backup.ts", ...args], { encoding: "utf8", env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: "" }, timeout: 120_000 });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe.runIf(!process.env.NEO4J_URI)("npm run backup and npm run restore", () => {
  it("restore what an edit and an import wrote with quotes, commas and line breaks", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "chainatlas-backup-cli-"));
    try {
      const source = path.join(work, "source");
      const store = await KuzuStore.open(path.join(source, "graph.kuzu"), { bufferPoolMiB: 256 });
      await store.ensureSchema();
      await loadSample(store);
      const [link] = await store.read("firms/firm-segments", { id: "xuyang-coking" });
      await putFirmSegment(store, "xuyang-coking", String(link!.segmentId), { version: Number(link!.version ?? 1), products: '"钢板","钢管"', capacity: "年产\n200 万吨", confidence: 1, evidence: 'C:\\钢\t"板"' }, "test");
      // A firm's 登记状态, set apart from its other facts, goes through the round trip too.
      await store.write([{ query: "firms/set-standing", rows: [{ id: "xuyang-coking", standing: "closed", standingText: "吊销，未注销", standingOn: "2026-12-01" }], mustMatch: true }]);
      const csv = path.join(work, "firms.csv");
      writeFileSync(csv, '企业名称,注册地址,主营产品,经营范围\n' + Array.from({ length: 5 }, (_, i) => `凌源焦化${i}有限公司,辽宁省朝阳市凌源市,"""焦炭"",""煤焦油""","焦炭、煤焦油生产\n销售"`).join("\n") + "\n");
      const report = await importFirms(store, { importId: "imp-quotes", path: csv, fileName: "firms.csv", mode: "commit", actor: "test" });
      expect(report.counts.new).toBe(5);
      await store.close();

      const file = path.join(work, "backup.jsonl");
      expect(cli(source, "backup", file)).toMatchObject({ code: 0 });
      const restored = path.join(work, "restored");
      const restore = cli(restored, "restore", file);
      expect(restore.out).toMatch(/Restored/);
      expect(restore.code).toBe(0);

      const back = await KuzuStore.open(path.join(restored, "graph.kuzu"), { bufferPoolMiB: 256 });
      const again = path.join(work, "again.jsonl");
      await writeBackup(back, again);
      await back.close();
      expect(rowsOf(again)).toEqual(rowsOf(file));
      expect(readFileSync(file, "utf8")).toContain(JSON.stringify('"焦炭","煤焦油"'));
      expect(readFileSync(file, "utf8")).toContain(JSON.stringify("年产\n200 万吨"));
      expect(readFileSync(file, "utf8")).toMatch(/"standing":\s*"closed",\s*"standingText":\s*"吊销，未注销",\s*"standingOn":\s*"2026-12-01"/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
