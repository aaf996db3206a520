/**
 * A map of 2,000 elements (600 segments, 1,400 links) is drawn completely and without
 * errors. How fast is the benchmark's business (npm run bench), not a test's.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, startAppAndBrowser } from "./browser";
import { renderBigMap } from "./map-render";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("a large chain map", () => {
  it("draws all of a 2,000-element map, every time it is opened", async () => {
    const { elementCount, errors, timingsMs } = await renderBigMap(browser, app, 2);
    expect(elementCount).toBeGreaterThanOrEqual(2000);
    expect(timingsMs).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
