/**
 * A ranking's candidates as rows: a firm with one segment link (targets/candidates), a parent
 * a firm belongs to (targets/candidate-parents), a firm's display columns, and the entry a
 * firm's rows resolve to (itself, or the parent a branch gives way to). Shared by the ranking
 * (targets.ts) and the weighing kept for it (target-weighing.ts).
 */
import { z } from "zod";
import { Currency, FirmStanding, FirmTag, Id, IsoDate, RegionCode, StoredAmountWan, StoredStaffCount } from "../model/domain.js";
import type { CandidateFacts } from "./target-scoring.js";

export const CandidateRow = z.object({
  id: Id,
  name: z.string(),
  aliases: z.array(z.string()),
  uscc: z.string().nullable(),
  regionCode: RegionCode,
  capital: StoredAmountWan,
  capitalAmount: StoredAmountWan,
  capitalCurrency: Currency.exclude(["CNY"]).nullable(),
  staff: StoredStaffCount,
  revenue: StoredAmountWan,
  tags: z.array(FirmTag),
  sample: z.boolean(),
  source: z.string(),
  asOf: IsoDate.nullable(),
  /** Its 登记状态 (model/standing.ts): a closed firm is never ranked, a suspended one is, with a note. */
  standing: FirmStanding.nullish(),
  segmentId: Id,
  confidence: z.number(),
  products: z.string(),
  linkSource: z.string(),
});

export type CandidateRow = z.infer<typeof CandidateRow>;

export const ParentRow = CandidateRow.omit({ segmentId: true, confidence: true, products: true, linkSource: true }).extend({
  firmId: Id,
  kind: z.string(),
  zoneId: Id.nullable(),
});
export type ParentRow = z.infer<typeof ParentRow>;

export const FirmColumns = CandidateRow.omit({ segmentId: true, confidence: true, products: true, linkSource: true });
export type Firm = z.infer<typeof FirmColumns>;

export interface Resolved {
  firm: Firm;
  segments: CandidateFacts["segments"];
  via: NonNullable<CandidateFacts["via"]>;
  decisionMaker: boolean;
  /** The firms behind this entry (itself and its branches), for ties and won checks. */
  memberIds: string[];
}
