/**
 * The one interface every feature uses to reach the graph. Two engines implement it:
 * embedded Kùzu (default) and Neo4j. Queries are named by their file under cypher/
 * (e.g. "zones/list-zones"); values always travel as parameters.
 */
export type Engine = "kuzu" | "neo4j";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** One query run once per row of parameters, inside a write transaction. */
export interface WriteStep {
  query: string;
  rows: Params[];
  /**
   * Each row must return at least one row (e.g. an update guarded by a version);
   * otherwise the whole write is rolled back with a PreconditionFailed.
   */
  mustMatch?: boolean;
}

/** Rows of one table staged on disk for a bulk load (written by graph/bulk.ts). */
export interface StagedFile {
  /** A table of the schema (server/graph/schema.ts). */
  table: string;
  /** The CSV file (with a header line). */
  path: string;
  rows: number;
  /** A text in the CSV file holds a line break: Kùzu must read it serially. */
  lineBreaks?: boolean;
  /** Rows a CSV line cannot carry, as JSON lines beside the CSV file; loaded after it. */
  apart?: { path: string; rows: number };
}

/** One table's rows written by GraphStore.exportTables. */
export interface ExportedTable {
  table: string;
  /** JSON lines, one a row, each ending in a newline. */
  path: string;
  /** How many rows the table held in the transaction that wrote the file. */
  rows: number;
}

/** What one bulk load does, all in one transaction: steps, then files, then steps. */
export interface BulkLoad {
  before: WriteStep[];
  files: StagedFile[];
  after: WriteStep[];
}

export interface GraphStore {
  readonly engine: Engine;
  /** Runs a read query; rows hold plain JS values only (numbers, strings, booleans, arrays, objects, null). */
  read(query: string, params?: Params): Promise<Row[]>;
  /** Runs every step in one transaction: all of it lands, or none of it does. */
  write(steps: WriteStep[], options?: WriteOptions): Promise<void>;
  /** Loads staged CSV files (see bulk.ts) between two sets of steps, in one transaction. */
  load(load: BulkLoad, options?: WriteOptions): Promise<void>;
  /**
   * Every row of one table (schema.ts), streamed: a node's properties, or a relationship's
   * ends (`from`, `to`: the key of each) and properties. For backups. A checkpoint may
   * wait for an unfinished scan: do not wait for a read or a write while iterating.
   */
  scan(table: string): AsyncIterable<Row>;
  /**
   * Writes every row of each table named as a backup line, `{"table":…,"row":{…}}` (what
   * schema.ts's backup statements read), into a file per table in `dir`, all in one read
   * transaction: the files hold one version of the graph however long they take. Each file
   * is handed to `onTable` once written, while the next is being written. For backups.
   */
  exportTables(tables: string[], dir: string, onTable?: (table: ExportedTable) => void): Promise<ExportedTable[]>;
  /** How many rows one table (schema.ts) holds. */
  count(table: string): Promise<number>;
  /** Creates tables, constraints and indexes when missing; safe to call on every start. */
  ensureSchema(): Promise<void>;
  /** Deletes every node and relationship (the schema stays). */
  clear(): Promise<void>;
  close(): Promise<void>;
  /** The writes this process committed (see CommitLog). */
  readonly commits: CommitLog;
  /**
   * Someone was answered from memory what used to be read from the graph (a session kept):
   * the graph counts as in use, as after a read (the embedded graph checkpoints when no one
   * has read for a while: kuzu-store.ts). Optional: a store without that policy leaves it out.
   */
  inUse?(): void;
}

export interface WriteOptions {
  /**
   * The write changes nothing any cached answer shows (sessions, job progress), so the
   * graph keeps its version token and caches stay valid.
   */
  keepsCaches?: boolean;
}

