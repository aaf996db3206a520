/**
 * npm run import -- <file> [--dry-run] [--source "…"] [--zone <zoneId>] [--json]
 *
 * Imports an enterprise export into the graph at DATA_DIR (or NEO4J_URI). Stop the server
 * first when using the embedded graph: one process at a time may hold it.
 * --json prints the report with `placementRows`: each row's firm and the segments it landed
 * in or waits for review in, with confidence and evidence (the first 10,000 of each kind).
 * Exit codes: 0 imported (or checked, with --dry-run), 1 the file could not be imported
 * (nothing written), 2 wrong usage, 3 the graph is in use by another process.
 */
import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "../env.js";
import { openStore } from "../graph/open-store.js";
import { StoreError } from "../graph/store.js";
import { countLines } from "../imports/count-lines.js";
import { ImportRejected, importFirms } from "../imports/import-firms.js";
import type { ImportReport, PlacementRow } from "../model/api.js";
import { listedPlacements } from "../imports/placements.js";
import { newImportId } from "../imports/jobs.js";
import { seedIfEmpty } from "../../seed/load-sample.js";

const USAGE = 'usage: npm run import -- <file.csv|file.xlsx> [--dry-run] [--source "…"] [--zone <zoneId>] [--json]';

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { "dry-run": { type: "boolean", default: false }, source: { type: "string" }, zone: { type: "string" }, json: { type: "boolean", default: false } },
  });
} catch (error) {
  fail(2, `${(error as Error).message}\n${USAGE}`);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) fail(2, USAGE);
const file = path.resolve(positionals[0]!);
if (!existsSync(file)) fail(1, `No such file: ${file}`);
if (![".csv", ".xlsx"].includes(path.extname(file).toLowerCase())) fail(1, `${path.basename(file)} is not a .csv or .xlsx file. Save the export as CSV or Excel (.xlsx).`);

const env = readEnv();
let store;
try {
  store = await openStore(env);
} catch (error) {
  if (error instanceof StoreError && /in use by another process/.test(error.message)) fail(3, error.message);
  throw error;
}

// Segments come with the sample: a first import into an empty graph needs them to classify.
await seedIfEmpty(store);
const total = path.extname(file).toLowerCase() === ".csv" ? Math.max(0, (await countLines(file)) - 1) : null;
const showProgress = process.stderr.isTTY && !values.json;
const progress = (done: number) => {
  if (!showProgress) return;
  const width = 30;
  const share = total ? Math.min(1, done / total) : 0;
  const bar = total ? `[${"#".repeat(Math.round(share * width)).padEnd(width, ".")}] ${Math.round(share * 100)}%` : "";
  process.stderr.write(`\r${bar} ${done.toLocaleString("en-US")}${total ? ` / ${total.toLocaleString("en-US")}` : ""} rows`);
};

let report: ImportReport;
let placementRows: PlacementRow[] = [];
try {
  const importId = newImportId();
  report = await importFirms(store, {
    importId,
    path: file,
    fileName: path.basename(file),
    mode: values["dry-run"] ? "dry-run" : "commit",
    actor: `cli:${userInfo().username}`,
    source: values.source,
    zoneId: values.zone ?? null,
    onProgress: progress,
  });
  // The rows' placements are kept in the graph apart from the report (the first of each kind for a large file).
  if (values.json && report.placements) placementRows = await listedPlacements(store, importId, report.placements);
} catch (error) {
  await store.close();
  if (showProgress) process.stderr.write("\n");
  fail(1, error instanceof ImportRejected ? error.message : `The import failed and wrote nothing: ${(error as Error).message}`);
}
await store.close();
if (showProgress) process.stderr.write("\n");

if (values.json) {
  console.log(JSON.stringify({ ...report, placementRows }, null, 2));
} else {
  const c = report.counts;
  console.log(`${report.committed ? "Imported" : "Checked (dry run, nothing written)"} ${report.fileName}: ${c.rows} rows`);
  if (report.sheet !== undefined) console.log(`  worksheet “${report.sheet}”${report.otherSheets?.length ? `; not read, each holds a list of its own: ${report.otherSheets.map((s) => `“${s}”`).join(", ")} (import them as files of their own)` : ""}`);
  console.log(`  new ${c.new}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}${c.closed ? `, closed firms (注销, 吊销, 迁出 …) not imported ${c.closed}` : ""}`);
  console.log(`  segment links ${c.links}, waiting for review ${c.pendingReview}`);
  const p = report.placements;
  if (p) {
    console.log(`  firms placed in a segment ${p.counts.placed}, only waiting for review ${p.counts.review}, in no segment ${p.counts.none}${p.regionFromName ? `; region taken from the name for ${p.regionFromName}` : ""}`);
    for (const s of p.bySegment.slice(0, 10)) console.log(`    ${s.chainName} / ${s.segmentName}: ${s.links} linked, ${s.review} for review`);
    if (p.bySegment.length > 10) console.log(`    … ${p.bySegment.length - 10} more segments; use --json for every row's placements`);
  }
  if (report.unknownColumns.length) console.log(`  kept as extra attributes: ${report.unknownColumns.join(", ")}`);
  if (report.problemCount) {
    console.log(`  ${report.problemCount} problem(s)${report.problemCount > report.problems.length ? ` (first ${report.problems.length} listed)` : ""}:`);
    for (const p of report.problems.slice(0, 20)) console.log(`    row ${p.row}, ${p.column} "${p.value}": ${p.message} — ${p.fix}`);
    if (report.problems.length > 20) console.log("    … use --json for the full list");
  }
}
