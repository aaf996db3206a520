/**
 * 项目库: every project of every zone, filtered by zone, chain, status, amount and date
 * (all in the URL, so a filtered register can be sent as a link), sorted, with the count
 * and investment of what the filter selects as the server totals them; exported as the
 * other lists are; added and edited by editors.
 */
import { Button, DatePicker, Input, InputNumber, Select, Space, Table, Tag } from "antd";
import type { TableColumnsType, TableProps } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { PROJECT_STATUSES } from "../../../../server/model/domain";
import type { ProjectDetail, RegisterProject } from "../../../../server/model/progress";
import { api, files } from "../../api/endpoints";
import { getJson } from "../../api/client";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { formatMoney } from "../../model/format";
import { paths } from "../../model/paths";
import { readProjectFilter, writeProjectFilter, type ProjectFilter, type ProjectSort } from "../../model/projectQuery";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";
import { useApiDownload } from "../common/useApiDownload";
import { useChainNames } from "../common/useChainNames";
import { useSourceLabel } from "../common/useSourceLabel";
import { useSession } from "../Session/SessionProvider";
import { ProjectEditor } from "./ProjectEditor";

export const PROJECT_STATUS_COLORS: Record<string, string> = { 洽谈: "default", 签约: "blue", 落地: "cyan", 在建: "geekblue", 试生产: "purple", 投产: "green", 达产: "success" };

