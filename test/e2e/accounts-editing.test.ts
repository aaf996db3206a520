/**
 * Accounts and editing in the browser: the login page (a wrong password said, then on to
 * where the person was going), a viewer who sees no edit controls, an admin adding a
 * user, an editor changing a segment and a firm where they look at them, a stale edit
 * that shows the current record and keeps the person's edits, and the audit log listing
 * those edits with before and after.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditPage, ChainMap, FirmDetail, SegmentRecord } from "../../server/model/api";
import { testPassword } from "../support/sample-app";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, pickOption, saveScreenshot, settle, startAppAndBrowser, waitForMap } from "./browser";

const ZONE = "lingyuan";
const CHAIN = "steel";

let app: RunningApp;
let browser: Browser;
let map: ChainMap;

/** Console errors other than the answers a test provokes on purpose (401 on login, 409 on a stale save). */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of (401|409)/.test(e));

/** The segment of the map with the most local firms, and one of its firms. */
function busiestSegment() {
  const segment = [...map.segments].sort((a, b) => b.localFirmCount - a.localFirmCount)[0]!;
  const firm = map.firms.find((f) => f.segments.some((s) => s.segmentId === segment.id))!;
  return { segment, firm };
}

async function openSegment(page: Page, segmentId: string) {
  await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}`);
  await waitForMap(page);
  await page.locator(`[data-testid="segment-item-${segmentId}"]`).click();
  await page.locator(`[data-testid="segment-panel"][data-segment-id="${segmentId}"]`).waitFor();
}

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
  map = await app.json<ChainMap>(`/api/zones/${ZONE}/chains/${CHAIN}/map`);
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("accounts", () => {
  it("sends a visitor to the login page, says a wrong password, and after logging in goes on to where they were going", async () => {
    const { page, errors } = await openPage(browser, null);
    const wanted = `/zones/${ZONE}/chains/${CHAIN}?panel=gaps`;
    await page.goto(`${app.url}${wanted}`);
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === wanted);
    await page.locator('[data-testid="login-username"]').fill("editor");
    await page.locator('[data-testid="login-password"]').fill("not-the-password");
    await page.locator('[data-testid="login-submit"]').click();
    await page.locator('[data-testid="login-error"]').waitFor();
    expect(await page.locator('[data-testid="login-error"]').innerText()).toContain("用户名或密码不正确");
    // The name stays, the password is cleared for another try.
    expect(await page.locator('[data-testid="login-username"]').inputValue()).toBe("editor");
    expect(await page.locator('[data-testid="login-password"]').inputValue()).toBe("");
    await settle(page);
    await saveScreenshot(page, "80-login-wrong-password");

    await page.locator('[data-testid="login-password"]').fill(testPassword("editor"));
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(`${app.url}${wanted}`);
    await waitForMap(page);
    expect(await page.locator('[data-testid="user-name"]').innerText()).toBe("editor");
    await page.locator('[data-testid="user-menu"]').click();
    expect(await page.locator('[data-testid="user-menu-role"]').innerText()).toContain("编辑");
    // An editor has no admin screens.
    expect(await page.locator('[data-testid="menu-users"]').count()).toBe(0);
    await settle(page);
    await saveScreenshot(page, "81-user-menu");

    await page.locator('[data-testid="logout"]').click();
    await page.waitForURL((url) => url.pathname === "/login");
    // Logged out for real: the API no longer answers this browser.
    expect(await page.evaluate(async () => (await fetch("/api/zones")).status)).toBe(401);
    expect(unexpected(errors)).toEqual([]);
  });

  it("shows a viewer the data without any edit, drag or upload control", async () => {
    const { page, errors } = await openPage(browser, app, { role: "viewer" });
    const { segment, firm } = busiestSegment();
    await openSegment(page, segment.id);
    const panel = page.locator('[data-testid="segment-panel"]');
    await panel.locator('[data-testid="segment-firms"]').waitFor();
    await panel.locator('[data-testid="feeds-in"]').waitFor();
    for (const control of ["segment-edit", "segment-delete", "segment-add-firm", "feeds-add-in", "feeds-add-out"])
      expect(await page.locator(`[data-testid="${control}"]`).count(), control).toBe(0);
    expect(await panel.locator('[data-testid^="flag-"], [data-testid^="unflag-"], [data-testid^="unlink-"], [data-testid^="set-leader-"]').count()).toBe(0);
    await settle(page);
    await saveScreenshot(page, "82-viewer-segment-panel");
    await page.locator('[data-testid="panel-close"]').click();
    await page.locator('[data-testid="chain-panel"]').waitFor();
    expect(await page.locator('[data-testid="segment-add"]').count()).toBe(0);

    await page.goto(`${app.url}/firms/${firm.id}`);
    await page.locator('[data-testid="firm-name"]').waitFor();
    expect(await page.locator('[data-testid="firm-edit"], [data-testid="firm-delete"], [data-testid="firm-link-segment"]').count()).toBe(0);

    await page.goto(`${app.url}/imports`);
    await page.locator('[data-testid="read-only"]').waitFor();
    expect(await page.locator('[data-testid="upload-form"]').count()).toBe(0);

    // The admin screens say no, and the menu does not offer them.
    await page.goto(`${app.url}/admin/users`);
    await page.locator('[data-testid="forbidden"]').waitFor();
    await page.locator('[data-testid="user-menu"]').click();
    expect(await page.locator('[data-testid="user-menu-role"]').innerText()).toContain("查看");
    expect(await page.locator('[data-testid="menu-users"], [data-testid="menu-audit"]').count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
  });

  it("lets an admin add a user with a role; the password made up for them shows once and logs them in", async () => {
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/`);
    await page.locator('[data-testid="user-menu"]').click();
    await page.locator('[data-testid="menu-users"]').click();
    await page.waitForURL(`${app.url}/admin/users`);
    await page.locator('[data-testid="user-row-viewer"]').waitFor();

    await page.locator('[data-testid="user-add"]').click();
    await page.locator('[data-testid="user-add-username"]').fill("zhaoshang1");
    await pickOption(page, page.locator('[data-testid="user-add-role"]'), "编辑");
    await page.locator('[data-testid="user-add-save"]').click();
    const shown = page.locator('[data-testid="new-password"]');
    await shown.waitFor();
    const password = (await shown.innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await settle(page);
    await saveScreenshot(page, "83-new-user-password");
    await page.locator('[data-testid="password-noted"]').click();
    const row = page.locator('[data-testid="user-row-zhaoshang1"]');
    await row.waitFor();
    expect(await row.innerText()).toContain("编辑");
    // Gone for good once noted.
    await shown.waitFor({ state: "detached" });
    await settle(page);
    await saveScreenshot(page, "84-users");

    // The new user logs in with it.
    const fresh = await openPage(browser, null);
    await fresh.page.goto(`${app.url}/login`);
    await fresh.page.locator('[data-testid="login-username"]').fill("zhaoshang1");
    await fresh.page.locator('[data-testid="login-password"]').fill(password);
    await fresh.page.locator('[data-testid="login-submit"]').click();
    await fresh.page.waitForURL(`${app.url}/`);
    expect(await fresh.page.locator('[data-testid="user-name"]').innerText()).toBe("zhaoshang1");
    expect(unexpected(errors)).toEqual([]);
    expect(unexpected(fresh.errors)).toEqual([]);
  });
});

