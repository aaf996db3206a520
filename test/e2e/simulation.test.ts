/**
 * 补链模拟 end to end: a viewer picks the candidate that closes the most gaps on the targets
 * page, opens the simulation, and sees it marked as not real with the completeness the
 * API simulates; an editor saves it as a scenario and deletes it again.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LandingSimulation, RankedTargets } from "../../server/model/api";
import type { RunningApp } from "../support/sample-app";
import { closeAppAndBrowser, openPage, saveScreenshot, settle, startAppAndBrowser, waitForMap } from "./browser";

const ZONE = "lingyuan";
const CHAIN = "steel";
const percent = (x: number) => `${Math.round(x * 100)}%`;

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
});
afterAll(() => closeAppAndBrowser(app, browser));

async function api<T>(path: string): Promise<T> {
  const response = await app.fetch(path);
  expect(response.ok, `${path}: ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

describe("补链模拟", () => {
  it("simulates picked targets: the map, marked as a simulation, with the changed completeness", async () => {
    const ranking = await api<RankedTargets>(`/api/zones/${ZONE}/chains/${CHAIN}/targets?regionGroup=jingjinji`);
    // The candidates that raise completeness: landing them must show on the page.
    const picks = ranking.results.filter((r) => r.effect.completenessAfter > ranking.figures.completeness).slice(0, 2);
    expect(picks.length).toBeGreaterThan(0);
    const expected = await api<LandingSimulation>(`/api/zones/${ZONE}/chains/${CHAIN}/simulation?firms=${picks.map((p) => p.firm.id).join(",")}`);
    expect(expected.after.completeness).toBeGreaterThan(expected.before.completeness);

    const { page, errors } = await openPage(browser, app, { role: "viewer" });
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/targets`);
    await page.waitForSelector(`[data-testid="target-effect-${picks[0]!.firm.id}"]`);
    expect(await page.locator('[data-testid="targets-recommended"]').innerText()).toContain("推荐组合");
    for (const p of picks) await page.getByRole("checkbox", { name: `选择 ${p.firm.name}` }).check();
    await page.locator('[data-testid="simulate-selected"]').click();
    await page.waitForURL(/\/simulation\?firms=/);
    await page.waitForSelector('[data-testid="simulation-figure-completeness"]');
    await waitForMap(page);
    expect(await page.locator('[data-testid="simulation-not-real"]').innerText()).toContain("模拟结果");
    const row = await page.locator('[data-testid="simulation-figure-completeness"]').innerText();
    expect(row).toContain(percent(expected.before.completeness));
    expect(row).toContain(percent(expected.after.completeness));
    for (const f of expected.firms) expect(await page.locator('[data-testid="simulation-firms"]').innerText()).toContain(f.name);
    // The map drawn is the simulated one: every landed firm's segment counts it.
    const drawnFirms = await page.evaluate(() => window.__cy!.nodes().map((n) => n.id()));
    expect(drawnFirms.length).toBeGreaterThan(0);
    await settle(page);
    await saveScreenshot(page, "70-simulation");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("saves the simulation as a named scenario and deletes it", async () => {
    const ranking = await api<RankedTargets>(`/api/zones/${ZONE}/chains/${CHAIN}/targets`);
    const firmIds = ranking.recommended.firmIds.length ? ranking.recommended.firmIds : [ranking.results[0]!.firm.id];
    const { page, errors } = await openPage(browser, app, { role: "editor" });
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/simulation?firms=${firmIds.join(",")}`);
    await page.waitForSelector('[data-testid="simulation-figure-completeness"]');
    await page.locator('[data-testid="scenario-name"]').fill("e2e 补链方案");
    await page.locator('[data-testid="save-scenario"]').click();
    const saved = page.locator('[data-testid^="scenario-scn-"]');
    await saved.waitFor();
    expect(await saved.innerText()).toContain("e2e 补链方案");
    await saved.getByRole("button", { name: "删除" }).click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await expect.poll(() => page.locator('[data-testid^="scenario-scn-"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("orders the ranking by 补链效果 on the server and says over how many candidates", async () => {
    const byEffect = await api<RankedTargets>(`/api/zones/${ZONE}/chains/${CHAIN}/targets?regionGroup=jingjinji&limit=50&profile=default&order=effect`);
    const { page, errors } = await openPage(browser, app, { role: "viewer" });
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/targets`);
    await page.waitForSelector('[data-testid="targets-table"] tbody tr.ant-table-row');
    expect(await page.locator('[data-testid="effect-scope"]').count()).toBe(0);
    await page.locator('[data-testid="filter-order"]').getByText("按补链效果").click();
    await page.waitForURL(/order=effect/);
    await page.waitForSelector('[data-testid="effect-scope"]');
    expect(await page.locator('[data-testid="effect-scope"]').innerText()).toContain(`全部 ${byEffect.candidateCount} 家候选企业`);
    // The rows are the server's order: the first is the best closer of every candidate.
    await page.waitForSelector(`[data-testid="target-firm-${byEffect.results[0]!.firm.id}"]`);
    const firstRow = await page.locator('[data-testid="targets-table"] tbody tr.ant-table-row').first().innerText();
    expect(firstRow).toContain(byEffect.results[0]!.firm.name);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a simulation naming a firm that has landed since: the rest simulated, the landed firm named", async () => {
    const ranking = await api<RankedTargets>(`/api/zones/${ZONE}/chains/${CHAIN}/targets?regionGroup=jingjinji`);
    const gaps = await api<{ segments: { localFirms: { id: string; name: string }[] }[] }>(`/api/zones/${ZONE}/chains/${CHAIN}/gaps`);
    const local = await api<{ id: string; name: string }>(`/api/firms/${gaps.segments.flatMap((s) => s.localFirms)[0]!.id}`);
    const firms = `${ranking.results[0]!.firm.id},${local.id}`;
    const expected = await api<LandingSimulation>(`/api/zones/${ZONE}/chains/${CHAIN}/simulation?firms=${firms}`);
    const { page, errors } = await openPage(browser, app, { role: "viewer" });
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/simulation?firms=${firms}`);
    await page.waitForSelector('[data-testid="simulation-skipped"]');
    expect(await page.locator('[data-testid="simulation-skipped"]').innerText()).toContain(`已落地，已跳过：${local.name}`);
    expect(expected.firms.map((f) => f.id)).toEqual([ranking.results[0]!.firm.id]);
    expect(await page.locator('[data-testid="simulation-firms"]').innerText()).toContain(expected.firms[0]!.name);
    expect(errors).toEqual([]);
    await page.close();
  });
});
