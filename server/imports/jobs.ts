/**
 * Import jobs: an upload becomes a job record in the graph (so any app instance can report
 * on it), runs in the background, and keeps its progress and, when finished, its report.
 */
import { randomUUID } from "node:crypto";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { GraphStore, WriteStep } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { parseRows } from "../services/rows.js";
import { ImportJob, ImportJobWithReport, ImportReport, type PlacementKind, type PlacementPage, type PlacementRow } from "../model/api.js";
import { ImportRejected, importFirms, type ImportMode } from "./import-firms.js";
import { listedPlacements, placementPage } from "./placements.js";
import { storageFault } from "../storage-faults.js";


const StoredJob = ImportJob.extend({ report: z.string().nullable() });

export const newImportId = () => `imp-${randomUUID()}`;

/** How often a running job's instance says it is still at it, and when silence means it is gone. */
export const HEARTBEAT_MS = 15_000;
export const ABANDONED_AFTER_MS = 120_000;

function saveStep(job: ImportJobWithReport): WriteStep {
  return { query: "imports/save-job", rows: [{ ...job, report: job.report ? JSON.stringify(job.report) : null, heartbeatAt: new Date().toISOString() }] };
}

async function save(store: GraphStore, job: ImportJobWithReport): Promise<void> {
  await store.write([saveStep(job)], { keepsCaches: true });
}

/**
 * Jobs that ended while the disk refused every write, their end included: their record in
 * the graph still says "running". Until it is saved (tried again whenever the job is read),
 * what is said of them comes from here.
 */
const endedUnsaved = new Map<string, ImportJobWithReport>();

/** Saves the records of jobs that ended unsaved, where the disk now takes them. */
async function saveEnded(store: GraphStore): Promise<void> {
  for (const job of endedUnsaved.values())
    await save(store, job).then(
      () => endedUnsaved.delete(job.id),
      () => undefined,
    );
}

export async function getImportJob(store: GraphStore, id: string): Promise<ImportJobWithReport> {
  if (endedUnsaved.size) await saveEnded(store);
  const ended = endedUnsaved.get(id);
  if (ended) return ended;
  const [row] = parseRows(StoredJob, await store.read("imports/get-job", { id }));
  if (!row) throw new NotFound("import", id);
  return { ...row, report: row.report ? ImportReport.parse(JSON.parse(row.report)) : null };
}

/** A page of a finished import's placements of one kind; empty for a job without a report or older than placements. */
export async function importPlacements(store: GraphStore, id: string, kind: PlacementKind, offset: number, limit: number): Promise<PlacementPage> {
  const summary = (await getImportJob(store, id)).report?.placements;
  if (!summary) return { kind, total: 0, listed: 0, offset, rows: [] };
  return placementPage(store, id, summary, kind, offset, limit);
}

/** Every listed placement of a finished import, in row order. */
export async function allImportPlacements(store: GraphStore, id: string): Promise<PlacementRow[]> {
  const summary = (await getImportJob(store, id)).report?.placements;
  return summary ? listedPlacements(store, id, summary) : [];
}

export async function listImportJobs(store: GraphStore, limit = 50): Promise<ImportJob[]> {
  if (endedUnsaved.size) await saveEnded(store);
  return parseRows(ImportJob, await store.read("imports/list-jobs", { limit })).map((job) => {
    const ended = endedUnsaved.get(job.id);
    return ended ? ImportJob.parse(ended) : job;
  });
}

/**
 * Marks jobs cut off by a stop or crash as failed; their single transaction never
 * committed. The embedded graph has one server, so at its start every unfinished job was
 * cut off. On a shared graph (`othersMayRun`) other instances may be running theirs: only
 * a job whose instance has been silent for ABANDONED_AFTER_MS counts as cut off.
 */
export async function failInterruptedJobs(store: GraphStore, { now = new Date(), othersMayRun = false } = {}): Promise<number> {
  const unfinished = parseRows(z.object({ id: z.string(), heartbeatAt: z.string() }), await store.read("imports/list-unfinished"));
  const interrupted = othersMayRun ? unfinished.filter((job) => Date.parse(job.heartbeatAt) < now.getTime() - ABANDONED_AFTER_MS) : unfinished;
  if (interrupted.length === 0) return 0;
  await store.write(
    [
      {
        query: "imports/fail-interrupted",
        rows: interrupted.map(({ id }) => ({ id, finishedAt: now.toISOString(), error: "The server stopped while this import ran; it wrote nothing. Upload the file again." })),
      },
    ],
    { keepsCaches: true },
  );
  return interrupted.length;
}

