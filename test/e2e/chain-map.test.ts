/**
 * The client end to end: the real server in-process over a fresh graph seeded with the
 * Chaoyang sample, the built client, and Debian's Chromium. Each step saves a screenshot
 * to test-artifacts/ for a person to look at.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainGaps, ChainMap, ZoneSummary } from "../../server/model/api";
import type { RunningApp } from "../support/sample-app";
import { clickNode, closeAppAndBrowser, openPage, pngSize, saveScreenshot, searchInput, startAppAndBrowser, waitForMap } from "./browser";

let app: RunningApp;
let browser: Browser;

async function getJson<T>(path: string): Promise<T> {
  const response = await app.fetch(`${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/**
 * The zone with the most leading chains (meeting mode needs two to step between) and its
 * first chain with local firms, so the tests follow the sample as it grows.
 */
async function pickZoneAndChain(): Promise<{ zone: ZoneSummary; chainId: string; map: ChainMap }> {
  const zones = await getJson<ZoneSummary[]>("/api/zones");
  const byChainCount = [...zones].sort((a, b) => b.chains.length - a.chains.length);
  for (const zone of byChainCount)
    for (const chain of [...zone.chains].sort((a, b) => a.rank - b.rank)) {
      const map = await getJson<ChainMap>(`/api/zones/${zone.id}/chains/${chain.id}/map`);
      if (map.segments.some((s) => s.localFirmCount > 0)) return { zone, chainId: chain.id, map };
    }
  throw new Error("the sample has no chain with a local firm");
}

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("the browser client", () => {
  it("shows every zone and its chains in the overview, and a cell opens that map", async () => {
    const { page, errors } = await openPage(browser, app);
    const zones = await getJson<ZoneSummary[]>("/api/zones");
    await page.goto(app.url);
    await page.waitForSelector('[data-testid^="cell-"]');
    const headers = await page.locator(".overview-matrix thead th").allInnerTexts();
    for (const zone of zones) expect(headers.join(" ")).toContain(zone.shortName);
    const cells = await page.locator('[data-testid^="cell-"]').count();
    expect(cells).toBe(zones.reduce((sum, z) => sum + z.chains.length, 0));
    await saveScreenshot(page, "01-overview");

    // Sort weakest first: the first row holds the lowest completeness there is.
    await page.getByText("最薄弱在前").click();
    await page.waitForURL(/sort=weakest/);
    const lowest = Math.min(...zones.flatMap((z) => z.chains.map((c) => c.figures.completeness)));
    const firstRow = await page.locator(".overview-matrix tr[data-row-key]").first().innerText();
    expect(firstRow).toContain(`${Math.round(lowest * 100)}%`);
    await saveScreenshot(page, "02-overview-weakest-first");

    // A zone's column header sorts by that zone's completeness; chains it does not lead go last.
    const zone = zones[0]!;
    await page.locator(".overview-matrix thead th", { hasText: zone.shortName }).click();
    await page.waitForURL(new RegExp(`sort=zone(:|%3A)${zone.id}`));
    const led = [...zone.chains].sort((a, b) => a.figures.completeness - b.figures.completeness).map((c) => c.id);
    const firstRows = () =>
      page.locator(".overview-matrix tr[data-row-key]").evaluateAll((rows, n) => rows.slice(0, n).map((r) => r.getAttribute("data-row-key")), led.length);
    await expect.poll(firstRows).toEqual(led);

    const chain = zone.chains[0]!;
    await page.locator(`[data-testid="cell-${zone.id}-${chain.id}"]`).click();
    await page.waitForURL(`**/zones/${zone.id}/chains/${chain.id}`);
    await waitForMap(page);
    expect(errors).toEqual([]);
  });

  it("draws one node per segment in three swimlanes, the same positions every time", async () => {
    const { zone, chainId, map } = await pickZoneAndChain();
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}`);
    expect(await waitForMap(page)).toBe(map.segments.length);
    const lanes = await page.evaluate(() => window.__cy!.nodes(".lane").map((n) => n.data("label") as string));
    expect(lanes).toEqual(expect.arrayContaining(["上游", "中游", "下游"]));
    const positions = () =>
      page.evaluate(() => window.__cy!.nodes(".segment").map((n) => [n.id(), n.position("x"), n.position("y")] as const));
    const first = await positions();
    // Upstream lies left of midstream lies left of downstream.
    const xOf = (stage: string) => map.segments.filter((s) => s.stage === stage).map((s) => first.find(([id]) => id === s.id)![1]);
    if (xOf("upstream").length && xOf("midstream").length) expect(Math.max(...xOf("upstream"))).toBeLessThan(Math.min(...xOf("midstream")));
    if (xOf("midstream").length && xOf("downstream").length) expect(Math.max(...xOf("midstream"))).toBeLessThan(Math.min(...xOf("downstream")));
    await saveScreenshot(page, "03-chain-map");

    await page.reload();
    await waitForMap(page);
    expect(await positions()).toEqual(first);
    expect(errors).toEqual([]);
  });

  it("when a segment is clicked, then the side panel lists its local firms; double-click expands them", async () => {
    const { zone, chainId, map } = await pickZoneAndChain();
    const segment = [...map.segments].sort((a, b) => b.localFirmCount - a.localFirmCount)[0]!;
    expect(segment.localFirmCount).toBeGreaterThan(0);
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}`);
    await waitForMap(page);

    await clickNode(page, segment.id);
    await page.waitForSelector(`[data-testid="segment-panel"][data-segment-id="${segment.id}"]`);
    expect(await page.locator('[data-testid="segment-firm"]').count()).toBe(segment.localFirmCount);
    const firmNames = map.firms.filter((f) => f.segments.some((s) => s.segmentId === segment.id)).map((f) => f.name);
    const panelText = await page.locator('[data-testid="segment-panel"]').innerText();
    for (const name of firmNames) expect(panelText).toContain(name);
    expect(page.url()).toContain(`segment=${segment.id}`);
    await saveScreenshot(page, "04-segment-panel");

    await clickNode(page, segment.id, { double: true });
    await page.waitForURL(new RegExp(`expand=${segment.id}`));
    await page.waitForFunction(
      ({ id, count }) => window.__cy!.getElementById(id).children().length === count,
      { id: segment.id, count: segment.localFirmCount },
    );
    await saveScreenshot(page, "05-segment-expanded");

    await page.locator('[data-testid="toggle-expand"]').click();
    await page.waitForFunction((id) => window.__cy!.getElementById(id).children().length === 0, segment.id);
    expect(errors).toEqual([]);
  });

  it("when a gap segment is selected, then the panel says why and suggests target firms", async () => {
    const { zone, chainId, map } = await pickZoneAndChain();
    const gap = map.segments.find((s) => s.status === "missing") ?? map.segments.find((s) => s.status !== "strong")!;
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}?segment=${gap.id}`);
    await waitForMap(page);
    const reasons = page.locator('[data-testid="status-reasons"] li');
    await reasons.first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="status-reasons"]')?.textContent?.includes("加载"));
    // The diagnosis' own sentences: who covers the segment, then each gap.
    const diagnosis = (await (await app.fetch(`/api/zones/${zone.id}/chains/${chainId}/gaps`)).json()) as ChainGaps;
    const said = diagnosis.segments.find((s) => s.segmentId === gap.id)!;
    const expected = [said.coverage, ...said.gaps.map((g) => g.reason)];
    expect((await reasons.allInnerTexts()).slice(0, expected.length)).toEqual(expected);
    const targets = page.locator('[data-testid="segment-targets"]');
    await targets.locator("li, .ant-typography-secondary").first().waitFor();
    await saveScreenshot(page, "06a-gap-segment-targets");
    expect(errors).toEqual([]);
  });

  it("when a URL with a view is shared, then it reopens the same view", async () => {
    const { zone, chainId, map } = await pickZoneAndChain();
    const segment = map.segments.find((s) => s.localFirmCount > 0)!;
    const { page } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}?segment=${segment.id}&expand=${segment.id}&stage=upstream`);
    await waitForMap(page);
    await page.waitForSelector(`[data-testid="segment-panel"][data-segment-id="${segment.id}"]`);
    const state = await page.evaluate((id) => {
      const cy = window.__cy!;
      return {
        selected: cy.getElementById(id).selected(),
        expanded: cy.getElementById(id).isParent(),
        fadedOutsideUpstream: cy.nodes('.segment[stage != "upstream"]').not(".faded").empty(),
      };
    }, segment.id);
    expect(state).toEqual({ selected: true, expanded: true, fadedOutsideUpstream: true });
    await saveScreenshot(page, "06-shared-view-filtered");
  });

  it("finds a segment by search and centres on it", async () => {
    const { zone, chainId, map } = await pickZoneAndChain();
    const segment = map.segments[map.segments.length - 1]!;
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}`);
    await waitForMap(page);
    await searchInput(page).fill(segment.name);
    const option = page.locator(`[data-testid="search-option-segment-${segment.id}"]`);
    await option.waitFor();
    await option.click();
    await page.waitForFunction((id) => window.__cy!.getElementById(id).hasClass("highlight"), segment.id);
    const inView = await page.evaluate((id) => {
      const cy = window.__cy!;
      const p = cy.getElementById(id).renderedPosition();
      return p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height();
    }, segment.id);
    expect(inView).toBe(true);
    await saveScreenshot(page, "07-search-hit");
    expect(errors).toEqual([]);
  });

  it("finds the chain leader 凌钢 by its pinyin initials", async () => {
    const { page } = await openPage(browser, app);
    await page.goto(app.url);
    await searchInput(page).fill("lg");
    await page.locator('[data-testid^="search-option-firm-"]').first().waitFor();
    const options = await page.locator('[data-testid^="search-option-firm-"]').allInnerTexts();
    expect(options.some((text) => text.includes("凌") && text.includes("钢"))).toBe(true);
    await saveScreenshot(page, "08-search-pinyin");
  });

  it("at 1280 the side panel folds away: the map widens, and the panel stays folded after a reload", async () => {
    const { zone, chainId } = await pickZoneAndChain();
    const { page, errors } = await openPage(browser, app, { size: { width: 1280, height: 720 } });
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}`);
    await waitForMap(page, `${zone.id}/${chainId}`);
    /** The canvas's width, the drawn map's width on screen and the proportions it was laid out for. */
    const measure = () =>
      page.evaluate(() => {
        const canvas = document.querySelector<HTMLElement>('[data-testid="chain-map-canvas"]')!;
        return { canvas: canvas.getBoundingClientRect().width, drawn: window.__cy!.elements().renderedBoundingBox().w, key: canvas.dataset.mapKey! };
      });
    const open = await measure();
    await page.locator('[data-testid="map-panel"]').waitFor({ state: "visible" });

    await page.locator('[data-testid="panel-fold"]').click();
    await page.locator('[data-testid="map-panel"]').waitFor({ state: "detached" });
    await page.locator('[data-testid="panel-unfold"]').waitFor({ state: "visible" });
    // The canvas takes the panel's room, and the map is laid out again for its new proportions.
    await expect.poll(async () => (await measure()).key).not.toBe(open.key);
    await waitForMap(page, `${zone.id}/${chainId}`);
    const folded = await measure();
    expect(folded.canvas).toBeGreaterThan(open.canvas + 200);
    expect(folded.drawn).toBeGreaterThan(open.drawn);
    await saveScreenshot(page, "10-panel-folded-1280");

    // Folded it stays after a reload.
    await page.reload();
    await waitForMap(page, `${zone.id}/${chainId}`);
    await page.locator('[data-testid="panel-unfold"]').waitFor({ state: "visible" });
    expect(await page.locator('[data-testid="map-panel"]').count()).toBe(0);
    expect((await measure()).canvas).toBeCloseTo(folded.canvas, 0);

    await page.locator('[data-testid="panel-unfold"]').click();
    await page.locator('[data-testid="map-panel"]').waitFor({ state: "visible" });
    await expect.poll(async () => (await measure()).canvas).toBeCloseTo(open.canvas, 0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("meeting mode shows the map alone in large type, ←/→ steps through the zone's chains and Esc leaves", async () => {
    const { zone, chainId } = await pickZoneAndChain();
    const { page, errors } = await openPage(browser, app, { size: { width: 1920, height: 1080 } });
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}`);
    await waitForMap(page);
    await page.locator('[data-testid="enter-meeting"]').click();
    await page.waitForSelector('[data-testid="meeting-mode"]');
    await waitForMap(page);
    expect(page.url()).toContain("meeting=1");
    expect(await page.locator('[data-testid="map-stats"]').count()).toBe(1);
    expect(await page.locator('[data-testid="export"]').count()).toBe(0); // no editing chrome
    await saveScreenshot(page, "09-meeting-mode");

    const chains = [...zone.chains].sort((a, b) => a.rank - b.rank).map((c) => c.id);
    if (chains.length > 1) {
      const next = chains[(chains.indexOf(chainId) + 1) % chains.length]!;
      await page.keyboard.press("ArrowRight");
      await page.waitForURL(`**/zones/${zone.id}/chains/${next}?meeting=1`);
      await waitForMap(page, `${zone.id}/${next}`);
      await saveScreenshot(page, "10-meeting-next-chain");
      await page.keyboard.press("ArrowLeft");
      await page.waitForURL(`**/zones/${zone.id}/chains/${chainId}?meeting=1`);
      await waitForMap(page, `${zone.id}/${chainId}`);
    }
    await page.keyboard.press("Escape");
    await page.waitForSelector('[data-testid="meeting-mode"]', { state: "detached" });
    expect(page.url()).not.toContain("meeting=1");
    expect(errors).toEqual([]);
  });

  it("exports the map as a high-resolution PNG and as SVG", async () => {
    const { zone, chainId, map } = await pickZoneAndChain();
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}`);
    await waitForMap(page);

    await page.locator('[data-testid="export"]').hover();
    const pngDownload = page.waitForEvent("download");
    await page.locator('[data-testid="export-png"]').click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    const size = pngSize(bytes);
    expect(size).not.toBeNull();
    expect(size!.width).toBeGreaterThan(1500); // 3× the map: sharp on a projector and in print
    expect(bytes.length).toBeGreaterThan(30_000);

    await page.locator('[data-testid="export"]').hover();
    const svgDownload = page.waitForEvent("download");
    await page.locator('[data-testid="export-svg"]').click();
    const svg = readFileSync((await (await svgDownload).path())!, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    // Labels wrap at word boundaries over several <text> lines: read the text as a person would.
    const text = svg.replace(/<[^>]+>/g, "").replace(/\s+/g, "");
    for (const segment of map.segments.slice(0, 5)) expect(text).toContain(segment.name.replace(/\s+/g, ""));

    // The exported PNG itself, opened in the browser, for a person to look at.
    await page.setContent(`<img src="data:image/png;base64,${bytes.toString("base64")}" style="max-width:100%">`);
    await saveScreenshot(page, "11-exported-png");
    expect(errors).toEqual([]);
  });

  it("prints one landscape page with title, zone, date, legend and the map", async () => {
    const { zone, chainId, map } = await pickZoneAndChain();
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${zone.id}/chains/${chainId}`);
    await waitForMap(page);
    await page.locator('[data-testid="print"]').click();
    await page.waitForSelector('[data-testid="print-sheet"] svg');
    const sheet = await page.locator('[data-testid="print-sheet"]').innerText();
    expect(sheet).toContain(map.chain.name);
    expect(sheet).toContain(map.zone.name);
    expect(sheet).toMatch(/\d{4}-\d{2}-\d{2}/);
    await saveScreenshot(page, "12-print-view");

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // One page: the sheet must fit the paper.
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it("switches the interface to English and back", async () => {
    const { page } = await openPage(browser, app);
    await page.goto(app.url);
    await page.waitForSelector('[data-testid="overview-matrix"]');
    await page.locator('[data-testid="language-switch"]').click();
    await page.getByText("Chains across the development zones").waitFor();
    await saveScreenshot(page, "13-overview-english");
    await page.locator('[data-testid="language-switch"]').click();
    await page.getByText("各开发区产业链总览").waitFor();
  });

  it("shows a plain error with a retry when a map does not exist", async () => {
    const { page } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/nowhere/chains/nothing`);
    await page.waitForSelector('[data-testid="request-error"]');
    expect(await page.locator('[data-testid="retry"]').count()).toBe(1);
    await saveScreenshot(page, "14-error-state");
  });
});
