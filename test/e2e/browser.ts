/**
 * Debian's Chromium through playwright-core: headless, no sandbox (containers and CI run
 * as root), nothing phoning home. Screenshots go to test-artifacts/ (git-ignored).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import type { Browser, Locator, Page } from "playwright-core";
import type { Role } from "../../server/model/accounts.js";
import { startSampleApp } from "../support/sample-app.js";
import type { RunningApp } from "../support/sample-app.js";

export const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A test file's sample app and Chromium, started side by side. */
export function startAppAndBrowser(): Promise<[RunningApp, Browser]> {
  return Promise.all([startSampleApp(), launchBrowser()]);
}

/** Closes what `startAppAndBrowser` started, whichever of the two came up. */
export async function closeAppAndBrowser(app: RunningApp | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await app?.close();
}

export interface PageOptions {
  size?: { width: number; height: number };
  /** Who the page is logged in as (default: admin). */
  role?: Role;
}

/**
 * A page logged in to `app` (or not logged in, for null) that records console errors and
 * uncaught exceptions, so a test can insist on none.
 */
export async function openPage(browser: Browser, app: RunningApp | null, { size = { width: 1280, height: 720 }, role = "admin" }: PageOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true, locale: "zh-CN" });
  if (app) await context.addCookies([{ name: "chainatlas_session", value: await app.sessionCookie(role), url: app.url, httpOnly: true, sameSite: "Strict" }]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/**
 * Waits until the canvas has drawn a map (the one of `zoneId/chainId` if given, not the
 * one still on screen from before a navigation) and returns Cytoscape's segment count.
 */
export async function waitForMap(page: Page, zoneAndChain?: string): Promise<number> {
  const count = await page.waitForFunction((key) => {
    const container = document.querySelector<HTMLElement>('[data-testid="chain-map-canvas"][data-ready="true"]');
    const cy = window.__cy;
    if (!container || !cy || cy.container() !== container) return false;
    if (key && !container.dataset.mapKey?.startsWith(`${key}/`)) return false;
    return cy.nodes(".segment").length;
  }, zoneAndChain);
  return (await count.jsonValue()) as number;
}

/** Clicks a node where it is drawn, as a person would. */
export async function clickNode(page: Page, nodeId: string, options: { double?: boolean } = {}): Promise<void> {
  const point = await page.evaluate((id) => {
    const cy = window.__cy!;
    const node = cy.getElementById(id);
    const rendered = node.renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return { x: box.left + rendered.x, y: box.top + rendered.y };
  }, nodeId);
  if (options.double) await page.mouse.dblclick(point.x, point.y);
  else await page.mouse.click(point.x, point.y);
}

/** Reads width and height from a PNG's IHDR chunk (after the 8-byte signature). */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Waits until the page's CSS animations and transitions (drawers, dialogs, toasts) have
 * run, for a screenshot that shows them in place. Endless ones (spinners) are not waited for.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** The header's search field (antd may put the test id on the input or on its wrapper). */
export function searchInput(page: Page) {
  return page.locator('input[data-testid="search-input"], [data-testid="search-input"] input').first();
}

/** Whether some Select dropdown is on screen (closed ones stay in the page, hidden). */
const DROPDOWN_OPEN = ".ant-select-dropdown:visible";

/** Waits until no Select dropdown is on screen: an open one covers whatever lies below it. */
export async function dropdownsClosed(page: Page): Promise<void> {
  await page.locator(DROPDOWN_OPEN).first().waitFor({ state: "hidden" });
}

/**
 * Chooses `option` in an antd Select as a person would, and returns once the choice has
 * been made and the dropdown has gone. Each step waits for a state, not for time: nothing
 * is moving (a dialog zooming in carries the select and its dropdown with it), the option
 * is in the dropdown that is open now, and afterwards no dropdown covers the page. A
 * multiple select stays open for more choices; Escape closes it, as a person would.
 */
export async function pickOption(page: Page, select: Locator, option: string | RegExp, { multiple = false } = {}): Promise<void> {
  await dropdownsClosed(page);
  await settle(page);
  await select.click();
  const choice = page.locator(`${DROPDOWN_OPEN} .ant-select-item-option`).filter({ hasText: option }).first();
  await choice.waitFor();
  await settle(page);
  await choice.click();
  if (multiple) await page.keyboard.press("Escape");
  await dropdownsClosed(page);
  await settle(page);
}
