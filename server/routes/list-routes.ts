/** Target lists and the pipeline board behind them. */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { currentUser } from "../accounts/authenticate.js";
import { ListEntry, ListGeography, TargetListDetail, TargetListList } from "../model/api.js";
import { Id, RegionCode } from "../model/domain.js";
import { addEntry, changeEntry, createList, deleteEntry, deleteList, EntryChange, getList, listLists, NewEntry, NewList } from "../services/lists.js";
import { ExportFormat, sendExport } from "../exports/send.js";
import { figuresTable, gapTable, listTable } from "../exports/sheets.js";
import { sourceLabeler } from "../services/documents.js";
import { getChainGaps } from "../services/gaps.js";
import { listGeography } from "../services/target-geography.js";
import { parseInput, sendJson } from "./http.js";

const ListParams = z.object({ listId: Id });
const EntryParams = z.object({ listId: Id, entryId: Id });
const ListQuery = z.object({ zoneId: Id.optional(), chainId: Id.optional() });

export function listRoutes(store: GraphStore): Router {
  const router = Router();

  router.get("/lists", async (req, res) => {
    const { zoneId, chainId } = parseInput(ListQuery, req.query, "query");
    sendJson(res, TargetListList, await listLists(store, { zoneId: zoneId ?? null, chainId: chainId ?? null }));
  });

  router.post("/lists", async (req, res) => {
    const input = parseInput(NewList, req.body, "body");
    res.status(201);
    sendJson(res, TargetListDetail, await createList(store, input, currentUser(res).username));
  });

  router.get("/lists/:listId", async (req, res) => {
    const { listId } = parseInput(ListParams, req.params, "params");
    sendJson(res, TargetListDetail, await getList(store, listId));
  });

  router.get("/lists/:listId/geography", async (req, res) => {
    const { listId } = parseInput(ListParams, req.params, "params");
    const { area } = parseInput(z.object({ area: RegionCode.optional() }), req.query, "query");
    sendJson(res, ListGeography, await listGeography(store, listId, area));
  });

  router.get("/lists/:listId/export", async (req, res) => {
    const { listId } = parseInput(ListParams, req.params, "params");
    const { format } = parseInput(ExportFormat, req.query, "query");
    const list = await getList(store, listId);
    const [gaps, source] = await Promise.all([getChainGaps(store, list.zoneId, list.chainId), sourceLabeler(store)]);
    await sendExport(res, format, `${list.zone.shortName}-${list.chain.name}-${list.name}`, [listTable(list.entries, source), gapTable(gaps), figuresTable(gaps.figures)]);
  });

  router.delete("/lists/:listId", async (req, res) => {
    const { listId } = parseInput(ListParams, req.params, "params");
    await deleteList(store, listId, currentUser(res).username);
    res.status(204).end();
  });

  router.post("/lists/:listId/entries", async (req, res) => {
    const { listId } = parseInput(ListParams, req.params, "params");
    const input = parseInput(NewEntry, req.body, "body");
    res.status(201);
    sendJson(res, TargetListDetail, await addEntry(store, listId, input, currentUser(res).username));
  });

  router.patch("/lists/:listId/entries/:entryId", async (req, res) => {
    const { listId, entryId } = parseInput(EntryParams, req.params, "params");
    const change = parseInput(EntryChange, req.body, "body");
    sendJson(res, ListEntry, await changeEntry(store, listId, entryId, change, currentUser(res).username));
  });

  router.delete("/lists/:listId/entries/:entryId", async (req, res) => {
    const { listId, entryId } = parseInput(EntryParams, req.params, "params");
    await deleteEntry(store, listId, entryId, currentUser(res).username);
    res.status(204).end();
  });

  return router;
}
