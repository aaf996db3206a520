/** The audit log as a spreadsheet, for admins to keep or hand on. */
import type { AuditEntry } from "../model/api.js";
import { AUDIT_ENTITY_LABELS, auditActionLabel } from "../model/audit-actions.js";
import type { Column, Table } from "../exports/tables.js";

/** Excel holds at most 32,767 characters in a cell; a longer record is cut and says so. */
const CELL_LIMIT = 32_000;
const recordText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const text = JSON.stringify(value);
  return text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT)}…（已截断）` : text;
};

export function auditTable(entries: AuditEntry[]): Table<AuditEntry> {
  const columns: Column<AuditEntry>[] = [
    { header: "时间(UTC)", width: 26, value: (e) => e.at },
    { header: "操作人", width: 14, value: (e) => e.actor },
    { header: "操作", width: 22, value: (e) => auditActionLabel(e.action, e.entity) },
    { header: "对象类型", width: 14, value: (e) => AUDIT_ENTITY_LABELS[e.entity] ?? e.entity },
    { header: "操作代码", width: 22, value: (e) => e.action },
    { header: "对象编号", width: 30, value: (e) => e.entityId },
    { header: "摘要", width: 50, value: (e) => e.summary },
    { header: "修改前", width: 60, value: (e) => recordText(e.before) },
    { header: "修改后", width: 60, value: (e) => recordText(e.after) },
    { header: "记录编号", width: 30, value: (e) => e.id },
  ];
  return { sheet: "操作日志", columns, rows: entries };
}
