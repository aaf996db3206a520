/**
 * Single edits end to end: each through its HTTP route on this process's store (session,
 * checks, the write with its audit entry and version, the answer), the server in-process
 * on loopback. A firm of the zone and one outside it (PATCH), a firm's segment link (PUT),
 * a list entry (POST); the 统一社会信用代码 check by the key table beside the scan it spares;
 * and the audit screen's page of 50 for each of its filters, first and deep, at 10⁵ entries
 * (added when the graph holds fewer), through its index in memory and by a scan of the log.
 */
import type { AddressInfo } from "node:net";
import { createUser, listUsers } from "../../server/accounts/accounts.js";
import { createApp } from "../../server/app.js";
import { auditIndex } from "../../server/audit/audit-index.js";
import { encodeCursor, listAudit } from "../../server/audit/audit-log.js";
import { AuditQuery } from "../../server/model/api.js";
import type { GraphStore } from "../../server/graph/store.js";
import { readFirmSegment } from "../../server/services/editing/firm-segments.js";
import { snapshotsSettled } from "../../server/services/history.js";
import { logInAt } from "../support/sample-app.js";
import { addBenchAuditEntries, BENCH_AUDIT } from "./audit-entries.js";

export type Timing = { p50: number; p95: number; max: number; runs: number };
export interface SingleEdits {
  firmOfZone: Timing;
  firmOutside: Timing;
  link: Timing;
  entry: Timing;
  usccCheck: Timing;
  usccCheckNaive: Timing;
  /** The audit page of 50, first pages and pages from the middle of the log, over every filter of the screen. */
  auditPage: Timing;
  auditPageDeep: Timing;
  /** The same pages by a Cypher scan of the log (the path before its index in memory; through the store, not the route). */
  auditPageNaive: Timing;
  auditPageDeepNaive: Timing;
  auditEntries: number;
  /** The log's index in memory: read from the graph at its first use. */
  auditIndex: { seconds: number; MiB: number };
}

const round = (x: number) => Math.round(x * 10) / 10;
export function timing(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  return { p50: round(at(50)), p95: round(at(95)), max: round(sorted.at(-1) ?? 0), runs: sorted.length };
}

const AUDIT_SIZE = 100_000;
/** Each filter's pages are timed this many times (the scan's, slower, fewer). */
const AUDIT_ROUNDS = 5;
const NAIVE_AUDIT_ROUNDS = 2;
const BENCH_USER = { username: "bench-admin", role: "admin" as const, password: "bench-admin-password" };