/** The step every write ends with: a new version token for caches (see services/read-cache.ts). */
export function versionStep(): WriteStep {
  return { query: "settings/bump-version", rows: [{ token: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` }] };
}

/**
 * The first step of a write whose guard reads more than the record it changes (see
 * cypher/settings/take-lock.cypher): writes holding the same key run one after another.
 */
export function lockStep(key: string): WriteStep {
  return { query: "settings/take-lock", rows: [{ key: `lock:${key}`, at: new Date().toISOString() }] };
}

/** A guarded write found nothing to change: the record is gone or was changed meanwhile. */
export class PreconditionFailed extends Error {
  constructor(
    readonly query: string,
    readonly row: Params,
  ) {
    super(`Precondition of ${query} failed: the record is gone or was changed meanwhile`);
    this.name = "PreconditionFailed";
  }
}

/** Raised when the store itself cannot do what was asked (locked, unreachable, bad query). */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreError";
  }
}

/** A write committed by this process: the version token it set, what it ran and loaded. */
export interface Commit {
  version: string;
  /** Its steps with their rows; null when it was too large to keep (read: anything may have changed). */
  steps: WriteStep[] | null;
  /** The tables it bulk-loaded rows into (an empty file loads none: loadedTables). */
  tables: string[];
}

/**
 * The tables a bulk load wrote rows into. An import stages a file for every table it may
 * fill; an empty one changes nothing, and naming it would send every layer that keeps that
 * table in memory back to reading all of it.
 */
export function loadedTables(files: readonly StagedFile[]): string[] {
  return files.filter((f) => f.rows > 0 || (f.apart?.rows ?? 0) > 0).map((f) => f.table);
}

/** A write as the layers following every write hear of it (CommitLog.follow). */
export interface CommittedWrite {
  /** Its steps with their rows, in order. */
  steps: WriteStep[];
  /** The tables it bulk-loaded rows into. */
  tables: string[];
  /** It kept the graph's version token (WriteOptions.keepsCaches): this log does not hold it. */
  keepsCaches: boolean;
  /**
   * It failed, yet may have committed (a failed checkpoint after COMMIT): its steps and
   * tables are then empty, and a follower keeping anything it could have changed drops it.
   */
  uncertain?: boolean;
}

/**
 * The writes this process committed, oldest first, the last `max` of them. A layer that
 * keeps data in memory (services/scoring-facts.ts) catches up by what the writes between
 * two version tokens changed instead of reading everything again. A token this log does
 * not hold — too old, or set before this process wrote — means anything may have
 * changed, and so does a write too large to keep (more than `maxRows` rows).
 *
 * It can tell only when this process is the graph's sole writer (the embedded engine,
 * which one process holds): its first entry is then the version it found before its
 * first write. With other writers (Neo4j instances) a write of theirs could fall between
 * two of ours unseen, so such a log answers null.
 */
export class CommitLog {
  private readonly log: Commit[] = [];
  /** The version token the graph holds, once known (sole writer only); null: read it. */
  private known: string | null = null;
  /** Commits recorded and failed writes seen, so that a version read before one of them is not taken for the current one. */
  private changes = 0;
  private readonly followers = new Set<(write: CommittedWrite) => void>();

  constructor(
    private readonly soleWriter: boolean,
    private readonly max = 1000,
    private readonly maxRows = 10_000,
  ) {}

  get size(): number {
    return this.log.length;
  }

  record(version: string, steps: WriteStep[], tables: string[]): void {
    const rows = steps.reduce((n, s) => n + s.rows.length, 0);
    this.log.push({ version, steps: rows <= this.maxRows ? steps : null, tables });
    if (this.log.length > this.max) this.log.shift();
    this.changes++;
    if (this.soleWriter) this.known = version;
  }

  /**
   * The graph's version token without reading it: known to the sole writer once read or
   * set by its own write (services/read-cache.ts reads it before every kept answer). Null
   * with other writers, and until it has been read.
   */
  get current(): string | null {
    return this.known;
  }

  /** A mark to pass to `learn` with the version read after taking it. */
  mark(): number {
    return this.changes;
  }

  /** The version read from the graph, kept unless a write was recorded (or failed) since `mark`. */
  learn(version: string, mark: number): void {
    if (this.soleWriter && mark === this.changes) this.known = version;
  }

  /** A write failed: it may have committed anyway (a failed checkpoint after COMMIT), so the version is read again. */
  forget(): void {
    this.changes++;
    this.known = null;
    this.tell({ steps: [], tables: [], keepsCaches: false, uncertain: true });
  }

  /**
   * A write this process committed, right after its commit: kept when it set a version
   * token, and told to every follower whether it did or not.
   */
  committed(version: string | null, steps: WriteStep[], tables: string[]): void {
    if (version !== null) this.record(version, steps, tables);
    this.tell({ steps, tables, keepsCaches: version === null });
  }

  private tell(write: CommittedWrite): void {
    for (const follower of this.followers) {
      try {
        follower(write);
      } catch (error) {
        console.error(`A layer following the graph's writes failed on one: ${(error as Error).message}`);
      }
    }
  }

  /**
   * Tells `follower` of every write this process commits from now on, in commit order and
   * before the write's caller resumes — those that keep the caches too, which `between`
   * never lists (sessions, accounts: their audit entries among them) — and of every write
   * that failed (`uncertain`: it may have committed). Returns the call that stops it.
   */
  follow(follower: (write: CommittedWrite) => void): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** The commits after the one that set `from`, up to the one that set `to`; null when this log cannot tell. */
  between(from: string, to: string): Commit[] | null {
    if (!this.soleWriter) return null;
    const start = this.log.findIndex((c) => c.version === from);
    const end = this.log.findIndex((c) => c.version === to);
    if (start < 0 || end < start) return null;
    return this.log.slice(start + 1, end + 1);
  }
}
