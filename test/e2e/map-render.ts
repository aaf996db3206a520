/**
 * Opens the 2,000-element map in a page (the API's answer replaced by the synthetic map)
 * and times each run from the answer to the first frame drawn after it. Shared by the
 * end-to-end test (which checks the map is drawn) and the benchmark (which keeps the time).
 */
import type { Browser } from "playwright-core";
import { bigMap, SEGMENTS } from "../support/big-map.js";
import type { RunningApp } from "../support/sample-app.js";
import { openPage, saveScreenshot, waitForMap } from "./browser.js";

export interface RenderRuns {
  timingsMs: number[];
  elementCount: number;
  errors: string[];
}

export async function renderBigMap(browser: Browser, app: RunningApp, runs: number): Promise<RenderRuns> {
  const body = JSON.stringify(bigMap());
  const { page, errors } = await openPage(browser, app, { size: { width: 1920, height: 1080 } });
  // Warm up: load the app and its code once, so the timing below is the map, not the bundle.
  await page.goto(`${app.url}/`);
  await page.waitForSelector('[data-testid^="cell-"]');
  let answeredAt = 0;
  // Each run asks for another chain id, so the client's API cache cannot answer it.
  await page.route("**/api/zones/bench/chains/bench*/map", async (route) => {
    answeredAt = await page.evaluate(() => performance.now());
    await route.fulfill({ status: 200, contentType: "application/json", body });
  });
  const notFound = { status: 404, json: { error: { code: "not_found", message: "", details: null } } };
  await page.route("**/api/zones/bench", (route) => route.fulfill(notFound));
  await page.route("**/api/zones/bench/chains/bench*/gaps", (route) => route.fulfill(notFound));

  const navigate = (path: string) =>
    page.evaluate((to) => {
      window.history.pushState({}, "", to);
      window.dispatchEvent(new PopStateEvent("popstate"));
    }, path);
  const timingsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Client-side navigation, as when a user clicks a cell of the overview.
    await navigate(`/zones/bench/chains/bench${run}`);
    const segments = await waitForMap(page, "bench/bench");
    if (segments !== SEGMENTS) throw new Error(`expected ${SEGMENTS} segments, Cytoscape has ${segments}`);
    const drawnAt = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
    timingsMs.push(drawnAt - answeredAt);
    await navigate("/");
    await page.waitForSelector('[data-testid^="cell-"]');
  }
  await navigate("/zones/bench/chains/bench0");
  await waitForMap(page, "bench/bench");
  const elementCount = await page.evaluate(() => window.__cy!.elements().length);
  await saveScreenshot(page, "20-map-2000-elements");
  await page.context().close();
  return { timingsMs, elementCount, errors: errors.filter((e) => !e.includes("404")) };
}
