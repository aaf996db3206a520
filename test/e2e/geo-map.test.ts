/**
 * 招商地图 in Chromium on the sample: beside the targets table it draws China with the
 * ranking's provinces shaded, the zone and its rings; a click on a province drills down and
 * filters the table to it (the URL carries the area), the breadcrumb comes back up; the PNG
 * carries title and legend; meeting mode keeps type at 18 px or more; a target list shows
 * the same view and narrows its board. (Every zone × chain of the sample is checked through
 * the API: test/integration/target-geography-sample.test.ts.) Screenshots
 * at 1280×720 go to test-artifacts/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TargetGeography, TargetListDetail } from "../../server/model/api";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, pngSize, saveScreenshot, startAppAndBrowser } from "./browser";

const ZONE = "lingyuan";
const CHAIN = "steel";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});

afterAll(() => closeAppAndBrowser(app, browser));

/** Waits until the map has drawn the outlines of `map` ("china" or "province-<code>") with its data. */
async function waitForGeo(page: Page, map: string): Promise<void> {
  await page.waitForFunction((name) => {
    const box = document.querySelector<HTMLElement>('[data-testid="geo-map"]');
    const chart = window.__geoMap;
    return box?.dataset.drawn === name && !!chart && (chart.getOption() as { geo: { map: string }[] }).geo[0]!.map === name;
  }, map);
}

/** Clicks where a point (longitude, latitude) is drawn on the map, as a person would. */
async function clickAt(page: Page, point: [number, number]): Promise<void> {
  const pixel = await page.evaluate((p) => window.__geoMap!.convertToPixel({ geoIndex: 0 }, p) as number[], point);
  const box = (await page.locator('[data-testid="geo-map"]').boundingBox())!;
  await page.mouse.click(box.x + pixel[0]!, box.y + pixel[1]!);
}

const rowRegions = (page: Page) => page.locator('[data-testid="targets-table"] tbody tr.ant-table-row td:nth-child(4) > div:first-child').allTextContents();

