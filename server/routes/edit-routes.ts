/**
 * Editing the graph: segments, FEEDS links, firms, their segment links and chain leaders;
 * and the audit log every edit writes to. Writes need an editor (the app's default for
 * writes); who made the change comes from the session, never from the request body.
 */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { currentUser } from "../accounts/authenticate.js";
import { ChainLeader, FeedsRecord, FirmChange, FirmDetail, FirmSegmentInput, FirmSegmentLink, NewFeeds, NewFirm, NewSegment, SegmentChange, SegmentRecord, VersionQuery } from "../model/api.js";
import { Id } from "../model/domain.js";
import { createFeeds, deleteFeeds } from "../services/editing/feeds.js";
import { deleteFirmSegment, putFirmSegment } from "../services/editing/firm-segments.js";
import { createFirm, deleteFirm, updateFirm } from "../services/editing/firms.js";
import { setLeader, unsetLeader } from "../services/editing/leaders.js";
import { createSegment, deleteSegment, getSegmentRecord, updateSegment } from "../services/editing/segments.js";
import { auditRoutes } from "./audit-routes.js";
import { parseInput, sendJson } from "./http.js";

const ChainParams = z.object({ chainId: Id });
const SegmentParams = z.object({ segmentId: Id });
const FeedsParams = z.object({ from: Id, to: Id });
const FirmParams = z.object({ firmId: Id });
const FirmSegmentParams = z.object({ firmId: Id, segmentId: Id });
const LeaderParams = z.object({ zoneId: Id, chainId: Id, firmId: Id });

export function editRoutes(store: GraphStore): Router {
  const router = Router();
  const actor = (res: Parameters<typeof currentUser>[0]) => currentUser(res).username;

  // Segments
  router.get("/segments/:segmentId", async (req, res) => {
    const { segmentId } = parseInput(SegmentParams, req.params, "params");
    sendJson(res, SegmentRecord, await getSegmentRecord(store, segmentId));
  });

  router.post("/chains/:chainId/segments", async (req, res) => {
    const { chainId } = parseInput(ChainParams, req.params, "params");
    const input = parseInput(NewSegment, req.body, "body");
    const segment = await createSegment(store, chainId, input, actor(res));
    res.status(201).location(`/api/segments/${segment.id}`);
    sendJson(res, SegmentRecord, segment);
  });

  router.patch("/segments/:segmentId", async (req, res) => {
    const { segmentId } = parseInput(SegmentParams, req.params, "params");
    const change = parseInput(SegmentChange, req.body, "body");
    sendJson(res, SegmentRecord, await updateSegment(store, segmentId, change, actor(res)));
  });

  router.delete("/segments/:segmentId", async (req, res) => {
    const { segmentId } = parseInput(SegmentParams, req.params, "params");
    const { version } = parseInput(VersionQuery, req.query, "query");
    await deleteSegment(store, segmentId, version, actor(res));
    res.status(204).end();
  });

  // FEEDS links
  router.post("/feeds", async (req, res) => {
    const input = parseInput(NewFeeds, req.body, "body");
    res.status(201);
    sendJson(res, FeedsRecord, await createFeeds(store, input, actor(res)));
  });

  router.delete("/feeds/:from/:to", async (req, res) => {
    const { from, to } = parseInput(FeedsParams, req.params, "params");
    await deleteFeeds(store, from, to, actor(res));
    res.status(204).end();
  });

  // Firms
  router.post("/firms", async (req, res) => {
    const input = parseInput(NewFirm, req.body, "body");
    const firm = await createFirm(store, input, actor(res));
    res.status(201).location(`/api/firms/${firm.id}`);
    sendJson(res, FirmDetail, firm);
  });

  router.patch("/firms/:firmId", async (req, res) => {
    const { firmId } = parseInput(FirmParams, req.params, "params");
    const change = parseInput(FirmChange, req.body, "body");
    sendJson(res, FirmDetail, await updateFirm(store, firmId, change, actor(res)));
  });

  router.delete("/firms/:firmId", async (req, res) => {
    const { firmId } = parseInput(FirmParams, req.params, "params");
    const { version } = parseInput(VersionQuery, req.query, "query");
    await deleteFirm(store, firmId, version, actor(res));
    res.status(204).end();
  });

  // A firm's segments (OPERATES_IN)
  router.put("/firms/:firmId/segments/:segmentId", async (req, res) => {
    const { firmId, segmentId } = parseInput(FirmSegmentParams, req.params, "params");
    const input = parseInput(FirmSegmentInput, req.body, "body");
    const { link, created } = await putFirmSegment(store, firmId, segmentId, input, actor(res));
    res.status(created ? 201 : 200);
    sendJson(res, FirmSegmentLink, link);
  });

  router.delete("/firms/:firmId/segments/:segmentId", async (req, res) => {
    const { firmId, segmentId } = parseInput(FirmSegmentParams, req.params, "params");
    const { version } = parseInput(VersionQuery, req.query, "query");
    await deleteFirmSegment(store, firmId, segmentId, version, actor(res));
    res.status(204).end();
  });

  // Chain leaders (链主)
  router.put("/zones/:zoneId/chains/:chainId/leaders/:firmId", async (req, res) => {
    const { zoneId, chainId, firmId } = parseInput(LeaderParams, req.params, "params");
    const { leader, created } = await setLeader(store, zoneId, chainId, firmId, actor(res));
    res.status(created ? 201 : 200);
    sendJson(res, ChainLeader, leader);
  });

  router.delete("/zones/:zoneId/chains/:chainId/leaders/:firmId", async (req, res) => {
    const { zoneId, chainId, firmId } = parseInput(LeaderParams, req.params, "params");
    await unsetLeader(store, zoneId, chainId, firmId, actor(res));
    res.status(204).end();
  });

  router.use(auditRoutes(store));
  return router;
}
