/**
 * One import: live progress while it runs, then its report — the counts, where the firms
 * landed (PlacementsView), the columns it recognised and kept, and every problem with row,
 * column, value, what is wrong and how to fix it, filtered by column and message (in the
 * URL), and as an XLSX to hand back with the placements.
 */
import { Alert, Button, Progress, Select, Space, Statistic, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { files } from "../../api/endpoints";
import type { ImportJobWithReport, ImportProblem, ImportReport } from "../../api/importSchemas";
import { useI18n } from "../../i18n/I18nProvider";
import { filterProblems, progressPercent, problemFacets } from "../../model/importReport";
import { paths } from "../../model/paths";
import { ButtonLink } from "../common/ButtonLink";
import { PageCrumbs } from "../common/PageCrumbs";
import { RequestState } from "../common/RequestState";
import { useApiDownload } from "../common/useApiDownload";
import { JobStatusTag } from "./JobStatusTag";
import { PlacementsView } from "./PlacementsView";
import { useImportJob } from "./useImportJob";

export function ImportJobPage() {
  const { importId = "" } = useParams();
  const { t } = useI18n();
  const job = useImportJob(importId);
  return (
    <div className="import-job-page page">
      <PageCrumbs current={t("imports.jobTitle")} />
      <RequestState state={job}>{(data) => <JobView job={data} />}</RequestState>
    </div>
  );
}

function JobView({ job }: { job: ImportJobWithReport }) {
  const { t } = useI18n();
  const percent = progressPercent(job);
  const running = job.status === "queued" || job.status === "running";
  return (
    <>
      <div className="page-head">
        <div>
          <Typography.Title level={2} className="page-title">
            {job.fileName}
          </Typography.Title>
          <Space wrap>
            <JobStatusTag job={job} />
            <Tag>{job.mode === "dry-run" ? t("imports.dryRun") : t("imports.commit")}</Tag>
            <Typography.Text type="secondary">
              {t("imports.sourceIs", { source: job.source })} · {job.createdAt.slice(0, 10)}
            </Typography.Text>
          </Space>
        </div>
        <Space>
          <ButtonLink to={paths.imports()}>{t("imports.another")}</ButtonLink>
        </Space>
      </div>

      <section className="import-progress" aria-live="polite" data-testid="import-progress" data-status={job.status}>
        <Progress
          percent={percent ?? 100}
          status={job.status === "failed" ? "exception" : running ? "active" : "success"}
          showInfo={percent !== null}
          strokeColor={percent === null && running ? "#91caff" : undefined}
        />
        <Typography.Text data-testid="import-rows">
          {job.report
            ? // The total counted before the run is an estimate (title rows count as lines); the report's is exact.
              t("imports.progressDone", { rows: job.report.counts.rows })
            : job.rowsTotal !== null
              ? t("imports.progress", { done: job.rowsDone, total: job.rowsTotal })
              : t("imports.progressUnknown", { done: job.rowsDone })}
        </Typography.Text>
      </section>

      {job.status === "failed" && <Alert type="error" showIcon title={t("imports.failed")} description={job.error} data-testid="import-failed" />}
      {job.report && <ReportView report={job.report} importId={job.id} />}
    </>
  );
}

function ReportView({ report, importId }: { report: ImportReport; importId: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const { busy, download } = useApiDownload();
  const columnsFilter = search.getAll("column");
  const messagesFilter = search.getAll("message");
  // Two problems can share row, column and message (a value checked twice): number them.
  const numbered = useMemo(() => report.problems.map((p, i) => ({ ...p, key: i })), [report.problems]);
  const problems = useMemo(
    () => filterProblems(numbered, { columns: columnsFilter, messages: messagesFilter }),
    [numbered, columnsFilter.join("\n"), messagesFilter.join("\n")],
  );
  const columnFacets = useMemo(() => problemFacets(report.problems, "column"), [report.problems]);
  const messageFacets = useMemo(() => problemFacets(report.problems, "message"), [report.problems]);
  const setFilter = (key: "column" | "message", values: string[]) => {
    const next = new URLSearchParams(search);
    next.delete(key);
    for (const value of values) next.append(key, value);
    setSearch(next, { replace: true });
  };
  const c = report.counts;
  const tiles: { key: keyof typeof c; label: string }[] = [
    { key: "rows", label: t("imports.count.rows") },
    { key: "new", label: t("imports.count.new") },
    { key: "updated", label: t("imports.count.updated") },
    { key: "unchanged", label: t("imports.count.unchanged") },
    { key: "rejected", label: t("imports.count.rejected") },
    // Older reports have no such count.
    ...(c.closed ? [{ key: "closed" as const, label: t("imports.count.closed") }] : []),
    // Firms the graph held, whose 登记状态 this file changed.
    ...(c.markedClosed ? [{ key: "markedClosed" as const, label: t("imports.count.markedClosed") }] : []),
    ...(c.reopened ? [{ key: "reopened" as const, label: t("imports.count.reopened") }] : []),
    { key: "links", label: t("imports.count.links") },
    { key: "pendingReview", label: t("imports.count.pendingReview") },
  ];

  const columns: TableColumnsType<ImportProblem & { key: number }> = [
    { key: "row", title: t("imports.problem.row"), dataIndex: "row", width: 70, align: "right" },
    { key: "column", title: t("imports.problem.column"), dataIndex: "column", width: 130 },
    { key: "value", title: t("imports.problem.value"), dataIndex: "value", width: 180, render: (v: string) => <code className="cell-value">{v || "（空）"}</code> },
    { key: "message", title: t("imports.problem.message"), dataIndex: "message" },
    { key: "fix", title: t("imports.problem.fix"), dataIndex: "fix" },
  ];

  return (
    <section className="import-report" data-testid="import-report">
      <Alert
        type={report.committed ? "success" : report.mode === "dry-run" ? "info" : "warning"}
        showIcon
        title={report.committed ? t("imports.committed") : report.mode === "dry-run" ? t("imports.dryRunDone") : t("imports.notCommitted")}
        description={report.mode === "dry-run" ? t("imports.dryRunNext") : undefined}
        style={{ marginBottom: 16 }}
      />
      {report.otherSheets && report.otherSheets.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="other-sheets"
          title={t("imports.otherSheets", { sheet: report.sheet ?? "", others: report.otherSheets.map((s) => `“${s}”`).join("、") })}
          style={{ marginBottom: 16 }}
        />
      )}
      <div className="count-tiles" data-testid="import-counts">
        {tiles.map((tile) => (
          <div key={tile.key} className={`count-tile${tile.key === "rejected" && c.rejected > 0 ? " bad" : ""}`} data-testid={`count-${tile.key}`}>
            <Statistic title={tile.label} value={c[tile.key]} />
          </div>
        ))}
      </div>
      {c.pendingReview > 0 && (
        <Typography.Paragraph>
          <Link to={paths.review()} data-testid="to-review">
            {t("imports.toReview", { count: c.pendingReview })} →
          </Link>
        </Typography.Paragraph>
      )}
      {report.placements && <PlacementsView importId={importId} summary={report.placements} />}

      <div className="import-columns">
        <div>
          <Typography.Title level={5}>{t("imports.recognised", { count: report.columns.filter((col) => col.field).length })}</Typography.Title>
          <div className="tag-row">
            {report.columns
              .filter((col) => col.field)
              .map((col) => (
                <Tag key={col.header} title={col.field ?? ""}>
                  {col.header}
                </Tag>
              ))}
          </div>
        </div>
        <div>
          <Typography.Title level={5}>{t("imports.unknown", { count: report.unknownColumns.length })}</Typography.Title>
          {report.unknownColumns.length === 0 ? (
            <Typography.Text type="secondary">{t("imports.noUnknown")}</Typography.Text>
          ) : (
            <>
              <div className="tag-row" data-testid="unknown-columns">
                {report.unknownColumns.map((col) => (
                  <Tag key={col} color="gold">
                    {col}
                  </Tag>
                ))}
              </div>
              <Typography.Text type="secondary">{t("imports.unknownHelp")}</Typography.Text>
            </>
          )}
        </div>
      </div>

      <div className="table-actions">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("imports.problems", { count: report.problemCount })}
        </Typography.Title>
        <span className="toolbar-spacer" />
        <Button
          onClick={() => void download(files.importReport(importId), `导入报告-${report.fileName}.xlsx`)}
          loading={busy !== null}
          disabled={report.problemCount === 0 && !report.placements}
          data-testid="download-error-report"
        >
          {t("imports.downloadReport")}
        </Button>
      </div>
      {report.problems.length < report.problemCount && <Alert type="warning" showIcon title={t("imports.problemsCut", { shown: report.problems.length })} style={{ marginBottom: 8 }} />}
      {report.problemCount > 0 && (
        <div className="filter-bar">
          <label>
            <span>{t("imports.byColumn")}</span>
            <Select
              mode="multiple"
              allowClear
              placeholder={t("imports.allColumns")}
              value={columnsFilter}
              onChange={(values: string[]) => setFilter("column", values)}
              options={columnFacets.map((f) => ({ value: f.value, label: `${f.value}（${f.count}）` }))}
              style={{ minWidth: 220 }}
              data-testid="problem-column-filter"
            />
          </label>
          <label>
            <span>{t("imports.byMessage")}</span>
            <Select
              mode="multiple"
              allowClear
              placeholder={t("imports.allMessages")}
              value={messagesFilter}
              onChange={(values: string[]) => setFilter("message", values)}
              options={messageFacets.map((f) => ({ value: f.value, label: `${f.value}（${f.count}）` }))}
              style={{ minWidth: 360, maxWidth: 640 }}
              popupMatchSelectWidth={false}
              data-testid="problem-message-filter"
            />
          </label>
          <Typography.Text type="secondary" data-testid="problem-shown">
            {t("imports.shown", { shown: problems.length, total: report.problems.length })}
          </Typography.Text>
        </div>
      )}
      <Table<ImportProblem & { key: number }>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={problems}
        pagination={problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        data-testid="problems-table"
        locale={{ emptyText: <div className="empty-hint">{report.problemCount === 0 ? t("imports.noProblems") : t("imports.noMatch")}</div> }}
      />
    </section>
  );
}
