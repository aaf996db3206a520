/**
 * What the industry column of an export says, whatever form it takes: a GB/T 4754-2017
 * code or name at any level (3130, C3130, 钢压延加工, C31 黑色金属冶炼和压延加工业), a path
 * (制造业>黑色金属冶炼和压延加工业>钢压延加工, 钢铁-普钢-板材), or the names securities-data
 * platforms and statistics lists use (申万 板材, 锂电池, 风电整机; 东方财富 钢铁行业), which
 * industry-names.csv maps to GB/T classes and to the segments they usually mean.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { containedName, entriesNamed, industryEntry, industryPathParts, normalizeIndustryName, writtenCodes } from "./industry-classes.js";

export interface PlatformIndustry {
  name: string;
  scheme: string;
  /** GB/T codes at any level (C3130, C313, C31). */
  classes: string[];
  /** Segment ids the name points to by default; null: the classes decide. */
  segments: string[] | null;
  note: string;
}

export const NAMES_FILE = fileURLToPath(new URL("./industry-names.csv", import.meta.url));

const Row = z.object({ name: z.string().min(1), scheme: z.string(), classes: z.string(), segments: z.string(), note: z.string() });

/**
 * The rows of the names file, checked: every code a code of the standard, every name
 * once. Segment ids are checked against the sample's chains by a test, not here: a
 * graph with other chains simply has no such segments.
 */
export function readPlatformIndustries(csv: string): PlatformIndustry[] {
  const rows = parse(csv, { columns: true, comment: "#", skip_empty_lines: true, trim: true }) as unknown[];
  const seen = new Set<string>();
  return rows.map((raw, i) => {
    const row = Row.parse(raw);
    const where = `industry-names.csv, entry ${i + 1} (${row.name})`;
    const key = normalizeIndustryName(row.name);
    if (seen.has(key)) throw new Error(`${where}: the name appears twice`);
    seen.add(key);
    const classes = row.classes.split(/\s+/).filter(Boolean);
    for (const code of classes) if (!industryEntry(code)) throw new Error(`${where}: ${code} is not a GB/T 4754-2017 code`);
    const segments = row.segments.trim() === "-" ? [] : row.segments.trim() ? row.segments.split(/\s+/) : null;
    return { name: row.name, scheme: row.scheme, classes, segments, note: row.note };
  });
}

let byName: Map<string, PlatformIndustry> | null = null;
function platformNames(): Map<string, PlatformIndustry> {
  byName ??= new Map(readPlatformIndustries(readFileSync(NAMES_FILE, "utf8")).map((p) => [normalizeIndustryName(p.name), p]));
  return byName;
}

/** Every platform name of the file (the segmenter keeps them whole). */
export function platformIndustryNames(): string[] {
  return [...platformNames().values()].map((p) => p.name);
}

export interface IndustryReading {
  /** GB/T codes the cell gives, most specific first. */
  codes: string[];
  /** Segment ids a platform name points to; null when no name of the file decided. */
  segments: string[] | null;
  /** How the cell was read, for the evidence: "板材（申万三级）", "C3130 钢压延加工". */
  label: string;
}

const NOTHING: IndustryReading = { codes: [], segments: null, label: "" };

/** Exports repeat a few hundred industry values across millions of rows. */
const memo = new Map<string, IndustryReading>();

/**
 * Reads an industry cell. The most specific part decides: in 钢铁-普钢-板材 it is 板材, whose
 * row in the names file gives C3130 and the two sheet segments. Codes written out always
 * count. An empty or unknown cell reads as nothing (its words still count as text).
 */
export function readIndustry(text: string | null | undefined): IndustryReading {
  const cell = (text ?? "").trim();
  if (!cell) return NOTHING;
  let reading = memo.get(cell);
  if (!reading) {
    reading = lookUp(cell);
    if (memo.size > 20_000) memo.clear();
    memo.set(cell, reading);
  }
  return reading;
}

function lookUp(cell: string): IndustryReading {
  const names = platformNames();
  const codes: string[] = [];
  const add = (code: string) => {
    if (!codes.includes(code)) codes.push(code);
  };
  let segments: string[] | null = null;
  let label = "";
  for (const code of writtenCodes(cell)) add(code);
  // The most specific part that is a known name decides; the parts above it only repeat
  // it more broadly (普钢 in 钢铁-普钢-板材 would add 炼铁 and 炼钢 to a sheet maker).
  for (const part of industryPathParts(cell)) {
    const platform = names.get(part);
    if (platform) {
      for (const code of platform.classes) add(code);
      segments = platform.segments;
      label = `${platform.name}（${platform.scheme}）`;
      break;
    }
    const [entry] = entriesNamed(part);
    if (entry) {
      add(entry.code);
      break;
    }
  }
  if (codes.length === 0 && !label) {
    const contained = containedName(cell);
    if (contained) add(contained.code);
  }
  // Most specific first: classes before groups before divisions.
  codes.sort((a, b) => b.length - a.length);
  if (!label && codes.length) label = codes.slice(0, 2).map((c) => `${c} ${industryEntry(c)!.name}`).join("、");
  return { codes, segments, label };
}