export function ProjectsPage() {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const filter = readProjectFilter(search);
  const register = useApi(api.projects(filter));
  const zones = useApi(api.zones());
  const chainNames = useChainNames();
  const source = useSourceLabel();
  const { busy, download } = useApiDownload();
  const [editing, setEditing] = useState<{ project: ProjectDetail | null } | null>(null);

  const setFilter = (change: Partial<ProjectFilter>) => setSearch(writeProjectFilter({ ...filter, ...change }), { replace: true });
  const chainOptions = useMemo(() => {
    const zone = zones.data?.find((z) => z.id === filter.zoneId);
    return zone ? zone.chains.map((c) => ({ value: c.id, label: chainNames.get(c.id) ?? c.name })) : [...chainNames].map(([value, label]) => ({ value, label }));
  }, [zones.data, filter.zoneId, chainNames]);

  const open = async (project: RegisterProject) => setEditing({ project: await getJson(api.project(project.id)) });

  const sorter = (key: ProjectSort) => ({ sorter: true, sortOrder: filter.sort === key ? (filter.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null });
  const columns: TableColumnsType<RegisterProject> = [
    {
      key: "name",
      title: t("projects.name"),
      ...sorter("name"),
      render: (_, p) => (
        <>
          {can.edit ? (
            <a onClick={() => void open(p)} className="firm-name" data-testid={`project-${p.id}`}>
              {p.name}
            </a>
          ) : (
            <span className="firm-name" data-testid={`project-${p.id}`}>
              {p.name}
            </span>
          )}
          <div className="firm-meta">
            <Link to={paths.firm(p.firm.id)}>{p.firm.name}</Link>
          </div>
        </>
      ),
    },
    { key: "zone", title: t("projects.zone"), width: 120, ...sorter("zone"), render: (_, p) => p.zone.name },
    {
      key: "chain",
      title: t("projects.chainSegments"),
      width: 220,
      render: (_, p) =>
        p.chainIds.map((chainId) => (
          <div key={chainId}>
            <Link to={paths.map(p.zone.id, chainId)}>{chainNames.get(chainId) ?? chainId}</Link>
            <span className="firm-meta"> · {p.segments.filter((s) => s.chainId === chainId).map((s) => s.name).join("、")}</span>
          </div>
        )),
    },
    { key: "investment", title: t("projects.investment"), width: 130, align: "right", ...sorter("investment"), render: (_, p) => formatMoney(p.investment, locale) },
    { key: "status", title: t("projects.status"), width: 90, ...sorter("status"), render: (_, p) => <Tag color={PROJECT_STATUS_COLORS[p.status]}>{t(`projectStatus.${p.status}`)}</Tag> },
    {
      key: "dates",
      title: t("projects.dates"),
      width: 170,
      ...sorter("statusOn"),
      render: (_, p) => (
        <div className="firm-meta">
          {PROJECT_STATUSES.filter((s) => p.dates[s]).map((s) => (
            <div key={s}>
              {t(`projectStatus.${s}`)} {p.dates[s]}
            </div>
          ))}
        </div>
      ),
    },
    {
      key: "source",
      title: t("projects.source"),
      width: 200,
      render: (_, p) => (
        <>
          <div className="firm-meta">{source(p.source)}</div>
          {p.origin && (
            <Link to={paths.list(p.origin.listId, p.origin.entryId)} className="firm-meta" data-testid={`project-origin-${p.id}`}>
              {t("projects.fromList", { name: p.origin.listName })}
            </Link>
          )}
        </>
      ),
    },
  ];
  const onTable: TableProps<RegisterProject>["onChange"] = (_p, _f, sort) => {
    const one = Array.isArray(sort) ? sort[0] : sort;
    if (!one?.order || !one.columnKey) return setFilter({ sort: "statusOn", order: "desc" });
    const key = one.columnKey === "dates" ? "statusOn" : (one.columnKey as ProjectSort);
    setFilter({ sort: key, order: one.order === "ascend" ? "asc" : "desc" });
  };

  return (
    <div className="projects-page page">
      <PageHeading
        title={t("projects.title")}
        subtitle={t("projects.subtitle")}
        actions={
          <Space>
            {can.edit && (
              <Button type="primary" onClick={() => setEditing({ project: null })} data-testid="project-new">
                {t("projects.new")}
              </Button>
            )}
            <Button loading={busy === "xlsx"} onClick={() => void download(files.projects(filter, "xlsx"), "项目库.xlsx", "xlsx")} data-testid="projects-export-xlsx">
              {t("export.xlsx")}
            </Button>
            <Button loading={busy === "csv"} onClick={() => void download(files.projects(filter, "csv"), "项目库.csv", "csv")}>
              {t("export.csv")}
            </Button>
          </Space>
        }
      />
      <div className="filter-bar">
        <label>
          <span>{t("lists.zone")}</span>
          <Select allowClear placeholder={t("lists.allZones")} value={filter.zoneId ?? undefined} options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.shortName }))} onChange={(zoneId?: string) => setFilter({ zoneId: zoneId ?? null })} style={{ width: 160 }} data-testid="projects-zone" />
        </label>
        <label>
          <span>{t("lists.chain")}</span>
          <Select allowClear placeholder={t("lists.allChains")} value={filter.chainId ?? undefined} options={chainOptions} onChange={(chainId?: string) => setFilter({ chainId: chainId ?? null })} style={{ width: 160 }} data-testid="projects-chain" />
        </label>
        <label>
          <span>{t("projects.status")}</span>
          <Select mode="multiple" allowClear placeholder={t("projects.allStatuses")} value={filter.statuses} options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))} onChange={(statuses) => setFilter({ statuses })} style={{ minWidth: 180 }} data-testid="projects-status" />
        </label>
        <label>
          <span>{t("projects.investmentWan")}</span>
          <span className="range-inputs">
            <InputNumber min={0} placeholder={t("projects.min")} value={filter.minInvestment} onChange={(v) => setFilter({ minInvestment: typeof v === "number" ? v : null })} style={{ width: 110 }} data-testid="projects-min" />
            –
            <InputNumber min={0} placeholder={t("projects.max")} value={filter.maxInvestment} onChange={(v) => setFilter({ maxInvestment: typeof v === "number" ? v : null })} style={{ width: 110 }} data-testid="projects-max" />
          </span>
        </label>
        <label>
          <span>{t("projects.statusOn")}</span>
          <DatePicker.RangePicker
            value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) => setFilter({ from: range?.[0]?.format("YYYY-MM-DD") ?? null, to: range?.[1]?.format("YYYY-MM-DD") ?? null })}
          />
        </label>
        <Input.Search allowClear placeholder={t("projects.searchPlaceholder")} defaultValue={filter.q} onSearch={(q) => setFilter({ q })} style={{ width: 200 }} data-testid="projects-search" />
      </div>
      <RequestState state={register}>
        {(data) => (
          <>
            <div className="register-totals" data-testid="projects-totals">
              {data.totals.count > 0 && data.totals.withInvestment === 0 ? (
                <b>{t("projects.totalsUnknown", { count: data.totals.count })}</b>
              ) : (
                <>
                  <b>{t("projects.totals", { count: data.totals.count, investment: formatMoney(data.totals.investment, locale) })}</b>
                  {data.totals.withInvestment < data.totals.count && <span className="firm-meta"> {t("projects.unknownInvestment", { count: data.totals.count - data.totals.withInvestment })}</span>}
                </>
              )}
              <span className="register-status-totals">
                {PROJECT_STATUSES.filter((s) => data.byStatus[s].count > 0).map((s) => (
                  <Tag key={s} color={PROJECT_STATUS_COLORS[s]}>
                    {t(`projectStatus.${s}`)} {data.byStatus[s].count}
                  </Tag>
                ))}
              </span>
            </div>
            <Table<RegisterProject>
              rowKey="id"
              columns={columns}
              dataSource={data.items}
              onChange={onTable}
              pagination={data.items.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
              data-testid="projects-table"
              locale={{ emptyText: <div className="empty-hint">{t("projects.empty")}</div> }}
            />
          </>
        )}
      </RequestState>
      <ProjectEditor
        open={editing !== null}
        project={editing?.project ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          register.refresh();
        }}
      />
    </div>
  );
}
