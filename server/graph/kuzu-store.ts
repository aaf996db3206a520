/**
 * Embedded engine: Kùzu in-process, the database in one file under DATA_DIR.
 *
 * Reads share a small pool of connections; writes go one at a time through a dedicated
 * connection, each batch inside BEGIN TRANSACTION … COMMIT. Parameters are checked
 * before they reach Kùzu because its Node binding types a list from its first element
 * and silently reinterprets later elements of another numeric kind (see
 * docs/decisions/002-dates-as-text-and-scalar-writes.md).
 */
import kuzu from "kuzu";
import type { KuzuValue } from "kuzu";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { bindParams, cypherQuery, cypherStatements, type CypherQuery } from "./cypher-files.js";
import type { BulkLoad, StagedFile } from "./bulk.js";
import { scanStatement, table } from "./schema.js";
import type { GraphStore, Params, Row, WriteOptions, WriteStep } from "./store.js";
import { PreconditionFailed, StoreError, versionStep } from "./store.js";

type Connection = InstanceType<typeof kuzu.Connection>;
type PreparedStatement = Awaited<ReturnType<Connection["prepare"]>>;

export interface KuzuOptions {
  /** Buffer pool size; Kùzu's default is 80% of RAM, too greedy for a shared machine. */
  bufferPoolMiB?: number;
  readConnections?: number;
}

