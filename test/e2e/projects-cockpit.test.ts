/**
 * Where we stand and what changed, end to end: a target signed on the pipeline board
 * becomes a project in the register, counts on the cockpit (city and zone) and in the
 * report's "since" line; the cockpit reads on a projector (no type below 18 px at
 * 1280×720, screenshots in test-artifacts/) and its charts save as PNG. The chain map,
 * given a 对比日期, marks the segments filled and worsened since then.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainMap, TargetListDetail } from "../../server/model/api";
import { readFirmSegment } from "../../server/services/editing/firm-segments.js";
import { currentStates } from "../../server/services/history.js";
import type { ProjectRegister } from "../../server/model/progress";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, pickOption, pngSize, saveScreenshot, settle, startAppAndBrowser, waitForMap } from "./browser";

const ZONE = "lingyuan";
const CHAIN = "steel";

let app: RunningApp;
let browser: Browser;
let list: TargetListDetail;

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await app.fetch(path, { ...init, headers: { "Content-Type": "application/json" } });
  expect(response.ok, path).toBe(true);
  return (await response.json()) as T;
}

/** A week ago in China: the day the cockpit and the report compare with. */
const since = new Date(Date.now() + 8 * 3_600_000 - 7 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
  list = await api<TargetListDetail>("/api/lists", { method: "POST", body: JSON.stringify({ name: "驾驶舱测试清单", zoneId: ZONE, chainId: CHAIN, filters: { regionGroup: "jingjinji" }, top: 3 }) });
  // One follow-up due: it shows under its owner on the cockpit.
  const [, second] = list.entries;
  await api(`/api/lists/${list.id}/entries/${second!.id}`, { method: "PATCH", body: JSON.stringify({ version: second!.version, ownerTeam: "招商一组", nextContactOn: since }) });
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("the project register, the cockpit and what changed", () => {
  it("a target signed on the board shows in the register, on the cockpit and in the report's since line", async () => {
    const { page, errors } = await openPage(browser, app);
    const target = list.entries[0]!;

    // 1. Sign it on the pipeline board, with the card's status select.
    await page.goto(`${app.url}/lists/${list.id}`);
    await page.waitForSelector('[data-testid="pipeline-board"]');
    const patched = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes(`/entries/${target.id}`));
    await pickOption(page, page.locator(`[data-testid="entry-${target.firm.id}"] [data-testid="entry-status"]`), "已签约");
    expect((await patched).status()).toBe(200);

    // 2. The register lists it, says which list it came from, and counts it in the totals.
    const before = await api<ProjectRegister>(`/api/projects?zoneId=${ZONE}`);
    const project = before.items.find((p) => p.origin?.entryId === target.id)!;
    expect(project).toMatchObject({ status: "签约", zone: { id: ZONE } });
    await page.locator('[data-testid="nav-projects"]').click();
    await page.waitForURL("**/projects");
    await pickOption(page, page.locator('[data-testid="projects-zone"]'), "凌源");
    await page.waitForURL(/zone=lingyuan/);
    await page.locator(`[data-testid="project-${project.id}"]`).waitFor();
    expect(await page.locator(`[data-testid="project-origin-${project.id}"]`).innerText()).toContain("驾驶舱测试清单");
    expect(await page.locator('[data-testid="projects-totals"]').innerText()).toContain(`共 ${before.totals.count} 个项目`);
    await pickOption(page, page.locator('[data-testid="projects-status"]'), "签约", { multiple: true });
    await page.waitForURL(/status=/);
    await expect.poll(() => page.locator('[data-testid="projects-totals"]').innerText()).toContain(`共 ${before.byStatus.签约.count} 个项目`);
    await page.locator(`[data-testid="project-${project.id}"]`).waitFor();
    await settle(page);
    await saveScreenshot(page, "50-projects-register");

    // An editor opens it and records that construction started: the change is dated and kept.
    await page.locator(`[data-testid="project-${project.id}"]`).click();
    await page.locator('[data-testid="project-name"]').waitFor();
    expect(await page.locator('[data-testid="project-firm-search"] input, input[data-testid="project-firm-search"]').first().inputValue()).toBe(project.firm.name);
    await pickOption(page, page.locator('[data-testid="project-status"]'), "在建");
    // The 签约 day does not carry over to the new status: left empty, the server dates it today.
    expect(await page.locator('[data-testid="project-status-on"] input, input[data-testid="project-status-on"]').first().inputValue()).toBe("");
    await settle(page);
    await saveScreenshot(page, "50b-project-editor");
    const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes(`/api/projects/${project.id}`));
    await page.locator('[data-testid="project-save"]').click();
    expect((await saved).status()).toBe(200);
    const edited = await api<{ status: string; history: { from: string; to: string; by: string }[] }>(`/api/projects/${project.id}`);
    expect(edited.status).toBe("在建");
    expect(edited.history.at(-1)).toMatchObject({ from: "签约", to: "在建", by: "admin" });
    await page.locator('[data-testid="project-name"]').waitFor({ state: "hidden" });

    // 3. The cockpit of the zone: the new project, the chain's since line, the follow-up.
    await page.goto(`${app.url}/cockpit?zone=${ZONE}&since=${since}`);
    const card = page.locator(`[data-testid="cockpit-chain-${ZONE}-${CHAIN}"]`);
    await card.waitFor();
    expect(await card.locator('[data-testid="since-line"]').innerText()).toMatch(new RegExp(`自 ${since} 以来：.*新签约 1 个项目`));
    expect(await page.locator('[data-testid="cockpit-new"]').innerText()).toContain(project.name);
    const reminders = await page.locator('[data-testid="cockpit-reminders"]').innerText();
    expect(reminders).toContain("招商一组");
    // Linked to the entry on its list.
    expect(await page.locator(`[data-testid="cockpit-reminders"] a[href="/lists/${list.id}?entry=${list.entries[1]!.id}"]`).count()).toBe(1);
    expect(await page.locator('[data-testid="cockpit-changes"]').innerText()).toContain("清单条目 · 移动");
    await page.locator('[data-testid="chart-funnel"] canvas').waitFor();
    await settle(page);
    await saveScreenshot(page, "51-cockpit-zone-1280x720");

    // Read from across the room: no text on the cockpit smaller than 18 px.
    const small = await page.evaluate(() => {
      const root = document.querySelector('[data-testid="cockpit"]')!;
      const found: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const element = node.parentElement;
        if (!text || !element || element.closest(".ant-select-dropdown, .ant-picker-dropdown")) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 18) found.push(`${text.slice(0, 20)} (${size}px)`);
      }
      return found;
    });
    expect(small).toEqual([]);

    // Each chart saves as a PNG.
    const download = page.waitForEvent("download");
    await page.locator('[data-testid="chart-funnel-png"]').click();
    const file = await (await download).path();
    expect(pngSize(readFileSync(file!))).toMatchObject({ width: expect.any(Number) });

    // 4. The city's cockpit lists every zone's leading chains.
    await pickOption(page, page.locator('[data-testid="cockpit-zone"]'), "全市");
    await page.waitForURL((url) => !url.search.includes("zone="));
    await expect.poll(() => page.locator('[data-testid^="cockpit-chain-"]').count()).toBeGreaterThan(3);
    await settle(page);
    await saveScreenshot(page, "52-cockpit-city-1280x720");

    // 5. The report compares with the same day, in one line.
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/report?since=${since}`);
    const line = page.locator('[data-testid="report-since"]');
    await line.waitFor();
    expect(await line.innerText()).toMatch(new RegExp(`自 ${since} 以来：.*新签约 1 个项目`));
    await page.waitForSelector('[data-testid="report-map"] svg');
    await settle(page);
    await saveScreenshot(page, "53-report-since");
    expect(errors).toEqual([]);
  });

  it("the chain map marks what was filled and what got worse since a day, on screen, in meeting mode and in the export", async () => {
    // The chain as it stood the day before `since`: its snapshot, as the snapshot run keeps it.
    const dayBefore = new Date(Date.parse(`${since}T12:00:00+08:00`) - 86_400_000).toISOString().slice(0, 10);
    const state = (await currentStates(app.store, ZONE)).find((s) => s.gaps.chain.id === CHAIN)!;
    const row = { id: `${ZONE}|${CHAIN}|${dayBefore}`, zoneId: ZONE, chainId: CHAIN, day: dayBefore, takenAt: `${dayBefore}T04:00:00.000Z`, completeness: state.figures.completeness, figures: JSON.stringify(state.figures) };
    await app.store.write([{ query: "history/put-snapshot", rows: [row] }], { keepsCaches: true });

    // Since then: a local firm starts in a segment that had none; the only firm of another stops.
    const map = await api<ChainMap>(`/api/zones/${ZONE}/chains/${CHAIN}/map`);
    const filled = map.segments.find((s) => s.localFirmCount === 0)!;
    const emptied = map.segments.find((s) => s.localFirmCount === 1 && s.id !== filled.id)!;
    const newcomer = map.firms.find((f) => !f.segments.some((s) => s.segmentId === filled.id))!;
    const leaving = map.firms.find((f) => f.segments.some((s) => s.segmentId === emptied.id))!;
    await api(`/api/firms/${newcomer.id}/segments/${filled.id}`, { method: "PUT", body: JSON.stringify({ products: "新增产品" }) });
    const link = (await readFirmSegment(app.store, leaving.id, emptied.id))!;
    const removed = await app.fetch(`/api/firms/${leaving.id}/segments/${emptied.id}?version=${link.version}`, { method: "DELETE" });
    expect(removed.status).toBe(204);

    // The 对比日期 picked on the map goes into the URL.
    const { page, errors } = await openPage(browser, app);
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}`);
    await waitForMap(page);
    expect(await page.locator('[data-testid="map-since-line"]').count()).toBe(0);
    await page.locator('[data-testid="map-since"] input, input[data-testid="map-since"]').first().click();
    await page.keyboard.type(since);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`since=${since}`));
    const line = page.locator('[data-testid="map-since-line"]');
    await line.waitFor();
    expect(await line.innerText()).toMatch(new RegExp(`自 ${since} 以来：补齐 1 个环节，失去 1 个环节`));

    // The marks are on exactly those nodes, as Cytoscape holds them.
    const marks = () =>
      page.waitForFunction(() => {
        const cy = window.__cy;
        const nodes = cy?.nodes(".segment").filter((n) => n.data("change") !== undefined);
        if (!cy || !nodes || nodes.length === 0) return null;
        return {
          filled: cy.nodes(".since-filled").map((n) => n.id()),
          worse: cy.nodes(".since-worse").map((n) => n.id()),
          improved: cy.nodes(".since-improved").map((n) => n.id()),
          image: String(cy.nodes(".since-filled").first().style("background-image")),
        };
      });
    const onScreen = (await (await marks()).jsonValue())!;
    expect(onScreen).toMatchObject({ filled: [filled.id], worse: [emptied.id], improved: [] });
    expect(onScreen.image).toContain("data:image/svg+xml");
    expect(await page.locator('[data-testid="legend-since-filled"]').textContent()).toContain(`自 ${since} 起补齐 1`);
    expect(await page.locator('[data-testid="legend-since-worse"]').textContent()).toContain(`自 ${since} 起变差 1`);
    await settle(page);
    await saveScreenshot(page, "54-map-since-1280x720");
    // Up close, for a person to look at: the marks on the two segments.
    await page.evaluate((ids) => window.__cy!.fit(window.__cy!.nodes().filter((n) => ids.includes(n.id())), 60), [filled.id, emptied.id]);
    await settle(page);
    await saveScreenshot(page, "54b-map-since-marks");

    // Meeting mode keeps the comparison.
    await page.locator('[data-testid="enter-meeting"]').click();
    await page.waitForSelector('[data-testid="meeting-mode"]');
    await waitForMap(page);
    expect(page.url()).toContain(`since=${since}`);
    expect((await (await marks()).jsonValue())!).toMatchObject({ filled: [filled.id], worse: [emptied.id] });
    expect(await page.locator('[data-testid="meeting-bar"] [data-testid="map-since-line"]').innerText()).toContain("补齐 1 个环节");
    await settle(page);
    await saveScreenshot(page, "55-map-since-meeting-1280x720");
    await page.keyboard.press("Escape");
    await page.waitForSelector('[data-testid="meeting-mode"]', { state: "detached" });

    // The exported file carries the marks, on the same segments, and their legend.
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}?since=${since}`);
    await waitForMap(page);
    await marks();
    await page.locator('[data-testid="export"]').hover();
    const download = page.waitForEvent("download");
    await page.locator('[data-testid="export-svg"]').click();
    const svg = readFileSync((await (await download).path())!, "utf8");
    expect(svg.match(/data-mark="since-filled"/g)).toHaveLength(1);
    expect(svg.match(/data-mark="since-worse"/g)).toHaveLength(1);
    expect(svg).toContain(`自 ${since} 起补齐 1`);
    expect(svg).toContain(`自 ${since} 以来：补齐 1 个环节`);
    // So does the print view (the PDF).
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/print?since=${since}`);
    await page.waitForSelector('[data-testid="print-map"] [data-mark="since-filled"]');
    expect(await page.locator('[data-testid="print-sheet"] [data-testid="map-since-line"]').innerText()).toContain("补齐 1 个环节");
    // And the 一链一图 report of that day: the same marks, beside its since line.
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/report?since=${since}`);
    await page.waitForSelector('[data-testid="report-map"] [data-mark="since-filled"]');
    expect(await page.locator('[data-testid="report-map"] [data-mark="since-filled"]').count()).toBe(1);
    expect(await page.locator('[data-testid="report-map"] [data-mark="since-worse"]').count()).toBe(1);
    expect(await page.locator('[data-testid="report-sheet"] [data-testid="legend-since-filled"]').textContent()).toContain(`自 ${since} 起补齐 1`);
    // A printed sheet is short of room: its legend names only the marks drawn (none improved).
    expect(await page.locator('[data-testid="report-sheet"] [data-testid="legend-since-improved"]').count()).toBe(0);
    await settle(page);
    await saveScreenshot(page, "56-report-since-marks");
    expect(errors).toEqual([]);
  });
});
