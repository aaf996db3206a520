/**
 * The gap panel beside the map (counts, gap table, 卡点 flags set and taken off), the
 * weight-profile editor (the API's field errors at their field; a new profile re-ranks
 * the targets), and the lists page with a firm added by hand.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainGaps, TargetListDetail, TargetRanking } from "../../server/model/api";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, pickOption, saveScreenshot, settle, startAppAndBrowser, waitForMap } from "./browser";

const ZONE = "lingyuan";
const CHAIN = "steel";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("gaps, weight profiles and lists", () => {
  it("shows the chain's gaps beside the map, and flags a weak segment as 卡点 and back", async () => {
    const { page, errors } = await openPage(browser, app);
    const gaps = await app.json<ChainGaps>(`/api/zones/${ZONE}/chains/${CHAIN}/gaps`);
    const weak = gaps.segments.find((s) => s.status === "weak" && !s.flag)!;
    expect(weak).toBeTruthy();

    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}`);
    await waitForMap(page);
    await page.locator('[data-testid="panel-tab-gaps"]').click();
    await page.waitForURL(/panel=gaps/);
    await page.locator('[data-testid="gap-table"]').waitFor();
    for (const status of ["missing", "bottleneck", "weak", "strong"] as const)
      expect(await page.locator(`[data-testid="gap-count-${status}"]`).innerText()).toBe(String(gaps.figures.byStatus[status]));
    const rows = page.locator('[data-testid="gap-table"] tbody tr');
    expect(await rows.count()).toBe(gaps.figures.gapSegments);
    // The most urgent first: a bottleneck heads the table when there is one.
    if (gaps.figures.byStatus.bottleneck) expect(await rows.first().innerText()).toContain("卡点");
    await settle(page);
    await saveScreenshot(page, "60-gap-panel");

    // Flag: a note (the logged-in user is who), then the diagnosis and the map say 卡点.
    const row = page.locator(`[data-testid="gap-row-${weak.segmentId}"]`);
    await row.locator(`[data-testid="flag-${weak.segmentId}"]`).click();
    await page.locator('[data-testid="flag-save"]').click();
    await page.getByText("请写明为什么是卡点").waitFor();
    await page.locator('[data-testid="flag-note"]').fill("关键设备依赖进口，唯一供应商产能不足");
    await page.locator('[data-testid="flag-save"]').click();
    await row.getByText("关键设备依赖进口，唯一供应商产能不足").waitFor();
    // Said once, in the diagnosis's own words.
    expect((await row.innerText()).split("关键设备依赖进口").length - 1).toBe(1);
    const flagged = (await app.json<ChainGaps>(`/api/zones/${ZONE}/chains/${CHAIN}/gaps`)).segments.find((s) => s.segmentId === weak.segmentId)!;
    expect(flagged.flag).toMatchObject({ note: "关键设备依赖进口，唯一供应商产能不足", flaggedBy: "admin" });
    expect(flagged.status).toBe("bottleneck");
    await expect.poll(() => page.evaluate((id) => window.__cy?.getElementById(id).hasClass("status-bottleneck"), weak.segmentId)).toBe(true);
    await settle(page);
    await saveScreenshot(page, "61-gap-flagged");

    // And off again.
    await row.locator(`[data-testid="unflag-${weak.segmentId}"]`).click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await row.locator(`[data-testid="flag-${weak.segmentId}"]`).waitFor();
    expect((await app.json<ChainGaps>(`/api/zones/${ZONE}/chains/${CHAIN}/gaps`)).segments.find((s) => s.segmentId === weak.segmentId)!.flag).toBeNull();
    await expect.poll(() => page.evaluate((id) => window.__cy?.getElementById(id).hasClass("status-weak"), weak.segmentId)).toBe(true);
    expect(errors).toEqual([]);
  });

  it("edits weight profiles: the API's field errors show at the field, and a new profile re-ranks the targets", async () => {
    const { page, errors } = await openPage(browser, app);
    page.setDefaultTimeout(20_000);
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/targets`);
    await page.locator('[data-testid="targets-table"] tbody tr.ant-table-row').first().waitFor();
    await page.locator('[data-testid="edit-profile"]').click();
    await page.waitForURL(/\/profiles\/default\?back=/);
    await page.locator('[data-testid="profile-editor"]').waitFor();

    // Far nearer than near: the server refuses, and says so at 远.
    await page.locator('[data-testid="far-km"]').fill("100");
    await page.locator('[data-testid="profile-save"]').click();
    const farItem = page.locator(".ant-form-item", { has: page.locator('[data-testid="far-km"]') });
    await farItem.locator(".ant-form-item-explain-error").waitFor();
    expect(await farItem.innerText()).toContain("最远距离须大于最佳距离");
    await settle(page);
    await saveScreenshot(page, "62-profile-field-error");
    await page.getByRole("button", { name: "撤销修改" }).click();

    // A new profile that cares only about distance.
    await page.locator('[data-testid="profile-new"]').click();
    await page.locator('[data-testid="profile-new-name"]').fill("就近配套");
    await page.locator('[data-testid="profile-new-name"]').press("Enter");
    await page.waitForURL(/\/profiles\/p-[a-z0-9]+\?back=/);
    const profileId = new URL(page.url()).pathname.split("/").pop()!;
    // The URL changes a moment before the new profile's editor replaces the old one.
    await expect.poll(() => page.locator('[data-testid="profile-name"]').inputValue(), { timeout: 15_000 }).toBe("就近配套");
    for (const component of ["segmentFit", "size", "quality", "ties", "region", "freshness"]) await page.locator(`[data-testid="weight-${component}"]`).fill("0");
    await page.locator('[data-testid="weight-distance"]').fill("100");
    await page.locator('[data-testid="profile-save"]').click();
    await page.getByText("已保存方案「就近配套」").waitFor();

    // Back to the targets, ranked by the new profile: nearest first.
    await page.locator('[data-testid="profile-back"]').click();
    await page.waitForURL(/\/targets/);
    await pickOption(page, page.locator('[data-testid="filter-profile"]'), "就近配套");
    await page.waitForURL(new RegExp(`profile=${profileId}`));
    const ranking = await app.json<TargetRanking>(`/api/zones/${ZONE}/chains/${CHAIN}/targets?regionGroup=jingjinji&limit=50&profile=${profileId}`);
    expect(ranking.profile.name).toBe("就近配套");
    const distances = ranking.results.map((r) => r.distanceKm ?? Infinity);
    expect(distances[0]).toBe(Math.min(...distances));
    await expect.poll(() => page.locator('[data-testid="targets-table"] tbody tr.ant-table-row').first().innerText()).toContain(ranking.results[0]!.firm.name);
    await page.locator('[data-testid="targets-table"] .ant-spin-spinning').waitFor({ state: "detached" });
    await settle(page);
    await saveScreenshot(page, "63-targets-by-new-profile");
    // The browser logs the refused save it was told to expect; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes("400 (Bad Request)"))).toEqual([]);
  });

  it("lists a zone × chain's target lists, and adds a firm to one by hand", async () => {
    const { page, errors } = await openPage(browser, app);
    const list = await app.json<TargetListDetail>("/api/lists", {
      method: "POST",
      body: JSON.stringify({ name: "手工添加测试", zoneId: ZONE, chainId: CHAIN, createdBy: "测试", filters: { regionGroup: "jingjinji" }, top: 2 }),
    });
    const ranking = await app.json<TargetRanking>(`/api/zones/${ZONE}/chains/${CHAIN}/targets?regionGroup=jingjinji&limit=50`);
    const extra = ranking.results.find((r) => !list.entries.some((e) => e.firm.id === r.firm.id))!;

    await page.goto(`${app.url}/`);
    await page.locator('[data-testid="nav-lists"]').click();
    await pickOption(page, page.locator('[data-testid="lists-zone"]'), "凌源经开区");
    await pickOption(page, page.locator('[data-testid="lists-chain"]'), "现代钢铁冶金");
    await page.waitForURL(/zone=lingyuan&chain=steel/);
    await page.locator(`[data-testid="list-link-${list.id}"]`).click();
    await page.waitForURL(`**/lists/${list.id}`);
    await page.locator('[data-testid="pipeline-board"]').waitFor();

    await page.locator('[data-testid="add-entry"]').click();
    await page.locator('[data-testid="add-entry-search"] input, input[data-testid="add-entry-search"]').first().fill(extra.firm.name.slice(0, 4));
    await page.locator(`[data-testid="add-entry-option-${extra.firm.id}"]`).click();
    await page.locator('[data-testid="add-entry-confirm"]').click();
    await page.locator(`[data-testid="column-待接触"] [data-testid="entry-${extra.firm.id}"]`).waitFor();
    const after = await app.json<TargetListDetail>(`/api/lists/${list.id}`);
    expect(after.entries.find((e) => e.firm.id === extra.firm.id)?.history[0]?.by).toBe("admin");
    await settle(page);
    await saveScreenshot(page, "64-list-added-by-hand");
    expect(errors).toEqual([]);
  });
});
