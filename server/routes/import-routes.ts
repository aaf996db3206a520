/** Imports (upload → job → report) and the review queue of doubtful segment links. */
import { Router } from "express";
import path from "node:path";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { currentUser } from "../accounts/authenticate.js";
import { Id } from "../model/domain.js";
import { countLines } from "../imports/count-lines.js";
import { allImportPlacements, getImportJob, importPlacements, listImportJobs, startImportJob } from "../imports/jobs.js";
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
  uploadDir: string;
  maxUploadBytes: number;
}

export function importRoutes(store: GraphStore, options: ImportRouteOptions): Router {
  const router = Router();

  router.post("/imports", async (req, res) => {
    const query = parseInput(ImportQuery, req.query, "query");
    const upload = await receiveFile(req, { dir: options.uploadDir, maxBytes: options.maxUploadBytes, extensions: [".csv", ".xlsx"] });
    const rowsTotal = path.extname(upload.path) === ".csv" ? Math.max(0, (await countLines(upload.path)) - 1) : null;
    const { id } = await startImportJob(store, { path: upload.path, fileName: upload.fileName, mode: query.mode, source: query.source, zoneId: query.zoneId, rowsTotal, removeFile: true, actor: currentUser(res).username });
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

