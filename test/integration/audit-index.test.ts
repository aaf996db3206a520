/**
 * The audit log's pages found through its index in memory (server/audit/audit-index.ts) are
 * the pages Cypher gives — every filter the screen offers, alone and together, first pages
 * and deep ones — whichever way the entries came: a bulk load (a restore, the benchmark's
 * entries), writes that set the graph's version and writes that keep it (logins, new
 * users), an import, entries written out of time order or at one instant, two filter
 * values that share a hash; after the graph is emptied, opened again or restored from a
 * backup. A page reads nothing from the graph (an opened entry is read by its key), and
 * paging while entries are written shows each entry once.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, logIn } from "../../server/accounts/accounts.js";
import { auditStep } from "../../server/audit/audit.js";
import { textHash } from "../../server/audit/audit-index.js";
import { exportAudit, listAudit, readAuditEntry } from "../../server/audit/audit-log.js";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import type { GraphStore } from "../../server/graph/store.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { AuditQuery } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { restoreBackup, writeBackup } from "../../server/services/backup.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { addBenchAuditEntries, BENCH_AUDIT } from "../bench/audit-entries.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";
import { WRITING_QUERIES } from "../support/writing-queries.js";

const kuzu = !process.env.NEO4J_URI;
let t: TestStore;
let dir: string;
beforeAll(async () => {
  t = await openTestStore();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(miniGraph())]);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-audit-index-"));
}, 60_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Two actor names with one hash: the index cannot tell them apart, the page must. */
function twoNamesOneHash(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const name = `同名哈希${i}`;
    const other = seen.get(textHash(name));
    if (other !== undefined) return [other, name];
    seen.set(textHash(name), name);
  }
}
const [TWIN_A, TWIN_B] = twoNamesOneHash();

/** An entry written as the app writes one (its own write, the graph's version set), at a given time. */
const write = (store: GraphStore, actor: string, at: Date, entityId = "firm-1") =>
  store.write([auditStep(actor, { action: "firm.update", entity: "firm", entityId, summary: `${actor} ${at.toISOString()}`, before: { v: 1 }, after: { v: 2 } }, at)]);

/** Every entry the filters select, newest first, by Cypher (the export's query), and the first page by Cypher. */
const byCypher = async (store: GraphStore, filter: Record<string, string>) => (await exportAudit(store, AuditQuery.parse(filter))).map((e) => e.id);

