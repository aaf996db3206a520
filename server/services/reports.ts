/** The 一链一图 report of a zone × chain, in one response for the printable page. */
import type { GraphStore } from "../graph/store.js";
import { ValidationError } from "../errors.js";
import type { ChainReport } from "../model/api.js";
import { getChainGaps } from "./gaps.js";
import { getList, listLists } from "./lists.js";
import { getChainMap } from "./maps.js";
import { getScenario, simulateScenario } from "./scenarios.js";
import { rankChainTargets, type TargetFilters } from "./targets.js";

/** The report, with a saved 补链模拟 of the same zone × chain when one is named (`scenarioId`). */
export async function getChainReport(store: GraphStore, zoneId: string, chainId: string, filters: TargetFilters, scenarioId: string | null = null, now = new Date()): Promise<ChainReport> {
  const [map, gaps, targets, summaries, scenario] = await Promise.all([
    getChainMap(store, zoneId, chainId),
    getChainGaps(store, zoneId, chainId),
    rankChainTargets(store, zoneId, chainId, filters, now),
    listLists(store, { zoneId, chainId }),
    scenarioId ? reportScenario(store, zoneId, chainId, scenarioId) : null,
  ]);
  const lists = await Promise.all(summaries.map((s) => getList(store, s.id)));
  return { generatedAt: now.toISOString(), map, gaps, targets, lists, scenario };
}

/** A saved scenario as the report prints it: the firms, the gaps closed, completeness before and after. */
async function reportScenario(store: GraphStore, zoneId: string, chainId: string, scenarioId: string): Promise<NonNullable<ChainReport["scenario"]>> {
  const scenario = await getScenario(store, scenarioId);
  if (scenario.zoneId !== zoneId || scenario.chainId !== chainId)
    throw new ValidationError(`Scenario "${scenario.name}" belongs to ${scenario.zoneId} × ${scenario.chainId}, not to this report's ${zoneId} × ${chainId}`, [
      { field: "query.scenario", message: "Choose a scenario saved for this zone and chain" },
    ]);
  const sim = await simulateScenario(store, scenario);
  return {
    id: scenario.id,
    name: scenario.name,
    firms: sim.firms.map((f) => ({ id: f.id, name: f.name })),
    closedGaps: sim.closedGaps,
    openedGaps: sim.openedGaps,
    before: sim.before,
    after: sim.after,
    skipped: sim.skipped,
  };
}