export class KuzuStore implements GraphStore {
  readonly engine = "kuzu" as const;
  private readonly idle: Connection[];
  private readonly waiting: Array<(c: Connection) => void> = [];
  private readonly prepared = new WeakMap<Connection, Map<string, PreparedStatement>>();
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly database: InstanceType<typeof kuzu.Database>,
    private readonly writer: Connection,
    readers: Connection[],
  ) {
    this.idle = readers;
  }

  /** Opens (creating when absent) the database file `file`. Fails clearly when another process holds it. */
  static async open(file: string, options: KuzuOptions = {}): Promise<KuzuStore> {
    mkdirSync(path.dirname(file), { recursive: true });
    const bufferBytes = (options.bufferPoolMiB ?? 1024) * 1024 * 1024;
    let database: InstanceType<typeof kuzu.Database>;
    try {
      database = new kuzu.Database(file, bufferBytes);
      await database.init();
    } catch (error) {
      const message = (error as Error).message;
      if (/lock/i.test(message))
        throw new StoreError(
          `The graph at ${file} is in use by another process (usually a running ChainAtlas server). ` +
            `Stop it, or point DATA_DIR elsewhere, and try again.`,
          { cause: error },
        );
      throw new StoreError(`Cannot open the graph at ${file}: ${message}`, { cause: error });
    }
    const connect = async () => {
      const c = new kuzu.Connection(database);
      await c.init();
      return c;
    };
    const readers = await Promise.all(Array.from({ length: options.readConnections ?? 2 }, connect));
    return new KuzuStore(database, await connect(), readers);
  }

  async read(query: string, params: Params = {}): Promise<Row[]> {
    const connection = await this.acquire();
    try {
      return await this.run(connection, cypherQuery(query, this.engine), params);
    } finally {
      this.release(connection);
    }
  }

  write(steps: WriteStep[], options: WriteOptions = {}): Promise<void> {
    return this.load({ before: steps, files: [], after: [] }, options);
  }

  load({ before, files, after }: BulkLoad, options: WriteOptions = {}): Promise<void> {
    const runSteps = async (steps: WriteStep[]) => {
      for (const step of steps) {
        const query = cypherQuery(step.query, this.engine);
        for (const row of step.rows) {
          const result = await this.run(this.writer, query, row);
          if (step.mustMatch && result.length === 0) throw new PreconditionFailed(step.query, row);
        }
      }
    };
    const run = async () => {
      // A COPY into tables with changes not yet checkpointed corrupts Kùzu 0.11.3's heap
      // when it fails (see docs/decisions/002); checkpointing first avoids it.
      if (files.length) await statement(this.writer, "CHECKPOINT");
      await statement(this.writer, "BEGIN TRANSACTION");
      try {
        await runSteps(before);
        for (const file of files) if (file.rows > 0) await statement(this.writer, copyStatement(file));
        await runSteps(options.keepsCaches ? after : [...after, versionStep()]);
        await statement(this.writer, "COMMIT");
      } catch (error) {
        // Kùzu may already have rolled back after a failed statement; a second rollback then fails harmlessly.
        await statement(this.writer, "ROLLBACK").catch(() => undefined);
        throw error;
      }
    };
    const result = this.writeQueue.then(run, run);
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  async *scan(tableName: string): AsyncIterable<Row> {
    const connection = await this.acquire();
    try {
      const result = await connection.query(scanStatement(table(tableName)));
      const results = Array.isArray(result) ? result : [result];
      try {
        const rows = results[0]!;
        while (rows.hasNext()) yield plain(await rows.getNext()) as Row;
      } finally {
        for (const r of results) r.close();
      }
    } finally {
      this.release(connection);
    }
  }

  async ensureSchema(): Promise<void> {
    for (const text of cypherStatements("schema/create-schema", this.engine)) {
      await this.exclusive((c) => statement(c, text));
    }
  }

  async clear(): Promise<void> {
    await this.write([{ query: "admin/delete-all", rows: [{}] }]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writeQueue;
    for (const c of [...this.idle, this.writer]) await c.close();
    await this.database.close();
  }

  private async exclusive<T>(work: (c: Connection) => Promise<T>): Promise<T> {
    const result = this.writeQueue.then(() => work(this.writer));
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  private async run(connection: Connection, query: CypherQuery, params: Params): Promise<Row[]> {
    const { text } = query;
    let statements = this.prepared.get(connection);
    if (!statements) this.prepared.set(connection, (statements = new Map()));
    let statement = statements.get(text);
    if (!statement) {
      statement = await connection.prepare(text);
      if (!statement.isSuccess()) throw new StoreError(`Cypher does not compile on Kùzu: ${statement.getErrorMessage()}\n${text}`);
      statements.set(text, statement);
    }
    const result = await connection.execute(statement, kuzuParams(bindParams(query, params)));
    const results = Array.isArray(result) ? result : [result];
    // The binding's async getAll() fetches each row with a round trip through the thread
    // pool (≈ 20–40 µs a row: two seconds for 60,000 rows); converting them in one go
    // takes about 1 µs a row. The query itself has already run off this thread.
    const rows = results.at(-1)!.getAllSync() as Row[];
    for (const r of results) r.close();
    return rows.map((row) => plain(row) as Row);
  }

  private acquire(): Promise<Connection> {
    if (this.closed) return Promise.reject(new StoreError("The graph store is closed"));
    const c = this.idle.pop();
    return c ? Promise.resolve(c) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: Connection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }
}

/**
 * Runs a statement without parameters and releases its result at once: a Kùzu result left
 * for the garbage collector after the database has closed crashes the process at exit.
 */
async function statement(connection: Connection, text: string): Promise<void> {
  const result = await connection.query(text);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
}

/**
 * COPY takes no parameters, so the statement is assembled — only from an allow-listed
 * table name and a path the server made itself (checked to hold no quote).
 */
function copyStatement(file: StagedFile): string {
  const name = table(file.table).name;
  if (!path.isAbsolute(file.path) || /['"\\]/.test(file.path)) throw new StoreError(`Refusing to COPY from ${file.path}`);
  return `COPY ${name} FROM '${file.path}' (HEADER=true, ESCAPE='"')`;
}

/**
 * Guards the Kùzu parameter pitfalls: undefined becomes null; lists must be homogeneous
 * (no objects, no integers mixed with decimals) because Kùzu types a list from its first
 * element. An empty list reaches Kùzu as null, so `x IN $list` matches nothing on both
 * engines; callers short-circuit rather than pass an empty filter.
 */
export function kuzuParams(params: Params): Record<string, KuzuValue> {
  const out: Record<string, KuzuValue> = {};
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) checkList(key, value);
    out[key] = value === undefined ? null : (value as KuzuValue);
  }
  return out;
}

function checkList(key: string, list: unknown[]): void {
  const kinds = new Set(
    list.map((v) => {
      if (v === null || v === undefined) throw new StoreError(`Parameter $${key}: a list may not hold nulls on Kùzu`);
      if (typeof v === "number") return Number.isInteger(v) ? "integer" : "decimal";
      if (typeof v === "object") throw new StoreError(`Parameter $${key}: lists of objects are not sent to Kùzu; write one row per execution`);
      return typeof v;
    }),
  );
  if (kinds.size > 1)
    throw new StoreError(`Parameter $${key}: a list mixes ${[...kinds].sort().join(" and ")}; Kùzu would corrupt the later values`);
}

/** Kùzu returns Date objects for temporal values and node objects with _label/_id; make them plain. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    const out: Row = {};
    for (const [k, v] of Object.entries(value)) if (!k.startsWith("_")) out[k] = plain(v);
    return out;
  }
  return value;
}
