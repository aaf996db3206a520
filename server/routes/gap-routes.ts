/** Gap diagnosis, bottleneck flags and the thresholds behind 弱链. */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { currentUser, requireRole } from "../accounts/authenticate.js";
import { ChainGaps } from "../model/api.js";
import { GapThresholds, Id } from "../model/domain.js";
import { flagBottleneck, getChainGaps, unflagBottleneck } from "../services/gaps.js";
import { getGapThresholds, putGapThresholds } from "../services/settings.js";
import { ExportFormat, sendExport } from "../exports/send.js";
import { figuresTable, gapTable } from "../exports/sheets.js";
import { parseInput, sendJson } from "./http.js";

const MapParams = z.object({ zoneId: Id, chainId: Id });
const SegmentParams = z.object({ zoneId: Id, segmentId: Id });
const ThresholdQuery = z.object({
  minFirms: z.coerce.number().int().min(1).max(100).optional(),
  minCapital: z.coerce.number().pipe(GapThresholds.shape.minCapital).optional(),
});
/** Who flagged it comes from the session. */
const FlagBody = z.object({ note: z.string().trim().min(1, "请说明为何是卡点").max(500) });

export function gapRoutes(store: GraphStore): Router {
  const router = Router();

  router.get("/zones/:zoneId/chains/:chainId/gaps", async (req, res) => {
    const { zoneId, chainId } = parseInput(MapParams, req.params, "params");
    const override = parseInput(ThresholdQuery, req.query, "query");
    const defined = Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined));
    sendJson(res, ChainGaps, await getChainGaps(store, zoneId, chainId, defined));
  });

  // The gap sheet alone: every segment with its status and reasons, and the chain's figures (XLSX).
  router.get("/zones/:zoneId/chains/:chainId/gaps/export", async (req, res) => {
    const { zoneId, chainId } = parseInput(MapParams, req.params, "params");
    const { format } = parseInput(ExportFormat, { format: req.query.format }, "query");
    const gaps = await getChainGaps(store, zoneId, chainId);
    await sendExport(res, format, `${gaps.zone.shortName}-${gaps.chain.name}-缺口诊断`, [gapTable(gaps), figuresTable(gaps.figures)]);
  });

  router.put("/zones/:zoneId/segments/:segmentId/flag", async (req, res) => {
    const { zoneId, segmentId } = parseInput(SegmentParams, req.params, "params");
    const body = parseInput(FlagBody, req.body, "body");
    await flagBottleneck(store, { zoneId, segmentId, ...body }, currentUser(res).username);
    res.status(204).end();
  });

  router.delete("/zones/:zoneId/segments/:segmentId/flag", async (req, res) => {
    const { zoneId, segmentId } = parseInput(SegmentParams, req.params, "params");
    await unflagBottleneck(store, zoneId, segmentId, currentUser(res).username);
    res.status(204).end();
  });

  router.get("/settings/gap-thresholds", async (_req, res) => sendJson(res, GapThresholds, await getGapThresholds(store)));

  router.put("/settings/gap-thresholds", requireRole("admin"), async (req, res) => {
    const thresholds = parseInput(GapThresholds, req.body, "body");
    sendJson(res, GapThresholds, await putGapThresholds(store, thresholds, currentUser(res).username));
  });

  return router;
}