describe("editing", () => {
  it("lets an editor change a segment on the map and a firm on its page", async () => {
    const { page, errors } = await openPage(browser, app, { role: "editor" });
    const { segment, firm } = busiestSegment();
    await openSegment(page, segment.id);
    await page.locator('[data-testid="segment-edit"]:not([disabled])').click();
    await page.locator('[data-testid="segment-name"]').fill(`${segment.name}（精）`);
    await page.locator('[data-testid="segment-description"]').fill("e2e：编辑环节说明");
    await settle(page);
    await saveScreenshot(page, "85-segment-editor");
    await page.locator('[data-testid="segment-save"]').click();
    await page.getByText(`已保存环节「${segment.name}（精）」`).waitFor();
    const saved = await app.json<SegmentRecord>(`/api/segments/${segment.id}`);
    expect(saved).toMatchObject({ name: `${segment.name}（精）`, description: "e2e：编辑环节说明" });
    // The map and the panel show the new name.
    await page.locator('[data-testid="segment-panel"] .panel-title', { hasText: `${segment.name}（精）` }).waitFor();
    await expect.poll(() => page.evaluate((id) => String(window.__cy?.getElementById(id).data("name")), segment.id)).toBe(`${segment.name}（精）`);

    // From the panel to the firm's page, and change its capital there.
    await page.locator('[data-testid="segment-firm"] a', { hasText: firm.name }).first().click();
    await page.waitForURL(`**/firms/${firm.id}`);
    await page.locator('[data-testid="firm-edit"]').click();
    await page.locator('[data-testid="firm-capital"] input, input[data-testid="firm-capital"]').first().fill("123456");
    await page.locator('[data-testid="firm-save"]').click();
    await page.getByText(`已保存企业「${firm.name}」`).waitFor();
    expect(await app.json<FirmDetail>(`/api/firms/${firm.id}`)).toMatchObject({ capital: 123456, capitalSource: expect.stringMatching(/^entered by /), capitalAsOf: new Date().getFullYear() });
    await page.getByText("12.35 亿元").waitFor();
    // The figure says whose it is and of which year.
    await page.locator('[data-testid="firm-capital-source"]', { hasText: `${new Date().getFullYear()}年 · entered by ` }).waitFor();
    expect(unexpected(errors)).toEqual([]);
  });

  it("adds a supply link, names the loop it would close before adding it, and removes it; takes a firm out of a segment and puts it back", async () => {
    const { page, errors } = await openPage(browser, app, { role: "editor" });
    // A → B inside the chain: adding B → A closes the loop A → B → A.
    const link = map.links[0]!;
    const name = (id: string) => map.segments.find((s) => s.id === id)!.name;
    await openSegment(page, link.source);
    const upstream = page.locator('[data-testid="feeds-in"]');
    await upstream.locator('[data-testid="feeds-pick-in"]').click();
    await page.keyboard.type(name(link.target).slice(0, 2));
    await page.locator(`[data-testid="segment-option-${link.target}"]`).click();
    await page.locator('[data-testid="feeds-add-in"]').click();
    const cycle = page.locator('[data-testid="feeds-cycle"]');
    await cycle.waitFor();
    const path = await cycle.innerText();
    expect(path).toContain(name(link.source));
    expect(path).toContain(name(link.target));
    expect(path).toContain("→");
    await settle(page);
    await saveScreenshot(page, "88-feeds-cycle");
    await page.locator('[data-testid="feeds-cycle-confirm"]').click();
    await upstream.locator(`[data-testid="feeds-in-${link.target}"]`).waitFor();
    await expect.poll(async () => (await app.json<ChainMap>(`/api/zones/${ZONE}/chains/${CHAIN}/map`)).links.some((l) => l.source === link.target && l.target === link.source)).toBe(true);

    await page.locator(`[data-testid="feeds-remove-${link.target}-${link.source}"]`).click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await upstream.locator(`[data-testid="feeds-in-${link.target}"]`).waitFor({ state: "detached" });
    expect((await app.json<ChainMap>(`/api/zones/${ZONE}/chains/${CHAIN}/map`)).links.some((l) => l.source === link.target && l.target === link.source)).toBe(false);
    await upstream.scrollIntoViewIfNeeded();
    await settle(page);
    await saveScreenshot(page, "89-feeds-panel");

    // Out of the segment and back in.
    const { segment, firm } = busiestSegment();
    await openSegment(page, segment.id);
    await page.locator(`[data-testid="unlink-${firm.id}-${segment.id}"]`).click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await page.getByText(`已将「${firm.name}」移出「`).waitFor();
    expect((await app.json<FirmDetail>(`/api/firms/${firm.id}`)).segments.map((s) => s.segmentId)).not.toContain(segment.id);
    await page.locator('[data-testid="segment-add-firm"]').click();
    await page.locator('[data-testid="link-firm-search"] input, input[data-testid="link-firm-search"]').first().fill(firm.name.slice(0, 4));
    await page.locator(`[data-testid="link-firm-option-${firm.id}"]`).click();
    await page.locator('[data-testid="link-firm-confirm"]').click();
    await page.getByText(`已将「${firm.name}」归入「`).waitFor();
    expect((await app.json<FirmDetail>(`/api/firms/${firm.id}`)).segments.map((s) => s.segmentId)).toContain(segment.id);
    expect(unexpected(errors)).toEqual([]);
  });

  it("when someone saved the firm meanwhile, then the save shows their change and keeps the person's edits to save again", async () => {
    const { page, errors } = await openPage(browser, app, { role: "editor" });
    const firm = map.firms.find((f) => f.id !== busiestSegment().firm.id)!;
    await page.goto(`${app.url}/firms/${firm.id}`);
    await page.locator('[data-testid="firm-edit"]').click();
    await page.locator('[data-testid="firm-editor"] .ant-modal-title').waitFor();

    // Meanwhile an admin adds an alias.
    const before = await app.json<FirmDetail>(`/api/firms/${firm.id}`);
    await app.json<FirmDetail>(`/api/firms/${firm.id}`, { method: "PATCH", body: JSON.stringify({ version: before.version, aliases: [...before.aliases, "他人加的简称"] }) });

    await page.locator('[data-testid="firm-capital"] input, input[data-testid="firm-capital"]').first().fill("7777");
    await page.locator('[data-testid="firm-name-input"]').fill(`${firm.name}（新）`);
    await page.locator('[data-testid="firm-save"]').click();
    const notice = page.locator('[data-testid="conflict-notice"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain("他人加的简称");
    // The person's edits are still in the form; the other change is loaded under them.
    expect(await page.locator('[data-testid="firm-name-input"]').inputValue()).toBe(`${firm.name}（新）`);
    expect(await page.locator('[data-testid="firm-capital"] input, input[data-testid="firm-capital"]').first().inputValue()).toContain("7");
    expect(await page.locator('[data-testid="firm-aliases"]').innerText()).toContain("他人加的简称");
    await settle(page);
    await saveScreenshot(page, "86-stale-edit");

    await page.locator('[data-testid="firm-save"]').click();
    await page.getByText(`已保存企业「${firm.name}（新）」`).waitFor();
    const after = await app.json<FirmDetail>(`/api/firms/${firm.id}`);
    expect(after).toMatchObject({ name: `${firm.name}（新）`, capital: 7777 });
    expect(after.aliases).toContain("他人加的简称");
    expect(unexpected(errors)).toEqual([]);
  });

  it("lists those edits in the audit log, with before and after, and exports it", async () => {
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/`);
    await page.locator('[data-testid="user-menu"]').click();
    await page.locator('[data-testid="menu-audit"]').click();
    await page.waitForURL(`${app.url}/admin/audit`);
    await page.locator('[data-testid="audit-row"]').first().waitFor();

    // Only the editor's changes.
    await page.locator('[data-testid="audit-actor"] input, input[data-testid="audit-actor"]').first().fill("editor");
    await page.keyboard.press("Enter");
    await page.waitForURL(/actor=editor/);
    const expected = (await app.json<AuditPage>("/api/audit?actor=editor&limit=50")).items;
    expect(expected.map((e) => e.action)).toEqual(expect.arrayContaining(["segment.update", "firm.update"]));
    await expect.poll(() => page.locator('[data-testid="audit-row"]').count()).toBe(expected.length);
    const segmentRow = page.locator('[data-testid="audit-row"][data-action="segment.update"]').first();
    expect(await segmentRow.innerText()).toContain("editor");
    expect(await segmentRow.innerText()).toContain("环节 · 修改");

    // Open the firm change for its fields before and after.
    const { firm } = busiestSegment();
    await page.locator(`[data-testid="audit-row"][data-action="firm.update"][data-entity-id="${firm.id}"]`).click();
    const diff = page.locator('[data-testid="audit-diff"]');
    await diff.waitFor();
    expect(await diff.locator('tr[data-row-key="capital"]').innerText()).toContain("123456");
    expect(await diff.locator('tr[data-row-key="capitalSource"]').innerText()).toMatch(/注册资本来源[\s\S]*entered by editor/);
    await settle(page);
    await saveScreenshot(page, "87-audit-log");

    const download = page.waitForEvent("download");
    await page.locator('[data-testid="audit-export-xlsx"]').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    expect(unexpected(errors)).toEqual([]);
  });
});