/**
 * Removes what imports left in `dir` (uploads named `<job id>.<ext>`, staging folders
 * named `<job id>`) when no job runs them any more: a stop or a crash in the middle of an
 * import leaves them behind. Run at start, after failInterruptedJobs. Returns how many.
 */
export async function removeOrphanFiles(store: GraphStore, dir: string): Promise<number> {
  const running = new Set(parseRows(z.object({ id: z.string() }), await store.read("imports/list-unfinished")).map((job) => job.id));
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (running.has(name.split(".")[0]!)) continue;
    await rm(path.join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

export interface StartImport {
  /** The job's id, when the caller named its files after it (newImportId). */
  id?: string;
  path: string;
  fileName: string;
  mode: ImportMode;
  source?: string;
  zoneId?: string | null;
  rowsTotal: number | null;
  /** Who started it (a username); its audit entry names them. */
  actor: string;
  /** Delete the file when the job ends (uploads). */
  removeFile?: boolean;
  /** Where the job stages its rows (see importFirms); named after the job so start-up can tell orphans. */
  stagingDir?: string;
}

/**
 * Records the job and runs it without waiting; returns the job id at once. The returned
 * promise of `done` settles when the job has ended (tests and the CLI wait on it).
 */
export async function startImportJob(store: GraphStore, start: StartImport): Promise<{ id: string; done: Promise<ImportJobWithReport> }> {
  const job: ImportJobWithReport = {
    id: start.id ?? newImportId(),
    fileName: start.fileName,
    mode: start.mode,
    source: start.source?.trim() || start.fileName,
    zoneId: start.zoneId ?? null,
    status: "queued",
    rowsDone: 0,
    rowsTotal: start.rowsTotal,
    createdAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
    report: null,
  };
  await save(store, job);
  const heartbeat = setInterval(() => {
    store.write([{ query: "imports/touch-job", rows: [{ id: job.id, at: new Date().toISOString() }] }], { keepsCaches: true }).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const finishedJob = (report: ImportReport): ImportJobWithReport => ({ ...job, status: "done", rowsDone: report.counts.rows, rowsTotal: report.counts.rows, finishedAt: report.finishedAt, report });
  const done = (async () => {
    let finished: ImportJobWithReport;
    try {
      await save(store, { ...job, status: "running" });
      const report = await importFirms(store, {
        importId: job.id,
        path: start.path,
        fileName: start.fileName,
        mode: start.mode,
        actor: start.actor,
        source: job.source,
        zoneId: job.zoneId,
        stagingDir: start.stagingDir,
        // Progress is for the eyes only: failing to record it does not fail the import.
        onProgress: (rowsDone) => save(store, { ...job, status: "running", rowsDone }).catch(() => undefined),
        // A commit records the job as done in its own transaction: the job says what the graph holds.
        commitSteps: (report) => [saveStep(finishedJob(report))],
      });
      finished = finishedJob(report);
    } catch (error) {
      // A disk that would not take the rows (the staging files, the graph's) says what to do.
      const fault = storageFault(error, start.stagingDir ?? start.path);
      const message = error instanceof ImportRejected || fault ? (fault ?? (error as Error)).message : `The import failed and wrote nothing: ${(error as Error).message}`;
      const failed = { ...job, status: "failed" as const, finishedAt: new Date().toISOString(), error: message };
      await save(store, failed).catch(() => endedUnsaved.set(job.id, failed));
      return failed;
    } finally {
      clearInterval(heartbeat);
      if (start.removeFile) await rm(start.path, { force: true });
    }
    // The import is over (a commit has recorded so already); recording it again cannot undo it.
    await save(store, finished).catch((error: Error) => console.error(`Import ${job.id} finished, but its job record could not be saved: ${error.message}`));
    return finished;
  })();
  return { id: job.id, done };
}
