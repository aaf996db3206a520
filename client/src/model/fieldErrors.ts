/**
 * The API answers malformed input with `details: [{field: "body.weights.size", message}]`.
 * A form shows each message at its field; what matches no field shows above the form.
 */
export interface FieldDetail {
  field: string;
  message: string;
}

export function fieldDetails(details: unknown): FieldDetail[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldDetail => typeof d === "object" && d !== null && typeof (d as FieldDetail).field === "string" && typeof (d as FieldDetail).message === "string",
  );
}

/** "body.weights.size" → ["weights", "size"]: the form's name path (location dropped). */
export function fieldPath(field: string): string[] {
  const parts = field.split(".");
  return ["body", "query", "params"].includes(parts[0] ?? "") ? parts.slice(1) : parts;
}

export interface SplitErrors {
  /** Messages by the form field they belong to (its path joined with "."). */
  byField: Map<string, string[]>;
  /** Messages for no known field, or for the whole object. */
  general: string[];
}

/** Splits the details between the fields a form has (name paths joined with ".") and the rest. */
export function splitFieldErrors(details: unknown, knownFields: ReadonlySet<string>): SplitErrors {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const { field, message } of fieldDetails(details)) {
    const key = fieldPath(field).join(".");
    if (knownFields.has(key)) byField.set(key, [...(byField.get(key) ?? []), message]);
    else general.push(key ? `${key}: ${message}` : message);
  }
  return { byField, general };
}
