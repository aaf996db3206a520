/**
 * Rows prepared on worker threads are exactly the rows the main thread would prepare:
 * the same problems, keys, hashes and staged lines, in the same order.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { findHeader } from "../../../server/imports/columns.js";
import { RowWorkers, workersFor } from "../../../server/imports/import-workers.js";
import { keyFilter } from "../../../server/imports/key-filter.js";
import { prepareRow, type RowContext } from "../../../server/imports/prepare-row.js";
import type { RawRow } from "../../../server/imports/read-table.js";
import { DEFAULT_EXCHANGE_RATES } from "../../../server/model/domain.js";
import { SEGMENTS } from "./chain-segments.js";

const fixture = (name: string) => parse(readFileSync(join(import.meta.dirname, "../../fixtures/classification", name)), { bom: true }) as string[][];
// Labelled firms as an export lists them: name, industry, scope, products, province.
const [columns, ...firms] = [...fixture("steel.csv"), ...fixture("agri-pharma.csv").slice(1)];
const rows: RawRow[] = [columns!, ...firms].map((cells, i) => ({ rowNumber: i + 1, cells }));
const header = findHeader(rows.slice(0, 30))!;
const context: RowContext = {
  header,
  segments: SEGMENTS,
  decisions: [[`u-x|${SEGMENTS[0]!.id}`, "rejected"]],
  importId: "imp-test",
  source: "test",
  today: "2026-11-29",
  commit: true,
  // Some of the firms are "known": their rows carry the facts hash.
  known: keyFilter(["凌源钢铁股份有限公司", "青岛啤酒股份有限公司"], 2),
  rates: DEFAULT_EXCHANGE_RATES,
};
const data = rows.filter((r) => r.rowNumber > header.headerRowNumber);
// Rows with problems too: a bad 统一社会信用代码, a missing name, a formula-looking cell.
data.push({ rowNumber: 900, cells: header.columns.map((c) => (c.field === "name" ? "=HYPERLINK(1)" : c.field === "uscc" ? "91130203MA00000099" : "")) });
data.push({ rowNumber: 901, cells: header.columns.map(() => "") });

const workers = new RowWorkers(2);
afterAll(() => workers.close());

describe("RowWorkers", () => {
  it("prepare rows on other threads exactly as this thread does, batch by batch", async () => {
    workers.setContext(context);
    const batches = [data.slice(0, 50), data.slice(50, 51), data.slice(51)];
    const prepared = (await Promise.all(batches.map((b) => workers.prepare(b)))).flat();
    expect(prepared).toEqual(data.map((raw) => prepareRow(raw, context)));
    expect(prepared.filter((p) => p.firm && p.firm.links > 0).length).toBeGreaterThan(100);
    expect(prepared.some((p) => p.problems.length > 0)).toBe(true);
    const hashed = prepared.filter((p) => p.firm?.hash).map((p) => p.firm!.name);
    expect(hashed).toEqual(expect.arrayContaining(["凌源钢铁股份有限公司", "青岛啤酒股份有限公司"]));
    expect(hashed.length).toBeLessThan(5);
    // Starting threads that load the classifier takes seconds on a busy machine.
  }, 30_000);

  it("are used for large files only", () => {
    expect(workersFor(1024)).toBe(0);
    expect(workersFor(1024 ** 3)).toBeGreaterThanOrEqual(0);
  });
});
