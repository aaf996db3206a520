/**
 * From ranking to a landed project, end to end: rank targets, save two as a list, move
 * them on the pipeline board (by dragging and with the keyboard's status select), meet a
 * concurrent change, see the signed segment on the map as being filled, and export the
 * list as an Excel file that opens.
 */
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainMap, ListEntry, TargetListDetail, TargetRanking } from "../../server/model/api";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, pickOption, saveScreenshot, settle, startAppAndBrowser, waitForMap } from "./browser";

const ZONE = "lingyuan";
const CHAIN = "steel";
/** The logged-in user (the test page logs in as the admin) is recorded with every change. */
const WHO = "admin";

let app: RunningApp;
let browser: Browser;

const bestSegment = (target: TargetRanking["results"][number]) => [...target.segments].sort((a, b) => b.confidence - a.confidence)[0]!.segmentId;

/** Two targets whose best segment nothing fills yet, so the map's change can only come from us. */
async function pickTargets() {
  const [ranking, map] = await Promise.all([
    app.json<TargetRanking>(`/api/zones/${ZONE}/chains/${CHAIN}/targets?regionGroup=jingjinji&limit=50`),
    app.json<ChainMap>(`/api/zones/${ZONE}/chains/${CHAIN}/map`),
  ]);
  const unfilled = new Set(map.segments.filter((s) => !s.filling).map((s) => s.id));
  const picks = ranking.results.filter((r) => unfilled.has(bestSegment(r)));
  const signed = picks[0]!;
  const other = picks.find((r) => bestSegment(r) !== bestSegment(signed))!;
  expect(signed && other).toBeTruthy();
  return { signed, other, segmentId: bestSegment(signed) };
}

