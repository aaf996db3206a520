/**
 * The printable 一链一图 report: it carries the title, zone, date, map, completeness, gap
 * table, top targets and pipeline, and prints to a one-page A3 or A4 landscape PDF with the
 * map across the page's width, measured in print layout and counted in the PDF (PNGs of
 * the pages are saved beside the screenshots for a person).
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChainGaps, RankedTargets, Scenario, TargetListDetail, TargetRanking, ZoneSummary } from "../../server/model/api";
import { updateFirm } from "../../server/services/editing/firms";
import { readFirm } from "../../server/services/firms";
import type { RunningApp } from "../support/sample-app";
import { ARTIFACTS, closeAppAndBrowser, openPage, pickOption, saveScreenshot, settle, startAppAndBrowser } from "./browser";

const ZONE = "lingyuan";
const CHAIN = "steel";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await startAppAndBrowser();
  // A list with one signed target, so the pipeline summary has something to say.
  const list = await app.json<TargetListDetail>("/api/lists", {
    method: "POST",
    body: JSON.stringify({ name: "报告测试清单", zoneId: ZONE, chainId: CHAIN, createdBy: "测试", filters: { regionGroup: "jingjinji" }, top: 3 }),
  });
  const entry = list.entries[0]!;
  await app.json(`/api/lists/${list.id}/entries/${entry.id}`, { method: "PATCH", body: JSON.stringify({ version: entry.version, by: "测试", status: "已签约" }) });
});

afterAll(() => closeAppAndBrowser(app, browser));

describe("the 一链一图 report", () => {
  it("shows the chain on one page and prints to an A3 landscape PDF", async () => {
    const [gaps, targets] = await Promise.all([
      app.json<ChainGaps>(`/api/zones/${ZONE}/chains/${CHAIN}/gaps`),
      app.json<TargetRanking>(`/api/zones/${ZONE}/chains/${CHAIN}/targets?regionGroup=jingjinji&limit=10`),
    ]);
    const { page, errors } = await openPage(browser, app, { size: { width: 1600, height: 1100 } });
    await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}`);
    await page.locator('[data-testid="open-report"]').click();
    await page.waitForURL(`**/zones/${ZONE}/chains/${CHAIN}/report`);
    await page.waitForSelector('[data-testid="report-sheet"] [data-testid="report-map"] svg');
    const sheet = await page.locator('[data-testid="report-sheet"]').innerText();
    expect(sheet).toContain("现代钢铁冶金 产业链招商图谱（一链一图）");
    expect(sheet).toContain(gaps.zone.name);
    expect(sheet).toMatch(/日期：\d{4}-\d{2}-\d{2}/);
    expect(sheet).toContain(`${Math.round(gaps.figures.completeness * 100)}%`);
    const gapRows = await page.locator('[data-testid="report-gap-table"] tbody tr').count();
    expect(gapRows).toBe(gaps.figures.gapSegments);
    expect(await page.locator('[data-testid="report-targets"] tbody tr').count()).toBe(Math.min(10, targets.results.length));
    expect(await page.locator('[data-testid="report-targets"]').innerText()).toContain(targets.results[0]!.firm.name);
    const pipeline = await page.locator('[data-testid="report-pipeline"]').innerText();
    expect(pipeline).toMatch(/已签约\s+1/);
    expect(pipeline).toMatch(/待接触\s+2/);
    // Every segment of the map is drawn in the vector map (each node a group; its lines read as one text).
    const labels = await page.locator('[data-testid="report-map"] svg > g > g').allTextContents();
    for (const segment of gaps.segments) expect(labels.some((label) => label.includes(segment.name)), segment.name).toBe(true);
    await settle(page);
    await saveScreenshot(page, "40-report-screen");

    const pdf = await page.pdf({ format: "A3", landscape: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(50_000);
    const pdfPath = `${ARTIFACTS}41-report-a3.pdf`;
    writeFileSync(pdfPath, pdf);
    // A3 landscape (420 × 297 mm = 1190.6 × 841.9 pt), and the whole report on one sheet.
    const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+1\b/);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!.map(Number);
    expect(Math.abs(width! - 1190.6)).toBeLessThan(2);
    expect(Math.abs(height! - 841.9)).toBeLessThan(2);
    execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", pdfPath, `${ARTIFACTS}41-report-a3`]);
    expect(existsSync(`${ARTIFACTS}41-report-a3.png`)).toBe(true);

    // A4 on request: the same report, smaller.
    await page.locator('[data-testid="report-paper"]').getByText("A4").click();
    await page.waitForURL(/paper=A4/);
    await page.waitForSelector('.report-sheet.paper-A4 [data-testid="report-map"] svg');
    expect(errors).toEqual([]);
  });

  /** Landscape size and margin of each paper, in mm (the report's @page). */
  const PAPERS = { A3: { width: 420, height: 297 }, A4: { width: 297, height: 210 } } as const;
  const MARGIN_MM = 8;
  const PX_PER_MM = 96 / 25.4;

  for (const paper of ["A3", "A4"] as const)
    it(`prints on one ${paper} landscape page, the map across the page's width and the header unbroken`, async () => {
      // The window is the page's printable area, so the sheet lays out as it prints.
      const printable = { width: (PAPERS[paper].width - 2 * MARGIN_MM) * PX_PER_MM, height: (PAPERS[paper].height - 2 * MARGIN_MM) * PX_PER_MM };
      const { page, errors } = await openPage(browser, app, { size: { width: Math.round(printable.width), height: Math.round(printable.height) } });
      await page.goto(`${app.url}/zones/${ZONE}/chains/${CHAIN}/report?paper=${paper}`);
      await page.waitForSelector('[data-testid="report-map"] svg');
      await page.emulateMedia({ media: "print" });
      await settle(page);
      const measured = await page.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>('[data-testid="report-map"] svg')!;
        const box = svg.getBoundingClientRect();
        // The drawing keeps its proportions inside the box: its width is the smaller fit.
        const [, , w, h] = svg.getAttribute("viewBox")!.split(" ").map(Number);
        const drawn = Math.min(box.width, (box.height * w!) / h!);
        const metaLines = [...document.querySelectorAll<HTMLElement>(".print-meta span")].map((span) => span.getClientRects().length);
        // Where the title's lines break: the characters either side of each break.
        const titleBreaks: string[] = [];
        const walker = document.createTreeWalker(document.querySelector(".report-header h1")!, NodeFilter.SHOW_TEXT);
        let previous: { top: number; text: string } | null = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode())
          for (let i = 0; i < node.textContent!.length; i++) {
            const char = node.textContent![i]!;
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            // A space at the end of a line may take no room: it goes with the break.
            if (!rect) {
              if (previous) previous.text += char;
              continue;
            }
            if (previous && rect.top > previous.top + 2) titleBreaks.push(previous.text + char);
            previous = { top: rect.top, text: char };
          }
        return { drawn, scale: drawn / w!, metaLines, titleBreaks };
      });
      const pdf = await page.pdf({ format: paper, landscape: true, printBackground: true });
      const pdfPath = `${ARTIFACTS}42-report-${paper.toLowerCase()}-only.pdf`;
      writeFileSync(pdfPath, pdf);
      const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
      const share = measured.drawn / printable.width;
      // A segment label is 19 units high in the drawing; on paper, in points.
      const labelPt = 19 * measured.scale * 0.75;
      console.log(`report ${paper}: ${/Pages:\s+(\d+)/.exec(info)![1]} page(s), map ${(share * 100).toFixed(1)} % of the printable width, segment labels ${labelPt.toFixed(1)} pt`);
      expect(info).toMatch(/Pages:\s+1\b/);
      // The zone, the date and the leader each stay on one line.
      expect(measured.metaLines.every((lines) => lines === 1)).toBe(true);
      // A title too long for one line breaks between its words, never inside one.
      for (const at of measured.titleBreaks) expect(at, `the title breaks inside a word: ${at}`).toMatch(/\s|.（$/);
      expect(share).toBeGreaterThan(0.95);
      execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", pdfPath, `${ARTIFACTS}42-report-${paper.toLowerCase()}-only`]);
      expect(errors).toEqual([]);
    });

  it("prints a saved 补链模拟 with the report, marked as simulated, still on one A4 page for the sample's densest chain", async () => {
    // The densest sheet: the zone × chain with the longest gap table (then the most segments).
    const zones = await app.json<ZoneSummary[]>("/api/zones");
    const sheets = await Promise.all(zones.flatMap((z) => z.chains.map((c) => app.json<ChainGaps>(`/api/zones/${z.id}/chains/${c.id}/gaps`))));
    const densest = sheets.sort((a, b) => b.figures.gapSegments - a.figures.gapSegments || b.figures.segments - a.figures.segments)[0]!;
    const [zone, chain] = [densest.zone.id, densest.chain.id];
    // Six candidates, the best closers first: the longest block a scenario is likely to print.
    const ranking = await app.json<RankedTargets>(`/api/zones/${zone}/chains/${chain}/targets?order=effect&limit=6`);
    expect(ranking.results.length).toBeGreaterThan(1);
    const firmIds = ranking.results.map((r) => r.firm.id);
    const scenario = await app.json<Scenario>(`/api/zones/${zone}/chains/${chain}/scenarios`, { method: "POST", body: JSON.stringify({ name: "重点六家同时落地", firmIds }) });
    // Since saved, the last of them has moved into the zone: the block names it as left out.
    const landed = ranking.results.at(-1)!.firm;
    await updateFirm(app.store, landed.id, { version: (await readFirm(app.store, landed.id))!.version, zoneId: zone }, "测试");

    const printable = { width: (PAPERS.A4.width - 2 * MARGIN_MM) * PX_PER_MM, height: (PAPERS.A4.height - 2 * MARGIN_MM) * PX_PER_MM };
    const { page, errors } = await openPage(browser, app, { size: { width: Math.round(printable.width), height: Math.round(printable.height) } });
    await page.goto(`${app.url}/zones/${zone}/chains/${chain}/report?paper=A4`);
    await page.waitForSelector('[data-testid="report-map"] svg');
    expect(await page.locator('[data-testid="report-scenario"]').count()).toBe(0);
    // Chosen on the page, kept in the URL.
    await pickOption(page, page.locator('[data-testid="report-scenario-choice"]'), "重点六家同时落地");
    await page.waitForURL(new RegExp(`scenario=${scenario.id}`));
    await page.waitForSelector('[data-testid="report-scenario"]');
    const simulated = await app.json<{ before: { completeness: number }; after: { completeness: number }; closedGaps: unknown[] }>(
      `/api/zones/${zone}/chains/${chain}/simulation?firms=${firmIds.join(",")}`,
    );
    const block = await page.locator('[data-testid="report-scenario"]').innerText();
    expect(block).toContain("补链模拟（模拟，未发生）");
    expect(block).toContain("「重点六家同时落地」");
    expect(block).toContain(`落地 ${firmIds.length - 1} 家`);
    expect(block).toContain(`补上缺口 ${simulated.closedGaps.length} 项`);
    expect(block).toContain(`完整度 ${Math.round(simulated.before.completeness * 100)}% → ${Math.round(simulated.after.completeness * 100)}%`);
    expect(block).toContain(`已落地，已跳过：${landed.name}`);
    expect(page.url()).toContain("paper=A4");

    await page.emulateMedia({ media: "print" });
    await settle(page);
    await saveScreenshot(page, "43-report-a4-scenario");
    const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
    const pdfPath = `${ARTIFACTS}43-report-a4-scenario.pdf`;
    writeFileSync(pdfPath, pdf);
    const info = execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" });
    console.log(`report A4 with a scenario (${zone} × ${chain}, ${densest.figures.gapSegments} gap segments): ${/Pages:\s+(\d+)/.exec(info)![1]} page(s)`);
    expect(info).toMatch(/Pages:\s+1\b/);
    execFileSync("pdftoppm", ["-png", "-r", "110", "-singlefile", pdfPath, `${ARTIFACTS}43-report-a4-scenario`]);
    expect(errors).toEqual([]);
  });
});
