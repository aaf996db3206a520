/**
 * Meeting mode on the projectors it is shown on: at 1024×768, 1280×720 and 1920×1080,
 * for every chain of the sample and every stage page, the header fits the screen and
 * every segment label renders at 18 px or more (Cytoscape's zoom × font size), whole and
 * inside its box. Screenshots at 1280×720 go to test-artifacts/ for a person.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZoneSummary } from "../../server/model/api";
import { MIN_SCREEN_FONT } from "../../client/src/model/meeting";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, saveScreenshot, settle, startAppAndBrowser, waitForMap } from "./browser";

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

let app: RunningApp;
let browser: Browser;
/** Each chain of the sample once, in a zone that leads it. */
let chains: { zoneId: string; chainId: string }[];

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
  const zones = (await (await app.fetch("/api/zones")).json()) as ZoneSummary[];
  const seen = new Map<string, string>();
  for (const zone of zones) for (const chain of zone.chains) if (!seen.has(chain.id)) seen.set(chain.id, zone.id);
  chains = [...seen].map(([chainId, zoneId]) => ({ zoneId, chainId }));
});

afterAll(() => closeAppAndBrowser(app, browser));

interface PageCheck {
  smallestFont: number;
  /** Labels cut with … or wider or taller than their box. */
  badLabels: string[];
  /** Elements of the header reaching past the screen, or cut inside it. */
  headerOverflow: string[];
  segmentCount: number;
  pageText: string | null;
}

/** Measures what a person at the back of the room sees on the current page of meeting mode. */
function checkMeetingPage(page: Page): Promise<PageCheck> {
  return page.evaluate(() => {
    const cy = window.__cy!;
    const zoom = cy.zoom();
    const context = document.createElement("canvas").getContext("2d")!;
    const badLabels: string[] = [];
    let smallestFont = Infinity;
    cy.nodes(".segment, .external, .fold").forEach((node) => {
      // The style Cytoscape draws with (its typings leave pstyle out).
      const style = (name: string) => (node as unknown as { pstyle(name: string): { pfValue: number; strValue: string } }).pstyle(name);
      const fontSize = style("font-size").pfValue;
      if (node.hasClass("segment")) smallestFont = Math.min(smallestFont, fontSize * zoom);
      const label = node.data("label") as string;
      context.font = `${style("font-weight").strValue} ${fontSize}px ${style("font-family").strValue}`;
      const lines = label.split("\n");
      const widest = Math.max(...lines.map((line) => context.measureText(line).width));
      const border = style("border-width").pfValue;
      if (label.includes("…")) badLabels.push(`${label} (cut)`);
      if (widest > node.width() - 2 * border) badLabels.push(`${label} (${Math.round(widest)} px wide in ${node.width()})`);
      if (lines.length * fontSize * 1.25 > node.height() - 2 * border) badLabels.push(`${label} (${lines.length} lines in ${node.height()} px)`);
    });
    const headerOverflow: string[] = [];
    const bar = document.querySelector<HTMLElement>('[data-testid="meeting-bar"]')!;
    if (bar.scrollWidth > bar.clientWidth + 1) headerOverflow.push(`bar scrolls (${bar.scrollWidth} > ${bar.clientWidth})`);
    for (const element of bar.querySelectorAll<HTMLElement>("h1, .stat, .meeting-position, button")) {
      const box = element.getBoundingClientRect();
      if (box.right > window.innerWidth + 0.5 || box.left < -0.5) headerOverflow.push(`${element.textContent} reaches past the screen`);
      if (element.scrollWidth > element.clientWidth + 1) headerOverflow.push(`${element.textContent} is cut`);
    }
    return {
      smallestFont,
      badLabels,
      headerOverflow,
      segmentCount: cy.nodes(".segment").length,
      pageText: document.querySelector('[data-testid="meeting-page"]')?.textContent ?? null,
    };
  });
}

describe("meeting mode on a projector", () => {
  for (const size of SIZES)
    it(`at ${size.width}×${size.height}, every chain reads from the back of the room`, async () => {
      const { page, errors } = await openPage(browser, app, { size });
      const smallest: number[] = [];
      for (const { zoneId, chainId } of chains) {
        const segmentTotal = ((await (await app.fetch(`/api/zones/${zoneId}/chains/${chainId}/map`)).json()) as { segments: unknown[] }).segments.length;
        await page.goto(`${app.url}/zones/${zoneId}/chains/${chainId}?meeting=1`);
        await page.waitForSelector('[data-testid="meeting-mode"]');
        await waitForMap(page, `${zoneId}/${chainId}`);
        let shown = 0;
        for (let pageNumber = 1; ; pageNumber++) {
          await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="chain-map-canvas"]')?.dataset.mapKey?.includes(`/meeting/${n}/`), pageNumber);
          await settle(page);
          const check = await checkMeetingPage(page);
          const where = `${chainId} at ${size.width}×${size.height}, page ${pageNumber}`;
          expect(check.smallestFont, where).toBeGreaterThanOrEqual(MIN_SCREEN_FONT);
          expect(check.badLabels, where).toEqual([]);
          expect(check.headerOverflow, where).toEqual([]);
          smallest.push(check.smallestFont);
          shown += check.segmentCount;
          if (size.width === 1280) await saveScreenshot(page, `meeting-1280x720-${chainId}-${pageNumber}`);
          const [, index, total] = /(\d+)\/(\d+)/.exec(check.pageText ?? "1/1")!;
          if (index === total) break;
          await page.keyboard.press("ArrowDown");
        }
        // The pages together show every segment of the chain, each once.
        expect(shown, chainId).toBe(segmentTotal);
      }
      console.log(`meeting ${size.width}×${size.height}: smallest segment label ${Math.min(...smallest).toFixed(1)} px`);
      expect(errors).toEqual([]);
      await page.context().close();
    });
});
