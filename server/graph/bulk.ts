/**
 * Bulk loads: rows are staged in CSV files on disk while an import or a restore streams
 * (so memory stays bounded), then each engine loads the files in one transaction — Kùzu
 * with COPY, Neo4j with batched UNWIND. Columns come in the order of the schema
 * (server/graph/schema.ts), which is what Kùzu's COPY needs.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { stagedColumns, table, type ColumnType } from "./schema.js";
import type { Params } from "./store.js";

export type BulkTable = string;

export interface StagedFile {
  /** A table of the schema (server/graph/schema.ts). */
  table: BulkTable;
  path: string;
  rows: number;
}

/** What one bulk load does, all in one transaction: steps, then files, then steps. */
export interface BulkLoad {
  before: import("./store.js").WriteStep[];
  files: StagedFile[];
  after: import("./store.js").WriteStep[];
}

/**
 * Text for one CSV field. Newlines become spaces (Kùzu's parallel reader refuses them in
 * quotes); an empty string loads as null, which services read back as "".
 */
function field(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (type === "string[]") {
    // List elements cannot carry the list syntax itself; full-width stand-ins keep them readable.
    const items = (value as string[]).map((s) => s.replace(/,/g, "，").replace(/\[/g, "［").replace(/]/g, "］").replace(/[\r\n"]/g, " "));
    return `"[${items.join(",")}]"`;
  }
  if (type === "string") {
    const text = String(value).replace(/[\r\n]+/g, " ");
    return /[",]/.test(text) || text === "" ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return String(value);
}

const columnsOf = new Map<BulkTable, [string, ColumnType][]>();
const staged = (tableName: BulkTable) => {
  let columns = columnsOf.get(tableName);
  if (!columns) columnsOf.set(tableName, (columns = stagedColumns(table(tableName))));
  return columns;
};

/**
 * One row of a table as a line of its staged CSV file, newline included: what
 * StagingWriter.write appends. Import workers prepare lines with it off the main thread.
 */
export function stagedLine(tableName: BulkTable, row: Params): string {
  const columns = staged(tableName);
  let line = field(columns[0]![1], row[columns[0]![0]]);
  for (let i = 1; i < columns.length; i++) line += "," + field(columns[i]![1], row[columns[i]![0]]);
  return line + "\n";
}

/** Lines are handed to the file in pieces of about this many characters, not one by one. */
const FLUSH_CHARS = 256 * 1024;

/** Appends rows of one table to a CSV file, with back-pressure. */
export class StagingWriter {
  private readonly out: WriteStream;
  rows = 0;

  constructor(
    readonly tableName: BulkTable,
    readonly path: string,
  ) {
    this.out = createWriteStream(path, { encoding: "utf8" });
    this.out.write(staged(tableName).map(([name]) => name).join(",") + "\n");
  }

  async write(row: Params): Promise<void> {
    await this.writeLines(stagedLine(this.tableName, row), 1);
  }

  private pending = "";

  /** Appends `rows` lines made by stagedLine for this table. */
  async writeLines(lines: string, rows: number): Promise<void> {
    if (rows === 0) return;
    this.rows += rows;
    this.pending += lines;
    if (this.pending.length >= FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.pending;
    this.pending = "";
    if (text && !this.out.write(text)) await once(this.out, "drain");
  }

  private closing?: Promise<StagedFile>;

  /** Finishes the file; safe to call more than once. */
  close(): Promise<StagedFile> {
    this.closing ??= (async () => {
      await this.flush();
      this.out.end();
      if (!this.out.writableFinished) await once(this.out, "finish");
      return { table: this.tableName, path: this.path, rows: this.rows };
    })();
    return this.closing;
  }
}

/** Parses a staged field back to its value (the Neo4j engine reads the files it loads). */
export function parseField(type: ColumnType, text: string): unknown {
  if (text === "") return type === "string[]" ? [] : null;
  switch (type) {
    case "number":
      return Number(text);
    case "integer":
      return Number.parseInt(text, 10);
    case "boolean":
      return text === "true";
    case "string[]":
      return text.slice(1, -1).split(",").filter(Boolean);
    default:
      return text;
  }
}
