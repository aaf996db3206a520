/**
 * Store rows → checked domain objects. Kùzu returns an empty list as null, and its bulk
 * load reads an empty string as null, so list fields are normalised to [] and required
 * text fields to "" before the schema checks the row.
 */
import { z } from "zod";
import type { Row } from "../graph/store.js";

export function parseRows<S extends z.ZodObject>(schema: S, rows: Row[]): z.infer<S>[] {
  const fields = Object.entries(schema.shape) as [string, z.ZodType][];
  const listKeys = fields.filter(([, field]) => unwrap(field) instanceof z.ZodArray).map(([key]) => key);
  const textKeys = fields.filter(([, field]) => field instanceof z.ZodString).map(([key]) => key);
  return rows.map((row) => {
    const fixed: Row = { ...row };
    for (const key of listKeys) if (fixed[key] === null || fixed[key] === undefined) fixed[key] = [];
    for (const key of textKeys) if (fixed[key] === null) fixed[key] = "";
    return schema.parse(fixed);
  });
}

/**
 * A saved object (a setting, a profile) read back. One saved before a rule existed (a
 * bound on a number, say) still reads: each field that fails its rule takes its default,
 * and if the whole still fails, every field but those in `keep` does. Never a 500.
 */
export function readSaved<S extends z.ZodObject>(schema: S, saved: unknown, defaults: z.infer<S>, keep: (keyof z.infer<S>)[] = []): z.infer<S> {
  const whole = schema.safeParse(saved);
  if (whole.success) return whole.data;
  const fields = (saved && typeof saved === "object" ? saved : {}) as Record<string, unknown>;
  const fallback = defaults as Record<string, unknown>;
  const mended = Object.fromEntries(
    Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [key, field.safeParse(fields[key]).success ? fields[key] : fallback[key]]),
  );
  const fixed = schema.safeParse(mended);
  if (fixed.success) return fixed.data;
  return schema.parse({ ...defaults, ...Object.fromEntries(keep.map((key) => [key, mended[key as string]])) });
}

function unwrap(field: z.ZodType): z.ZodType {
  let current: z.ZodType = field;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable)
    current = current.unwrap() as z.ZodType;
  return current;
}

/** Groups rows by a key, keeping first-seen order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
