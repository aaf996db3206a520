/** The project register as a sheet, with the totals of what the filter selected beside it. */
import { PROJECT_STATUSES } from "../model/domain.js";
import type { ProjectRegister, RegisterProject } from "../model/progress.js";
import type { Column, Table } from "./tables.js";
import { WAN } from "./tables.js";
import { UNKNOWN } from "./sheets.js";

type SourceLabel = (source: string) => string;

export function projectTable(projects: RegisterProject[], chainName: (id: string) => string, source: SourceLabel): Table<RegisterProject> {
  const columns: Column<RegisterProject>[] = [
    { header: "项目名称", width: 36, value: (p) => p.name },
    { header: "投资企业", width: 30, value: (p) => p.firm.name },
    { header: "开发区", width: 16, value: (p) => p.zone.name },
    { header: "产业链", width: 16, value: (p) => p.chainIds.map(chainName).join("、") },
    { header: "所补环节", width: 22, value: (p) => p.segments.map((s) => s.name).join("、") },
    { header: "计划投资(万元)", width: 16, numFmt: WAN, value: (p) => p.investment ?? UNKNOWN },
    { header: "状态", width: 8, value: (p) => p.status },
    { header: "状态日期", width: 12, value: (p) => p.statusOn },
    ...PROJECT_STATUSES.map((s) => ({ header: `${s}日期`, width: 12, value: (p: RegisterProject) => p.dates[s] ?? null })),
    { header: "来自招商清单", width: 24, value: (p) => (p.origin ? `${p.origin.listName}（${p.origin.entryStatus}）` : null) },
    { header: "项目简介", width: 50, value: (p) => p.description },
    { header: "数据来源", width: 30, value: (p) => source(p.source) },
  ];
  return { sheet: "项目库", columns, rows: projects };
}

interface TotalRow {
  label: string;
  count: number;
  investment: number;
  withInvestment: number;
}

export function projectTotalsTable(register: ProjectRegister): Table<TotalRow> {
  const rows: TotalRow[] = [
    { label: "合计", ...register.totals },
    ...PROJECT_STATUSES.map((s) => ({ label: s, ...register.byStatus[s] })),
  ];
  return {
    sheet: "合计",
    columns: [
      { header: "状态", width: 10, value: (r) => r.label },
      { header: "项目数", width: 10, value: (r) => r.count },
      { header: "计划投资合计(万元)", width: 20, numFmt: WAN, value: (r) => r.investment },
      { header: "其中投资额已知的项目数", width: 22, value: (r) => r.withInvestment },
    ],
    rows,
  };
}
