/**
 * The work one data row of an import takes, apart from what depends on other rows or on
 * the graph: checking and normalising it, its search keys, its segments, and its staged
 * rows as a new firm. Pure, so the rows of a large file can be prepared on several
 * threads (import-workers.ts) and give exactly what the main thread would.
 */
import { createHash } from "node:crypto";
import { stageRows, type StagedRows } from "../graph/bulk.js";
import { linkTextsRow } from "../graph/link-texts.js";
import type { ExchangeRate, Firm } from "../model/domain.js";
import { CURRENCY_NAMES } from "../model/domain.js";
import { capitalIn } from "../services/money.js";
import { searchKeys } from "../services/search-keys.js";
import { classifyExplained, REVIEW_THRESHOLD, type SegmentProfile } from "./classify.js";
import type { HeaderMatch } from "./columns.js";
import { mayHold, type KeySet } from "./key-filter.js";
import { nameKey } from "./known-firms.js";
import type { RawRow } from "./read-table.js";
import { duplicateKey, normalizeRow, type ImportedFirm, type ImportProblem } from "./rows.js";
import { standingOf, type Standing } from "./values.js";

/** What every row of one import shares. Plain data: it is sent to worker threads as it is. */
export interface RowContext {
  header: HeaderMatch;
  segments: SegmentProfile[];
  /** Review decisions as [`${firmId}|${segmentId}`, decision]. */
  decisions: [string, "accepted" | "rejected"][];
  importId: string;
  source: string;
  /** YYYY-MM-DD, the firms' asOf. */
  today: string;
  /** Staged rows are made only for a commit. */
  commit: boolean;
  /** The 统一社会信用代码 and name keys (known-firms.ts) of the firms already in the graph: a filter of them for workers. */
  known: KeySet;
  /** The exchange-rate table: capital in another currency is converted to 万元 with it. */
  rates: ExchangeRate[];
}

/** A row prepared as a new firm would land; the main thread decides whether it does. */
export interface PreparedRow {
  rowNumber: number;
  problems: ImportProblem[];
  /** A row with no firm on it (a note, or the 合计 line under the data): neither a data row nor a rejected one. */
  blank?: true;
  /** null: the row holds no firm (fatal problems, or a note row). */
  firm: {
    /** duplicateKey: two rows of one file with the same key are the same firm. */
    key: string;
    uscc: string | null;
    name: string;
    regionCode: string;
    /** The id a new firm gets. */
    id: string;
    /** factsHash, which tells an unchanged firm from an updated one; null when the graph certainly holds no such firm. */
    hash: string | null;
    links: number;
    suggestions: number;
    /** Where the firm landed, for the import's report (segment names are added there). */
    placements: Placement[];
    /** The place at the start of the name the region was taken from, when the row gave none. */
    regionFromName: string | null;
    /** The 登记状态 of a firm that is closed (rows.ts): never imported, placed or staged. */
    closed: string | null;
    /** Why the firm landed in no segment (classify.ts whyPlacedNowhere); null when it landed somewhere. */
    nowhere: string | null;
    /** Staged rows (commit only): the firm, its links, its suggestions. */
    staged: { firm: StagedRows; links: StagedRows; linkTexts: StagedRows; suggestions: StagedRows } | null;
  } | null;
}

/** A segment a firm landed in (linked) or was suggested for (not linked). */
export interface Placement {
  segmentId: string;
  confidence: number;
  evidence: string;
  linked: boolean;
}

/** A firm's facts as given: `capital` in 万 units of `capitalCurrency` (人民币 when null). */
type Comparable = Pick<Firm, "uscc" | "name" | "aliases" | "regionCode" | "capital" | "foundedOn" | "staff" | "revenue" | "tags" | "attributes"> & { capitalCurrency: string | null };

/**
 * What decides "unchanged": the firm's facts as given, not when or from where they came —
 * nor the exchange rate of the day, so a foreign capital compares in its own currency.
 */
export function factsHash(f: Comparable): string {
  const sorted = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const currency = f.capital === null ? null : (f.capitalCurrency ?? "CNY");
  const facts = [f.uscc || null, f.name, [...f.aliases].sort(), f.regionCode, f.capital, currency, f.foundedOn || null, f.staff, f.revenue, [...f.tags].sort(), sorted(f.attributes)];
  return createHash("sha1").update(JSON.stringify(facts)).digest("hex");
}

/** The standing columns a row gives its firm: the 登记状态 read, as written, learnt today (null without one). */
export function standingRecord(status: string | null | undefined, today: string): { standing: Standing | null; standingText: string | null; standingOn: string | null } {
  const standing = status ? standingOf(status) : null;
  return standing ? { standing, standingText: status!, standingOn: today } : { standing: null, standingText: null, standingOn: null };
}

/** A stable id: the same firm gets the same id in every import. */
export function importedFirmId(firm: Pick<ImportedFirm, "uscc" | "name" | "regionCode">): string {
  if (firm.uscc) return `u-${firm.uscc.toLowerCase()}`;
  return `n-${createHash("sha1").update(`${firm.name}|${firm.regionCode}`).digest("hex").slice(0, 20)}`;
}

