/**
 * 总览: every leading chain of every zone at a glance. Chains are rows, zones columns;
 * each cell shows completeness, gaps and the chain leader, and opens that map.
 * The sort is in the URL (?sort=weakest&order=ascend) so a shared link shows the same table.
 */
import { Segmented, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { formatPercent } from "../../model/format";
import { STATUS_URGENCY } from "../../model/gaps";
import { buildOverviewMatrix, completenessBand, parseSortKey, sortRows } from "../../model/overview";
import type { MatrixCell, MatrixRow, MatrixSortKey, SortOrder } from "../../model/overview";
import { paths } from "../../model/paths";
import { RequestState } from "../common/RequestState";
import { useChainNames } from "../common/useChainNames";
import type { ZoneSummary } from "../../../../server/model/api";

export function OverviewPage() {
  const { t } = useI18n();
  const zones = useApi(api.zones());
  return (
    <div className="overview-page">
      <Typography.Title level={2} className="page-title">
        {t("overview.title")}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="page-subtitle">
        {t("overview.subtitle")}
      </Typography.Paragraph>
      <RequestState state={zones}>{(data) => <OverviewMatrixTable zones={data} />}</RequestState>
    </div>
  );
}

function OverviewMatrixTable({ zones }: { zones: ZoneSummary[] }) {
  const { t } = useI18n();
  const [query, setQuery] = useSearchParams();
  const chainNames = useChainNames();
  const matrix = useMemo(() => buildOverviewMatrix(zones, chainNames), [zones, chainNames]);
  const sortKey = parseSortKey(query.get("sort"), matrix.zones.map((z) => z.id));
  const order: SortOrder = query.get("order") === "descend" ? "descend" : "ascend";
  const rows = useMemo(() => sortRows(matrix.rows, sortKey, order), [matrix, sortKey, order]);

  const setSort = (key: MatrixSortKey, nextOrder: SortOrder = "ascend") => {
    const next = new URLSearchParams(query);
    if (key === "default") next.delete("sort");
    else next.set("sort", key);
    if (nextOrder === "descend") next.set("order", "descend");
    else next.delete("order");
    setQuery(next, { replace: true });
  };

  if (matrix.zones.length === 0) return <Typography.Paragraph>{t("overview.empty")}</Typography.Paragraph>;

  const columns: TableColumnsType<MatrixRow> = [
    {
      key: "chain",
      title: t("overview.chain"),
      dataIndex: "chainName",
      width: 150,
      render: (name: string) => <span className="matrix-chain">{name}</span>,
    },
    ...matrix.zones.map((zone) => {
      const key: MatrixSortKey = `zone:${zone.id}`;
      return {
        key,
        title: <span title={zone.name}>{zone.shortName}</span>,
        // Sorting is done by the model (empty cells last either way); the table only shows it.
        sorter: true,
        sortOrder: sortKey === key ? order : null,
        sortDirections: ["ascend", "descend"] as SortOrder[],
        onCell: () => ({ className: "matrix-cell-td" }),
        render: (_: unknown, row: MatrixRow) => {
          const cell = row.cells[zone.id];
          return cell ? <MatrixCellView cell={cell} zoneName={zone.shortName} chainName={row.chainName} /> : <NotLeading />;
        },
      };
    }),
  ];

  return (
    <>
      <div className="overview-sort">
        <span>{t("overview.sortBy")}</span>
        <Segmented
          value={sortKey.startsWith("zone:") ? "zone" : sortKey}
          onChange={(value) => setSort(value as MatrixSortKey, value === "gaps" ? "descend" : "ascend")}
          options={[
            { value: "default", label: t("overview.sort.default") },
            { value: "weakest", label: t("overview.sort.weakest") },
            { value: "gaps", label: t("overview.sort.gaps") },
            ...(sortKey.startsWith("zone:") ? [{ value: "zone", label: matrix.zones.find((z) => `zone:${z.id}` === sortKey)?.shortName ?? "", disabled: true }] : []),
          ]}
          data-testid="overview-sort"
        />
      </div>
      <Table<MatrixRow>
        className="overview-matrix"
        data-testid="overview-matrix"
        rowKey="chainId"
        columns={columns}
        dataSource={rows}
        pagination={false}
        bordered
        // Equal zone columns that fit 1280 px; cell text wraps instead of scrolling sideways.
        tableLayout="fixed"
        onChange={(_pagination, _filters, sorter) => {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          if (single?.order && typeof single.columnKey === "string") setSort(single.columnKey as MatrixSortKey, single.order);
          else setSort("default");
        }}
      />
    </>
  );
}

function MatrixCellView({ cell, zoneName, chainName }: { cell: MatrixCell; zoneName: string; chainName: string }) {
  const { t } = useI18n();
  const f = cell.figures;
  const percent = formatPercent(f.completeness);
  return (
    <>
      <Link
        to={paths.map(cell.zoneId, cell.chainId)}
        className={`matrix-cell band-${completenessBand(f.completeness)}`}
        aria-label={t("overview.openMap", { zone: zoneName, chain: chainName, percent })}
        data-testid={`cell-${cell.zoneId}-${cell.chainId}`}
      >
        <div className="matrix-bar" aria-hidden="true">
          <div className="matrix-bar-fill" style={{ width: `${Math.round(f.completeness * 100)}%` }} />
        </div>
        <div className="matrix-figures">
          <span className="matrix-percent" data-testid={`overview-completeness-${cell.zoneId}-${cell.chainId}`}>
            {percent}
          </span>
          <span className="matrix-ratio" title={t("figures.covered", { covered: f.covered, segments: f.segments })}>
            {f.covered}/{f.segments}
          </span>
          <span
            className="matrix-gaps"
            title={`${t("figures.gapSegmentsHint")}：${STATUS_URGENCY.filter((s) => s !== "strong").map((s) => `${t(`status.${s}`)} ${f.byStatus[s]}`).join("、")}`}
            data-testid={`overview-gaps-${cell.zoneId}-${cell.chainId}`}
            data-count={f.gapSegments}
          >
            {t("overview.gaps", { count: f.gapSegments })}
          </span>
        </div>
        <div className="matrix-leader">
          {cell.leaders.length ? t("overview.leader", { names: cell.leaders.map((l) => l.name).join("、") }) : t("overview.noLeader")}
        </div>
      </Link>
      {/* Beside the cell's own link, not inside it: links do not nest. */}
      <div className="matrix-links">
        <Link to={paths.targets(cell.zoneId, cell.chainId)} aria-label={t("overview.targetsOf", { zone: zoneName, chain: chainName })} data-testid={`overview-targets-${cell.zoneId}-${cell.chainId}`}>
          {t("overview.targets")}
        </Link>
        <Link to={paths.lists({ zoneId: cell.zoneId, chainId: cell.chainId })} aria-label={t("overview.listsOf", { zone: zoneName, chain: chainName })}>
          {t("overview.lists")}
        </Link>
        <Link to={paths.report(cell.zoneId, cell.chainId)} aria-label={t("overview.reportOf", { zone: zoneName, chain: chainName })}>
          {t("overview.report")}
        </Link>
      </div>
    </>
  );
}

function NotLeading() {
  const { t } = useI18n();
  return (
    <span className="matrix-empty" title={t("overview.notLeading")}>
      —
    </span>
  );
}
