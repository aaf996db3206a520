/** Settings kept in the graph (so every app instance sees the same), as JSON text by key. */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { auditStep } from "../audit/audit.js";
import { DEFAULT_GAP_THRESHOLDS, GapThresholds } from "../model/domain.js";
import { readSaved } from "./rows.js";

const GAP_THRESHOLDS = "gap-thresholds";

export async function getGapThresholds(store: GraphStore): Promise<GapThresholds> {
  const [row] = await store.read("settings/get-setting", { key: GAP_THRESHOLDS });
  if (!row || typeof row.value !== "string") return DEFAULT_GAP_THRESHOLDS;
  return readSaved(GapThresholds, JSON.parse(row.value), DEFAULT_GAP_THRESHOLDS);
}

export async function putGapThresholds(store: GraphStore, thresholds: GapThresholds, actor: string): Promise<GapThresholds> {
  const before = await getGapThresholds(store);
  await store.write([
    { query: "settings/put-setting", rows: [{ key: GAP_THRESHOLDS, value: JSON.stringify(thresholds) }] },
    auditStep(actor, { action: "setting.update", entity: "setting", entityId: GAP_THRESHOLDS, summary: `弱链阈值：企业数 ≥ ${thresholds.minFirms}，注册资本 ≥ ${thresholds.minCapital} 万元`, before, after: thresholds }),
  ]);
  return thresholds;
}

export const PartialGapThresholds = GapThresholds.partial();
export type PartialGapThresholds = z.infer<typeof PartialGapThresholds>;
