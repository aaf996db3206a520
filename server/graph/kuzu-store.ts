/**
 * Embedded engine: Kùzu in-process, the database in one file under DATA_DIR.
 *
 * Reads share a small pool of connections; writes go one at a time through a dedicated
 * connection, each batch inside BEGIN TRANSACTION … COMMIT. Parameters are checked
 * before they reach Kùzu because its Node binding types a list from its first element
 * and silently reinterprets later elements of another numeric kind (see
 * docs/decisions/002-dates-as-text-and-scalar-writes.md).
 *
 * The store, not Kùzu, decides when to checkpoint (docs/decisions/011): between writes,
 * once no one has read for a moment (or at once when the log has grown past its bound),
 * with new reads held meanwhile. A graph left
 * with an unfinished log by a crash is checkpointed and opened again before use. A
 * checkpoint that folds in deleted links is followed by opening the graph afresh from its file,
 * as Kùzu's own state after it may crash the next read (docs/decisions/032-reopen-after-checkpointing-deleted-links.md).
 */
import kuzu from "kuzu";
import type { KuzuValue } from "kuzu";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createReadStream, mkdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { bindParams, cypherQuery, cypherStatements, type CypherQuery } from "./cypher-files.js";
import { backupLineStatement, countStatement, insertStatement, scanStatement, stagedColumns, table } from "./schema.js";
import type { BulkLoad, ExportedTable, GraphStore, Params, Row, StagedFile, WriteOptions, WriteStep } from "./store.js";
import { CommitLog, loadedTables, PreconditionFailed, StoreError, versionStep } from "./store.js";
import { during, inBackground, timed } from "../request-timing.js";
import { ensureRoom, freeBytes, StorageFault, storageFault } from "../storage-faults.js";
import { ReadPool } from "./read-pool.js";

type Connection = InstanceType<typeof kuzu.Connection>;
type PreparedStatement = Awaited<ReturnType<Connection["prepare"]>>;

/** Rows a table scan converts at a time (backups). */
const SCAN_BATCH = 4096;

export interface KuzuOptions {
  /** Buffer pool size; Kùzu's default is 80% of RAM, too greedy for a shared machine. */
  bufferPoolMiB?: number;
  readConnections?: number;
  /** A write that leaves the log larger than this makes a checkpoint due, run once the graph is idle (Kùzu's own threshold). */
  checkpointLogBytes?: number;
  /** A write that leaves the log larger than this is followed by a checkpoint at once, busy or not: the log stays bounded. */
  maxLogBytes?: number;
  /** How long no read may have run before the graph counts as idle for a due checkpoint. */
  idleMs?: number;
  /** A write is refused, before it reaches Kùzu, while the graph's disk has less free than this (docs/decisions/038-storage-faults.md). */
  minFreeBytes?: number;
}

/** The checkpoint policy's defaults (see docs/decisions/011). */
const CHECKPOINT_LOG_BYTES = 16 * 1024 * 1024;
const IDLE_MS = 1_000;
/** Room kept free on the graph's disk for its log and a checkpoint's pages (MIN_FREE_DISK_MIB). */
export const MIN_FREE_BYTES = 256 * 1024 * 1024;

type Database = InstanceType<typeof kuzu.Database>;

export class KuzuStore implements GraphStore {
  readonly engine = "kuzu" as const;
  readonly commits = new CommitLog(true);
  private readonly idle: Connection[];
  /** The read connections; a read in the background gives way to the others (read-pool.ts). */
  private readonly pool: ReadPool<Connection>;
  private readonly prepared = new WeakMap<Connection, Map<string, PreparedStatement>>();
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Kùzu statements running on the read connections. */
  private readsUnderWay = 0;
  private readsFinished: (() => void) | null = null;
  /** Set while a checkpoint waits for reads to finish, or runs: new reads wait for it. */
  private readsHeld: Promise<void> | null = null;
  /** When the last read statement started or ended (performance.now()). */
  private lastReadAt = 0;
  /** The log has outgrown checkpointLogBytes: a checkpoint runs once the graph is idle. */
  private checkpointDue = false;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Checkpoints run since the graph opened (for tests and logs). */
  checkpoints = 0;
  /** A write since the last checkpoint deleted links: the next checkpoint is followed by opening the graph afresh. */
  private deletedSinceCheckpoint = false;
  /** Times the graph was opened afresh after a checkpoint (for tests and logs). */
  reopenings = 0;
  /**
   * Set while the graph is open read-only: its disk refused a write, and then the replay of
   * its log (docs/decisions/038-storage-faults.md). The next write opens it for writing again.
   */
  private readOnly: StorageFault | null = null;
  private readonly readers: number;

