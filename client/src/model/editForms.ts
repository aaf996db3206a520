/**
 * The edit forms of segments and firms as plain values: what a record looks like in the
 * form, and which fields a person changed (only those are sent, so a change never
 * overwrites a field someone else changed meanwhile).
 */
import type { Currency, Firm, FirmTag, Region, Stage } from "../../../server/model/domain";
import { sameValue } from "./conflict";
import type { Standing } from "../../../server/model/standing";

export interface SegmentForm {
  name: string;
  stage: Stage;
  position: number;
  industryCodes: string[];
  keywords: string[];
  description: string;
  source: string;
}

export const SEGMENT_FIELDS = ["name", "stage", "position", "industryCodes", "keywords", "description", "source"] as const satisfies readonly (keyof SegmentForm)[];

export function segmentForm(record: SegmentForm): SegmentForm {
  return {
    name: record.name,
    stage: record.stage,
    position: record.position,
    industryCodes: [...record.industryCodes],
    keywords: [...record.keywords],
    description: record.description,
    source: record.source,
  };
}

export interface FirmForm {
  name: string;
  /** "" while unknown; sent as null. */
  uscc: string;
  aliases: string[];
  regionCode: string;
  zoneId: string | null;
  /** As given: in 万 units of `capitalCurrency` (500 with USD is 500万美元). */
  capital: number | null;
  capitalCurrency: Currency;
  foundedOn: string | null;
  staff: number | null;
  revenue: number | null;
  tags: FirmTag[];
  sample: boolean;
  source: string;
  asOf: string | null;
  /** 登记状态: null while unknown (taken as 存续); closed takes the firm out of rankings and a zone's cover. */
  standing: Standing | null;
}

export const FIRM_FIELDS = [
  "name",
  "uscc",
  "aliases",
  "regionCode",
  "zoneId",
  "capital",
  "capitalCurrency",
  "foundedOn",
  "staff",
  "revenue",
  "tags",
  "sample",
  "source",
  "asOf",
  "standing",
] as const satisfies readonly (keyof FirmForm)[];

type FirmLike = Omit<FirmForm, "uscc" | "capitalCurrency" | "standing"> & { uscc: string | null; standing?: Standing | null } & Pick<Firm, "capitalAmount" | "capitalCurrency">;

export function firmForm(firm: FirmLike): FirmForm {
  return {
    name: firm.name,
    uscc: firm.uscc ?? "",
    aliases: [...firm.aliases],
    regionCode: firm.regionCode,
    zoneId: firm.zoneId,
    // The capital as the firm gave it: in its own currency when that is not 人民币.
    capital: firm.capitalCurrency ? firm.capitalAmount : firm.capital,
    capitalCurrency: firm.capitalCurrency ?? "CNY",
    foundedOn: firm.foundedOn,
    staff: firm.staff,
    revenue: firm.revenue,
    tags: [...firm.tags],
    sample: firm.sample,
    source: firm.source,
    asOf: firm.asOf,
    standing: firm.standing ?? null,
  };
}

/** The fields of `edited` that differ from `base`, with the values to send. */
export function changedValues<F extends object>(base: F, edited: F, fields: readonly (keyof F)[]): Partial<F> {
  const changes: Partial<F> = {};
  for (const field of fields) if (!sameValue(base[field], edited[field])) changes[field] = edited[field];
  return changes;
}

/** Form values as the API takes them: text trimmed, an empty code as null, blank list items dropped. */
export function firmPayload<F extends Partial<FirmForm>>(values: F): Omit<F, "uscc"> & { uscc?: string | null } {
  const out: Record<string, unknown> = { ...values };
  if ("uscc" in values) out.uscc = values.uscc?.trim().toUpperCase() || null;
  if (values.name !== undefined) out.name = values.name.trim();
  if (values.source !== undefined) out.source = values.source.trim();
  if (values.aliases !== undefined) out.aliases = values.aliases.map((a) => a.trim()).filter(Boolean);
  return out as Omit<F, "uscc"> & { uscc?: string | null };
}

export function segmentPayload<F extends Partial<SegmentForm>>(values: F): F {
  const out: Record<string, unknown> = { ...values };
  if (values.name !== undefined) out.name = values.name.trim();
  if (values.description !== undefined) out.description = values.description.trim();
  if (values.source !== undefined) out.source = values.source.trim();
  if (values.keywords !== undefined) out.keywords = [...new Set(values.keywords.map((k) => k.trim()).filter(Boolean))];
  if (values.industryCodes !== undefined) out.industryCodes = [...new Set(values.industryCodes.map((k) => k.trim().toUpperCase()).filter(Boolean))];
  return out as F;
}

/** Regions as a province → city → county tree for a cascading picker. */
export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

export function regionTree(regions: readonly Region[]): RegionOption[] {
  const byParent = new Map<string | null, Region[]>();
  const codes = new Set(regions.map((r) => r.code));
  for (const region of regions) {
    // A region whose parent is not in the list hangs at the top (e.g. only cities were given).
    const parent = region.parentCode && codes.has(region.parentCode) ? region.parentCode : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), region]);
  }
  const build = (parent: string | null): RegionOption[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => {
        const children = build(r.code);
        return children.length ? { value: r.code, label: r.name, children } : { value: r.code, label: r.name };
      });
  return build(null);
}

/** The codes from the top down to `code` (the picker's value), or [] when it is unknown. */
export function regionPath(code: string | null | undefined, regions: readonly Region[]): string[] {
  if (!code) return [];
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const path: string[] = [];
  let current = byCode.get(code);
  while (current && path.length < 4) {
    path.unshift(current.code);
    current = current.parentCode ? byCode.get(current.parentCode) : undefined;
  }
  return path;
}

/**
 * What a 409 on a firm names when another firm holds the same 统一社会信用代码: the API
 * gives the existing firm in the details (as `existing`, `firm` or flat).
 */
export function duplicateFirm(details: unknown): { id: string; name: string } | null {
  if (typeof details !== "object" || details === null) return null;
  const candidates = [(details as Record<string, unknown>).existing, (details as Record<string, unknown>).firm, details];
  for (const candidate of candidates) {
    if (typeof candidate !== "object" || candidate === null) continue;
    const { id, name } = candidate as { id?: unknown; name?: unknown };
    if (typeof id === "string" && typeof name === "string") return { id, name };
  }
  return null;
}
