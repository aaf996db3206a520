/**
 * A firm's 登记状态 set on its page (docs/decisions/042-firm-standing.md): the editor picks
 * 已注销/吊销, the page says the firm is closed, and the ranking leaves it out.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FirmDetail, TargetRanking } from "../../server/model/api";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, pickOption, saveScreenshot, settle, startAppAndBrowser } from "./browser";

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});
afterAll(() => closeAppAndBrowser(app, browser));

describe("a firm's 登记状态 on its page", () => {
  it("is set to closed in the firm form, shown on the page, and the firm leaves the ranking", async () => {
    const ranking = () => app.json<TargetRanking>("/api/zones/lingyuan/chains/steel/targets?limit=200");
    const firm = (await ranking()).results[0]!.firm;
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/firms/${firm.id}`);
    await page.locator('[data-testid="firm-name"]').waitFor();
    expect(await page.locator('[data-testid="firm-standing-value"]').innerText()).toContain("未知");
    await page.locator('[data-testid="firm-edit"]').click();
    await pickOption(page, page.locator('[data-testid="firm-editor"] [data-testid="firm-standing"]'), "已注销/吊销");
    await page.locator('[data-testid="firm-save"]').click();
    await page.locator('[data-testid="firm-closed"]').waitFor();
    await settle(page);
    await saveScreenshot(page, "firm-standing-closed");
    expect(await page.locator('[data-testid="firm-standing-value"]').innerText()).toContain("已注销/吊销");
    expect(await app.json<FirmDetail>(`/api/firms/${firm.id}`)).toMatchObject({ standing: "closed" });
    expect((await ranking()).results.map((r) => r.firm.id)).not.toContain(firm.id);
    expect(errors).toEqual([]);
  });
});
