/**
 * Bulk loads: rows are staged in CSV files on disk while an import or a restore streams
 * (so memory stays bounded), then each engine loads the files in one transaction — Kùzu
 * with COPY, Neo4j with batched UNWIND. Columns come in the order of the schema
 * (server/graph/schema.ts), which is what Kùzu's COPY needs.
 *
 * Staging is lossless: every value comes back exactly as it was written (an empty text
 * comes back as null, which services read as ""). Text is always quoted with quotes
 * doubled, and may hold anything but NUL, line breaks included; a file holding a line
 * break is read serially by Kùzu (its parallel reader refuses them). Kùzu's list syntax
 * cannot quote an element, so a row with a list element that the syntax would change
 * (a comma, a bracket or brace, a quote, a backslash, edge spaces, an empty element) is
 * staged apart, as JSON, and written with parameters in the same transaction.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { stagedColumns, table, type ColumnType } from "./schema.js";
import type { Params, StagedFile } from "./store.js";

/** Rows of one table staged in memory: what StagingWriter.writeStaged appends. */
export interface StagedRows {
  /** CSV lines, each ending in a newline. */
  text: string;
  /** How many rows `text` holds. */
  rows: number;
  lineBreaks: boolean;
  /** Rows that go apart (see above): every staged column, a missing value as null. */
  apart: Params[];
}

/**
 * A list element Kùzu's CSV list syntax reads back unchanged: not empty, no edge spaces,
 * none of , [ ] { } " ' \ (found by round-tripping every character through COPY).
 */
const PLAIN_ELEMENT = /^(?!\s)[^,[\]{}"'\\\r\n]+(?<!\s)$/;

const LINE_BREAK = /[\r\n]/;

const quoted = (text: string) => `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;

/** Text for one CSV field, or null when the value cannot be one (a list staged apart). */
function field(type: ColumnType, value: unknown): string | null {
  if (value === null || value === undefined) return "";
  if (type === "string[]") {
    const items = value as string[];
    return items.every((item) => PLAIN_ELEMENT.test(item)) ? `"[${items.join(",")}]"` : null;
  }
  if (type === "string") return quoted(String(value));
  return String(value);
}

const columnsOf = new Map<string, [string, ColumnType][]>();
const staged = (tableName: string) => {
  let columns = columnsOf.get(tableName);
  if (!columns) columnsOf.set(tableName, (columns = stagedColumns(table(tableName))));
  return columns;
};

/** Stages rows of one table in memory. Pure: import workers stage rows off the main thread. */
export function stageRows(tableName: string, rows: Params[]): StagedRows {
  const columns = staged(tableName);
  const out: StagedRows = { text: "", rows: 0, lineBreaks: false, apart: [] };
  rows: for (const row of rows) {
    let line = "";
    for (let i = 0; i < columns.length; i++) {
      const [name, type] = columns[i]!;
      const text = field(type, row[name]);
      if (text === null) {
        out.apart.push(Object.fromEntries(columns.map(([column]) => [column, row[column] ?? null])));
        continue rows;
      }
      line += i === 0 ? text : "," + text;
    }
    if (LINE_BREAK.test(line)) out.lineBreaks = true;
    out.text += line + "\n";
    out.rows++;
  }
  return out;
}

/** Text is handed to the file in pieces of about this many characters, not row by row. */
const FLUSH_CHARS = 256 * 1024;

/** A file written with back-pressure, in pieces. */
class Appender {
  private readonly out: WriteStream;

  constructor(
    readonly path: string,
    private pending = "",
  ) {
    this.out = createWriteStream(path, { encoding: "utf8" });
  }

  async append(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.pending;
    this.pending = "";
    if (text && !this.out.write(text)) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    if (!this.out.writableFinished) await once(this.out, "finish");
  }
}

/** Appends rows of one table to a CSV file (and its rows apart beside it), with back-pressure. */
export class StagingWriter {
  private readonly csv: Appender;
  private apart: Appender | null = null;
  rows = 0;
  private apartRows = 0;
  private lineBreaks = false;

  constructor(
    readonly tableName: string,
    readonly path: string,
  ) {
    this.csv = new Appender(path, staged(tableName).map(([name]) => name).join(",") + "\n");
  }

  async write(row: Params): Promise<void> {
    await this.writeStaged(stageRows(this.tableName, [row]));
  }

  /** Appends rows staged by stageRows for this table. */
  async writeStaged(rows: StagedRows): Promise<void> {
    if (rows.rows > 0) {
      this.rows += rows.rows;
      this.lineBreaks ||= rows.lineBreaks;
      await this.csv.append(rows.text);
    }
    if (rows.apart.length > 0) {
      this.apart ??= new Appender(`${this.path}.apart.jsonl`);
      this.apartRows += rows.apart.length;
      await this.apart.append(rows.apart.map((row) => JSON.stringify(row) + "\n").join(""));
    }
  }

  private closing?: Promise<StagedFile>;

  /** Finishes the files; safe to call more than once. */
  close(): Promise<StagedFile> {
    this.closing ??= (async () => {
      await this.csv.close();
      await this.apart?.close();
      return {
        table: this.tableName,
        path: this.path,
        rows: this.rows,
        lineBreaks: this.lineBreaks,
        ...(this.apart ? { apart: { path: this.apart.path, rows: this.apartRows } } : {}),
      };
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
