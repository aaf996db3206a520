/**
 * 审计日志 (admins): every change with who, when and what — newest first, a page at a
 * time — filtered by person, kind of record, action and dates (kept in the URL). Open a
 * row for the fields it changed, before and after (read when it is opened); export the
 * filtered log as a file.
 */
import { Button, DatePicker, Input, Select, Skeleton, Space, Table } from "antd";
import type { TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { AUDIT_ACTIONS } from "../../../../server/model/audit-actions";
import type { AuditListItem } from "../../../../server/model/api";
import { api, files } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { actionLabel, entityLabel } from "./auditLabels";
import type { AuditFilter } from "../../model/auditFilter";
import { parseAuditFilter, writeAuditFilter } from "../../model/auditFilter";
import { formatDate, formatDateTime } from "../../model/format";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";
import { useApiDownload } from "../common/useApiDownload";
import { AuditDiff } from "./AuditDiff";

const PAGE_SIZE = 50;
const DATE_FORMAT = "YYYY-MM-DD";
/** The kinds of record the app writes, for the filter's choices (others can be typed). */
const ENTITIES = ["firm", "segment", "feeds", "firm-segment", "chain-leader", "flag", "project", "list", "list-entry", "profile", "review", "setting", "import", "user", "session"] as const;

export function AuditPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filter = parseAuditFilter(search);
  const filterKey = writeAuditFilter(filter).toString();
  // Opaque cursors of the pages seen so far: [null] is the first page.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [filterKey]);
  const cursor = cursors.at(-1) ?? null;
  const page = useApi(api.audit(filter, { limit: PAGE_SIZE, cursor }));
  const { busy, download } = useApiDownload();
  const [actor, setActor] = useState(filter.actor ?? "");
  const [action, setAction] = useState(filter.action ?? "");
  useEffect(() => {
    setActor(filter.actor ?? "");
    setAction(filter.action ?? "");
  }, [filterKey]);

  const update = (change: Partial<AuditFilter>) => setSearch(writeAuditFilter({ ...filter, ...change }), { replace: true });

  const columns: TableColumnsType<AuditListItem> = [
    { key: "at", title: t("audit.at"), width: 160, render: (_, e) => <span className="nowrap">{formatDateTime(e.at)}</span> },
    {
      key: "actor",
      title: t("audit.actor"),
      width: 130,
      render: (_, e) => (
        <Button type="link" size="small" className="link-button" onClick={() => update({ actor: e.actor })} title={t("audit.onlyActor", { name: e.actor })}>
          {e.actor}
        </Button>
      ),
    },
    {
      key: "action",
      title: t("audit.action"),
      width: 170,
      render: (_, e) => (
        <>
          <div title={e.action} data-testid="audit-action-label">
            {entityLabel(t, e.entity)} · {actionLabel(t, e.action)}
          </div>
        </>
      ),
    },
    { key: "entityId", title: t("audit.record"), width: 200, render: (_, e) => <code className="audit-id">{e.entityId}</code> },
    { key: "summary", title: t("audit.summary"), render: (_, e) => e.summary },
  ];

  return (
    <div className="audit-page page">
      <PageHeading
        title={t("audit.title")}
        subtitle={t("audit.subtitle")}
        actions={
          <Space className="page-actions">
            {(["xlsx", "csv"] as const).map((format) => (
              <Button
                key={format}
                onClick={() => void download(files.audit(filter, format), `audit-${formatDate(new Date())}.${format}`, format)}
                loading={busy === format}
                data-testid={`audit-export-${format}`}
              >
                {t(format === "xlsx" ? "export.xlsx" : "export.csv")}
              </Button>
            ))}
          </Space>
        }
      />
      <div className="filter-bar" role="search">
        <label>
          <span>{t("audit.actor")}</span>
          <Input.Search
            allowClear
            value={actor}
            onChange={(e) => setActor(e.target.value)}
            onSearch={(value) => update({ actor: value })}
            placeholder={t("audit.actorPlaceholder")}
            style={{ width: 180 }}
            data-testid="audit-actor"
          />
        </label>
        <label>
          <span>{t("audit.entity")}</span>
          <Select
            allowClear
            showSearch
            value={filter.entity ?? undefined}
            placeholder={t("audit.allEntities")}
            options={ENTITIES.map((e) => ({ value: e, label: entityLabel(t, e) }))}
            onChange={(entity?: string) => update({ entity: entity ?? null })}
            style={{ width: 170 }}
            data-testid="audit-entity"
          />
        </label>
        <label>
          <span>{t("audit.action")}</span>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            value={action || undefined}
            onChange={(value?: string) => {
              setAction(value ?? "");
              update({ action: value ?? null });
            }}
            placeholder={t("audit.actionPlaceholder")}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: `${entityLabel(t, a.split(".")[0]!)} · ${actionLabel(t, a)}` }))}
            style={{ width: 190 }}
            popupMatchSelectWidth={false}
            data-testid="audit-action"
          />
        </label>
        <label>
          <span>{t("audit.dates")}</span>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            format={DATE_FORMAT}
            value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
            onChange={(range) => update({ from: range?.[0]?.format(DATE_FORMAT) ?? null, to: range?.[1]?.format(DATE_FORMAT) ?? null })}
            data-testid="audit-dates"
          />
        </label>
        {filterKey && (
          <Button onClick={() => setSearch(new URLSearchParams(), { replace: true })} data-testid="audit-clear">
            {t("audit.clear")}
          </Button>
        )}
      </div>
      <RequestState state={page}>
        {(data) => {
          const older = data.nextCursor;
          return (
          <>
            <Table<AuditListItem>
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              pagination={false}
              size="middle"
              expandable={{
                expandedRowRender: (e) => <AuditRecords id={e.id} />,
                expandRowByClick: true,
              }}
              locale={{ emptyText: <div className="empty-hint">{filterKey ? t("audit.emptyFiltered") : t("audit.empty")}</div> }}
              onRow={(e) => ({ "data-testid": "audit-row", "data-action": e.action, "data-entity-id": e.entityId }) as object}
              data-testid="audit-table"
            />
            <Space className="pager">
              <Button disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="audit-prev">
                {t("audit.newer")}
              </Button>
              <span className="muted">{t("audit.page", { page: cursors.length })}</span>
              <Button disabled={!older} onClick={() => older && setCursors((c) => [...c, older])} data-testid="audit-next">
                {t("audit.older")}
              </Button>
            </Space>
          </>
          );
        }}
      </RequestState>
    </div>
  );
}

/** An opened row: the entry's records before and after, read when it is opened (a page lists entries without them). */
function AuditRecords({ id }: { id: string }) {
  const entry = useApi(api.auditEntry(id));
  return <RequestState state={entry} skeleton={<Skeleton active title={false} paragraph={{ rows: 2 }} />}>{(e) => <AuditDiff before={e.before} after={e.after} />}</RequestState>;
}