  private constructor(
    private database: Database,
    private readonly file: string,
    private writer: Connection,
    readers: Connection[],
    private readonly policy: { checkpointLogBytes: number; maxLogBytes: number; idleMs: number; minFreeBytes: number },
    /** What opening found: a graph the last process had not closed, brought back to its last commit or to its last checkpoint. */
    readonly recovered: Recovery | null,
    private readonly bufferBytes: number,
  ) {
    this.idle = readers;
    this.readers = readers.length;
    this.pool = new ReadPool(this.idle, this.readers);
  }

  /** Opens (creating when absent) the database file `file`. Fails clearly when another process holds it. */
  static async open(file: string, options: KuzuOptions = {}): Promise<KuzuStore> {
    mkdirSync(path.dirname(file), { recursive: true });
    const bufferBytes = (options.bufferPoolMiB ?? 1024) * 1024 * 1024;
    const recovered = logBytes(file) > 0 ? await recover(file, bufferBytes, options.minFreeBytes ?? MIN_FREE_BYTES) : null;
    const database = await openDatabase(file, bufferBytes);
    const readers = await Promise.all(Array.from({ length: options.readConnections ?? 2 }, () => connect(database)));
    const checkpointLogBytes = options.checkpointLogBytes ?? CHECKPOINT_LOG_BYTES;
    const policy = { checkpointLogBytes, maxLogBytes: options.maxLogBytes ?? 4 * checkpointLogBytes, idleMs: options.idleMs ?? IDLE_MS, minFreeBytes: options.minFreeBytes ?? MIN_FREE_BYTES };
    return new KuzuStore(database, file, await connect(database), readers, policy, recovered, bufferBytes);
  }

  inUse(): void {
    this.lastReadAt = performance.now();
  }

  read(query: string, params: Params = {}): Promise<Row[]> {
    return this.reading((connection) => this.run(connection, cypherQuery(query, this.engine), params));
  }

  write(steps: WriteStep[], options: WriteOptions = {}): Promise<void> {
    return this.load({ before: steps, files: [], after: [] }, options);
  }

