/**
 * Prepared rows as an import worker sends them to the main thread: one string of keys,
 * one string of every other text, and the numbers in typed arrays — instead of an object
 * per row, per placement and per staged table, which structured cloning walks field by
 * field on both threads (about a tenth of the import's CPU, docs/decisions/034). Packing
 * loses nothing: unpackRows(packRows(rows)) equals rows field for field.
 *
 * The keys have a string of their own because the main thread keeps every row's key for
 * the whole import (duplicates within the file), and a key cut from the batch's text
 * would keep that whole text alive with it.
 */
import type { StagedRows } from "../graph/bulk.js";
import type { Params } from "../graph/store.js";
import type { Placement, PreparedRow } from "./prepare-row.js";
import type { ImportProblem } from "./rows.js";

export interface PackedRows {
  count: number;
  /** Per row: row number, flags, then (with a firm) counts and the lengths of its texts, in the order unpackRows reads them. */
  ints: Int32Array;
  /** Each placement's confidence, in order. */
  confidences: Float64Array;
  /** Every row's duplicate key, one after the other. */
  keys: string;
  /** Every other text, one after the other (lengths in `ints`). */
  text: string;
  /** Rows with problems or with staged rows apart (both rare), by their place in the batch, as they are. */
  rare: [index: number, problems: ImportProblem[], apart: [Params[], Params[], Params[], Params[]] | null][];
}

const FIRM = 1;
const USCC = 2;
const HASH = 4;
const REGION_FROM_NAME = 8;
const STAGED = 16;
/** lineBreaks of the staged firm, links, link texts, suggestions: bits 5 to 8. */
const LINE_BREAKS = 32;
/** A closed firm's row (its 登记状态 follows the region taken from its name): bit 9. */
const CLOSED = 512;
/** A row with no firm on it (a note, a 合计 line). */
const BLANK = 1024;
/** Why a firm landed in no segment. */
const NOWHERE = 2048;

const TABLES = ["firm", "links", "linkTexts", "suggestions"] as const;

/** The rows in the compact form; the arrays' buffers may be transferred. */
export function packRows(rows: readonly PreparedRow[]): PackedRows {
  const ints: number[] = [];
  const confidences: number[] = [];
  const keys: string[] = [];
  const texts: string[] = [];
  const rare: PackedRows["rare"] = [];
  const text = (value: string) => {
    texts.push(value);
    ints.push(value.length);
  };
  rows.forEach((row, index) => {
    const firm = row.firm;
    const staged = firm?.staged ?? null;
    const apart = staged && TABLES.some((t) => staged[t].apart.length > 0) ? (TABLES.map((t) => staged[t].apart) as [Params[], Params[], Params[], Params[]]) : null;
    if (row.problems.length > 0 || apart) rare.push([index, row.problems, apart]);
    let flags = row.blank ? BLANK : 0;
    if (firm) {
      flags |= FIRM;
      if (firm.uscc !== null) flags |= USCC;
      if (firm.hash !== null) flags |= HASH;
      if (firm.regionFromName !== null) flags |= REGION_FROM_NAME;
      if (firm.closed !== null) flags |= CLOSED;
      if (firm.nowhere !== null) flags |= NOWHERE;
      if (staged) {
        flags |= STAGED;
        TABLES.forEach((t, i) => {
          if (staged[t].lineBreaks) flags |= LINE_BREAKS << i;
        });
      }
    }
    ints.push(row.rowNumber, flags);
    if (!firm) return;
    ints.push(firm.links, firm.suggestions, firm.placements.length, firm.key.length);
    keys.push(firm.key);
    if (firm.uscc !== null) text(firm.uscc);
    text(firm.name);
    text(firm.regionCode);
    text(firm.id);
    if (firm.hash !== null) text(firm.hash);
    if (firm.regionFromName !== null) text(firm.regionFromName);
    if (firm.closed !== null) text(firm.closed);
    if (firm.nowhere !== null) text(firm.nowhere);
    for (const p of firm.placements) {
      ints.push(p.linked ? 1 : 0);
      confidences.push(p.confidence);
      text(p.segmentId);
      text(p.evidence);
    }
    if (staged)
      for (const t of TABLES) {
        ints.push(staged[t].rows);
        text(staged[t].text);
      }
  });
  return { count: rows.length, ints: Int32Array.from(ints), confidences: Float64Array.from(confidences), keys: keys.join(""), text: texts.join(""), rare };
}

/** The rows as packRows was given them. */
export function unpackRows(packed: PackedRows): PreparedRow[] {
  const { ints, confidences, keys, text: all } = packed;
  let at = 0;
  let textAt = 0;
  let keyAt = 0;
  let confidenceAt = 0;
  const int = () => ints[at++]!;
  const text = () => {
    const end = textAt + int();
    const value = all.slice(textAt, end);
    textAt = end;
    return value;
  };
  const rare = new Map(packed.rare.map(([index, problems, apart]) => [index, { problems, apart }]));
  const rows: PreparedRow[] = new Array(packed.count);
  for (let index = 0; index < packed.count; index++) {
    const rowNumber = int();
    const flags = int();
    const extra = rare.get(index);
    const problems = extra ? extra.problems : [];
    if (!(flags & FIRM)) {
      rows[index] = { rowNumber, problems, firm: null, ...(flags & BLANK ? { blank: true as const } : {}) };
      continue;
    }
    const links = int();
    const suggestions = int();
    const placementCount = int();
    const keyEnd = keyAt + int();
    const key = keys.slice(keyAt, keyEnd);
    keyAt = keyEnd;
    const uscc = flags & USCC ? text() : null;
    const name = text();
    const regionCode = text();
    const id = text();
    const hash = flags & HASH ? text() : null;
    const regionFromName = flags & REGION_FROM_NAME ? text() : null;
    const closed = flags & CLOSED ? text() : null;
    const nowhere = flags & NOWHERE ? text() : null;
    const placements: Placement[] = new Array(placementCount);
    for (let i = 0; i < placementCount; i++) {
      const linked = int() === 1;
      const confidence = confidences[confidenceAt++]!;
      const segmentId = text();
      placements[i] = { segmentId, confidence, evidence: text(), linked };
    }
    let staged: NonNullable<PreparedRow["firm"]>["staged"] = null;
    if (flags & STAGED) {
      const table = (i: number): StagedRows => {
        const count = int();
        return { text: text(), rows: count, lineBreaks: (flags & (LINE_BREAKS << i)) !== 0, apart: extra?.apart?.[i] ?? [] };
      };
      staged = { firm: table(0), links: table(1), linkTexts: table(2), suggestions: table(3) };
    }
    rows[index] = { rowNumber, problems, firm: { key, uscc, name, regionCode, id, hash, links, suggestions, placements, regionFromName, closed, nowhere, staged } };
  }
  return rows;
}

/** The buffers of a packed batch, to transfer rather than copy. */
export const transferables = (packed: PackedRows): ArrayBuffer[] => [packed.ints.buffer as ArrayBuffer, packed.confidences.buffer as ArrayBuffer];
