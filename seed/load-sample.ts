/** Writes the Chaoyang sample (and the GB/T 2260 regions it refers to) through the store. */
import type { GraphStore } from "../server/graph/store.js";
import { ALL_REGIONS } from "../server/regions/divisions.js";
import { DEFAULT_SCORING_PROFILE } from "../server/model/domain.js";
import { recordSteps, regionSteps } from "../server/services/graph-writer.js";
import { profileSteps } from "../server/services/profiles.js";
import { readSample, type SampleGraph } from "./sample.js";

/** With `replace`, the old graph is deleted in the same transaction: a failed load leaves it untouched. */
export async function loadSample(store: GraphStore, sample: SampleGraph = readSample(), { replace = false } = {}): Promise<void> {
  const wipe = replace ? [{ query: "admin/delete-all", rows: [{}] }] : [];
  await store.write([...wipe, ...regionSteps(ALL_REGIONS), ...recordSteps(sample), ...profileSteps(DEFAULT_SCORING_PROFILE)]);
}

/** Loads the sample into a graph that holds nothing yet (a first start); says whether it did. */
export async function seedIfEmpty(store: GraphStore): Promise<boolean> {
  if (!(await isEmpty(store))) return false;
  await loadSample(store);
  return true;
}

/** True when the graph holds nothing yet (a first start). */
export async function isEmpty(store: GraphStore): Promise<boolean> {
  const [row] = await store.read("admin/count-chains");
  return Number(row?.count ?? 0) === 0;
}
