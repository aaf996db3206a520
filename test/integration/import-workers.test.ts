/**
 * A large file's rows are prepared on worker threads; the import must land exactly what
 * it lands when every row is prepared on the main thread.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit, readAuditEntry } from "../../server/audit/audit-log.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { loadSample } from "../../seed/load-sample.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let dir: string;
let file: string;
beforeAll(async () => {
  t = await openTestStore();
  await loadSample(t.store);
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-import-workers-"));
  file = path.join(dir, "firms.csv");
  const segments = (await t.store.read("imports/list-segments")) as { id: string; name: string }[];
  await writeBenchExport(file, { firms: 1500, seed: 7, segments });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (workers: number) =>
  importFirms(t.store, { importId: "imp-w", path: file, fileName: "firms.csv", mode: "commit", actor: "test", source: "test", workers, today: new Date("2026-11-29T08:00:00Z") });

/** The imported tables, in a fixed order. */
async function snapshot() {
  const tables: Record<string, string[]> = {};
  for (const table of ["Firm", "OPERATES_IN", "LINK_TEXTS", "SUGGESTED"]) {
    const rows: string[] = [];
    for await (const row of t.store.scan(table)) rows.push(JSON.stringify(row));
    tables[table] = rows.sort();
  }
  return tables;
}

describe("an import prepared on worker threads", () => {
  it("lands the same firms, links and suggestions, with the same report", async () => {
    const inline = await run(0);
    const inlineTables = await snapshot();
    await t.store.clear();
    await loadSample(t.store);
    const threaded = await run(2);
    expect({ ...threaded, finishedAt: "" }).toEqual({ ...inline, finishedAt: "" });
    expect(inline.counts.new).toBe(1500);
    expect(inline.counts.links).toBeGreaterThan(1500);
    expect(await snapshot()).toEqual(inlineTables);
  });

  it("counts the same file again as unchanged", async () => {
    const again = await run(2);
    expect(again.counts).toMatchObject({ new: 0, unchanged: 1500, updated: 0 });
  });

  it("adds one audit entry per commit that changes the graph, naming who imported and the counts", async () => {
    const entries = async () => (await listAudit(t.store, { action: "import.commit", limit: 50 })).items;
    const more = path.join(dir, "more.csv");
    const segments = (await t.store.read("imports/list-segments")) as { id: string; name: string }[];
    await writeBenchExport(more, { firms: 40, seed: 8, segments, prefix: "M" });
    const before = (await entries()).length;
    await importFirms(t.store, { importId: "imp-dry", path: more, fileName: "more.csv", mode: "dry-run", actor: "someone", workers: 0 });
    expect((await entries()).length).toBe(before);
    const report = await importFirms(t.store, { importId: "imp-audited", path: more, fileName: "more.csv", mode: "commit", actor: "cli:alice", workers: 0 });
    expect(report.counts.new).toBe(40);
    const [entry, ...others] = (await entries()).filter((e) => e.entityId === "imp-audited");
    expect(others).toEqual([]);
    expect(await readAuditEntry(t.store, entry!.id)).toMatchObject({ actor: "cli:alice", action: "import.commit", entity: "import", before: null, after: { counts: report.counts } });
    expect(entry!.summary).toContain("more.csv");
    // The same file again changes nothing and says nothing.
    await importFirms(t.store, { importId: "imp-again", path: more, fileName: "more.csv", mode: "commit", actor: "cli:alice", workers: 0 });
    expect((await entries()).length).toBe(before + 1);
  });
});