describe("招商地图", () => {
  it("draws the ranking on China, drills into a province on a click that filters the table, and comes back by the breadcrumb", async () => {
    const { page, errors } = await openPage(browser, app);
    const geography = await app.json<TargetGeography>(`/api/zones/${ZONE}/chains/${CHAIN}/targets/geography?limit=50&profile=default`);
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/targets?group=all`);
    await page.locator('[data-testid="targets-table"] tbody tr.ant-table-row').first().waitFor();
    const allRows = (await rowRegions(page)).length;
    await page.locator('[data-testid="toggle-geo-map"]').click();
    await waitForGeo(page, "china");
    expect(page.url()).toContain("map=1");

    // What is drawn: a shaded province per province of the ranking, the zone, both rings, the legend and title.
    const drawn = await page.evaluate(() => {
      const option = window.__geoMap!.getOption() as any;
      return {
        // ECharts lists every outline; the shaded ones have a count.
        regions: option.series[0].data.filter((d: { value: number }) => d.value > 0).map((d: { name: string; value: number }) => [d.name, d.value]),
        series: option.series.map((s: { type: string; name: string }) => `${s.type}:${s.name}`),
        title: option.title[0].text,
        legend: option.legend[0].data,
      };
    });
    expect(drawn.regions).toEqual(expect.arrayContaining(geography.provinces.map((p) => [p.code, p.count])));
    expect(drawn.regions).toHaveLength(geography.provinces.length);
    expect(drawn.series).toEqual(expect.arrayContaining(["scatter:本区", `lines:最佳距离 ${geography.profile.nearKm} 公里`, `lines:最远距离 ${geography.profile.farKm} 公里`]));
    expect(drawn.title).toContain("招商地图");
    expect(drawn.legend).toContain("本区");
    await saveScreenshot(page, "geo-map-china-1280x720");

    // A click on the province with the most candidates (not the zone's own, where the pin sits).
    const province = [...geography.provinces].filter((p) => p.code !== `${geography.zone.countyCode.slice(0, 2)}0000` && p.point).sort((a, b) => b.count - a.count)[0]!;
    await clickAt(page, province.point!);
    await page.waitForURL((url) => url.searchParams.get("area") === province.code);
    await waitForGeo(page, `province-${province.code}`);
    await page.locator(`[data-testid="geo-crumb-${province.code}"]`).waitFor();
    await page.waitForFunction(
      ([name, count]) => {
        const rows = [...document.querySelectorAll('[data-testid="targets-table"] tbody tr.ant-table-row td:nth-child(4) > div:first-child')];
        return rows.length === count && rows.every((r) => r.textContent!.startsWith(name as string));
      },
      [province.name, Math.min(province.count, 50)] as const,
    );
    // The table's rows are the province's, each of them.
    const regions = await rowRegions(page);
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) expect(region.startsWith(province.name)).toBe(true);
    await expect(page.locator('[data-testid="filter-area"]').textContent()).resolves.toContain(province.name);
    await saveScreenshot(page, "geo-map-province-1280x720");

    // Back to China by the breadcrumb: the area goes from the URL and the table is whole again.
    await page.locator('[data-testid="geo-crumb-china"]').click();
    await page.waitForURL((url) => !url.searchParams.has("area"));
    await waitForGeo(page, "china");
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid="targets-table"] tbody tr.ant-table-row').length === count, allRows);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("ordered by 补链效果, draws the rows the table shows and says so", async () => {
    const { page, errors } = await openPage(browser, app);
    const geography = await app.json<TargetGeography>(`/api/zones/${ZONE}/chains/${CHAIN}/targets/geography?limit=10&profile=default&order=effect`);
    expect(geography.order).toBe("effect");
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/targets?group=all&limit=10&order=effect&map=1`);
    await waitForGeo(page, "china");
    await page.waitForFunction((text) => (window.__geoMap!.getOption() as any).title[0].subtext.startsWith(text), `补链效果前 ${geography.shown} 家`);
    const drawn = await page.evaluate(() =>
      ((window.__geoMap!.getOption() as any).series[0].data as { name: string; value: number }[]).filter((d) => d.value > 0).map((d) => [d.name, d.value]),
    );
    expect(drawn).toEqual(expect.arrayContaining(geography.provinces.map((p) => [p.code, p.count])));
    expect(drawn).toHaveLength(geography.provinces.length);
    // Every row the table shows is counted once, and nothing else.
    const rows = await rowRegions(page);
    expect(rows).toHaveLength(geography.shown);
    expect(geography.provinces.reduce((n, p) => n + p.count, 0) + (geography.unknown?.count ?? 0)).toBe(rows.length);
    await saveScreenshot(page, "geo-map-effect-1280x720");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("saves a PNG with title and legend, and reads in meeting mode", async () => {
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/targets?group=all&map=1`);
    await waitForGeo(page, "china");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-testid="geo-png"]').click()]);
    expect(download.suggestedFilename()).toMatch(/招商地图\.png$/);
    const bytes = Buffer.from(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)));
    expect(pngSize(bytes)?.width).toBeGreaterThan(1000);

    await page.locator('[data-testid="geo-meeting"]').click();
    await page.waitForURL((url) => url.searchParams.get("map") === "meeting");
    await page.waitForFunction(() => (window.__geoMap!.getOption() as any).title[0].textStyle.fontSize >= 30);
    const smallest = await page.evaluate(() => {
      const option = window.__geoMap!.getOption() as any;
      return Math.min(option.series[1].label.fontSize, option.legend[0].textStyle.fontSize, option.visualMap[0].textStyle.fontSize, option.tooltip[0].textStyle.fontSize);
    });
    expect(smallest).toBeGreaterThanOrEqual(18);
    const panel = (await page.locator('[data-testid="geo-panel"]').boundingBox())!;
    expect(panel).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
    await saveScreenshot(page, "geo-map-meeting-1280x720");
    await page.keyboard.press("Escape");
    await page.waitForURL((url) => url.searchParams.get("map") === "1");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows where a target list's entries are, and a region click narrows its board", async () => {
    const created = await app.fetch("/api/lists", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "全国钢铁目标", zoneId: ZONE, chainId: CHAIN, top: 20, filters: {} }),
    });
    const list = (await created.json()) as TargetListDetail;
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/lists/${list.id}?map=1`);
    await waitForGeo(page, "china");
    const province = await page.evaluate(() => (window.__geoMap!.getOption() as any).series[0].data.filter((d: { value: number }) => d.value > 0).sort((a: { value: number }, b: { value: number }) => b.value - a.value)[0] as { name: string; value: number });
    await page.locator(`[data-testid="geo-side-${province.name}"] button`).click();
    await page.waitForURL((url) => url.searchParams.get("area") === province.name);
    await waitForGeo(page, `province-${province.name}`);
    await expect(page.locator('[data-testid^="entry-"][data-status]').count()).resolves.toBe(province.value);
    await saveScreenshot(page, "geo-map-list-1280x720");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
