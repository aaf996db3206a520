/** The read API: regions, zones, chains, chain maps, firms and search. */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import {
  ChainDetail,
  ChainList,
  ChainMap,
  FirmDetail,
  RegionGroupList,
  RegionList,
  SearchResults,
  ZoneDetail,
  ZoneList,
  SEARCH_MAX_LENGTH,
} from "../model/api.js";
import { Id, RegionCode, RegionLevel, SourceDocument } from "../model/domain.js";
import { getChain, listChains } from "../services/chains.js";
import { listDocuments } from "../services/documents.js";
import { getFirm } from "../services/firms.js";
import { getChainMap } from "../services/maps.js";
import { listRegionGroups, listRegions } from "../services/regions.js";
import { search } from "../services/search.js";
import { getZone, listZones } from "../services/zones.js";
import { parseInput, sendJson } from "./http.js";

const DocumentList = z.array(SourceDocument);
const RegionQuery = z.object({ level: RegionLevel.optional(), parent: RegionCode.optional() });
const SearchQuery = z.object({
  q: z.string().trim().min(1, "请至少输入一个字").max(SEARCH_MAX_LENGTH, `搜索词最多 ${SEARCH_MAX_LENGTH} 个字`),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
const ZoneParams = z.object({ zoneId: Id });
const ChainParams = z.object({ chainId: Id });
const MapParams = z.object({ zoneId: Id, chainId: Id });
const FirmParams = z.object({ firmId: Id });

export function readRoutes(store: GraphStore): Router {
  const router = Router();

  router.get("/documents", async (_req, res) => sendJson(res, DocumentList, await listDocuments(store)));

  router.get("/regions", async (req, res) => {
    const { level, parent } = parseInput(RegionQuery, req.query, "query");
    sendJson(res, RegionList, await listRegions(store, { level: level ?? null, parentCode: parent ?? null }));
  });

  router.get("/region-groups", async (_req, res) => sendJson(res, RegionGroupList, await listRegionGroups(store)));

  router.get("/zones", async (_req, res) => sendJson(res, ZoneList, await listZones(store)));

  router.get("/zones/:zoneId", async (req, res) => {
    const { zoneId } = parseInput(ZoneParams, req.params, "params");
    sendJson(res, ZoneDetail, await getZone(store, zoneId));
  });

  router.get("/zones/:zoneId/chains/:chainId/map", async (req, res) => {
    const { zoneId, chainId } = parseInput(MapParams, req.params, "params");
    sendJson(res, ChainMap, await getChainMap(store, zoneId, chainId));
  });

  router.get("/chains", async (_req, res) => sendJson(res, ChainList, await listChains(store)));

  router.get("/chains/:chainId", async (req, res) => {
    const { chainId } = parseInput(ChainParams, req.params, "params");
    sendJson(res, ChainDetail, await getChain(store, chainId));
  });

  router.get("/firms/:firmId", async (req, res) => {
    const { firmId } = parseInput(FirmParams, req.params, "params");
    sendJson(res, FirmDetail, await getFirm(store, firmId));
  });

  router.get("/search", async (req, res) => {
    const { q, limit } = parseInput(SearchQuery, req.query, "query");
    sendJson(res, SearchResults, await search(store, q, limit));
  });

  return router;
}