/** Every entry the filters select, newest first, page by page (through the index on Kùzu). */
async function paged(store: GraphStore, filter: Record<string, string>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await listAudit(store, AuditQuery.parse({ ...filter, limit, ...(cursor ? { cursor } : {}) }));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.items).toHaveLength(limit);
    ids.push(...page.items.map((e) => e.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** The screen's filters — who, kind of record, action, days — alone and together, and the API's record filter. */
const FILTERS: Record<string, string>[] = [
  {},
  { actor: BENCH_AUDIT.actors[3]! },
  { actor: TWIN_A },
  { actor: TWIN_B },
  { actor: "nobody" },
  { entity: "firm" },
  { entity: "list-entry" },
  { entity: "import" },
  { action: "list-entry.move" },
  { action: "session.login" },
  { action: "user.create" },
  { entityId: "firm-1" },
  { entity: "firm", entityId: "firm-1234" },
  { from: "2026-03-01", to: "2026-03-31" },
  { from: "2026-11-01" },
  { to: "2026-01-15" },
  { from: "2026-03-01T04:00:00.000Z", to: "2026-03-01T09:30:00.000Z" },
  { actor: BENCH_AUDIT.actors[3]!, entity: "list-entry" },
  { actor: BENCH_AUDIT.actors[7]!, action: "firm.update" },
  { entity: "firm", action: "firm.update" },
  { actor: BENCH_AUDIT.actors[3]!, entity: "firm", action: "firm.delete", from: "2026-02-01", to: "2026-08-31" },
];

/** Each filter paged through (pages of 7 and of 50) gives what Cypher gives. */
async function expectPagesAsCypher(store: GraphStore) {
  for (const filter of FILTERS) {
    const expected = await byCypher(store, filter);
    expect({ filter, ids: await paged(store, filter, 7) }).toEqual({ filter, ids: expected });
    expect({ filter, ids: await paged(store, filter, 50) }).toEqual({ filter, ids: expected });
    // Whole entries, as Cypher reads them.
    const query = AuditQuery.parse({ ...filter, limit: 20 });
    expect(await listAudit(store, query, "index")).toEqual(await listAudit(store, query, "scan"));
  }
}

describe.skipIf(!kuzu)("the audit log's index in memory", () => {
  it("pages as Cypher does, for every filter, whichever way the entries were written", async () => {
    const store = t.store;
    await write(store, "editor", new Date("2026-03-01T05:00:00Z"));
    await expectPagesAsCypher(store); // the index is read from the graph here …

    // … and follows what comes after: a bulk load of entries (as a restore loads them),
    await addBenchAuditEntries(store, 3000, 7);
    await expectPagesAsCypher(store); // (read from the graph again here)
    // writes that keep the graph's version (a new user, a login),
    await createUser(store, { username: "auditor", role: "admin", password: "auditor-password" }, "admin");
    expect(await logIn(store, "auditor", "auditor-password")).not.toBeNull();
    // an import (its entry written in the load of its rows),
    const file = path.join(dir, "firms.csv");
    await writeBenchExport(file, { firms: 20, seed: 3, segments: miniGraph().segments });
    await importFirms(store, { importId: "imp-audit", path: file, fileName: "firms.csv", mode: "commit", actor: "importer", workers: 0 });
    // entries written out of time order, several at one instant, and by two names of one hash.
    const early = new Date("2026-03-01T06:00:00.000Z");
    for (const actor of ["editor", "viewer", "editor"]) await write(store, actor, early);
    await write(store, "editor", new Date("2025-12-24T00:00:00Z"));
    for (let i = 0; i < 9; i++) await write(store, i % 3 ? TWIN_A : TWIN_B, new Date(Date.parse("2026-03-01T07:00:00Z") + i * 60_000));
    await write(store, "editor", new Date(Date.now() + 60_000), "firm-1234");

    expect(await byCypher(store, { action: "session.login" })).toHaveLength(1);
    expect(await byCypher(store, { actor: TWIN_A })).toHaveLength(6);
    await expectPagesAsCypher(store);
  }, 120_000);

  it("reads nothing from the graph for a page, however deep; an opened entry by its key", async () => {
    const names: string[] = [];
    const store = new Proxy(t.store, {
      get(target, property) {
        if (property === "read") return (query: string, params?: Record<string, unknown>) => (names.push(query), target.read(query, params));
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await listAudit(store, AuditQuery.parse({}));
    names.length = 0;
    const first = await listAudit(store, AuditQuery.parse({ limit: 50 }));
    const deep = await listAudit(store, AuditQuery.parse({ limit: 50, cursor: first.nextCursor!, actor: BENCH_AUDIT.actors[3]! }));
    expect(deep.items).toHaveLength(50);
    expect(names).toEqual([]);
    const opened = await readAuditEntry(store, deep.items[7]!.id);
    expect(names).toEqual(["audit/entry"]);
    expect(opened).toMatchObject(deep.items[7]!);
    expect(opened!.before ?? opened!.after).toMatchObject({ version: expect.any(Number) });
  });

  it("shows every entry once to someone paging while entries are written, newer and older", async () => {
    const store = t.store;
    const before = await byCypher(store, {});
    const seen: string[] = [];
    const older: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page = await listAudit(store, AuditQuery.parse({ limit: 40, ...(cursor ? { cursor } : {}) }));
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      // A write now, and one dated before the page's end (a write that waited for another): that one comes on a later page.
      await write(store, "editor", new Date());
      const last = page.items.at(-1);
      if (cursor && last && round++ % 10 === 0) {
        await write(store, "editor", new Date(Date.parse(last.at) - 1));
        older.push((await byCypher(store, { actor: "editor", to: new Date(Date.parse(last.at)).toISOString() }))[0]!);
      }
    } while (cursor);
    expect(older.length).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => !before.includes(id)).sort()).toEqual([...older].sort());
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
  }, 120_000);

  it("is read again after a write that failed yet may have committed", async () => {
    // The embedded store's path when the checkpoint after COMMIT fails: the transaction is
    // in the graph, but its followers hear only that a write failed (CommitLog.forget).
    const commits = t.store.commits;
    const committed = commits.committed.bind(commits);
    commits.committed = () => commits.forget();
    try {
      await write(t.store, "uncertain-writer", new Date());
    } finally {
      commits.committed = committed;
    }
    expect((await listAudit(t.store, AuditQuery.parse({ actor: "uncertain-writer" }))).items.map((e) => e.actor)).toEqual(["uncertain-writer"]);
    await expectPagesAsCypher(t.store);
  }, 120_000);

  it("is read again when the graph is opened again, restored from a backup, or emptied", async () => {
    const backup = path.join(dir, "audit.jsonl");
    await writeBackup(t.store, backup);
    const expected = await byCypher(t.store, {});
    await t.store.close();
    const reopened = await openStore(readEnv({ ...process.env, DATA_DIR: t.dataDir, KUZU_BUFFER_POOL_MIB: "256" }));
    try {
      expect(await paged(reopened, {}, 500)).toEqual(expected);
    } finally {
      await reopened.close();
    }

    const restored = await openTestStore();
    try {
      await restoreBackup(restored.store, backup);
      expect(await paged(restored.store, {}, 500)).toEqual(expected);
      await expectPagesAsCypher(restored.store);
      await restored.store.clear();
      expect((await listAudit(restored.store, AuditQuery.parse({}))).items).toEqual([]);
      await write(restored.store, "editor", new Date());
      expect((await listAudit(restored.store, AuditQuery.parse({}))).items.map((e) => e.actor)).toEqual(["editor"]);
    } finally {
      await restored.close();
    }
  }, 120_000);
});

describe("what the index follows", () => {
  it("every query writing audit entries is one the index places or reads again after", () => {
    const text = (q: string) => ["", ".kuzu", ".neo4j"].map((engine) => path.join("cypher", `${q}${engine}.cypher`)).filter(existsSync).map((f) => readFileSync(f, "utf8")).join("\n");
    const writers = WRITING_QUERIES.filter((q) => text(q).includes("AuditEntry"));
    expect(writers).toEqual(["audit/add-entry"]);
  });
});
