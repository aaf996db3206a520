/**
 * The audit log's filters: who, what kind of record, which action, and a date range. They
 * live in the page's URL (a shared link shows the same entries) and become the API's
 * query for the list and its export.
 */
export interface AuditFilter {
  actor: string | null;
  entity: string | null;
  action: string | null;
  /** YYYY-MM-DD, inclusive. */
  from: string | null;
  to: string | null;
}

export const EMPTY_AUDIT_FILTER: AuditFilter = { actor: null, entity: null, action: null, from: null, to: null };

const FILTER_KEYS = ["actor", "entity", "action", "from", "to"] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 100;

function text(value: string | null): string | null {
  const trimmed = value?.trim().slice(0, MAX_TEXT);
  return trimmed ? trimmed : null;
}

export function parseAuditFilter(query: URLSearchParams): AuditFilter {
  const from = query.get("from");
  const to = query.get("to");
  return {
    actor: text(query.get("actor")),
    entity: text(query.get("entity")),
    action: text(query.get("action")),
    from: from && DATE.test(from) ? from : null,
    to: to && DATE.test(to) ? to : null,
  };
}

/** The filter as URL parameters, empty ones left out. */
export function writeAuditFilter(filter: Partial<AuditFilter>): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = text(filter[key] ?? null);
    if (value) query.set(key, value);
  }
  return query;
}

/**
 * The API's query: the filter, the page size and the cursor of the page (opaque, from the
 * previous page's answer). The day range is sent as the server reads it: whole days.
 */
export function auditQuery(filter: Partial<AuditFilter>, page: { limit?: number; cursor?: string | null } = {}): string {
  const query = writeAuditFilter(filter);
  if (page.limit) query.set("limit", String(page.limit));
  if (page.cursor) query.set("cursor", page.cursor);
  return query.toString();
}
