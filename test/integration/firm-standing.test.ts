/**
 * A firm's 登记状态 is its own (docs/decisions/042-firm-standing.md): a newer export saying a
 * firm the graph holds is 吊销 or 注销 takes it out of the ranking, the 补链 effects and the
 * zone's cover, on the answers computed first and on those kept; a row saying 存续 brings it
 * back; the firm page sets it too, audited. Through the API of the real app, on the embedded
 * graph (the answers kept in memory are what is checked).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFirms } from "../../server/imports/import-firms.js";
import type { ChainGaps, ChainMap, ChainReport, FirmDetail, ImportReport, LandingSimulation, TargetRanking } from "../../server/model/api.js";
import { regionPath } from "../../server/regions/divisions.js";
import { writeExport } from "../support/enterprise-export.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
let dir: string;
beforeAll(async () => {
  app = await startSampleApp();
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-standing-"));
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = "/api/zones/lingyuan/chains/steel";
const ranking = () => app.json<TargetRanking>(`${base}/targets?limit=200`);
const chainMap = () => app.json<ChainMap>(`${base}/map`);
const gaps = () => app.json<ChainGaps>(`${base}/gaps`);
const firm = (id: string) => app.json<FirmDetail>(`/api/firms/${id}`);

let imports = 0;
/** One row naming the firm as an export would (its code, its name and region), with a 登记状态. */
async function importStanding(f: FirmDetail, status: string | null): Promise<ImportReport> {
  const parts = regionPath(f.regionCode).split(" ");
  const row: Record<string, string> & { 企业名称: string } = { 企业名称: f.name, 统一社会信用代码: f.uscc ?? "", 所属省份: parts[0]!, 所属区县: parts.at(-1)! };
  if (parts.length > 2) row["所属城市"] = parts[1]!;
  if (status !== null) row["登记状态"] = status;
  const file = writeExport(dir, `standing-${++imports}.csv`, [row]);
  return importFirms(app.store, { importId: `imp-standing-${imports}`, path: file, fileName: path.basename(file), mode: "commit", actor: "admin" });
}

