/**
 * What the import page shows of a job: how far it is, and the problems of its report
 * filtered by column and by message. Pure, so it is tested without a browser.
 */
import type { ImportJob, ImportProblem } from "../api/importSchemas";

/** 0–100 while the total is known; null while only the rows done are (XLSX until the end). */
export function progressPercent(job: Pick<ImportJob, "status" | "rowsDone" | "rowsTotal">): number | null {
  if (job.status === "done") return 100;
  if (job.rowsTotal === null || job.rowsTotal <= 0) return job.status === "queued" ? 0 : null;
  return Math.min(99, Math.floor((job.rowsDone / job.rowsTotal) * 100));
}

export function isFinished(job: Pick<ImportJob, "status">): boolean {
  return job.status === "done" || job.status === "failed";
}

export interface ProblemFacet {
  value: string;
  count: number;
}

/** Distinct values of a problem field, the most frequent first (then by name). */
export function problemFacets(problems: readonly ImportProblem[], field: "column" | "message"): ProblemFacet[] {
  const counts = new Map<string, number>();
  for (const problem of problems) counts.set(problem[field], (counts.get(problem[field]) ?? 0) + 1);
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "zh-CN"));
}

export interface ProblemFilter {
  columns: readonly string[];
  messages: readonly string[];
}

/** Problems in any of the chosen columns and with any of the chosen messages (none chosen: all). */
export function filterProblems<P extends ImportProblem>(problems: readonly P[], filter: ProblemFilter): P[] {
  return problems.filter(
    (p) => (filter.columns.length === 0 || filter.columns.includes(p.column)) && (filter.messages.length === 0 || filter.messages.includes(p.message)),
  );
}
