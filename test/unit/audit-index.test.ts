/**
 * The audit log's positions in memory (server/audit/audit-index.ts) against the log sorted
 * and filtered the plain way: entries placed mostly in time order, some late, some twice,
 * many at one instant, far past the arrays' first size, each given back as written; pages
 * from any place, for every filter and day range.
 */
import { describe, expect, it } from "vitest";
import { AuditPositions, instant, type IndexedEntry, type IndexFilter } from "../../server/audit/audit-index.js";
import { Random } from "../../seed/generate/random.js";

const random = new Random(20261202);
const ACTORS = ["admin", "editor", "张三", "cli:alice"];
const KINDS = [
  ["firm", "firm.update"],
  ["firm", "firm.delete"],
  ["list-entry", "list-entry.move"],
  ["user", "session.login"],
] as const;

function entries(count: number): IndexedEntry[] {
  let at = Date.parse("2026-01-01T00:00:00Z");
  return Array.from({ length: count }, (_, i) => {
    // A third come at the instant of the one before.
    if (random.next() > 0.33) at += 1 + random.int(3_600_000);
    const [entity, action] = random.pick(KINDS);
    const entityId = `${entity}-${random.int(40)}`;
    return { id: `aud-${random.int(1e9).toString(36)}-${i}`, at: new Date(at).toISOString(), actor: random.pick(ACTORS), entity, action, entityId, summary: `${action} ${entityId}（第${i}条）` };
  });
}

const older = (a: IndexedEntry, b: IndexedEntry) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const NONE: IndexFilter = { actor: null, entity: null, entityId: null, action: null, fromAt: null, toAt: null };

/** The plain way: every entry that passes, newest first. */
function expected(log: IndexedEntry[], filter: IndexFilter, before: IndexedEntry | null): string[] {
  return [...log]
    .sort(older)
    .reverse()
    .filter(
      (e) =>
        (!before || older(e, before) < 0) &&
        (filter.actor === null || e.actor === filter.actor) &&
        (filter.entity === null || e.entity === filter.entity) &&
        (filter.action === null || e.action === filter.action) &&
        (filter.entityId === null || e.entityId === filter.entityId) &&
        (filter.fromAt === null || e.at >= filter.fromAt) &&
        (filter.toAt === null || e.at < filter.toAt),
    )
    .map((e) => e.id);
}

/** Every entry the positions give, `count` at a time, each step going on after the last entry of the one before. */
function walked(positions: AuditPositions, filter: IndexFilter, before: IndexedEntry | null, count: number): string[] {
  const ids: string[] = [];
  let place = before ? { at: instant(before.at), id: before.id } : null;
  for (;;) {
    const found = positions.newestFirst(filter, place, count);
    expect(found.length).toBeLessThanOrEqual(count);
    ids.push(...found.map((e) => e.id));
    if (found.length < count) return ids;
    place = { at: instant(found.at(-1)!.at), id: found.at(-1)!.id };
  }
}

describe("the audit log's positions in memory", () => {
  const log = entries(6000);
  const positions = new AuditPositions();
  // In time order, but one in ten late (a write that waited for others), and some placed twice.
  const late: IndexedEntry[] = [];
  for (const entry of log) {
    if (random.next() < 0.1) late.push(entry);
    else positions.add(entry);
    if (late.length > 20) for (const e of late.splice(0)) positions.add(e);
    if (random.next() < 0.02) positions.add(entry);
  }
  for (const e of late) positions.add(e);
  for (const e of log.slice(0, 50)) positions.add(e);

  it("holds each entry once, in the log's order, as it was written", () => {
    expect(positions.size).toBe(log.length);
    expect(walked(positions, NONE, null, 1000)).toEqual(expected(log, NONE, null));
    const byId = new Map(log.map((e) => [e.id, e]));
    for (const entry of positions.newestFirst(NONE, null, log.length)) expect(entry).toEqual(byId.get(entry.id));
  });

  const days = (from: string | null, to: string | null) => ({ fromAt: from && new Date(from).toISOString(), toAt: to && new Date(to).toISOString() });
  const FILTERS: IndexFilter[] = [
    NONE,
    { ...NONE, actor: "张三" },
    { ...NONE, actor: "nobody" },
    { ...NONE, entity: "firm" },
    { ...NONE, action: "list-entry.move" },
    { ...NONE, entityId: "firm-7" },
    { ...NONE, entity: "user", entityId: "user-3" },
    { ...NONE, actor: "editor", entity: "list-entry" },
    { ...NONE, actor: "cli:alice", action: "firm.delete" },
    { ...NONE, ...days("2026-03-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00") },
    { ...NONE, ...days(null, "2026-02-01T00:00:00Z") },
    { ...NONE, ...days("2026-07-01T00:00:00Z", null) },
    { ...NONE, actor: "admin", ...days("2026-02-01T00:00:00Z", "2026-06-01T00:00:00Z") },
    // One instant many entries share: the range starts and ends inside them.
    { ...NONE, ...days(log[3000]!.at, log[3100]!.at) },
  ];

  it("gives every filter's entries newest first, from the newest and from any entry, in steps of any size", () => {
    for (const filter of FILTERS) {
      for (const before of [null, log[10]!, log[2999]!, log[3000]!, log.at(-1)!]) {
        const want = expected(log, filter, before);
        for (const count of [1, 7, 51]) expect({ filter, before: before?.id, count, ids: walked(positions, filter, before, count) }).toEqual({ filter, before: before?.id, count, ids: want });
      }
    }
  });

  it("takes a cursor that names no entry (between two, or past the ends)", () => {
    const between = { ...log[2000]!, id: `${log[2000]!.id}~` };
    expect(walked(positions, NONE, between, 51)).toEqual(expected(log, NONE, between));
    const future = { ...log[0]!, at: "2030-01-01T00:00:00.000Z" };
    expect(walked(positions, NONE, future, 51)).toEqual(expected(log, NONE, null));
    expect(walked(positions, NONE, { ...log[0]!, at: "2000-01-01T00:00:00.000Z" }, 51)).toEqual([]);
  });
});