describe("a firm the graph holds, later closed", () => {
  it("leaves the ranking and the 补链模拟 when an export says 吊销, and comes back when one says 存续", async () => {
    const first = await ranking();
    const target = first.results[0]!.firm;
    const ranked = (r: TargetRanking) => r.results.map((x) => x.firm.id);
    expect(ranked(await ranking())).toContain(target.id); // a kept answer holds it too
    const before = await firm(target.id);

    const closing = await importStanding(before, "吊销，未注销");
    expect(closing.counts).toMatchObject({ rows: 1, closed: 1, markedClosed: 1, new: 0, updated: 0 });
    expect(closing.problems).toMatchObject([{ row: 3, column: "登记状态", value: "吊销，未注销", message: expect.stringContaining("已标为注销或吊销，不再作为招商目标") }]);

    const closedRanking = await ranking();
    expect(ranked(closedRanking)).not.toContain(target.id);
    expect(closedRanking.candidateCount).toBe(first.candidateCount - 1);
    expect(ranked(await ranking())).not.toContain(target.id); // and kept so
    // It can land nowhere: a 补链模拟 naming it leaves it out and says why.
    const sim = await app.json<LandingSimulation>(`${base}/simulation?firms=${target.id}`);
    expect(sim.skipped).toMatchObject([{ firmId: target.id, reason: "closed" }]);
    // Still on its page and in search, with its standing.
    expect(await firm(target.id)).toMatchObject({ name: before.name, standing: "closed", standingText: "吊销，未注销" });
    const hits = await app.json<{ firms: { id: string; standing?: string | null }[] }>(`/api/search?q=${encodeURIComponent(before.name)}`);
    expect(hits.firms.find((h) => h.id === target.id)).toMatchObject({ standing: "closed" });

    // Marked again: already closed, nothing written.
    const again = await importStanding(before, "注销");
    expect(again.counts).toMatchObject({ closed: 1, markedClosed: 0 });
    expect(again.problems[0]!.message).toContain("已标为注销或吊销，未改动");
    // A row without 登记状态 leaves it closed, and says so.
    const silent = await importStanding(before, null);
    expect(silent.counts.reopened).toBe(0);
    expect(silent.problems.some((p) => p.message.includes("仍按注销处理"))).toBe(true);
    expect(ranked(await ranking())).not.toContain(target.id);

    const reopening = await importStanding(before, "存续");
    expect(reopening.counts).toMatchObject({ reopened: 1 });
    expect(await firm(target.id)).toMatchObject({ standing: "active", standingText: "存续" });
    expect(ranked(await ranking())).toContain(target.id);
  });

  it("no longer counts as the zone's cover: the map lists it as closed, the gaps count it out", async () => {
    const map = await chainMap();
    const gapsBefore = await gaps();
    // A local firm that is the only one in one of its segments: closing it opens a gap there.
    const counts = new Map(map.segments.map((s) => [s.id, s.localFirmCount]));
    const local = map.firms.find((f) => !f.isLeader && f.segments.some((s) => counts.get(s.segmentId) === 1))!;
    expect(local).toBeDefined();
    const segmentId = local.segments.find((s) => counts.get(s.segmentId) === 1)!.segmentId;
    const before = await firm(local.id);

    const report = await importStanding(before, "注销");
    expect(report.counts).toMatchObject({ markedClosed: 1 });

    const after = await chainMap();
    expect(after.firms.map((f) => f.id)).not.toContain(local.id);
    expect(after.closedFirms).toMatchObject([{ id: local.id, standing: "closed" }]);
    expect(after.segments.find((s) => s.id === segmentId)!.localFirmCount).toBe(0);
    const gapsAfter = await gaps();
    const segment = (g: ChainGaps) => g.segments.find((s) => s.segmentId === segmentId)!;
    expect(segment(gapsAfter).localFirmCount).toBe(0);
    expect(segment(gapsAfter).localFirms.map((f) => f.id)).not.toContain(local.id);
    expect(segment(gapsBefore).localFirms.map((f) => f.id)).toContain(local.id);
    expect((await gaps()).segments.find((s) => s.segmentId === segmentId)!.localFirmCount).toBe(0); // kept
    // The report and the cockpit stand on the same diagnosis: the firm is in neither.
    // The report prints the map (the firm among the closed), the gaps and the targets: it covers nothing there.
    const printed = await app.json<ChainReport>(`${base}/report`);
    expect(printed.map.firms.map((f) => f.id)).not.toContain(local.id);
    expect(printed.map.closedFirms.map((f) => f.id)).toContain(local.id);
    expect(JSON.stringify({ gaps: printed.gaps, targets: printed.targets })).not.toContain(`"${local.id}"`);
    // The cockpit stands on the same diagnosis.
    expect(JSON.stringify(await app.json<unknown>("/api/cockpit?zoneId=lingyuan"))).not.toContain(`"${local.id}"`);

    // Set live again on the firm page: audited, and it covers again.
    const current = await firm(local.id);
    const edited = await app.json<FirmDetail>(`/api/firms/${local.id}`, { method: "PATCH", body: JSON.stringify({ version: current.version, standing: "active" }) });
    expect(edited).toMatchObject({ standing: "active", standingText: "存续" });
    expect((await chainMap()).firms.map((f) => f.id)).toContain(local.id);
    expect((await gaps()).segments.find((s) => s.segmentId === segmentId)!.localFirmCount).toBe(1);
    const audit = await app.json<{ items: { id: string; action: string }[] }>(`/api/audit?entity=firm&entityId=${local.id}`);
    const entry = await app.json<{ action: string; before: { standing: string }; after: { standing: string } }>(`/api/audit/${audit.items.find((e) => e.action === "firm.update")!.id}`);
    expect(entry).toMatchObject({ before: { standing: "closed" }, after: { standing: "active" } });
  });

  it("a closed chain leader leads nothing: the map names it among the closed, not among the leaders", async () => {
    const map = await chainMap();
    const leader = map.leaders[0]!;
    expect(map.firms.find((f) => f.id === leader.id)?.isLeader).toBe(true);
    const current = await firm(leader.id);
    const closed = await app.json<FirmDetail>(`/api/firms/${leader.id}`, { method: "PATCH", body: JSON.stringify({ version: current.version, standing: "closed" }) });
    const after = await chainMap();
    expect(after.leaders.map((l) => l.id)).not.toContain(leader.id);
    expect(after.firms.some((f) => f.leaderId === leader.id)).toBe(false);
    expect(after.closedFirms.map((f) => f.id)).toContain(leader.id);
    await app.json<FirmDetail>(`/api/firms/${leader.id}`, { method: "PATCH", body: JSON.stringify({ version: closed.version, standing: "active" }) });
    expect((await chainMap()).leaders.map((l) => l.id)).toContain(leader.id);
  });

  it("is closed on the firm page, and a suspended firm is ranked with its standing shown", async () => {
    const first = await ranking();
    const target = first.results[0]!.firm;
    const current = await firm(target.id);
    const suspended = await app.json<FirmDetail>(`/api/firms/${target.id}`, { method: "PATCH", body: JSON.stringify({ version: current.version, standingText: "停业" }) });
    expect(suspended).toMatchObject({ standing: "suspended", standingText: "停业" });
    expect((await ranking()).results.find((r) => r.firm.id === target.id)?.firm.standing).toBe("suspended");
    const closed = await app.json<FirmDetail>(`/api/firms/${target.id}`, { method: "PATCH", body: JSON.stringify({ version: suspended.version, standing: "closed" }) });
    expect(closed.standing).toBe("closed");
    expect((await ranking()).results.map((r) => r.firm.id)).not.toContain(target.id);
    // A text no export uses is refused, naming the field.
    const bad = await app.fetch(`/api/firms/${target.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ version: closed.version, standingText: "好得很" }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("standingText");
  });
});