  load({ before, files, after }: BulkLoad, options: WriteOptions = {}): Promise<void> {
    // Kùzu 0.11.3 may crash reading links after a checkpoint that folds in their deletion
    // (docs/decisions/032-reopen-after-checkpointing-deleted-links.md): a write that deletes
    // links has the next checkpoint open the graph afresh.
    const deletes = [...before, ...after].some((step) => deletesLinks(cypherQuery(step.query, this.engine).text));
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
      // A write the disk refuses leaves Kùzu's memory unlike the graph on disk (part of a
      // transaction applied, earlier commits hidden), and a checkpoint or a close would write
      // that memory out. So writes stop while the disk is nearly full, before they reach
      // Kùzu; one that meets a refusal all the same has the graph opened afresh from its
      // files (docs/decisions/038-storage-faults.md).
      ensureRoom(path.dirname(this.file), this.policy.minFreeBytes);
      if (this.readOnly) await this.openAfresh();
      // A COPY into tables with changes not yet checkpointed corrupts Kùzu 0.11.3's heap
      // when it fails (see docs/decisions/002); checkpointing first avoids it.
      if (files.length && logBytes(this.file) > 0) await this.checkpoint();
      const version = options.keepsCaches ? null : versionStep();
      // The log starts from the version found before this process's first write.
      if (version && this.commits.size === 0) {
        const [row] = await this.run(this.writer, cypherQuery("settings/get-setting", this.engine), { key: "graph-version" }).catch(() => []);
        this.commits.record(typeof row?.value === "string" ? row.value : "", [], []);
      }
      await statement(this.writer, "BEGIN TRANSACTION");
      try {
        await runSteps(before);
        for (const file of files) await this.copy(file);
        await runSteps(version ? [...after, version] : after);
        if (deletes) this.deletedSinceCheckpoint = true;
      } catch (error) {
        // Kùzu may already have rolled back after a failed statement; a second rollback then fails harmlessly.
        await statement(this.writer, "ROLLBACK").catch(() => undefined);
        const fault = storageFault(error, this.file);
        if (fault) await this.openAfresh();
        throw fault ?? error;
      }
      // Kùzu checkpoints at the commit of a transaction that copied, whatever its settings,
      // so such a commit is a checkpoint too: it waits for the reads under way.
      const commit = () => statement(this.writer, "COMMIT");
      try {
        await (files.length ? this.holdingReads(commit) : commit());
      } catch (error) {
        // A commit the disk refused (its log cut short) may show in Kùzu's memory without
        // being on disk, and hide commits that are. The graph is opened afresh from its
        // files: the write counts as done if its version token is there, that is if its
        // commit reached the log whole; otherwise nothing of it was written.
        const fault = storageFault(error, this.file);
        if (fault) {
          await this.openAfresh().catch(() => undefined);
          if (!version || !(await this.holds(version))) throw fault;
        } else await this.committedAfterAll(error, version);
      }
      this.commits.committed(version ? (version.rows[0]!.token as string) : null, [...before, ...after], loadedTables(files));
      // Committed: what follows keeps the log short and may not fail the write. A
      // checkpoint holds every read while it runs (Kùzu starts no transaction meanwhile),
      // so it waits for a quiet moment, unless the log has grown past its bound.
      const log = logBytes(this.file);
      if (log > this.policy.maxLogBytes)
        await this.checkpoint().catch((error: Error) => console.error(`Checkpoint of ${this.file} failed, to be tried again after the next write: ${error.message}`));
      else if (log > this.policy.checkpointLogBytes) {
        this.checkpointDue = true;
        this.checkpointWhenIdle();
      }
    };
    // A failed write may have committed all the same (see above): the version is read again.
    const timedRun = () =>
      during("write", run).catch((error: unknown) => {
        this.commits.forget();
        throw storageFault(error, this.file) ?? error;
      });
    const result = this.writeQueue.then(timedRun, timedRun);
    this.writeQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * Kùzu commits, then checkpoints: a failed checkpoint fails the COMMIT statement though
   * the transaction is in the graph (its version token tells). A COPY's rows reach the disk
   * only with that checkpoint — until then a crash loses them — so it is run again before
   * the write counts as done.
   */
  private async committedAfterAll(error: unknown, version: WriteStep | null): Promise<void> {
    if (!version || !(await this.holds(version))) {
      await statement(this.writer, "ROLLBACK").catch(() => undefined);
      throw error;
    }
    await this.checkpoint().catch((again: Error) => {
      throw new StoreError(`The write committed, but could not be saved to ${this.file} (${again.message}); it is lost if the server stops before a checkpoint succeeds`, { cause: again });
    });
  }

  async *scan(tableName: string): AsyncIterable<Row> {
    // The statement runs to its end before rows are read: reading them holds no transaction,
    // only the connection (a checkpoint that opens the graph afresh waits for it).
    const { connection, result } = await this.reading(async (c) => ({ connection: c, result: await c.query(scanStatement(table(tableName))) }), true);
    try {
      const results = Array.isArray(result) ? result : [result];
      try {
        // Rows are fetched synchronously, a batch at a time: the async getNext() is a round
        // trip through the binding's thread pool per row (minutes for a million firms'
        // links on a loaded machine). Between batches the caller writes them out.
        const rows = results[0]!;
        while (rows.hasNext()) {
          const batch: Row[] = [];
          while (batch.length < SCAN_BATCH && rows.hasNext()) batch.push(plain(rows.getNextSync()) as Row);
          yield* batch;
        }
      } finally {
        for (const r of results) r.close();
      }
    } finally {
      this.release(connection);
    }
  }

