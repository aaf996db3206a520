/**
 * Saved 补链模拟: a name and the firms it lands in a zone × chain. Only the choice is kept;
 * its figures are simulated again whenever it is read, on the graph as it is then.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { auditStep } from "../audit/audit.js";
import { NotFound } from "../errors.js";
import { Scenario, type LandingSimulation } from "../model/api.js";
import { getZoneRecord } from "./chain-facts.js";
import { getChain } from "./chains.js";
import { parseRows } from "./rows.js";
import { SimulationRequest, readLandings, simulateChain } from "./simulation.js";

export const NewScenario = SimulationRequest.extend({ name: z.string().trim().min(1, "Name the scenario").max(60, "At most 60 characters") });
export type NewScenario = z.infer<typeof NewScenario>;

export async function listScenarios(store: GraphStore, zoneId: string, chainId: string): Promise<Scenario[]> {
  return parseRows(Scenario, await store.read("scenarios/list-scenarios", { zoneId, chainId, id: null }));
}

export async function getScenario(store: GraphStore, id: string): Promise<Scenario> {
  const [scenario] = parseRows(Scenario, await store.read("scenarios/list-scenarios", { zoneId: "", chainId: "", id }));
  if (!scenario) throw new NotFound("scenario", id);
  return scenario;
}

/** Saves the choice once it simulates: a firm unknown, local or outside the chain is refused before anything is written. */
export async function saveScenario(store: GraphStore, zoneId: string, chainId: string, input: NewScenario, actor: string, now = new Date()): Promise<Scenario> {
  const [zone, chain] = await Promise.all([getZoneRecord(store, zoneId), getChain(store, chainId)]);
  await readLandings(store, zoneId, chainId, input.firmIds);
  const scenario: Scenario = { id: `scn-${now.getTime().toString(36)}-${randomUUID().slice(0, 8)}`, zoneId, chainId, name: input.name, firmIds: input.firmIds, createdBy: actor, createdAt: now.toISOString() };
  await store.write([
    { query: "scenarios/put-scenario", rows: [scenario] },
    auditStep(actor, { action: "scenario.create", entity: "scenario", entityId: scenario.id, summary: `${zone.shortName} · ${chain.name}：保存补链模拟「${scenario.name}」（${scenario.firmIds.length} 家企业）`, before: null, after: scenario }, now),
  ]);
  return scenario;
}

export async function deleteScenario(store: GraphStore, id: string, actor: string): Promise<void> {
  const before = await getScenario(store, id);
  await store.write([
    { query: "scenarios/delete-scenario", rows: [{ id }] },
    auditStep(actor, { action: "scenario.delete", entity: "scenario", entityId: id, summary: `删除补链模拟「${before.name}」`, before, after: null }),
  ]);
}

/** A saved scenario with its simulation on the graph as it is now. */
export async function simulateScenario(store: GraphStore, scenario: Scenario): Promise<LandingSimulation> {
  return simulateChain(store, scenario.zoneId, scenario.chainId, scenario.firmIds);
}
