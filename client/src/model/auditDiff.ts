/**
 * An audit entry keeps the record before and after a change. People read it as the
 * fields that changed: added, removed or changed, each with the old and new value.
 */
export type DiffKind = "added" | "removed" | "changed";

export interface FieldDiff {
  /** The field's path, e.g. "capital" or "attributes.官网". */
  field: string;
  kind: DiffKind;
  before: unknown;
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The fields that differ between `before` and `after` (either may be null: created or
 * deleted). Nested objects are followed one level down (attributes, figures); arrays and
 * deeper values compare as a whole.
 */
export function diffRecords(before: unknown, after: unknown, depth = 2, prefix = ""): FieldDiff[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (JSON.stringify(before ?? null) === JSON.stringify(after ?? null)) return [];
    const kind: DiffKind = before == null ? "added" : after == null ? "removed" : "changed";
    return [{ field: prefix, kind, before: before ?? null, after: after ?? null }];
  }
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort(byOrderOf(left, right));
  const diffs: FieldDiff[] = [];
  for (const key of keys) {
    const field = prefix ? `${prefix}.${key}` : key;
    const a = left[key];
    const b = right[key];
    if (depth > 1 && (isRecord(a) || isRecord(b)) && (a == null || isRecord(a)) && (b == null || isRecord(b)) && before != null && after != null) {
      diffs.push(...diffRecords(a ?? null, b ?? null, depth - 1, field));
      continue;
    }
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    const kind: DiffKind = a === undefined || a === null ? "added" : b === undefined || b === null ? "removed" : "changed";
    diffs.push({ field, kind, before: a ?? null, after: b ?? null });
  }
  return diffs;
}

/** Keys in the order the records list them (before's first), so a diff reads like the record. */
function byOrderOf(left: Record<string, unknown>, right: Record<string, unknown>) {
  const order = [...Object.keys(left), ...Object.keys(right).filter((k) => !(k in left))];
  return (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
}

/** A value as one line of text: lists joined with 、, objects as JSON, nothing as —. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join("、") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return String(value);
}

/** The audit log stores before/after as JSON text ("" for none); the API may send either. */
export function parseRecord(value: unknown): unknown {
  if (typeof value !== "string") return value ?? null;
  if (value === "") return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
