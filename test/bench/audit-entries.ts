/**
 * Audit entries for the benchmark: a graph gets `count` of them (deterministic, spread over
 * a year, by a few dozen people, on every kind of record), loaded in one bulk load, so the
 * audit screen's pages can be timed at the size a year of a busy zone's work leaves.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { StagingWriter } from "../../server/graph/bulk.js";
import type { GraphStore } from "../../server/graph/store.js";
import { Random } from "../../seed/generate/random.js";

export const BENCH_AUDIT = {
  actors: Array.from({ length: 30 }, (_, i) => `editor${String(i).padStart(2, "0")}`),
  kinds: [
    ["firm", ["firm.update", "firm.create", "firm.delete"]],
    ["firm-segment", ["firm-segment.update", "firm-segment.create", "firm-segment.delete"]],
    ["list-entry", ["list-entry.move", "list-entry.update", "list-entry.add"]],
    ["segment", ["segment.update"]],
    ["project", ["project.update", "project.create"]],
    ["user", ["user.create"]],
  ] as const,
  /** The first entry's time; each later one comes up to ten minutes after (five on average). */
  start: Date.parse("2025-12-01T00:00:00Z"),
  /** About when the 100,000th comes. */
  end: "2026-11-15T00:00:00Z",
};

/** Adds `count` audit entries to the graph (by the actors and on the records above). */
export async function addBenchAuditEntries(store: GraphStore, count: number, seed = 20261202): Promise<void> {
  const random = new Random(seed);
  const dir = mkdtempSync(path.join(tmpdir(), "chainatlas-audit-"));
  try {
    const out = new StagingWriter("AuditEntry", path.join(dir, "audit.csv"));
    let at = BENCH_AUDIT.start;
    for (let i = 0; i < count; i++) {
      at += 1 + Math.floor(random.next() * 600_000);
      const [entity, actions] = BENCH_AUDIT.kinds[Math.floor(random.next() * BENCH_AUDIT.kinds.length)]!;
      const action = actions[Math.floor(random.next() * actions.length)]!;
      const entityId = `${entity}-${Math.floor(random.next() * 5000)}`;
      const record = JSON.stringify({ id: entityId, name: `记录${i}`, notes: "跟进".repeat(50 + Math.floor(random.next() * 200)), version: 1 + (i % 7) });
      await out.write({
        id: `aud-${at.toString(36)}-bench-${String(i).padStart(8, "0")}`,
        at: new Date(at).toISOString(),
        actor: BENCH_AUDIT.actors[Math.floor(random.next() * BENCH_AUDIT.actors.length)]!,
        action,
        entity,
        entityId,
        summary: `${action} ${entityId}`,
        before: action.endsWith(".create") || action.endsWith(".add") ? "" : record,
        after: action.endsWith(".delete") ? "" : record,
      });
    }
    await store.load({ before: [], files: [await out.close()], after: [] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
