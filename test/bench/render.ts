/**
 * The render figure of the benchmark: the 2,000-element map in headless Chromium, from
 * the API's answer to the first frame, best of five (other work on the machine should not
 * decide it). Needs the built client (npm run build).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { CLIENT_DIR } from "../../server/app.js";
import { launchBrowser } from "../e2e/browser.js";
import { renderBigMap } from "../e2e/map-render.js";
import { startSampleApp } from "../support/sample-app.js";

export async function measureRender(runs = 5): Promise<{ renderMs: number; runsMs: number[]; elements: number }> {
  if (!existsSync(path.join(CLIENT_DIR, "index.html"))) throw new Error("Build the client first: npm run build");
  const [app, browser] = await Promise.all([startSampleApp(), launchBrowser()]);
  try {
    const { timingsMs, elementCount } = await renderBigMap(browser, app, runs);
    return { renderMs: Math.round(Math.min(...timingsMs)), runsMs: timingsMs.map(Math.round), elements: elementCount };
  } finally {
    await browser.close();
    await app.close();
  }
}
