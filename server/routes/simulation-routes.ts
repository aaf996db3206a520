/** 补链模拟 and the scenarios saved from it. A simulation writes nothing: it is a read. */
import { Router } from "express";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { currentUser } from "../accounts/authenticate.js";
import { LandingSimulation, Scenario, ScenarioList } from "../model/api.js";
import { Id } from "../model/domain.js";
import { NewScenario, deleteScenario, listScenarios, saveScenario } from "../services/scenarios.js";
import { SimulationRequest, simulateChain } from "../services/simulation.js";
import { parseInput, sendJson } from "./http.js";

const ChainParams = z.object({ zoneId: Id, chainId: Id });
const ScenarioParams = z.object({ scenarioId: Id });
/** firms=f1,f2: the firms to land, comma-separated. */
const SimulationQuery = z.object({ firms: z.string().default("").transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean)) });

export function simulationRoutes(store: GraphStore): Router {
  const router = Router();

  router.get("/zones/:zoneId/chains/:chainId/simulation", async (req, res) => {
    const { zoneId, chainId } = parseInput(ChainParams, req.params, "params");
    const { firms } = parseInput(SimulationQuery, req.query, "query");
    const { firmIds } = parseInput(SimulationRequest, { firmIds: firms }, "query");
    sendJson(res, LandingSimulation, await simulateChain(store, zoneId, chainId, firmIds));
  });

  router.get("/zones/:zoneId/chains/:chainId/scenarios", async (req, res) => {
    const { zoneId, chainId } = parseInput(ChainParams, req.params, "params");
    sendJson(res, ScenarioList, await listScenarios(store, zoneId, chainId));
  });

  router.post("/zones/:zoneId/chains/:chainId/scenarios", async (req, res) => {
    const { zoneId, chainId } = parseInput(ChainParams, req.params, "params");
    const input = parseInput(NewScenario, req.body, "body");
    res.status(201);
    sendJson(res, Scenario, await saveScenario(store, zoneId, chainId, input, currentUser(res).username));
  });

  router.delete("/scenarios/:scenarioId", async (req, res) => {
    const { scenarioId } = parseInput(ScenarioParams, req.params, "params");
    await deleteScenario(store, scenarioId, currentUser(res).username);
    res.status(204).end();
  });

  return router;
}
