/** Imports (upload → job → report) and the review queue of doubtful segment links. */
import { Router } from "express";
import { rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { currentUser } from "../accounts/authenticate.js";
import { Id } from "../model/domain.js";
import { NotFound, ValidationError } from "../errors.js";
import { getZoneRecord } from "../services/chain-facts.js";
import { countLines } from "../imports/count-lines.js";
import { snapshotsAfterImport } from "../services/history.js";
import { allImportPlacements, getImportJob, importPlacements, listImportJobs, newImportId, startImportJob } from "../imports/jobs.js";
import { ImportJob, ImportJobWithReport, PlacementKind, PlacementPage, ReviewQueue } from "../model/api.js";
import { placementsTable, problemsTable } from "../imports/report-sheet.js";
import { decide, ReviewDecisionInput, reviewQueue } from "../imports/review.js";
import { sendExport } from "../exports/send.js";
import { parseInput, sendJson } from "./http.js";
import { receiveFile } from "./upload.js";

const ImportQuery = z.object({
  mode: z.enum(["dry-run", "commit"], { message: "mode 须为 dry-run（试导入）或 commit（导入）" }),
  source: z.string().max(200).optional(),
  zoneId: Id.optional(),
});
const JobParams = z.object({ importId: z.string().regex(/^imp-[a-f0-9-]{36}$/, "不是导入任务编号") });
const PageQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) });
const DecisionParams = z.object({ firmId: Id, segmentId: Id });
const PlacementQuery = PageQuery.extend({ kind: PlacementKind.default("placed") });

export interface ImportRouteOptions {
  /** Where uploads, and the staging folders of their imports, are kept while they run. */
  uploadDir: string;
  maxUploadBytes: number;
}

export function importRoutes(store: GraphStore, options: ImportRouteOptions): Router {
  const router = Router();

  router.post("/imports", async (req, res) => {
    const query = parseInput(ImportQuery, req.query, "query");
    // Checked before the upload is received, not by the job after minutes of reading rows.
    if (query.zoneId) await getZoneRecord(store, query.zoneId).catch((error: unknown) => {
      if (!(error instanceof NotFound)) throw error;
      throw new ValidationError(`没有编号为 ${query.zoneId} 的开发区：请从开发区列表中选择`, [{ field: "query.zoneId", message: `没有这个开发区：${query.zoneId}` }]);
    });
    // The upload and the staging folder are named after the job (start-up removes those no job runs).
    const id = newImportId();
    const upload = await receiveFile(req, { dir: options.uploadDir, name: id, maxBytes: options.maxUploadBytes, extensions: [".csv", ".xlsx"] });
    try {
      const rowsTotal = path.extname(upload.path) === ".csv" ? Math.max(0, (await countLines(upload.path)) - 1) : null;
      const stagingDir = path.join(options.uploadDir, id);
      const { done } = await startImportJob(store, { id, path: upload.path, fileName: upload.fileName, mode: query.mode, source: query.source, zoneId: query.zoneId, rowsTotal, removeFile: true, stagingDir, actor: currentUser(res).username });
      // The import lands after this answer: the figures it changes are kept when it has (services/history.ts).
      if (query.mode === "commit") snapshotsAfterImport(store, done);
    } catch (error) {
      await rm(upload.path, { force: true });
      throw error;
    }
    res.status(202).location(`/api/imports/${id}`).json({ id });
  });

  router.get("/imports", async (_req, res) => sendJson(res, z.array(ImportJob), await listImportJobs(store)));

  router.get("/imports/:importId", async (req, res) => {
    const { importId } = parseInput(JobParams, req.params, "params");
    sendJson(res, ImportJobWithReport, await getImportJob(store, importId));
  });

  router.get("/imports/:importId/report", async (req, res) => {
    const { importId } = parseInput(JobParams, req.params, "params");
    const job = await getImportJob(store, importId);
    await sendExport(res, "xlsx", `导入报告-${job.fileName.replace(/\.[^.]+$/, "")}`, [problemsTable(job.report?.problems ?? []), placementsTable(await allImportPlacements(store, importId))]);
  });

  router.get("/imports/:importId/placements", async (req, res) => {
    const { importId } = parseInput(JobParams, req.params, "params");
    const { kind, limit, offset } = parseInput(PlacementQuery, req.query, "query");
    sendJson(res, PlacementPage, await importPlacements(store, importId, kind, offset, limit));
  });

  router.get("/review", async (req, res) => {
    const { limit, offset } = parseInput(PageQuery, req.query, "query");
    sendJson(res, ReviewQueue, await reviewQueue(store, { limit, skip: offset }));
  });

  router.post("/review/:firmId/:segmentId", async (req, res) => {
    const { firmId, segmentId } = parseInput(DecisionParams, req.params, "params");
    await decide(store, firmId, segmentId, parseInput(ReviewDecisionInput, req.body, "body"), currentUser(res).username);
    res.status(204).end();
  });

  return router;
}

