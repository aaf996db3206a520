/**
 * Where an import's firms landed: how many were placed in a segment, wait for review, or
 * landed nowhere; per segment how many; and row by row, each segment with its confidence
 * and the evidence, paged from the server (a large import keeps its rows apart from the
 * report). The kind and page are in the URL (?placements=review&placementsPage=2).
 */
import { Alert, Segmented, Table, Tag, Tooltip, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useSearchParams } from "react-router";
import { api } from "../../api/endpoints";
import type { PlacementKind, PlacementRow, PlacementSummary } from "../../api/importSchemas";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { RequestState } from "../common/RequestState";

const PAGE_SIZE = 50;
const KINDS: PlacementKind[] = ["placed", "review", "none"];

export function PlacementsView({ importId, summary }: { importId: string; summary: PlacementSummary }) {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const kind = (KINDS as string[]).includes(search.get("placements") ?? "") ? (search.get("placements") as PlacementKind) : "placed";
  const page = Math.max(1, Number(search.get("placementsPage")) || 1);
  const rows = useApi(api.importPlacements(importId, kind, PAGE_SIZE, (page - 1) * PAGE_SIZE));
  const show = (nextKind: PlacementKind, nextPage: number) => {
    const next = new URLSearchParams(search);
    next.set("placements", nextKind);
    if (nextPage > 1) next.set("placementsPage", String(nextPage));
    else next.delete("placementsPage");
    setSearch(next, { replace: true });
  };

  const columns: TableColumnsType<PlacementRow> = [
    { key: "row", title: t("imports.problem.row"), dataIndex: "row", width: 70, align: "right" },
    {
      key: "firm",
      title: t("imports.placement.firm"),
      width: 260,
      render: (_, r) => (
        <>
          <div>{r.name}</div>
          <div className="firm-meta">
            {t(`imports.placement.outcome.${r.outcome}`)}
            {r.regionFromName && (
              <Tooltip title={t("imports.placement.regionFromNameHelp")}>
                {" · "}
                <Tag color="gold" data-testid="region-from-name">
                  {t("imports.placement.regionFromName", { place: r.regionFromName })}
                </Tag>
              </Tooltip>
            )}
          </div>
        </>
      ),
    },
    {
      key: "segments",
      title: t("imports.placement.segments"),
      render: (_, r) =>
        r.segments.length === 0 ? (
          <>
            <Typography.Text type="secondary">{t("imports.placement.nowhere")}</Typography.Text>
            {r.nowhere && <div className="firm-meta" data-testid="placement-nowhere">{r.nowhere}</div>}
          </>
        ) : (
          r.segments.map((s) => (
            <div key={s.segmentId} className="placement-segment">
              <Tag color={s.linked ? "green" : "orange"}>
                {s.chainName} · {s.segmentName} {Math.round(s.confidence * 100)}%
              </Tag>
              <span className="firm-meta">{s.evidence}</span>
            </div>
          ))
        ),
    },
  ];

  const listed = summary.listed[kind];
  return (
    <section className="import-placements" data-testid="import-placements">
      <Typography.Title level={4}>{t("imports.placement.title")}</Typography.Title>
      <Typography.Paragraph data-testid="placement-summary">
        {t("imports.placement.summary", { placed: summary.counts.placed, review: summary.counts.review, none: summary.counts.none })}
        {summary.regionFromName > 0 && ` ${t("imports.placement.regionFromNameCount", { count: summary.regionFromName })}`}
      </Typography.Paragraph>

      {summary.bySegment.length > 0 && (
        <Table
          rowKey="segmentId"
          size="small"
          className="placement-by-segment"
          data-testid="placement-by-segment"
          dataSource={summary.bySegment}
          pagination={summary.bySegment.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { key: "chain", title: t("imports.placement.chain"), dataIndex: "chainName", width: 200 },
            { key: "segment", title: t("imports.placement.segment"), dataIndex: "segmentName" },
            { key: "links", title: t("imports.placement.links"), dataIndex: "links", width: 110, align: "right" },
            { key: "review", title: t("imports.placement.review"), dataIndex: "review", width: 110, align: "right" },
          ]}
        />
      )}

      <div className="table-actions">
        <Segmented<PlacementKind>
          value={kind}
          onChange={(value) => show(value, 1)}
          options={KINDS.map((k) => ({ value: k, label: `${t(`imports.placement.kind.${k}`)}（${summary.counts[k]}）` }))}
          data-testid="placement-kind"
        />
      </div>
      {listed < summary.counts[kind] && <Alert type="warning" showIcon title={t("imports.placement.cut", { listed })} style={{ marginBottom: 8 }} />}
      <RequestState state={rows}>
        {(data) => (
          <Table<PlacementRow>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={data.rows}
            data-testid="placements-table"
            pagination={
              listed > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: listed, showSizeChanger: false, onChange: (next) => show(kind, next) } : false
            }
            locale={{ emptyText: <div className="empty-hint">{t(`imports.placement.empty.${kind}`)}</div> }}
          />
        )}
      </RequestState>
    </section>
  );
}