  exportTables(tables: string[], dir: string, onTable?: (table: ExportedTable) => void): Promise<ExportedTable[]> {
    return this.reading(async (connection) => {
      await statement(connection, "BEGIN TRANSACTION READ ONLY");
      try {
        const exported: ExportedTable[] = [];
        for (const [i, name] of tables.entries()) {
          const t = table(name);
          // Kùzu's CSV writer, told to quote with a character JSON never leaves bare, writes each line as it is.
          const file = path.join(dir, `${i}-${t.name}.csv`);
          await statement(connection, `COPY (${backupLineStatement(t)}) TO '${safePath(file)}' (HEADER=false, DELIM='\u0002', QUOTE='\u0001', ESCAPE='\u0001')`);
          const result = await connection.query(countStatement(t));
          const [row] = (Array.isArray(result) ? result.at(-1)! : result).getAllSync();
          for (const r of Array.isArray(result) ? result : [result]) r.close();
          exported.push({ table: t.name, path: file, rows: Number(row?.count ?? 0) });
          onTable?.(exported.at(-1)!);
        }
        return exported;
      } finally {
        await statement(connection, "COMMIT").catch(() => undefined);
      }
    });
  }

  async count(tableName: string): Promise<number> {
    const query: CypherQuery = { name: `count ${tableName}`, file: "(generated by schema.ts)", text: countStatement(table(tableName)), params: [] };
    const [row] = await this.reading((connection) => this.run(connection, query, {}));
    return Number(row?.count ?? 0);
  }

  async ensureSchema(): Promise<void> {
    for (const text of cypherStatements("schema/create-schema", this.engine)) {
      await this.exclusive((c) => statement(c, text));
    }
    await this.exclusive(() => this.moveLinkTexts());
  }

