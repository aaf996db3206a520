/** The import report as a spreadsheet: every problem with where it is and how to fix it. */
import type { Table } from "../exports/tables.js";
import type { ImportReport } from "../model/api.js";

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
