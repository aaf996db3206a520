/**
 * How well the classifier places real firms: the labelled firms in
 * test/fixtures/classification (listed companies as exports show them, each with the
 * segments it truly works in, none for firms outside every chain), split by a hash of the
 * name into a tuning half and a held-out half, scored per chain and per segment.
 * `npm run eval:classify` prints the report; classification-quality.test.ts holds the
 * held-out half to its targets.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { classify, REVIEW_THRESHOLD, type SegmentProfile } from "../../server/imports/classify.js";

export const FIXTURE_DIR = path.join(import.meta.dirname, "../fixtures/classification");

/** Held-out targets: what lands without review must be right, and most firms must land. */
export const TARGETS = { chainPrecision: 0.9, chainRecall: 0.8, segmentPrecision: 0.8 };

export interface LabelledFirm {
  name: string;
  industry: string;
  scope: string;
  products: string;
  province: string;
  /** The segments the firm truly works in; empty for a firm outside every chain. */
  segments: string[];
  note: string;
  /** file:line, to find the label again. */
  source: string;
}

const Columns = { name: "企业名称", industry: "所属行业", scope: "经营范围", products: "主营产品", province: "所属省份", segments: "标注环节", note: "说明" } as const;

export function readLabelledFirms(dir = FIXTURE_DIR): LabelledFirm[] {
  const firms: LabelledFirm[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv")).sort()) {
    const rows = parse(readFileSync(path.join(dir, file)), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Record<string, string>[];
    rows.forEach((row, i) => {
      const cell = (column: string) => (row[column] ?? "").trim();
      firms.push({
        name: cell(Columns.name),
        industry: cell(Columns.industry),
        scope: cell(Columns.scope),
        products: cell(Columns.products),
        province: cell(Columns.province),
        segments: cell(Columns.segments).split(/\s+/).filter(Boolean),
        note: cell(Columns.note),
        source: `${file}:${i + 2}`,
      });
    });
  }
  return firms;
}

export type Half = "tune" | "held-out";

/** A fixed split by the name: the same firm is always in the same half. */
export function halfOf(name: string): Half {
  return createHash("sha1").update(name).digest()[0]! % 2 === 0 ? "tune" : "held-out";
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const precision = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
const recall = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

export interface Scores {
  firms: number;
  inChains: number;
  chain: Counts & { precision: number; recall: number };
  segment: Counts & { precision: number; recall: number };
  /** Per chain: chain-level and segment-level counts. */
  perChain: Map<string, { chain: Counts; segment: Counts }>;
  /** "true → placed" with how often, worst first; "—" for no chain. */
  chainConfusions: [string, number][];
  segmentConfusions: [string, number][];
  /** What each confidence band of placements got right (segment level). */
  calibration: { band: string; placed: number; right: number }[];
  /** Placements waiting for review (between the floor and the threshold). */
  forReview: number;
  mistakes: string[];
}

export function score(firms: LabelledFirm[], segments: readonly SegmentProfile[], threshold = REVIEW_THRESHOLD): Scores {
  const chainOf = new Map(segments.map((s) => [s.id, s.chainId]));
  const chain: Counts = { tp: 0, fp: 0, fn: 0 };
  const segment: Counts = { tp: 0, fp: 0, fn: 0 };
  const perChain = new Map<string, { chain: Counts; segment: Counts }>();
  const entry = (id: string) => {
    let e = perChain.get(id);
    if (!e) perChain.set(id, (e = { chain: { tp: 0, fp: 0, fn: 0 }, segment: { tp: 0, fp: 0, fn: 0 } }));
    return e;
  };
  const chainConfusions = new Map<string, number>();
  const segmentConfusions = new Map<string, number>();
  const bands = [0.7, 0.8, 0.9, 1.01].map((top, i, all) => ({ low: i === 0 ? threshold : all[i - 1]!, top, placed: 0, right: 0 }));
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let forReview = 0;
  const mistakes: string[] = [];

  for (const firm of firms) {
    for (const id of firm.segments) if (!chainOf.has(id)) throw new Error(`${firm.source}: ${id} is not a segment of the chains`);
    const all = classify({ name: firm.name, industry: firm.industry, scope: firm.scope, products: firm.products }, segments);
    const placed = all.filter((a) => a.confidence >= threshold);
    forReview += all.length - placed.length;
    const trueSegments = new Set(firm.segments);
    const trueChains = new Set(firm.segments.map((id) => chainOf.get(id)!));
    const placedChains = new Set(placed.map((a) => chainOf.get(a.segmentId)!));

    for (const a of placed) {
      const right = trueSegments.has(a.segmentId);
      const c = chainOf.get(a.segmentId)!;
      if (right) {
        segment.tp++;
        entry(c).segment.tp++;
      } else {
        segment.fp++;
        entry(c).segment.fp++;
        const within = firm.segments.filter((id) => chainOf.get(id) === c);
        count(segmentConfusions, `${within.join("/") || "—"} → ${a.segmentId}`);
        mistakes.push(`+ ${firm.name}（${firm.industry || "无行业"}）→ ${a.segmentId} ${a.confidence}：${a.evidence}  [${firm.source}${firm.segments.length ? `，应为 ${firm.segments.join(" ")}` : "，不属任何链"}]`);
      }
      const band = bands.find((b) => a.confidence >= b.low && a.confidence < b.top);
      if (band) {
        band.placed++;
        if (right) band.right++;
      }
    }
    for (const id of trueSegments)
      if (!placed.some((a) => a.segmentId === id)) {
        segment.fn++;
        entry(chainOf.get(id)!).segment.fn++;
      }
    for (const c of placedChains) {
      if (trueChains.has(c)) {
        chain.tp++;
        entry(c).chain.tp++;
      } else {
        chain.fp++;
        entry(c).chain.fp++;
        count(chainConfusions, `${[...trueChains].join("/") || "—"} → ${c}`);
      }
    }
    for (const c of trueChains)
      if (!placedChains.has(c)) {
        chain.fn++;
        entry(c).chain.fn++;
        count(chainConfusions, `${c} → ${[...placedChains].join("/") || "—"}`);
        const suggested = all.filter((a) => chainOf.get(a.segmentId) === c).map((a) => `${a.segmentId} ${a.confidence}`);
        mistakes.push(`- ${firm.name}（${firm.industry || "无行业"}）✗ ${c}：应为 ${firm.segments.filter((id) => chainOf.get(id) === c).join(" ")}${suggested.length ? `；待审核 ${suggested.join("、")}` : ""}  [${firm.source}]`);
      }
  }
  const worst = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    firms: firms.length,
    inChains: firms.filter((f) => f.segments.length).length,
    chain: { ...chain, precision: precision(chain), recall: recall(chain) },
    segment: { ...segment, precision: precision(segment), recall: recall(segment) },
    perChain,
    chainConfusions: worst(chainConfusions),
    segmentConfusions: worst(segmentConfusions),
    calibration: bands.map((b) => ({ band: `${b.low.toFixed(1)}–${Math.min(1, b.top).toFixed(1)}`, placed: b.placed, right: b.right })),
    forReview,
    mistakes,
  };
}

export function meetsTargets(s: Scores): boolean {
  return s.chain.precision >= TARGETS.chainPrecision && s.chain.recall >= TARGETS.chainRecall && s.segment.precision >= TARGETS.segmentPrecision;
}

const pct = (x: number) => x.toFixed(3);

/** The report `npm run eval:classify` prints. */
export function report(name: string, s: Scores, options: { confusions?: number; mistakes?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`== ${name}: ${s.firms} firms (${s.inChains} in a chain, ${s.firms - s.inChains} in none); placed at confidence ≥ ${REVIEW_THRESHOLD}`);
  lines.push(`   chain level   precision ${pct(s.chain.precision)}  recall ${pct(s.chain.recall)}   (TP ${s.chain.tp}, FP ${s.chain.fp}, FN ${s.chain.fn})`);
  lines.push(`   segment level precision ${pct(s.segment.precision)}  recall ${pct(s.segment.recall)}   (TP ${s.segment.tp}, FP ${s.segment.fp}, FN ${s.segment.fn})`);
  lines.push(`   waiting for review: ${s.forReview} placements`);
  lines.push("   per chain                       chain P  chain R   seg P   seg R");
  for (const [id, c] of [...s.perChain].sort((a, b) => a[0].localeCompare(b[0])))
    lines.push(`   ${id.padEnd(30)} ${pct(precision(c.chain)).padStart(7)} ${pct(recall(c.chain)).padStart(8)} ${pct(precision(c.segment)).padStart(7)} ${pct(recall(c.segment)).padStart(7)}`);
  lines.push("   confidence band   placed  right");
  for (const b of s.calibration) lines.push(`   ${b.band.padEnd(16)} ${String(b.placed).padStart(7)} ${b.placed ? pct(b.right / b.placed) : "  —  "}`);
  const n = options.confusions ?? 10;
  lines.push(`   worst chain confusions (true → placed): ${s.chainConfusions.slice(0, n).map(([k, v]) => `${k} ×${v}`).join("; ") || "none"}`);
  lines.push(`   worst segment confusions (true → placed): ${s.segmentConfusions.slice(0, n).map(([k, v]) => `${k} ×${v}`).join("; ") || "none"}`);
  if (options.mistakes) lines.push("   mistakes:", ...s.mistakes.map((m) => `     ${m}`));
  return lines.join("\n");
}
