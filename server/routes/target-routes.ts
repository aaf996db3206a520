/** Target ranking and the scoring profiles behind it. */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { currentUser } from "../accounts/authenticate.js";
import { ChainReport, ProfileList, RankedTargets, TargetGeography } from "../model/api.js";
import { Id, ScoringProfile } from "../model/domain.js";
import { deleteProfile, getProfile, listProfiles, saveProfile } from "../services/profiles.js";
import { TargetFilters } from "../services/targets.js";
import { TargetOrder, rankWithEffects } from "../services/simulation.js";
import { ExportFormat, sendExport } from "../exports/send.js";
import { figuresTable, gapTable, rankingTable } from "../exports/sheets.js";
import { getChainGaps } from "../services/gaps.js";
import { getChainReport } from "../services/reports.js";
import { targetGeography } from "../services/target-geography.js";
import { sourceLabeler } from "../services/documents.js";
import { parseInput, sendJson } from "./http.js";

const MapParams = z.object({ zoneId: Id, chainId: Id });
const ProfileParams = z.object({ profileId: Id });
const commaList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : []));

/** Query strings carry lists comma-separated (regions=130000,120000) and numbers as text. */
const TargetQuery = z.object({
    segment: z.string().optional(),
    regionGroup: z.string().optional(),
    regions: commaList,
    tags: commaList,
    minCapital: z.coerce.number().optional(),
    limit: z.coerce.number().optional(),
    profile: z.string().optional(),
    area: z.string().optional(),
  });

const REPORT_FILTERS = { regionGroup: "jingjinji", limit: 10 };

export function targetRoutes(store: GraphStore): Router {
  const router = Router();

  router.get("/zones/:zoneId/chains/:chainId/targets", async (req, res) => {
    const { zoneId, chainId } = parseInput(MapParams, req.params, "params");
    const filters = parseInput(TargetFilters, parseInput(TargetQuery, req.query, "query"), "query");
    const { order } = parseInput(z.object({ order: TargetOrder }), { order: req.query.order }, "query");
    sendJson(res, RankedTargets, await rankWithEffects(store, zoneId, chainId, filters, order));
  });

  router.get("/zones/:zoneId/chains/:chainId/targets/geography", async (req, res) => {
    const { zoneId, chainId } = parseInput(MapParams, req.params, "params");
    const filters = parseInput(TargetFilters, parseInput(TargetQuery, req.query, "query"), "query");
    const { order } = parseInput(z.object({ order: TargetOrder }), { order: req.query.order }, "query");
    sendJson(res, TargetGeography, await targetGeography(store, zoneId, chainId, filters, order));
  });

  router.get("/zones/:zoneId/chains/:chainId/targets/export", async (req, res) => {
    const { zoneId, chainId } = parseInput(MapParams, req.params, "params");
    const { format } = parseInput(ExportFormat, { format: req.query.format }, "query");
    const filters = parseInput(TargetFilters, parseInput(TargetQuery, req.query, "query"), "query");
    const { order } = parseInput(z.object({ order: TargetOrder }), { order: req.query.order }, "query");
    // The ranking as the page shows it: in its order, each candidate with its 补链效果.
    const [ranking, gaps, source] = await Promise.all([rankWithEffects(store, zoneId, chainId, filters, order), getChainGaps(store, zoneId, chainId), sourceLabeler(store)]);
    const sheets = [rankingTable(ranking.results, source, { completenessBefore: ranking.figures.completeness }), gapTable(gaps), figuresTable(gaps.figures)];
    await sendExport(res, format, `${ranking.zone.shortName}-${ranking.chain.name}-目标企业`, sheets);
  });

  router.get("/zones/:zoneId/chains/:chainId/report", async (req, res) => {
    const { zoneId, chainId } = parseInput(MapParams, req.params, "params");
    // The report's own defaults (top ten in 京津冀) give way to whatever the request names.
    const given = Object.fromEntries(Object.entries(parseInput(TargetQuery, req.query, "query")).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
    // Regions asked for replace the default group rather than adding 京津冀 to them.
    const defaults = given.regions ? { limit: REPORT_FILTERS.limit } : REPORT_FILTERS;
    const filters = parseInput(TargetFilters, { ...defaults, ...given }, "query");
    // scenario=<id>: a saved 补链模拟 of this zone × chain printed with the report.
    const { scenario } = parseInput(z.object({ scenario: Id.optional() }), { scenario: req.query.scenario }, "query");
    sendJson(res, ChainReport, await getChainReport(store, zoneId, chainId, filters, scenario ?? null));
  });

  router.get("/profiles", async (_req, res) => sendJson(res, ProfileList, await listProfiles(store)));

  router.get("/profiles/:profileId", async (req, res) => {
    const { profileId } = parseInput(ProfileParams, req.params, "params");
    sendJson(res, ScoringProfile, await getProfile(store, profileId));
  });

  router.put("/profiles/:profileId", async (req, res) => {
    const { profileId } = parseInput(ProfileParams, req.params, "params");
    const profile = parseInput(ScoringProfile, { ...req.body, id: profileId }, "body");
    sendJson(res, ScoringProfile, await saveProfile(store, profile, currentUser(res).username));
  });

  router.delete("/profiles/:profileId", async (req, res) => {
    const { profileId } = parseInput(ProfileParams, req.params, "params");
    await deleteProfile(store, profileId, currentUser(res).username);
    res.status(204).end();
  });

  return router;
}
