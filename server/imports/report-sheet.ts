/** The import report as a spreadsheet: every problem with where it is and how to fix it. */
import type { Table } from "../exports/tables.js";
import type { ImportReport, PlacementRow } from "../model/api.js";

type Problem = ImportReport["problems"][number];

export function problemsTable(problems: Problem[]): Table<Problem> {
  return {
    sheet: "问题清单",
    columns: [
      { header: "行号", width: 8, value: (p) => p.row },
      { header: "列", width: 18, value: (p) => p.column },
      { header: "内容", width: 30, value: (p) => p.value },
      { header: "问题", width: 40, value: (p) => p.message },
      { header: "如何修改", width: 50, value: (p) => p.fix },
    ],
    rows: problems,
  };
}

/** One line per segment a row landed in or was suggested for; a row that landed nowhere gets one empty line. */
interface PlacementLine {
  row: PlacementRow;
  segment: PlacementRow["segments"][number] | null;
}

export function placementsTable(rows: PlacementRow[]): Table<PlacementLine> {
  return {
    sheet: "归入环节",
    columns: [
      { header: "行号", width: 8, value: (l) => l.row.row },
      { header: "企业名称", width: 32, value: (l) => l.row.name },
      { header: "导入结果", width: 10, value: (l) => ({ new: "新增", updated: "更新", unchanged: "未变" })[l.row.outcome] },
      { header: "地区取自企业名称", width: 14, value: (l) => l.row.regionFromName ?? "" },
      { header: "产业链", width: 18, value: (l) => l.segment?.chainName ?? "" },
      { header: "环节", width: 22, value: (l) => l.segment?.segmentName ?? "未归入任何环节" },
      { header: "状态", width: 10, value: (l) => (l.segment ? (l.segment.linked ? "已归入" : "待审核") : "") },
      { header: "置信度", width: 10, value: (l) => (l.segment ? Number(l.segment.confidence.toFixed(2)) : "") },
      { header: "依据", width: 60, value: (l) => l.segment?.evidence ?? l.row.nowhere ?? "" },
    ],
    rows: rows.flatMap((row): PlacementLine[] => (row.segments.length ? row.segments.map((segment) => ({ row, segment })) : [{ row, segment: null }])),
  };
}
