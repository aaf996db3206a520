/** Sends an export as a download with a Chinese file name that every browser keeps. */
import type { Response } from "express";
import { z } from "zod";
import type { Table } from "./tables.js";
import { toCsv, toXlsx } from "./tables.js";

export const ExportFormat = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") });

const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** XLSX holds every table as a sheet; CSV holds the first (the list itself). */
export async function sendExport(res: Response, format: "xlsx" | "csv", name: string, tables: Table<any>[], now = new Date()): Promise<void> {
  const file = `${name}-${now.toISOString().slice(0, 10)}.${format}`;
  const body = format === "xlsx" ? await toXlsx(tables, { title: name, created: now }) : toCsv(tables[0]!);
  res.setHeader("Content-Type", TYPES[format]);
  res.setHeader("Content-Disposition", `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`);
  res.send(body);
}
