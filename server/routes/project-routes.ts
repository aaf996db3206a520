/** The project register, the cockpit and the history of each zone × chain's figures. */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { currentUser } from "../accounts/authenticate.js";
import { Id } from "../model/domain.js";
import { ChainChanges, ChainHistory, ChangesQuery, Cockpit, CockpitQuery, HistoryQuery, NewProject, ProjectChange, ProjectDetail, ProjectQuery, ProjectRegister } from "../model/progress.js";
import { ExportFormat, sendExport } from "../exports/send.js";
import { projectTable, projectTotalsTable } from "../exports/project-sheets.js";
import { getChain } from "../services/chains.js";
import { getCockpit } from "../services/cockpit.js";
import { sourceLabeler } from "../services/documents.js";
import { createProject, updateProject } from "../services/editing/projects.js";
import { defaultSince, getChainChanges, getChainHistory, primeSnapshots, scheduleSnapshots } from "../services/history.js";
import { getProject, listProjects } from "../services/projects.js";
import { parseInput, sendJson } from "./http.js";

const ProjectParams = z.object({ projectId: Id });
const ChainParams = z.object({ zoneId: Id, chainId: Id });

export function projectRoutes(store: GraphStore): Router {
  const router = Router();
  const actor = (res: Parameters<typeof currentUser>[0]) => currentUser(res).username;

  router.get("/projects", async (req, res) => {
    sendJson(res, ProjectRegister, await listProjects(store, parseInput(ProjectQuery, req.query, "query")));
  });

  router.get("/projects/export", async (req, res) => {
    const { format, ...query } = req.query;
    const { format: as } = parseInput(ExportFormat, { format }, "query");
    const register = await listProjects(store, parseInput(ProjectQuery, query, "query"));
    const [source, chains] = await Promise.all([sourceLabeler(store), Promise.all([...new Set(register.items.flatMap((p) => p.chainIds))].map((id) => getChain(store, id)))]);
    const chainName = (id: string) => chains.find((c) => c.id === id)?.name ?? id;
    await sendExport(res, as, "项目库", [projectTable(register.items, chainName, source), projectTotalsTable(register)]);
  });

  router.get("/projects/:projectId", async (req, res) => {
    const { projectId } = parseInput(ProjectParams, req.params, "params");
    sendJson(res, ProjectDetail, await getProject(store, projectId));
  });

  router.post("/projects", async (req, res) => {
    const project = await createProject(store, parseInput(NewProject, req.body, "body"), actor(res));
    res.status(201).location(`/api/projects/${project.id}`);
    sendJson(res, ProjectDetail, project);
  });

  router.patch("/projects/:projectId", async (req, res) => {
    const { projectId } = parseInput(ProjectParams, req.params, "params");
    sendJson(res, ProjectDetail, await updateProject(store, projectId, parseInput(ProjectChange, req.body, "body"), actor(res)));
  });

  router.get("/cockpit", async (req, res) => {
    const { zoneId, since } = parseInput(CockpitQuery, req.query, "query");
    const now = new Date();
    sendJson(res, Cockpit, await getCockpit(store, zoneId ?? null, since ?? defaultSince(now), now));
  });

  router.get("/zones/:zoneId/chains/:chainId/history", async (req, res) => {
    const { zoneId, chainId } = parseInput(ChainParams, req.params, "params");
    const { since } = parseInput(HistoryQuery, req.query, "query");
    const now = new Date();
    sendJson(res, ChainHistory, await getChainHistory(store, zoneId, chainId, since ?? defaultSince(now), now));
  });

  // The map's "since" view: each segment then and now. The day is required: there is no default comparison on a map.
  router.get("/zones/:zoneId/chains/:chainId/changes", async (req, res) => {
    const { zoneId, chainId } = parseInput(ChainParams, req.params, "params");
    const { since } = parseInput(ChangesQuery, req.query, "query");
    sendJson(res, ChainChanges, await getChainChanges(store, zoneId, chainId, since));
  });

  return router;
}

/** After each write that succeeded, the figures it may have changed are kept (see services/history.ts). */
export function snapshotAfterWrites(store: GraphStore, logError?: (error: unknown) => void): import("express").RequestHandler {
  void primeSnapshots(store).catch(logError ?? console.error);
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD")
      res.on("finish", () => {
        if (res.statusCode < 400) void scheduleSnapshots(store, logError);
      });
    next();
  };
}