async function entryStatus(page: Page, firmId: string) {
  return page.locator(`[data-testid="entry-${firmId}"]`).getAttribute("data-status");
}

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("targets, lists and the pipeline", () => {
  it("ranks, saves a list, moves a target to 已签约, shows the segment filling on the map, and exports the list", async () => {
    const { page, errors } = await openPage(browser, app);
    const { signed, other, segmentId } = await pickTargets();

    // 1. The ranking: every row with its score bar; the breakdown lists all seven parts.
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}`);
    await waitForMap(page);
    await page.locator('[data-testid="open-targets"]').click();
    await page.waitForURL(`**/zones/${ZONE}/chains/${CHAIN}/targets`);
    await page.waitForSelector(`[data-testid="target-firm-${signed.firm.id}"]`);
    await expect.poll(() => page.locator('[data-testid="targets-table"] tbody tr.ant-table-row').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="filter-group"]').innerText()).toContain("京津冀");
    await page.locator(`[data-testid="score-${signed.firm.id}"]`).click();
    const breakdown = page.locator('[data-testid="score-breakdown"]').last();
    await breakdown.waitFor();
    for (const part of ["环节匹配", "企业规模", "资质标签", "本地关联", "区域优先", "距离", "数据新鲜度", "合计"]) expect(await breakdown.innerText()).toContain(part);
    await settle(page);
    await saveScreenshot(page, "30-targets-breakdown");
    await page.keyboard.press("Escape");
    await page.mouse.click(5, 700);

    // A filter goes into the URL and the ranking follows it.
    await pickOption(page, page.locator('[data-testid="filter-tags"]'), "上市", { multiple: true });
    await page.waitForURL(/tags=/);
    await expect.poll(() => page.locator('[data-testid="target-summary"]').innerText()).toMatch(/候选企业 \d+ 家/);
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/targets`);

    // 2. Pick two rows and save them as a list.
    for (const target of [signed, other]) await page.getByRole("checkbox", { name: `选择 ${target.firm.name}` }).check();
    await page.locator('[data-testid="save-list"]').click();
    await page.locator('[data-testid="list-name"]').fill("e2e 钢铁补链清单");
    await settle(page);
    await saveScreenshot(page, "31-save-list");
    await page.locator('[data-testid="save-list-confirm"]').click();
    await page.waitForURL(/\/lists\/l-/);
    const listId = new URL(page.url()).pathname.split("/").pop()!;
    await page.waitForSelector('[data-testid="pipeline-board"]');
    expect(await entryStatus(page, signed.firm.id)).toBe("待接触");
    expect(await entryStatus(page, other.firm.id)).toBe("待接触");

    // 3. Drag one card to 已签约.
    const card = page.locator(`[data-testid="entry-${signed.firm.id}"]`);
    const patched = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes(`/api/lists/${listId}/entries/`));
    await card.dragTo(page.locator('[data-testid="column-已签约"]'));
    expect((await patched).status()).toBe(200);
    await expect.poll(() => entryStatus(page, signed.firm.id)).toBe("已签约");
    await page.locator('[data-testid="signed-message"]').waitFor();
    expect(await page.locator('[data-testid="column-已签约"] .entry-card').count()).toBe(1);

    // The other card moves with the keyboard: the status select on the card.
    const select = page.locator(`[data-testid="entry-${other.firm.id}"] [data-testid="entry-status"]`);
    // The card shows its new column at once; the entry's version moves only when the save answers.
    const moved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes(`/api/lists/${listId}/entries/`));
    await pickOption(page, select, "已对接");
    expect((await moved).status()).toBe(200);
    await expect.poll(() => entryStatus(page, other.firm.id)).toBe("已对接");
    await saveScreenshot(page, "32-board-signed");

    // 4. Someone else changes the second entry meanwhile: our next move is refused (409) and the board reloads.
    const list = await app.json<TargetListDetail>(`/api/lists/${listId}`);
    const stale = list.entries.find((e) => e.firm.id === other.firm.id)!;
    await app.json<ListEntry>(`/api/lists/${listId}/entries/${stale.id}`, { method: "PATCH", body: JSON.stringify({ version: stale.version, by: "另一位同事", status: "洽谈中" }) });
    const conflict = page.waitForResponse((r) => r.request().method() === "PATCH" && r.status() === 409);
    await page.locator(`[data-testid="entry-${other.firm.id}"]`).dragTo(page.locator('[data-testid="column-已放弃"]'));
    await conflict;
    await page.getByText("有人刚修改了这条记录").waitFor();
    await expect.poll(() => entryStatus(page, other.firm.id)).toBe("洽谈中");
    await saveScreenshot(page, "33-board-conflict");

    // 5. The drawer: owner team and next contact date saved; the history says who and when.
    await page.locator(`[data-testid="entry-${signed.firm.id}"] [data-testid="entry-open"]`).click();
    await page.waitForURL(/entry=e-/);
    await page.locator('[data-testid="drawer-owner"]').fill("招商一组");
    const date = page.locator('[data-testid="entry-drawer"] .ant-picker input, .ant-drawer .ant-picker input').first();
    await date.click();
    await date.fill("2026-12-01");
    // Enter takes the typed date and, as in any form, saves.
    await date.press("Enter");
    await page.getByText(`已保存 ${signed.firm.name}`).waitFor();
    await page.waitForURL((url) => !url.search.includes("entry="));
    expect(await page.locator(`[data-testid="entry-${signed.firm.id}"]`).innerText()).toContain("2026-12-01");
    await page.locator(`[data-testid="entry-${signed.firm.id}"] [data-testid="entry-open"]`).click();
    const history = page.locator('[data-testid="entry-history"]');
    await history.waitFor();
    expect(await history.innerText()).toContain("已签约");
    expect(await history.innerText()).toContain(WHO);
    await history.scrollIntoViewIfNeeded();
    await settle(page);
    await saveScreenshot(page, "34-entry-drawer");
    const saved = (await app.json<TargetListDetail>(`/api/lists/${listId}`)).entries.find((e) => e.firm.id === signed.firm.id)!;
    expect(saved).toMatchObject({ status: "已签约", ownerTeam: "招商一组", nextContactOn: "2026-12-01" });
    expect(saved.projectId).not.toBeNull();
    await page.keyboard.press("Escape");

    // 6. The map shows the segment as being filled: in its data and as a visible mark.
    const map = await app.json<ChainMap>(`/api/zones/${ZONE}/chains/${CHAIN}/map`);
    expect(map.segments.find((s) => s.id === segmentId)!.filling).toBe(true);
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}?segment=${segmentId}`);
    await waitForMap(page, `${ZONE}/${CHAIN}`);
    const mark = await page.evaluate((id) => {
      const node = window.__cy!.getElementById(id);
      return { filling: node.hasClass("filling"), data: node.data("filling") as boolean, image: String(node.style("background-image")) };
    }, segmentId);
    expect(mark).toMatchObject({ filling: true, data: true });
    expect(mark.image).toContain("data:image/svg+xml");
    expect(await page.locator('[data-testid="status-reasons"]').innerText()).toContain("补链中");
    expect(await page.locator('[data-testid="legend-filling"]').isVisible()).toBe(true);
    await saveScreenshot(page, "35-map-filling");

    // 7. Export the list as XLSX; it opens, with the firm in it.
    await page.goto(`${app.url}/lists/${listId}`);
    await page.waitForSelector('[data-testid="pipeline-board"]');
    const download = page.waitForEvent("download");
    await page.locator('[data-testid="export-list-xlsx"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await file.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path!);
    const sheet = workbook.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells).toContain(signed.firm.name);
    expect(cells).toContain(other.firm.name);
    expect(cells.some((c) => c === "已签约")).toBe(true);
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(2);

    // The browser logs the refused change it was told to expect; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes("409 (Conflict)"))).toEqual([]);
  });
});
