/**
 * Tables for export: a list of columns (header, width, number format, how to read a row)
 * written as XLSX (ExcelJS) or as CSV in UTF-8 with a BOM so Excel opens Chinese correctly.
 * Text that a spreadsheet could take for a formula (= + - @, tab, CR) is neutralised with
 * a leading apostrophe in both formats.
 */
import ExcelJS from "exceljs";

export type Cell = string | number | null;

export interface Column<Row> {
  header: string;
  width: number;
  /** Excel number format, e.g. "#,##0.00" for 万元. */
  numFmt?: string;
  value: (row: Row) => Cell;
}

export interface Table<Row> {
  sheet: string;
  columns: Column<Row>[];
  rows: Row[];
}

export const WAN = "#,##0.00";

/** A cell a spreadsheet must show as text, never evaluate. */
export function neutralise(value: Cell): Cell {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function toXlsx(tables: Table<any>[], meta: { title: string; created: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ChainAtlas";
  workbook.title = meta.title;
  workbook.created = meta.created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    for (const row of table.rows) sheet.addRow(table.columns.map((c) => neutralise(c.value(row))));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: Cell): string {
  const text = value === null ? "" : String(neutralise(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Table<any>): Buffer {
  const lines = [table.columns.map((c) => csvField(c.header)), ...table.rows.map((row) => table.columns.map((c) => csvField(c.value(row))))];
  return Buffer.from("\uFEFF" + lines.map((l) => l.join(",")).join("\r\n") + "\r\n", "utf8");
}