  /**
   * A graph made before segment links kept their texts apart (OPERATES_IN still has its
   * `products` column) is moved to today's layout once, in one transaction: nothing is
   * changed unless all of it is (docs/decisions/033-segment-link-texts-apart.md). The old
   * table is dropped, so the checkpoint after it opens the graph afresh, as after deleted
   * links (docs/decisions/032).
   */
  private async moveLinkTexts(): Promise<void> {
    const columns = await this.writer.query("CALL table_info('OPERATES_IN') RETURN name");
    const names = (await (Array.isArray(columns) ? columns[0]! : columns).getAll()).map((row) => row.name);
    for (const r of Array.isArray(columns) ? columns : [columns]) r.close();
    if (!names.includes("products")) return;
    const t0 = performance.now();
    const links = await this.count("OPERATES_IN");
    await statement(this.writer, "BEGIN TRANSACTION");
    try {
      for (const text of cypherStatements("schema/move-link-texts", this.engine)) await statement(this.writer, text);
      await statement(this.writer, "COMMIT");
    } catch (error) {
      await statement(this.writer, "ROLLBACK").catch(() => undefined);
      throw new StoreError(`Moving the texts of ${links} segment links out of OPERATES_IN (the graph's upgrade) failed; the graph is unchanged: ${(error as Error).message}`);
    }
    this.deletedSinceCheckpoint = true;
    await this.checkpoint();
    console.log(`Upgraded ${this.file}: the texts of ${links} segment links moved from OPERATES_IN to LINK_TEXTS in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  }

  async clear(): Promise<void> {
    await this.write([{ query: "admin/delete-all", rows: [{}] }]);
  }

  /** Waits for the writes under way, checkpoints, and closes: the next open finds no log to replay. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await this.exclusive(() => {
      // Closing: nothing reads the state the checkpoint leaves behind.
      this.deletedSinceCheckpoint = false;
      return this.checkpoint();
    }).catch(() => undefined);
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

  /** One staged file into its table, inside the write transaction: COPY, then the rows staged apart. */
  private async copy(file: StagedFile): Promise<void> {
    if (file.rows > 0) await statement(this.writer, copyStatement(file));
    if (!file.apart?.rows) return;
    const t = table(file.table);
    const insert: CypherQuery = { name: `insert into ${t.name}`, file: "(generated by schema.ts)", text: insertStatement(t), params: stagedColumns(t).map(([name]) => name) };
    const lines = createInterface({ input: createReadStream(file.apart.path, { encoding: "utf8" }), crlfDelay: Infinity });
    for await (const line of lines) if (line) await this.run(this.writer, insert, JSON.parse(line) as Params);
  }

  /**
   * Runs the Kùzu statements of a read on a read connection. Counted, so that a checkpoint
   * can wait for every read under way to finish (Kùzu refuses to checkpoint while a
   * transaction is open, and gives up after a few seconds); held while a checkpoint waits
   * or runs — before it takes a connection, so that held reads hold none. `keep`: the
   * caller releases the connection (a scan, reading its rows after the statement).
   */
  private async reading<T>(work: (connection: Connection) => Promise<T>, keep = false): Promise<T> {
    if (this.readsHeld) await timed("held", async () => {
      while (this.readsHeld) await this.readsHeld;
    });
    this.readsUnderWay++;
    this.lastReadAt = performance.now();
    let connection: Connection | null = null;
    try {
      connection = await timed("pool", () => this.acquire());
      const result = await timed("db", () => work(connection!));
      if (keep) connection = null;
      return result;
    } finally {
      if (connection) this.release(connection);
      this.lastReadAt = performance.now();
      if (--this.readsUnderWay === 0) this.readsFinished?.();
    }
  }

  /**
   * Runs the due checkpoint once no read has run for idleMs: people browsing never wait
   * for it. Checked again in the write queue, right before it holds the reads.
   */
  private checkpointWhenIdle(): void {
    if (this.idleTimer || this.closed) return;
    const quietFor = this.readsUnderWay > 0 ? 0 : performance.now() - this.lastReadAt;
    this.idleTimer = setTimeout(
      () => {
        this.idleTimer = null;
        if (!this.checkpointDue || this.closed || this.readOnly) return;
        if (!this.quiet()) return this.checkpointWhenIdle();
        this.exclusive(async () => {
          if (!this.checkpointDue) return;
          if (!this.quiet()) return this.checkpointWhenIdle();
          await this.checkpoint();
        }).catch((error: Error) => {
          console.error(`Checkpoint of ${this.file} failed, to be tried again: ${error.message}`);
          this.checkpointWhenIdle();
        });
      },
      Math.max(0, this.policy.idleMs - quietFor),
    );
    this.idleTimer.unref();
  }

  /** No read statement under way, and none for idleMs. */
  private quiet(): boolean {
    return this.readsUnderWay === 0 && performance.now() - this.lastReadAt >= this.policy.idleMs;
  }

  /** Checkpoints between writes (callers run it in the write queue). */
  private checkpoint(): Promise<void> {
    return this.holdingReads(async () => {
      await statement(this.writer, "CHECKPOINT");
      this.checkpoints++;
      this.checkpointDue = false;
    });
  }

  /** Runs `work` (a checkpoint) once no read is under way, new reads held until it is done. */
  private holdingReads<T>(work: () => Promise<T>): Promise<T> {
    return during("checkpoint", () => this.holdReads(work));
  }

  private async holdReads<T>(work: () => Promise<T>, afresh = false): Promise<T> {
    let release!: () => void;
    this.readsHeld = new Promise((resolve) => (release = resolve));
    try {
      // Opening afresh closes every connection: a scan still reading its rows is waited for too.
      const everyConnection = afresh || this.deletedSinceCheckpoint;
      const busy = () => this.readsUnderWay > 0 || (everyConnection && this.idle.length < this.readers);
      while (busy()) await new Promise<void>((resolve) => (this.readsFinished = resolve));
      const reopen = this.deletedSinceCheckpoint && !afresh;
      const result = await work();
      if (reopen) await this.reopen();
      return result;
    } finally {
      this.readsFinished = null;
      this.readsHeld = null;
      release();
    }
  }

  /**
   * Opens the graph afresh from its file, right after a checkpoint that folded in deletions
   * (reads held, every connection idle, in the write queue). Kùzu 0.11.3 can leave its
   * in-memory state of a relationship table wrong after such a checkpoint — the next read
   * of the table crashes the process — while the file it wrote is right
   * (docs/decisions/032-reopen-after-checkpointing-deleted-links.md). New connections, so prepared statements are prepared again.
   */
  private async reopen(): Promise<void> {
    for (const c of [...this.idle.splice(0), this.writer]) await c.close();
    await this.database.close();
    try {
      this.database = await openDatabase(this.file, this.bufferBytes);
      this.writer = await connect(this.database);
      this.idle.push(...(await Promise.all(Array.from({ length: this.readers }, () => connect(this.database)))));
    } catch (error) {
      this.closed = true;
      throw new StoreError(`The graph at ${this.file} could not be opened again after a checkpoint (${(error as Error).message}); restart the server`, { cause: error });
    }
    this.deletedSinceCheckpoint = false;
    this.reopenings++;
  }

  /**
   * Opens the graph afresh from its files after its disk refused a write (in the write
   * queue, reads held, every connection idle). The database in use is abandoned, never
   * closed: its memory is not the graph on disk, and closing it would checkpoint that
   * memory into the file. A database opened for writing replays the log up to its last
   * whole commit and checkpoints, which needs the disk; while it refuses, the graph is
   * opened read-only (the log replayed in memory): reads go on, and every write tries
   * again to open it for writing first (docs/decisions/038-storage-faults.md).
   */
  private async openAfresh(): Promise<void> {
    await this.holdReads(async () => {
      const connections = [...this.idle.splice(0), this.writer];
      if (this.readOnly) {
        for (const c of connections) await c.close();
        await this.database.close();
      } else {
        await statement(this.writer, "CALL force_checkpoint_on_close=false").catch(() => undefined);
        abandoned.push(this.database, ...connections);
      }
      this.deletedSinceCheckpoint = false;
      this.reopenings++;
      try {
        // Replayed and checkpointed by a database of its own, then opened from the file, as at a start after a crash.
        await (await openDatabase(this.file, this.bufferBytes)).close();
        await this.connectTo(await openDatabase(this.file, this.bufferBytes));
        this.readOnly = null;
        this.checkpointDue = false;
      } catch (error) {
        const fault = storageFault(error, this.file);
        if (!fault) {
          this.closed = true;
          throw new StoreError(`The graph at ${this.file} could not be opened again after its disk refused a write (${(error as Error).message}); restart the server`, { cause: error });
        }
        await this.connectTo(await openDatabase(this.file, this.bufferBytes, true));
        this.readOnly = fault;
        throw fault;
      }
    }, true);
  }

  private async connectTo(database: Database): Promise<void> {
    this.database = database;
    this.writer = await connect(database);
    this.idle.push(...(await Promise.all(Array.from({ length: this.readers }, () => connect(database)))));
  }

  /** Whether the graph holds the version token a write set: the write committed. */
  private async holds(version: WriteStep): Promise<boolean> {
    const [row] = await this.read("settings/get-setting", { key: "graph-version" }).catch(() => []);
    return row?.value === version.rows[0]!.token;
  }

  /** Runs a query on a connection (reads call it through `reading`). */
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
    return this.pool.acquire(inBackground());
  }

  private release(connection: Connection): void {
    if (!this.pool.release(connection)) this.readsFinished?.();
  }
}

/** How a graph left by a crash was brought back (see recover). */
export type Recovery = { replayed: true } | { replayed: false; setAside: string };

/**
 * A log left behind means the last process did not close the graph. Opening replays it,
 * but reading the replayed state straight away can crash Kùzu, and a log of some crashes
 * (rows a COPY committed but never checkpointed, then changed) crashes the replay itself.
 * So a process of its own replays and checkpoints it (kuzu-recover.mjs); the graph is then
 * opened from its file. If that process dies replaying, the log cannot be used: it is set
 * aside, kept under another name, and the graph opens at its last checkpoint.
 */
async function recover(file: string, bufferBytes: number, minFreeBytes: number): Promise<Recovery> {
  // Replaying the log writes the graph's file: a disk that refuses it leaves the log as it
  // was, to be replayed at the next start. On a disk short of room it is not tried at all.
  const refused = (fault: StorageFault) =>
    new StoreError(`图谱 ${file} 上次没有正常关闭，打开前要把变更日志写回图谱文件，但${fault.errno === "low-space" ? "磁盘剩余空间不足" : "磁盘拒绝了写入"}。${fault.message.replace("这次操作没有写入任何内容", "图谱和日志都原样保留")}`, { cause: fault });
  try {
    ensureRoom(path.dirname(file), minFreeBytes);
  } catch (error) {
    throw refused(error as StorageFault);
  }
  const script = fileURLToPath(new URL("./kuzu-recover.mjs", import.meta.url));
  const child = spawn(process.execPath, [script, file, String(bufferBytes)], { stdio: ["ignore", "ignore", "pipe"] });
  let said = "";
  child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  if (code === 0) return { replayed: true };
  if (code === 3) throw lockedError(file, new Error(said));
  if (signal === null) {
    const fault = storageFault(new Error(said.trim()), file);
    if (fault) throw refused(fault);
    throw new StoreError(`Cannot open the graph at ${file}: bringing it back after an unclean stop failed: ${said}`);
  }
  // A replay that crashed is taken for a log Kùzu cannot read, and the log is set aside —
  // unless the disk had no room for what the log holds: then the crash says nothing about
  // the log, and it is kept for the next start.
  if (freeBytes(path.dirname(file)) < logBytes(file)) throw refused(new StorageFault("ENOSPC", file));
  const setAside = `${file}.wal.unreplayable-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(`${file}.wal`, setAside);
  return { replayed: false, setAside };
}

function lockedError(file: string, cause: unknown): StoreError {
  return new StoreError(
    `The graph at ${file} is in use by another process (usually a running ChainAtlas server). ` + `Stop it, or point DATA_DIR elsewhere, and try again.`,
    { cause },
  );
}

/**
 * Databases left behind after their disk refused a write (KuzuStore.openAfresh): kept
 * referenced for as long as the process lives, so that nothing ever closes them.
 */
const abandoned: unknown[] = [];

async function openDatabase(file: string, bufferBytes: number, readOnly = false): Promise<Database> {
  try {
    // Kùzu's own checkpoint at commit is off: it would wait for reads only a few seconds,
    // then fail a write that had committed. The store checkpoints instead.
    const database = new kuzu.Database(file, bufferBytes, true, readOnly, 0, false);
    await database.init();
    return database;
  } catch (error) {
    const message = (error as Error).message;
    if (/lock/i.test(message)) throw lockedError(file, error);
    throw new StoreError(`Cannot open the graph at ${file}: ${message}`, { cause: error });
  }
}

async function connect(database: Database): Promise<Connection> {
  const c = new kuzu.Connection(database);
  await c.init();
  return c;
}

/**
 * Whether a statement may delete relationships: a `DETACH DELETE`, or a `DELETE` of a
 * variable bound to a relationship (`[r:…]`). A plain `DELETE` of a node deletes none: Kùzu
 * refuses to delete a node that still has any.
 */
export function deletesLinks(text: string): boolean {
  if (/\bDETACH\s+DELETE\b/i.test(text)) return true;
  for (const [, names] of text.matchAll(/\bDELETE\s+(\w+(?:\s*,\s*\w+)*)/gi))
    for (const name of names!.split(",").map((n) => n.trim()))
      if (new RegExp(`\\[\\s*${name}\\s*[:\\]]`).test(text)) return true;
  return false;
}

/** The size of the graph's write-ahead log: changes not yet checkpointed into its file. */
function logBytes(file: string): number {
  return statSync(`${file}.wal`, { throwIfNoEntry: false })?.size ?? 0;
}

/**
 * Runs a statement without parameters and releases its result at once: a Kùzu result left
 * for the garbage collector after the database has closed crashes the process at exit.
 */
async function statement(connection: Connection, text: string): Promise<void> {
  const result = await connection.query(text);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
}

/** A path the server made itself, checked to be fit for a COPY statement (which takes no parameters). */
function safePath(file: string): string {
  if (!path.isAbsolute(file) || /['"\\]/.test(file)) throw new StoreError(`Refusing to COPY from or to ${file}`);
  return file;
}

/**
 * COPY takes no parameters, so the statement is assembled — only from an allow-listed
 * table name and a path the server made itself (checked to hold no quote).
 */
function copyStatement(file: StagedFile): string {
  const name = table(file.table).name;
  // Every option is spelled out: Kùzu otherwise guesses the dialect from the first rows,
  // and a guess made on rows without quotes misreads a later field holding "," (doubled quotes).
  return `COPY ${name} FROM '${safePath(file.path)}' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', AUTO_DETECT=false${file.lineBreaks ? ", PARALLEL=false" : ""})`;
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
