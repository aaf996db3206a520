/**
 * One count, the same everywhere: for every zone × chain of the sample, the figures the
 * API gives (segments by status, gaps by kind, completeness) are the ones the overview,
 * the map header and its legend, the node colours, the gap panel, meeting mode, the report,
 * the print view and the exported gap sheet show.
 */
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainFigures, ChainGaps, ChainMap, ChainReport, ZoneSummary } from "../../server/model/api";
import { readSample } from "../../seed/sample";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, saveScreenshot, startAppAndBrowser, waitForMap } from "./browser";

const STATUSES = ["strong", "weak", "missing", "bottleneck"] as const;
const KINDS = [
  ["missing", "missing"],
  ["weak", "weak"],
  ["bottleneck", "bottleneck"],
  ["leader-dependency", "leaderDependency"],
] as const;

/** Every zone × chain of the sample, from the sample files themselves. */
const CELLS = readSample().zoneChains.map((zc) => [zc.zoneId, zc.chainId] as const);

let app: RunningApp;
let browser: Browser;
let page: Page;
let errors: string[];
let zones: ZoneSummary[];

const number = async (testId: string) => Number((await page.locator(`[data-testid="${testId}"]`).first().innerText()).replace(/[^\d]/g, ""));
const text = (testId: string) => page.locator(`[data-testid="${testId}"]`).first().innerText();

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
  ({ page, errors } = await openPage(browser, app, { size: { width: 1600, height: 1000 } }));
  zones = await app.json<ZoneSummary[]>("/api/zones");
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("one count, the same everywhere", () => {
  it("covers every zone × chain of the sample", () => {
    expect(CELLS.length).toBe(zones.reduce((sum, z) => sum + z.chains.length, 0));
  });

  it("the overview shows each cell's completeness and gap segments as the API counts them", async () => {
    await page.goto(`${app.url}/`);
    await page.locator('[data-testid="overview-matrix"]').waitFor();
    for (const zone of zones)
      for (const chain of zone.chains) {
        const f = chain.figures;
        expect(await number(`overview-gaps-${zone.id}-${chain.id}`), `${zone.id}/${chain.id}`).toBe(f.gapSegments);
        expect(await text(`overview-completeness-${zone.id}-${chain.id}`)).toBe(`${Math.round(f.completeness * 100)}%`);
      }
    await saveScreenshot(page, "89-figures-overview");
  });

  it.each(CELLS)("%s × %s: map, legend, node colours, gap panel, meeting mode, report, print and gap sheet agree", async (zoneId, chainId) => {
    const base = `/zones/${zoneId}/chains/${chainId}`;
    const [gaps, map, report] = await Promise.all([
      app.json<ChainGaps>(`/api${base}/gaps`),
      app.json<ChainMap>(`/api${base}/map`),
      app.json<ChainReport>(`/api${base}/report`),
    ]);
    const f: ChainFigures = gaps.figures;
    const overview = zones.find((z) => z.id === zoneId)!.chains.find((c) => c.id === chainId)!;
    // The API answers with one figure: the diagnosis'.
    expect(map.figures).toEqual(f);
    expect(report.gaps.figures).toEqual(f);
    expect(overview.figures).toEqual(f);
    // Segments by status are a partition; gap segments are the non-strong ones.
    expect(f.byStatus.strong + f.byStatus.weak + f.byStatus.missing + f.byStatus.bottleneck).toBe(f.segments);
    expect(f.gapSegments).toBe(f.segments - f.byStatus.strong);
    expect(f.byKind.missing).toBe(f.segments - f.covered);
    for (const status of STATUSES) expect(map.segments.filter((s) => s.status === status).length).toBe(f.byStatus[status]);

    // The map header, its legend and the nodes' colours; the gap panel beside it.
    await page.goto(`${app.url}${base}?panel=gaps`);
    await waitForMap(page, `${zoneId}/${chainId}`);
    await page.locator('[data-testid="gap-counts"]').waitFor();
    for (const status of STATUSES) {
      expect(await number(`map-count-${status}`), `header ${status}`).toBe(f.byStatus[status]);
      expect(await number(`legend-count-${status}`), `legend ${status}`).toBe(f.byStatus[status]);
      expect(await number(`gap-count-${status}`), `gap panel ${status}`).toBe(f.byStatus[status]);
      const drawn = await page.evaluate((s) => window.__cy!.nodes(`.segment.status-${s}`).length, status);
      expect(drawn, `nodes ${status}`).toBe(f.byStatus[status]);
    }
    expect(await page.evaluate(() => window.__cy!.nodes(".segment.status-bottleneck.without-firms").length)).toBe(f.bottleneckWithoutFirms);
    expect(await number("legend-count-bottleneck-without-firms")).toBe(f.bottleneckWithoutFirms);
    for (const [kind, key] of KINDS) expect(await number(`gap-kind-${kind}`), `gap panel kind ${kind}`).toBe(f.byKind[key]);
    expect(await text("map-completeness")).toBe(`${Math.round(f.completeness * 100)}%`);
    expect(await page.locator('[data-testid="gap-table"] tbody tr').count()).toBe(f.gapSegments);
    if (zoneId === "chaoyang-hitech" && chainId === "tire") await saveScreenshot(page, "90-figures-map-hitech-tire");

    // The status filter offers each status with its count.
    await page.locator('[data-testid="filter-status"]').click();
    for (const status of STATUSES) {
      const label = { strong: "强链", weak: "弱链", missing: "缺链", bottleneck: "卡点" }[status];
      await page.locator(".ant-select-item-option", { hasText: new RegExp(`^${label} ${f.byStatus[status]}$`) }).waitFor();
    }
    await page.keyboard.press("Escape");

    // Meeting mode shows the same header.
    await page.goto(`${app.url}${base}?meeting=1`);
    await page.locator('[data-testid="meeting-mode"]').waitFor();
    await waitForMap(page, `${zoneId}/${chainId}`);
    for (const status of STATUSES) expect(await number(`map-count-${status}`), `meeting ${status}`).toBe(f.byStatus[status]);

    // The report: both figures, and as many gap rows as gap segments.
    await page.goto(`${app.url}${base}/report`);
    await page.locator('[data-testid="report-figures"]').waitFor();
    for (const status of STATUSES) expect(await number(`report-count-${status}`), `report ${status}`).toBe(f.byStatus[status]);
    for (const [kind, key] of KINDS) expect(await number(`report-kind-${kind}`), `report kind ${kind}`).toBe(f.byKind[key]);
    expect(await number("report-count-filling")).toBe(f.filling);
    expect(await text("report-completeness")).toBe(`${Math.round(f.completeness * 100)}%`);
    const rows = await page.locator('[data-testid="report-gap-table"] tbody tr').count().catch(() => 0);
    expect(rows).toBe(f.gapSegments);
    expect(await text("report-gap-heading")).toContain(String(f.gapSegments));
    if (zoneId === "chaoyang-hitech" && chainId === "tire") await saveScreenshot(page, "91-figures-report-hitech-tire");

    // The print view's summary line.
    await page.goto(`${app.url}${base}/print`);
    const summary = await text("print-summary");
    expect(summary).toBe(
      `完整度 ${Math.round(f.completeness * 100)}%（${f.covered}/${f.segments} 个环节有本地企业）；环节状态：强链 ${f.byStatus.strong}、弱链 ${f.byStatus.weak}、缺链 ${f.byStatus.missing}、卡点 ${f.byStatus.bottleneck}`,
    );

    // The exported gap sheet: every segment once by its status, and the figures sheet.
    const response = await app.fetch(`/api${base}/gaps/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet("缺口汇总")!;
    const statusColumn = (sheet.getRow(1).values as string[]).indexOf("状态");
    const statuses = (sheet.getColumn(statusColumn).values.slice(2) as string[]).map((s) => (s === "卡点·缺链" ? "卡点" : s));
    const counted = { strong: "强链", weak: "弱链", missing: "缺链", bottleneck: "卡点" };
    for (const status of STATUSES) expect(statuses.filter((s) => s === counted[status]).length, `sheet ${status}`).toBe(f.byStatus[status]);
    const figures = workbook.getWorksheet("缺口统计")!;
    const items = figures.getColumn(2).values as string[];
    const value = (item: string, figure: string) => figures.getRow(items.findIndex((v, i) => v === item && String(figures.getRow(i).getCell(1).value).startsWith(figure))).getCell(3).value;
    for (const status of STATUSES) expect(value(counted[status], "环节状态"), `figures sheet ${status}`).toBe(f.byStatus[status]);
    expect(value("无本地企业", "缺口类型")).toBe(f.byKind.missing);
    expect(value("本地偏弱", "缺口类型")).toBe(f.byKind.weak);
    expect(value("卡点", "缺口类型")).toBe(f.byKind.bottleneck);
    expect(value("链主外采", "缺口类型")).toBe(f.byKind.leaderDependency);
    expect(value("缺口环节（弱链+缺链+卡点）", "环节状态")).toBe(f.gapSegments);

    if (zoneId === "chaoyang-hitech" && chainId === "tire") await saveScreenshot(page, "92-figures-print-hitech-tire");
    expect(errors).toEqual([]);
  });
});
