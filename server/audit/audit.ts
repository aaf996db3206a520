/**
 * The audit log: every write adds one AuditEntry in its own transaction (who, when,
 * what, the record before and after), so the log and the data never disagree.
 */
import { randomUUID } from "node:crypto";
import type { WriteStep } from "../graph/store.js";

export interface AuditChange {
  /** What was done, as `<entity>.<verb>`, e.g. "firm.update", "list-entry.move". */
  action: string;
  /** The kind of record: "firm", "segment", "feeds", "list-entry", "user", … */
  entity: string;
  entityId: string;
  /** One line for people, e.g. "凌源钢铁 → 已签约". */
  summary: string;
  /** The record before the change (null when created) and after it (null when deleted). */
  before: unknown;
  after: unknown;
}

export function auditStep(actor: string, change: AuditChange, at = new Date()): WriteStep {
  return {
    query: "audit/add-entry",
    rows: [
      {
        id: `aud-${at.getTime().toString(36)}-${randomUUID()}`,
        at: at.toISOString(),
        actor,
        action: change.action,
        entity: change.entity,
        entityId: change.entityId,
        summary: change.summary,
        before: change.before === null || change.before === undefined ? "" : JSON.stringify(change.before),
        after: change.after === null || change.after === undefined ? "" : JSON.stringify(change.after),
      },
    ],
  };
}
