/**
 * The import and review shapes as the client uses them: the server's own schemas, plus
 * the few names the screens need that the API module does not spell out.
 */
import { z } from "zod";
import { ImportJob, PendingLink } from "../../../server/model/api";
import type { ImportReport } from "../../../server/model/api";

export { ImportJob, ImportJobWithReport, ImportReport, PendingLink, PlacementPage, ReviewQueue } from "../../../server/model/api";
export type { PlacementKind, PlacementRow, PlacementSummary } from "../../../server/model/api";
export const ImportJobList = z.array(ImportJob);
/** POST /api/imports answers 202 with the new job's id. */
export const ImportStarted = z.object({ id: z.string() });

export type ImportProblem = ImportReport["problems"][number];
export type ImportMode = ImportJob["mode"];
export type PendingLink = z.infer<typeof PendingLink>;
