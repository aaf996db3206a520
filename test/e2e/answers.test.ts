/**
 * The answers on screen: a target that signed shows as won, not ranked; a branch and
 * missing data are marked; region groups come in the chain's own order; capital in
 * dollars reads as given and follows the rate an admin sets on 设置; sources read as
 * document titles and 公开资料; audit actions in words; a search too long says so.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FirmDetail, TargetListDetail, TargetRanking } from "../../server/model/api";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, saveScreenshot, searchInput, settle, startAppAndBrowser, waitForMap } from "./browser";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});

afterAll(() => closeAppAndBrowser(app, browser));

/** Visible text with no English a Chinese reader would trip over. */
const ENGLISH = /public information|entered by|\.txt\b|\b(firm|segment|flag|setting|list-entry)\.(create|update|delete|set|unset|add|move)\b/i;

/** Points as every screen prints them: to the tenth. */
const points = (x: number) => {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
};

describe("answers on screen", () => {
  it("shows a target's score as one number: the targets page, its breakdown, the map's panel and the list it was added to", async () => {
    const chain = "/api/zones/lingyuan/chains/steel";
    // The first gap with a few candidates in 京津冀 (where the targets page looks unless told otherwise).
    let gap!: TargetRanking["targetSegments"][number];
    let bySegment!: TargetRanking;
    for (const segment of (await app.json<TargetRanking>(`${chain}/targets?limit=1`)).targetSegments) {
      [gap, bySegment] = [segment, await app.json<TargetRanking>(`${chain}/targets?segment=${segment.id}&regionGroup=jingjinji&limit=5`)];
      if (bySegment.results.length >= 2) break;
    }
    const top = bySegment.results[0]!;
    const { page, errors } = await openPage(browser, app, { size: { width: 1500, height: 1000 } });

    // The targets page for the gap: the total, the stated order, and points that add up to it.
    await page.goto(`${app.url}/zones/lingyuan/chains/steel/targets?segment=${gap.id}`);
    const score = page.locator(`[data-testid="score-${top.firm.id}"]`);
    await score.waitFor();
    expect(await score.locator(".score-total").innerText()).toBe(points(top.total));
    expect(await page.locator('[data-testid="score-order"]').innerText()).toContain("总分相同的按注册资本");
    await score.click();
    const cells = await page.locator('[data-testid="score-breakdown"] tbody tr td:nth-of-type(3)').allInnerTexts();
    const shownParts = cells.filter((c) => c !== "—").map(Number);
    expect(points(shownParts.reduce((a, b) => a + b, 0))).toBe(points(top.total));
    expect(await page.locator('[data-testid="score-breakdown"] tfoot b').innerText()).toBe(points(top.total));
    // Each part says what it was scored on.
    expect(await page.locator('[data-testid="score-basis-distance"]').innerText()).toBe(top.distanceKm === null ? "无坐标" : `约 ${top.distanceKm} 公里`);
    expect(await page.locator('[data-testid="score-basis-freshness"]').innerText()).toBe(top.firm.asOf ? `数据日期 ${top.firm.asOf}` : "数据日期未知");

    // The map's panel for the same gap shows the page's first five, with the same ranks and scores, and says where from.
    await page.goto(`${app.url}/zones/lingyuan/chains/steel?segment=${gap.id}`);
    await waitForMap(page);
    const panel = page.locator('[data-testid="segment-targets"]');
    await panel.locator(".target-score").first().waitFor();
    expect(await panel.locator(".target-score").allInnerTexts()).toEqual(bySegment.results.map((r) => points(r.total)));
    expect(await panel.locator(".firm-name").allInnerTexts()).toEqual(bySegment.results.map((r) => `${r.rank}. ${r.firm.name}`));
    expect(await panel.locator("h5").innerText()).toContain("京津冀");

    // Added to an existing list from the ranking: the card shows the ranking's score.
    const filters = { segment: gap.id, regionGroup: "jingjinji" };
    const list = await app.json<TargetListDetail>("/api/lists", { method: "POST", body: JSON.stringify({ name: "一个分数", zoneId: "lingyuan", chainId: "steel", filters, top: 1 }) });
    const second = bySegment.results[1]!;
    await app.json(`/api/lists/${list.id}/entries`, { method: "POST", body: JSON.stringify({ firmId: second.firm.id, ranking: filters }) });
    await page.goto(`${app.url}/lists/${list.id}`);
    for (const r of [top, second]) {
      const card = page.locator(`[data-testid="entry-${r.firm.id}"]`);
      await card.waitFor();
      expect(await card.innerText()).toContain(`${points(r.total)} 分`);
    }
    expect(errors).toEqual([]);
  });


  it("ranks targets as a promotion officer would act on them: signed firms shown as won, branches and missing data marked, the chain's own target areas first", async () => {
    const ranking = await app.json<TargetRanking>("/api/zones/chaoyang-hitech/chains/tire/targets?regionGroup=jingjinji");
    const signing = ranking.results.find((r) => r.decisionMaker)!;
    const list = await app.json<TargetListDetail>("/api/lists", { method: "POST", body: JSON.stringify({ name: "签约测试", zoneId: "chaoyang-hitech", chainId: "tire", firmIds: [signing.firm.id] }) });
    const entry = list.entries[0]!;
    await app.json(`/api/lists/${list.id}/entries/${entry.id}`, { method: "PATCH", body: JSON.stringify({ version: entry.version, status: "已签约" }) });

    const { page, errors } = await openPage(browser, app, { size: { width: 1500, height: 1000 } });
    await page.goto(`${app.url}/zones/chaoyang-hitech/chains/tire/targets`);
    await page.locator('[data-testid="targets-table"] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid="targets-won"]').innerText()).toContain(signing.firm.name);
    expect(await page.locator(`[data-testid="target-firm-${signing.firm.id}"]`).count()).toBe(0);
    // A branch with no known head office, and a firm whose capital nobody knows.
    const branch = ranking.results.find((r) => !r.decisionMaker)!;
    await page.locator(`[data-testid="target-branch-${branch.firm.id}"]`).waitFor();
    const incomplete = ranking.results.find((r) => r.dataNote && r.firm.id !== signing.firm.id)!;
    await page.locator(`[data-testid="score-incomplete-${incomplete.firm.id}"]`).waitFor();
    expect(await page.locator(`[data-testid="target-capital-${incomplete.firm.id}"]`).innerText()).toContain(incomplete.firm.capital === null ? "未知" : "万元");
    await settle(page);
    await saveScreenshot(page, "93-targets-won-branch-incomplete");

    // Steel's own target areas come first, then 京津冀; no other chain's target areas.
    await page.goto(`${app.url}/zones/lingyuan/chains/steel/targets`);
    await page.locator('[data-testid="filter-group"]').click();
    // The dropdown opens before its options are drawn: read them once they are.
    const options = page.locator(".ant-select-dropdown:visible .ant-select-item-option");
    await options.first().waitFor();
    await expect.poll(async () => (await options.allInnerTexts()).slice(0, 3)).toEqual(["不限区域组", "钢铁冶金招商重点区域", "京津冀"]);
    const labels = await options.allInnerTexts();
    expect(labels).not.toContain("汽车及零部件招商重点区域");
    await page.keyboard.press("Escape");
    expect(errors).toEqual([]);
  });

  it("shows capital in dollars as given and follows the rate an admin sets on 设置; sources read as titles and 公开资料", async () => {
    const firm = await app.json<FirmDetail>("/api/firms", { method: "POST", body: JSON.stringify({ name: "天津美资轮胎有限公司", regionCode: "120116", capital: 500, capitalCurrency: "USD" }) });
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/firms/${firm.id}`);
    expect(await page.locator('[data-testid="firm-capital-value"]').innerText()).toBe("3,594.2 万元（500 万美元）");
    expect(await page.locator('[data-testid="firm-source-label"]').innerText()).toBe("admin 录入");

    await page.goto(`${app.url}/admin/settings`);
    const usd = page.locator('[data-testid="rate-row"]', { has: page.locator('[title="美元 USD"]') });
    await usd.locator('input[data-testid="rate-value"], [data-testid="rate-value"] input').first().fill("7");
    await usd.locator('[data-testid="rate-date"]').fill("2026-11-20");
    await page.locator('[data-testid="rates-save"]').click();
    await page.getByText("相关企业的注册资本已按新汇率折算").waitFor();
    await settle(page);
    await saveScreenshot(page, "94-settings-rates");
    await page.goto(`${app.url}/firms/${firm.id}`);
    expect(await page.locator('[data-testid="firm-capital-value"]').innerText()).toBe("3,500 万元（500 万美元）");

    // A sample firm from public information, and one a document names.
    await page.goto(`${app.url}/firms/hbis-group`);
    expect(await page.locator('[data-testid="firm-source-label"]').innerText()).toBe("公开资料");
    await page.goto(`${app.url}/firms/xuyang-coking`);
    const source = page.locator('[data-testid="firm-source-label"]');
    await expect.poll(() => source.innerText(), { timeout: 10_000 }).toContain("《谱写红山脚下辉煌乐章");
    expect(await source.innerText()).not.toMatch(ENGLISH);
    expect(errors).toEqual([]);
  });

  it("says audit actions in words, and a search too long in its box", async () => {
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/admin/audit`);
    await page.locator('[data-testid="audit-action-label"]').first().waitFor();
    const table = await page.locator(".ant-table-tbody").innerText();
    expect(table).toMatch(/企业 · 新增|清单条目 · 移动|系统设置 · 修改/);
    expect(table).not.toMatch(ENGLISH);

    await page.goto(`${app.url}/zones/lingyuan/chains/steel`);
    await waitForMap(page);
    const search = searchInput(page);
    await search.fill("凌".repeat(60));
    expect(await search.inputValue()).toHaveLength(50);
    expect(await page.locator('[data-testid="search-notice"]').first().innerText()).toContain("50 字上限");
    await settle(page);
    await saveScreenshot(page, "95-search-too-long");

    // The segment panel names its source by title.
    await page.goto(`${app.url}/zones/lingyuan/chains/steel?segment=steel-coke`);
    await waitForMap(page);
    const segmentSource = page.locator('[data-testid="segment-source-label"]');
    await expect.poll(() => segmentSource.innerText(), { timeout: 10_000 }).toContain("《");
    expect(await segmentSource.innerText()).not.toMatch(ENGLISH);
    expect(errors).toEqual([]);
  });
});
