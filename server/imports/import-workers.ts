/**
 * Worker threads for large imports: checking, normalising and classifying a row costs far
 * more than reading it, so the main thread reads and parses the file and sends batches of
 * rows to workers (prepare-row.ts), then takes the prepared rows back in file order,
 * packed (packed-rows.ts).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { unpackRows, type PackedRows } from "./packed-rows.js";
import type { PreparedRow, RowContext } from "./prepare-row.js";
import type { RawRow } from "./read-table.js";

export type WorkerRequest = { type: "context"; context: RowContext } | { type: "rows"; id: number; rows: RawRow[] };
export type WorkerReply = { id: number; packed: PackedRows } | { id: number; error: string };

/** Below this size a file is prepared on the main thread: starting workers would cost more. */
const WORKERS_FROM_BYTES = 16 * 1024 * 1024;

/** How many workers an import of a file of `bytes` uses: one per core, none for small files or one core. */
export function workersFor(bytes: number): number {
  const cores = availableParallelism();
  return cores < 2 || bytes < WORKERS_FROM_BYTES ? 0 : Math.min(cores, 4);
}

interface Pending {
  resolve: (rows: PreparedRow[]) => void;
  reject: (error: Error) => void;
}

export class RowWorkers {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[];
  private nextId = 0;
  private failure: Error | null = null;

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL("./import-worker.mjs", import.meta.url));
      const entry = { worker, pending: new Map<number, Pending>() };
      const fail = (error: Error) => {
        this.failure ??= error;
        for (const p of entry.pending.values()) p.reject(error);
        entry.pending.clear();
      };
      worker.on("message", (reply: WorkerReply) => {
        const pending = entry.pending.get(reply.id);
        if (!pending) return;
        entry.pending.delete(reply.id);
        if ("error" in reply) pending.reject(new Error(`An import worker failed: ${reply.error}`));
        else pending.resolve(unpackRows(reply.packed));
      });
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`An import worker stopped (exit code ${code})`)));
      return entry;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** What every later batch is prepared with. */
  setContext(context: RowContext): void {
    for (const { worker } of this.workers) worker.postMessage({ type: "context", context } satisfies WorkerRequest);
  }

  /** Prepares a batch on the least busy worker. */
  prepare(rows: RawRow[]): Promise<PreparedRow[]> {
    if (this.failure) return Promise.reject(this.failure);
    const entry = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      entry.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ type: "rows", id, rows } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error("The import's workers were closed");
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }
}
