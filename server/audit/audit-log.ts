/**
 * Reading the audit log: newest first, filtered by who, what and when, a page at a time.
 * A page ends with a cursor (the last entry's time and id), so entries written while
 * someone pages never shift what the next page shows. A page lists entries without the
 * records before and after; one entry, opened, has them (readAuditEntry).
 * On the embedded graph a page comes from the log's index in memory (audit-index.ts); on
 * Neo4j from Cypher, ordered by the index on `at`.
 */
import { z } from "zod";
import type { GraphStore, Row } from "../graph/store.js";
import { ValidationError } from "../errors.js";
import { AuditEntry, type AuditListItem, type AuditPage, type AuditQuery } from "../model/api.js";
import { parseRows } from "../services/rows.js";
import { auditIndex, instant } from "./audit-index.js";

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

/** From the index in memory: no read of the graph. */
async function readIndexed(store: GraphStore, query: Omit<AuditQuery, "limit" | "cursor">, after: [string, string] | null, limit: number): Promise<AuditListItem[]> {
  const index = await auditIndex(store);
  return index.newestFirst(params(query), after ? { at: instant(after[0]), id: after[1] } : null, limit);
}

/**
 * A page of the log. `by`: through the index in memory (the embedded graph's default) or
 * by a Cypher scan (Neo4j's, where its index on `at` orders it; the benchmark's naive path).
 */
export async function listAudit(store: GraphStore, query: AuditQuery, by: "index" | "scan" = store.engine === "kuzu" ? "index" : "scan"): Promise<AuditPage> {
  const { limit, cursor, ...filters } = query;
  const after = cursor ? decodeCursor(cursor) : null;
  const entries: AuditListItem[] = by === "index" ? await readIndexed(store, filters, after, limit + 1) : (await read(store, filters, after, limit + 1)).map(({ before: _b, after: _a, ...item }) => item);
  const items = entries.slice(0, limit);
  return { items, nextCursor: entries.length > limit ? encodeCursor(items.at(-1)!) : null };
}

/** One entry with its records before and after; null when there is none of that id. */
export async function readAuditEntry(store: GraphStore, id: string): Promise<AuditEntry | null> {
  return entries(await store.read("audit/entry", { id }))[0] ?? null;
}

/** Every entry the filters select (up to EXPORT_LIMIT), newest first. */
export async function exportAudit(store: GraphStore, query: AuditQuery): Promise<AuditEntry[]> {
  const { limit: _l, cursor: _c, ...filters } = query;
  return read(store, filters, null, EXPORT_LIMIT);
}
