/**
 * Reading the audit log: newest first, filtered by who, what and when, a page at a time.
 * A page ends with a cursor (the last entry's time and id), so entries written while
 * someone pages never shift what the next page shows.
 * On the embedded graph a page is found in the log's index in memory (audit-index.ts) and
 * its entries read by key; on Neo4j by Cypher, ordered by the index on `at`.
 */
import { z } from "zod";
import type { GraphStore, Row } from "../graph/store.js";
import { ValidationError } from "../errors.js";
import { AuditEntry, type AuditPage, type AuditQuery } from "../model/api.js";
import { parseRows } from "../services/rows.js";
import { auditIndex, doubtAuditIndex, instant, type IndexFilter } from "./audit-index.js";

/** The most rows one export holds. */
export const EXPORT_LIMIT = 50_000;

const StoredEntry = AuditEntry.extend({ before: z.string(), after: z.string() });
const Cursor = z.tuple([z.string(), z.string()]);

/**
 * Days are calendar days in China Standard Time (UTC+8, no daylight saving), where the
 * people using the log are; `at` is stored in UTC.
 */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

export function encodeCursor(entry: Pick<AuditEntry, "at" | "id">): string {
  return Buffer.from(JSON.stringify([entry.at, entry.id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError("cursor 无效：请使用上一页返回的 nextCursor", [{ field: "query.cursor", message: "不是本日志给出的游标" }]);
  }
}

function params(query: Omit<AuditQuery, "limit" | "cursor">) {
  return {
    actor: query.actor ?? null,
    entity: query.entity ?? null,
    entityId: query.entityId ?? null,
    action: query.action ?? null,
    fromAt: query.from === undefined ? null : isDay(query.from) ? dayStart(query.from) : new Date(query.from).toISOString(),
    toAt: query.to === undefined ? null : isDay(query.to) ? nextDayStart(query.to) : new Date(query.to).toISOString(),
  };
}

const parseJson = (text: string): unknown => (text === "" ? null : JSON.parse(text));

const entries = (rows: Row[]): AuditEntry[] => parseRows(StoredEntry, rows).map((e) => ({ ...e, before: parseJson(e.before), after: parseJson(e.after) }));

/** By Cypher: every entry the filters select is sorted (Neo4j orders them by its index on `at`; exports). */
async function read(store: GraphStore, query: Omit<AuditQuery, "limit" | "cursor">, after: [string, string] | null, limit: number): Promise<AuditEntry[]> {
  return entries(await store.read("audit/list-entries", { ...params(query), afterAt: after?.[0] ?? null, afterId: after?.[1] ?? null, limit }));
}

/** By the index in memory: the page's entries are read by key, and each checked against the filters (the index holds their hashes). */
async function readIndexed(store: GraphStore, query: Omit<AuditQuery, "limit" | "cursor">, after: [string, string] | null, limit: number): Promise<AuditEntry[]> {
  const filter: IndexFilter = params(query);
  const index = await auditIndex(store);
  const found: Row[] = [];
  let place = after ? { at: instant(after[0]), id: after[1] } : null;
  do {
    const { ids, next } = index.newestFirst(filter, place, limit - found.length);
    const rows = await Promise.all(ids.map(async (id) => (await store.read("audit/entry", { id }))[0]));
    for (const row of rows) {
      // Gone from the graph: the index missed a write, and is read again for the next page.
      if (!row) doubtAuditIndex(store);
      else if ((["actor", "entity", "entityId", "action"] as const).every((f) => filter[f] === null || row[f] === filter[f])) found.push(row);
    }
    place = next;
  } while (place && found.length < limit);
  return entries(found);
}

/**
 * A page of the log. `by`: through the index in memory (the embedded graph's default) or
 * by a Cypher scan (Neo4j's, where its index on `at` orders it; the benchmark's naive path).
 */
export async function listAudit(store: GraphStore, query: AuditQuery, by: "index" | "scan" = store.engine === "kuzu" ? "index" : "scan"): Promise<AuditPage> {
  const { limit, cursor, ...filters } = query;
  const entries = await (by === "index" ? readIndexed : read)(store, filters, cursor ? decodeCursor(cursor) : null, limit + 1);
  const items = entries.slice(0, limit);
  return { items, nextCursor: entries.length > limit ? encodeCursor(items.at(-1)!) : null };
}

/** Every entry the filters select (up to EXPORT_LIMIT), newest first. */
export async function exportAudit(store: GraphStore, query: AuditQuery): Promise<AuditEntry[]> {
  const { limit: _l, cursor: _c, ...filters } = query;
  return read(store, filters, null, EXPORT_LIMIT);
}