export async function measureSingleEdits(
  store: GraphStore,
  /** Firms of the zone, and firms outside it operating in the chain. */
  firms: { zoneId: string; chainId: string; ofZone: string[]; outside: string[] },
  log: (message: string) => void,
): Promise<SingleEdits> {
  if (!(await listUsers(store)).some((u) => u.username === BENCH_USER.username)) await createUser(store, BENCH_USER, "bench");
  const server = createApp(store, { logError: (error) => log(`server error: ${String(error)}`) }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookie = `chainatlas_session=${await logInAt(base, BENCH_USER.username, BENCH_USER.password)}`;
  const call = async (path: string, method = "GET", body?: unknown) => {
    const res = await fetch(base + path, { method, headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  // The history snapshots a write sets off (docs/decisions/017) are let finish before each
  // request timed here, so each figure is the request's own, not its share of the last one's.
  const timed = async (work: () => Promise<unknown>) => {
    await snapshotsSettled(store);
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  try {
    const editFirms = async (ids: string[]) => {
      const ms: number[] = [];
      for (const id of ids) {
        const firm = await call(`/api/firms/${id}`);
        ms.push(await timed(() => call(`/api/firms/${id}`, "PATCH", { version: firm.version, capital: ((firm.capital as number | null) ?? 100) + 1 })));
      }
      return ms;
    };
    const firmOfZone = await editFirms(firms.ofZone);
    const firmOutside = await editFirms(firms.outside);

    const link: number[] = [];
    for (const id of firms.outside) {
      const [segment] = (await store.read("firms/firm-segments", { id })) as { segmentId: string }[];
      const current = (await readFirmSegment(store, id, segment!.segmentId))!;
      const change = { version: current.version, products: current.products, capacity: current.capacity, confidence: Math.max(0.1, current.confidence - 0.01), evidence: current.evidence };
      link.push(await timed(() => call(`/api/firms/${id}/segments/${segment!.segmentId}`, "PUT", change)));
    }

    const list = await call("/api/lists", "POST", { name: `单项编辑基准 ${new Date().toISOString()}`, zoneId: firms.zoneId, chainId: firms.chainId, top: 1 });
    const entry: number[] = [];
    // Each firm operates in the list's chain: the entry fills its first segment there.
    for (const id of firms.outside) {
      entry.push(await timed(() => call(`/api/lists/${list.id}/entries`, "POST", { firmId: id })));
    }

    // The check an edit setting a code runs: codes held and codes free, by key and by scan.
    const codes = (await Promise.all(firms.outside.map(async (id) => (await call(`/api/firms/${id}`)).uscc as string | null))).filter((c): c is string => !!c);
    codes.push(...Array.from({ length: 20 }, (_, i) => `91130000MA0${String(i).padStart(7, "0")}X`));
    const usccCheck: number[] = [];
    const usccCheckNaive: number[] = [];
    for (const uscc of codes) {
      usccCheck.push(await timed(() => store.read("firms/find-by-uscc", { uscc })));
      usccCheckNaive.push(await timed(() => store.read("firms/scan-by-uscc", { uscc })));
    }
    log(`single edits: zone firm ${JSON.stringify(timing(firmOfZone))}, outside ${JSON.stringify(timing(firmOutside))}, link ${JSON.stringify(timing(link))}, entry ${JSON.stringify(timing(entry))}, uscc ${JSON.stringify(timing(usccCheck))} (scan ${JSON.stringify(timing(usccCheckNaive))})`);

    const held = await store.count("AuditEntry");
    if (held < AUDIT_SIZE) {
      const t0 = performance.now();
      await addBenchAuditEntries(store, AUDIT_SIZE - held);
      log(`added ${AUDIT_SIZE - held} audit entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const t1 = performance.now();
    const index = store.engine === "kuzu" ? await auditIndex(store) : null;
    const auditIndexFigures = { seconds: round((performance.now() - t1) / 1000), MiB: round((index?.bytesHeld ?? 0) / 2 ** 20) };
    log(`audit index: ${index?.size ?? 0} entries read in ${auditIndexFigures.seconds} s, ${auditIndexFigures.MiB} MiB`);
    // Each filter the screen offers (who, kind of record, action, days), some together, and one record (the API's).
    const filters: Record<string, string>[] = [
      {},
      { actor: BENCH_AUDIT.actors[3]! },
      { entity: "firm" },
      { action: "list-entry.move" },
      { entity: "firm", entityId: "firm-1234" },
      { from: "2026-03-01", to: "2026-03-31" },
      { actor: BENCH_AUDIT.actors[3]!, entity: "list-entry" },
      { actor: BENCH_AUDIT.actors[5]!, action: "firm.delete" },
      { actor: BENCH_AUDIT.actors[5]!, from: "2026-03-01", to: "2026-03-31" },
    ];
    // A page from the middle of the log (≈ 50,000 entries, 1,000 pages deep): after the cursor of its midpoint in time.
    const cursor = encodeCursor({ at: new Date(BENCH_AUDIT.start + (Date.parse(BENCH_AUDIT.end) - BENCH_AUDIT.start) / 2).toISOString(), id: "aud-~" });
    const auditPage: number[] = [];
    const auditPageDeep: number[] = [];
    const auditPageNaive: number[] = [];
    const auditPageDeepNaive: number[] = [];
    for (let pass = 0; pass < AUDIT_ROUNDS; pass++) {
      for (const filter of filters) {
        const query = new URLSearchParams(filter).toString();
        if (pass === 0 && (await call(`/api/audit?${query}`)).items === undefined) throw new Error("the audit page has no items");
        auditPage.push(await timed(() => call(`/api/audit?${query}`)));
        auditPageDeep.push(await timed(() => call(`/api/audit?${new URLSearchParams({ ...filter, cursor })}`)));
        if (pass >= NAIVE_AUDIT_ROUNDS) continue;
        auditPageNaive.push(await timed(() => listAudit(store, AuditQuery.parse(filter), "scan")));
        auditPageDeepNaive.push(await timed(() => listAudit(store, AuditQuery.parse({ ...filter, cursor }), "scan")));
      }
    }
    log(`audit page: first ${JSON.stringify(timing(auditPage))}, deep ${JSON.stringify(timing(auditPageDeep))}; by a scan: first ${JSON.stringify(timing(auditPageNaive))}, deep ${JSON.stringify(timing(auditPageDeepNaive))}`);
    return {
      firmOfZone: timing(firmOfZone),
      firmOutside: timing(firmOutside),
      link: timing(link),
      entry: timing(entry),
      usccCheck: timing(usccCheck),
      usccCheckNaive: timing(usccCheckNaive),
      auditPage: timing(auditPage),
      auditPageDeep: timing(auditPageDeep),
      auditPageNaive: timing(auditPageNaive),
      auditPageDeepNaive: timing(auditPageDeepNaive),
      auditEntries: await store.count("AuditEntry"),
      auditIndex: auditIndexFigures,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
