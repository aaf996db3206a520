/**
 * Values crossing the Neo4j driver, both ways. Neo4j tells integers from floats and has
 * its own temporal and graph types; ChainAtlas deals in plain JS (store.ts), so the Neo4j
 * engine converts every parameter with neo4jParams and every returned value with
 * plainValue, and nothing else of the driver's leaves it.
 */
import neo4j, { type Integer } from "neo4j-driver";
import type { Params } from "./store.js";
import { StoreError } from "./store.js";
import { TABLES } from "./schema.js";

/**
 * Properties the schema declares DOUBLE. JS has one number type and the driver would send
 * every number as a float, but LIMIT, SKIP and INT64 properties need integers; so whole
 * numbers go as integers, except under these names (a parameter, or a key of a row map,
 * named after its property: f.capital = $capital, or r.capital of a row in $rows).
 * Otherwise a firm with a capital of 100 would hold an Integer where others hold a Float,
 * and Cypher arithmetic on it would be integer arithmetic (100 / 3 = 33).
 */
export const FLOAT_PROPERTIES: ReadonlySet<string> = new Set(
  TABLES.flatMap((t) => t.columns.filter(([, type]) => type === "number").map(([name]) => name)),
);

/** Parameters for the driver: see FLOAT_PROPERTIES; undefined becomes null; only plain values pass. */
export function neo4jParams(params: Params): Params {
  const convert = (value: unknown, float: boolean): unknown => {
    if (value === undefined) return null;
    if (typeof value === "number") return !float && Number.isSafeInteger(value) ? neo4j.int(value) : value;
    if (Array.isArray(value)) return value.map((v) => convert(v, float));
    if (value !== null && typeof value === "object") {
      if (!isPlainObject(value)) throw new StoreError(`A parameter holds a ${describe(value)}; send plain JS values (dates as ISO text)`);
      return convertMap(value as Params);
    }
    return value;
  };
  const convertMap = (map: Params): Params =>
    Object.fromEntries(Object.entries(map).map(([key, v]) => [key, convert(v, FLOAT_PROPERTIES.has(key))]));
  return convertMap(params);
}

/**
 * A value the driver returned, as plain JS:
 * - Integer → number; one beyond ±(2^53 − 1) is an error, since a number would silently
 *   hold a neighbouring integer instead.
 * - Date → "2024-01-02", as the app stores dates (docs/decisions/002); DateTime → the
 *   instant in UTC, ISO 8601 with milliseconds ("2024-01-01T19:04:05.123Z", as the
 *   embedded engine returns timestamps); LocalDateTime, Time, LocalTime, Duration → their
 *   ISO 8601 text.
 * - Node, Relationship → their properties; Path → `{ nodes, relationships }`, each a list
 *   of properties, in path order.
 * - lists and maps → converted element by element; null and undefined → null.
 * Anything else (points, vectors, byte arrays) is no value of ChainAtlas's graph, and an
 * error rather than a half-converted object.
 */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (neo4j.isInt(value)) return integer(value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (neo4j.isDate(value)) return value.toString();
  if (neo4j.isDateTime(value)) return value.timeZoneOffsetSeconds === undefined ? value.toString() : value.toStandardDate().toISOString();
  if (neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) return value.toString();
  if (neo4j.isNode(value) || neo4j.isRelationship(value) || neo4j.isUnboundRelationship(value)) return plainValue(value.properties);
  if (neo4j.isPath(value))
    return {
      nodes: [value.start, ...value.segments.map((s) => s.end)].map(plainValue),
      relationships: value.segments.map((s) => plainValue(s.relationship)),
    };
  if (typeof value === "object" && isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
  throw new StoreError(`Neo4j returned a value ChainAtlas does not read: ${describe(value)}`);
}

function integer(value: Integer): number {
  if (!neo4j.integer.inSafeRange(value))
    throw new StoreError(`Neo4j returned the integer ${value.toString()}, beyond what a JS number holds exactly (±${Number.MAX_SAFE_INTEGER})`);
  return value.toNumber();
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  const kind = typeof value === "object" ? (value?.constructor?.name ?? "object") : typeof value;
  return `${kind} ${String(value)}`.slice(0, 200);
}
