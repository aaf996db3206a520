/**
 * Names are text, never HTML: a firm whose name is an HTML payload shows as those very
 * characters on the firm page, in a segment's panel, in search and among the targets,
 * and no element is ever made from it.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSample } from "../../seed/sample";
import { startSampleApp, type RunningApp } from "../support/sample-app";
import { clickNode, launchBrowser, openPage, saveScreenshot, searchInput, waitForMap } from "./browser";

const PAYLOAD = "<img src=x onerror=alert(1)>";

let app: RunningApp;
let browser: Browser;
const sample = readSample();
// A local firm in one of its zone's leading chains; and every candidate firm of that chain.
const chainOf = (segmentId: string) => sample.segments.find((s) => s.id === segmentId)!.chainId;
const local = sample.firms.find((f) =>
  sample.operatesIn.some((o) => o.firmId === f.id && sample.zoneChains.some((zc) => zc.zoneId === f.zoneId && zc.chainId === chainOf(o.segmentId))),
)!;
const localSegmentId = sample.operatesIn.find((o) => o.firmId === local.id && sample.zoneChains.some((zc) => zc.zoneId === local.zoneId && zc.chainId === chainOf(o.segmentId)))!.segmentId;
const chainId = chainOf(localSegmentId);
const zoneId = local.zoneId!;
Object.assign(local, { name: PAYLOAD, aliases: [] });
sample.firms
  .filter((f) => f.sample && sample.operatesIn.some((o) => o.firmId === f.id && chainOf(o.segmentId) === chainId))
  .forEach((f, i) => Object.assign(f, { name: `${PAYLOAD}<script>alert(2)</script>${i}`, aliases: [] }));

beforeAll(async () => {
  [app, browser] = await Promise.all([startSampleApp({ sample }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** No element came from the payload, and no dialog opened. */
async function expectInert(page: Page, dialogs: string[]) {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].filter((s) => s.textContent?.includes("alert(")).length)).toBe(0);
  expect(dialogs).toEqual([]);
}

describe("names rendered as text", () => {
  it("shows an HTML payload in a firm's name as plain characters everywhere it appears", async () => {
    const { page, errors } = await openPage(browser, app);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await page.goto(`${app.url}/firms/${local.id}`);
    await expect.poll(() => page.locator('[data-testid="firm-name"]').innerText()).toContain(PAYLOAD);
    await expectInert(page, dialogs);

    await page.goto(`${app.url}/zones/${zoneId}/chains/${chainId}`);
    await waitForMap(page);
    await clickNode(page, localSegmentId);
    await page.waitForSelector(`[data-testid="segment-panel"][data-segment-id="${localSegmentId}"]`);
    expect(await page.locator('[data-testid="segment-panel"]').innerText()).toContain(PAYLOAD);
    await expectInert(page, dialogs);

    await searchInput(page).fill("img src");
    await page.locator(`[data-testid="search-option-firm-${local.id}"]`).waitFor();
    expect(await page.locator(`[data-testid="search-option-firm-${local.id}"]`).innerText()).toContain(PAYLOAD);
    await expectInert(page, dialogs);

    await page.goto(`${app.url}/zones/${zoneId}/chains/${chainId}/targets`);
    await page.getByText(`${PAYLOAD}<script>alert(2)</script>`, { exact: false }).first().waitFor();
    await saveScreenshot(page, "90-names-as-text");
    await expectInert(page, dialogs);
    expect(errors).toEqual([]);
  });
});
