/** The audit log, for admins: browse a page at a time, open one entry, or export what the filters select. */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { requireRole } from "../accounts/authenticate.js";
import { exportAudit, listAudit, readAuditEntry } from "../audit/audit-log.js";
import { auditTable } from "../audit/audit-sheet.js";
import { ExportFormat, sendExport } from "../exports/send.js";
import { NotFound } from "../errors.js";
import { AuditEntry, AuditPage, AuditQuery } from "../model/api.js";
import { parseInput, sendJson } from "./http.js";

const ExportQuery = AuditQuery.extend(ExportFormat.shape);

export function auditRoutes(store: GraphStore): Router {
  const router = Router();
  router.use("/audit", requireRole("admin"));

  router.get("/audit", async (req, res) => {
    sendJson(res, AuditPage, await listAudit(store, parseInput(AuditQuery, req.query, "query")));
  });

  router.get("/audit/export", async (req, res) => {
    const { format, ...query } = parseInput(ExportQuery, req.query, "query") as z.infer<typeof ExportQuery>;
    await sendExport(res, format, "操作日志", [auditTable(await exportAudit(store, query))]);
  });

  // After /audit/export, which this path would also match.
  router.get("/audit/:id", async (req, res) => {
    const entry = await readAuditEntry(store, req.params.id);
    if (!entry) throw new NotFound("audit entry", req.params.id);
    sendJson(res, AuditEntry, entry);
  });

  return router;
}
