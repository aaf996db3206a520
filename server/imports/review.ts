/**
 * The review queue: segment links the classifier was unsure of wait here as SUGGESTED
 * until someone accepts (they become OPERATES_IN) or rejects them. Decisions are kept,
 * and later imports respect them.
 */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { auditStep } from "../audit/audit.js";
import { PendingLink, type ReviewQueue } from "../model/api.js";
import { regionPath } from "../regions/divisions.js";
import { parseRows } from "../services/rows.js";


/** Who decided comes from the session. */
export const ReviewDecisionInput = z.object({ decision: z.enum(["accept", "reject"]) });

const PendingRow = PendingLink.omit({ region: true, attributes: true }).extend({ attributes: z.string().nullable() });
const SuggestionRow = z.object({ confidence: z.number(), evidence: z.string(), importId: z.string() });

export async function reviewQueue(store: GraphStore, page: { limit: number; skip: number }): Promise<ReviewQueue> {
  const [rows, [count]] = await Promise.all([
    store.read("review/list-pending", page).then((r) => parseRows(PendingRow, r)),
    store.read("review/count-pending"),
  ]);
  return {
    total: Number(count?.count ?? 0),
    items: rows.map((r) => ({ ...r, region: regionPath(r.regionCode), attributes: r.attributes ? JSON.parse(r.attributes) : {} })),
  };
}

export async function decide(store: GraphStore, firmId: string, segmentId: string, input: z.infer<typeof ReviewDecisionInput>, actor: string, now = new Date()): Promise<void> {
  const [suggestion] = parseRows(SuggestionRow, await store.read("review/get-suggestion", { firmId, segmentId }));
  if (!suggestion) throw new NotFound("suggestion", `${firmId} → ${segmentId}`);
  const at = now.toISOString();
  const decision = input.decision === "accept" ? "accepted" : "rejected";
  const [[firm], [segment]] = await Promise.all([store.read("firms/get-firm", { id: firmId }), store.read("chains/get-segment", { id: segmentId })]);
  await store.write([
    ...(decision === "accepted"
      ? [{ query: "firms/link-segment", rows: [{ firmId, segmentId, products: "", capacity: "", confidence: suggestion.confidence, source: `review by ${actor}`, evidence: suggestion.evidence }] }]
      : []),
    { query: "review/delete-suggestion", rows: [{ firmId, segmentId }] },
    { query: "review/save-decision", rows: [{ key: `${firmId}|${segmentId}`, firmId, segmentId, decision, by: actor, at }] },
    auditStep(actor, {
      action: input.decision === "accept" ? "review.accept" : "review.reject",
      entity: "review",
      entityId: `${firmId}|${segmentId}`,
      summary: `${decision === "accepted" ? "采纳" : "否决"}「${String(firm?.name ?? firmId)}」归入「${String(segment?.name ?? segmentId)}」的建议（置信度 ${suggestion.confidence.toFixed(2)}）`,
      before: { firmId, segmentId, ...suggestion },
      after: { firmId, segmentId, decision },
    }),
  ]);
}
