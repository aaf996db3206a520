/**
 * Prepared rows packed for the trip from a worker to the main thread come back field for
 * field: every text, number, flag and null, the staged lines with their line breaks and
 * rows apart, the problems — through a structured clone, as postMessage makes one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { findHeader } from "../../../server/imports/columns.js";
import { keyFilter } from "../../../server/imports/key-filter.js";
import { packRows, transferables, unpackRows } from "../../../server/imports/packed-rows.js";
import { prepareRow, type PreparedRow, type RowContext } from "../../../server/imports/prepare-row.js";
import type { RawRow } from "../../../server/imports/read-table.js";
import { DEFAULT_EXCHANGE_RATES } from "../../../server/model/domain.js";
import { CODES } from "../../fixtures/imports/codes.js";
import { SEGMENTS } from "./chain-segments.js";

const fixture = (name: string) => parse(readFileSync(join(import.meta.dirname, "../../fixtures/classification", name)), { bom: true }) as string[][];
const [columns, ...firms] = [...fixture("steel.csv"), ...fixture("agri-pharma.csv").slice(1)];
const extra = ["统一社会信用代码", "曾用名", "标签", "注册资本", "登记状态"];
const header = findHeader([{ rowNumber: 1, cells: [...columns!, ...extra] }])!;
const context = (commit: boolean): RowContext => ({
  header,
  segments: SEGMENTS,
  decisions: [],
  importId: "imp-test",
  source: "test",
  today: "2026-11-29",
  commit,
  known: keyFilter(["凌源钢铁股份有限公司"], 1),
  rates: DEFAULT_EXCHANGE_RATES,
});
const cells = (row: string[], more: Partial<Record<(typeof extra)[number], string>> = {}) => [
  ...columns!.map((_, i) => row[i] ?? ""),
  ...extra.map((e) => more[e as keyof typeof more] ?? ""),
];
const data: RawRow[] = firms.map((row, i) => ({ rowNumber: i + 2, cells: cells(row) }));
const [first, second, third] = firms;
data.push(
  // A 统一社会信用代码, and the facts hash of a known firm.
  { rowNumber: 500, cells: cells(["凌源钢铁股份有限公司", "板材", "", "热轧卷板", "辽宁"], { 统一社会信用代码: CODES.lingang }) },
  // Line breaks in a staged text, an alias Kùzu's list syntax cannot hold (staged apart), a tag, a foreign capital.
  { rowNumber: 501, cells: cells([first![0]!, first![1]!, "钢材冶炼\n热轧卷板的生产", first![3]!, first![4]!], { 曾用名: '旧名"甲"', 标签: "专精特新", 注册资本: "100万美元" }) },
  // No region: taken from the name, with a problem.
  { rowNumber: 502, cells: cells(["深圳市鹏城特钢有限公司", "", "特钢冶炼", "", ""]) },
  // No firm at all, and a formula-looking cell.
  { rowNumber: 503, cells: cells(["=HYPERLINK(1)", "", "", "", ""], { 统一社会信用代码: "91130203MA00000099" }) },
  { rowNumber: 504, cells: cells(["", "", "", "", ""]) },
  { rowNumber: 505, cells: cells([second![0]!, "", "", "", second![4]!]) },
  { rowNumber: 506, cells: cells(third!.slice(0, 5)) },
  // A closed firm (kept to be told apart from the graph's), and the 合计 line under the data.
  { rowNumber: 507, cells: cells([third![0]!, "", "", "", third![4]!], { 登记状态: "吊销，未注销" }) },
  { rowNumber: 508, cells: cells(["", "", "", "", ""], { 标签: "合计", 注册资本: "5200万元" }) },
);

const roundTrip = (rows: PreparedRow[]) => {
  const packed = packRows(rows);
  return unpackRows(structuredClone(packed, { transfer: transferables(packed) }));
};

describe("packed rows", () => {
  it("come back field for field, staged or not", () => {
    for (const commit of [true, false]) {
      const rows = data.map((raw) => prepareRow(raw, context(commit)));
      const back = roundTrip(rows);
      expect(back).toEqual(rows);
      // In the same order of fields, too: nothing downstream sees a difference.
      expect(JSON.stringify(back)).toBe(JSON.stringify(rows));
    }
  });

  it("cover every kind of row the sample holds", () => {
    const rows = data.map((raw) => prepareRow(raw, context(true)));
    const firmsOf = rows.flatMap((r) => (r.firm ? [r.firm] : []));
    expect(rows.some((r) => r.firm === null && r.problems.length > 0)).toBe(true);
    expect(rows.some((r) => r.firm === null && r.problems.length === 0)).toBe(true);
    expect(firmsOf.some((f) => f.uscc !== null && f.hash !== null)).toBe(true);
    expect(firmsOf.some((f) => f.regionFromName !== null)).toBe(true);
    expect(firmsOf.some((f) => f.staged!.firm.apart.length > 0)).toBe(true);
    expect(firmsOf.some((f) => f.staged!.linkTexts.lineBreaks)).toBe(true);
    expect(firmsOf.some((f) => f.placements.some((p) => p.linked) && f.placements.some((p) => !p.linked))).toBe(true);
    expect(firmsOf.some((f) => f.placements.length === 0)).toBe(true);
    expect(firmsOf.some((f) => f.closed === "吊销，未注销")).toBe(true);
    expect(firmsOf.some((f) => f.placements.length === 0 && f.nowhere !== null && f.closed === null)).toBe(true);
    expect(rows.some((r) => r.blank && r.problems.length === 0)).toBe(true);
  });

  it("keep the keys apart from the other texts", () => {
    const rows = data.map((raw) => prepareRow(raw, context(true)));
    const packed = packRows(rows);
    expect(packed.keys).toBe(rows.flatMap((r) => (r.firm ? [r.firm.key] : [])).join(""));
    expect(packed.text).not.toContain(rows.find((r) => r.firm)!.firm!.key);
  });
});