/** The Chinese labels under which an imported firm's further facts are kept. */
export function attributesOf(firm: ImportedFirm): Record<string, string> {
  const known: Record<string, string | null | undefined> = {
    国标行业: firm.industry,
    经营范围: firm.scope,
    主营产品: firm.products,
    企业类型: firm.companyType,
    注册地址: firm.address,
    登记状态: firm.status,
    官网: firm.website,
    电话: firm.phone,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(known)) if (v) out[k] = v;
  for (const [k, v] of Object.entries(firm.extras)) if (v && !(k in out)) out[k] = v;
  return out;
}

const decidedMaps = new WeakMap<RowContext["decisions"], Map<string, "accepted" | "rejected">>();
const decidedOf = (context: RowContext) => {
  let decided = decidedMaps.get(context.decisions);
  if (!decided) decidedMaps.set(context.decisions, (decided = new Map(context.decisions)));
  return decided;
};

/** The firm as it is written under `id`, with its segment links and its suggestions for review. */
export function describeFirm(firm: ImportedFirm, id: string, context: RowContext) {
  const { source, today, importId } = context;
  const decided = decidedOf(context);
  const attributes = attributesOf(firm);
  const record = {
    id,
    uscc: firm.uscc,
    name: firm.name,
    aliases: firm.aliases,
    regionCode: firm.regionCode,
    ...capitalIn(firm.capital, firm.capitalCurrency ?? "CNY", context.rates),
    // A new firm's capital is the file's: no source of its own.
    capitalSource: null,
    capitalAsOf: null,
    foundedOn: firm.foundedOn,
    staff: firm.staff,
    revenue: firm.revenue,
    tags: firm.tags,
    sample: false,
    source,
    asOf: today,
    attributes: JSON.stringify(attributes),
    searchText: searchKeys([firm.name, ...firm.aliases]),
    version: 1,
    // Its 登记状态 as the file says it (model/standing.ts); none said: null, taken as active.
    ...standingRecord(firm.status, today),
  };
  // Most imports go into a graph without review decisions: no key is made then.
  const { assignments: found, nowhere } = classifyExplained({ name: firm.name, industry: firm.industry ?? "", scope: firm.scope ?? "", products: firm.products ?? "" }, context.segments);
  const assignments = found.filter(
    (a) => decided.size === 0 || decided.get(`${id}|${a.segmentId}`) !== "rejected",
  );
  // Linked when confident (or accepted in review); the others wait for review.
  const links = [];
  const suggestions = [];
  const placements: Placement[] = [];
  for (const { segmentId, confidence, evidence } of assignments) {
    const linked = confidence >= REVIEW_THRESHOLD || (decided.size > 0 && decided.get(`${id}|${segmentId}`) === "accepted");
    if (linked) links.push({ from: id, to: segmentId, firmId: id, segmentId, products: firm.products ?? "", capacity: "", confidence, source, evidence, version: 1 });
    else suggestions.push({ from: id, to: segmentId, firmId: id, segmentId, confidence, evidence, importId });
    placements.push({ segmentId, confidence, evidence, linked });
  }
  // Only what the classifier found nowhere is explained: a link rejected in review was found.
  return { record, attributes, links, suggestions, placements, nowhere };
}

/** One data row (after the header), prepared as a new firm. */
export function prepareRow(raw: RawRow, context: RowContext): PreparedRow {
  const { firm, problems, regionFromName, closed, blank } = normalizeRow(raw, context.header);
  if (!firm) return { rowNumber: raw.rowNumber, problems, firm: null, ...(blank ? { blank } : {}) };
  const id = importedFirmId(firm);
  if (closed) {
    // Kept only to be told apart from a firm of the graph (import-firms.ts says which it is).
    const firmOfRow = { key: duplicateKey(firm), uscc: firm.uscc, name: firm.name, regionCode: firm.regionCode, id, hash: null, links: 0, suggestions: 0, placements: [], regionFromName: regionFromName ?? null, closed, nowhere: null, staged: null };
    return { rowNumber: raw.rowNumber, problems, firm: firmOfRow };
  }
  const currency = firm.capitalCurrency;
  if (firm.capital !== null && currency && currency !== "CNY" && !context.rates.some((r) => r.currency === currency)) {
    const column = context.header.columns.find((c) => c.field === "capital")?.header ?? "注册资本";
    problems.push({
      row: raw.rowNumber,
      column,
      value: `${firm.capital}万${CURRENCY_NAMES[currency]}`,
      message: `汇率表中没有${CURRENCY_NAMES[currency]}的汇率：按原币保存，折合人民币的注册资本未知`,
      fix: "请管理员在“设置 → 汇率”中补充该货币的汇率，已导入企业的注册资本随即折算",
    });
  }
  const { record, attributes, links, suggestions, placements, nowhere } = describeFirm(firm, id, context);
  const maybeKnown = (firm.uscc !== null && mayHold(context.known, firm.uscc)) || mayHold(context.known, nameKey(firm.name));
  return {
    rowNumber: raw.rowNumber,
    problems,
    firm: {
      key: duplicateKey(firm),
      uscc: firm.uscc,
      name: firm.name,
      regionCode: firm.regionCode,
      id,
      hash: maybeKnown ? factsHash({ ...firm, attributes }) : null,
      links: links.length,
      suggestions: suggestions.length,
      placements,
      regionFromName: regionFromName ?? null,
      closed: null,
      nowhere,
      staged: context.commit ? { firm: stageRows("Firm", [record]), links: stageRows("OPERATES_IN", links), linkTexts: stageRows("LINK_TEXTS", links.map(linkTextsRow)), suggestions: stageRows("SUGGESTED", suggestions) } : null,
    },
  };
}
