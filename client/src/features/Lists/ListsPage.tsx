/**
 * 目标清单: the saved target lists, per zone × chain (filters in the URL), with where each
 * pipeline stands. Lists are made on the targets screen, from a ranking.
 */
import { App, Button, Popconfirm, Select, Space, Table } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import type { TargetListSummary } from "../../../../server/model/api";
import { actions } from "../../api/actions";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { paths } from "../../model/paths";
import { ButtonLink } from "../common/ButtonLink";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";
import { useChainNames } from "../common/useChainNames";
import { useSession } from "../Session/SessionProvider";
import { StatusCounts } from "./StatusCounts";

const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

export function ListsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const zoneParam = search.get("zone");
  const chainParam = search.get("chain");
  const zoneId = zoneParam && ID.test(zoneParam) ? zoneParam : null;
  const chainId = chainParam && ID.test(chainParam) ? chainParam : null;
  const zones = useApi(api.zones());
  const chainNames = useChainNames();
  const lists = useApi(api.lists({ zoneId, chainId }));

  const zoneName = useMemo(() => new Map((zones.data ?? []).map((z) => [z.id, z.shortName])), [zones.data]);
  const zoneChains = zones.data?.find((z) => z.id === zoneId)?.chains ?? [];
  const chainOptions = zoneId
    ? zoneChains.map((c) => ({ value: c.id, label: chainNames.get(c.id) ?? c.name }))
    : [...chainNames].map(([value, label]) => ({ value, label }));

  const setFilter = (zone: string | null, chain: string | null) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of [["zone", zone], ["chain", chain]] as const) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next, { replace: true });
  };

  const remove = async (list: TargetListSummary) => {
    try {
      await actions.deleteList(list.id);
      void message.success(t("lists.deleted", { name: list.name }));
      lists.refresh();
    } catch (error) {
      void message.error(t("action.failed", { reason: (error as Error).message }));
    }
  };

  const allColumns: (TableColumnsType<TargetListSummary>[number] | false)[] = [
    {
      key: "name",
      title: t("lists.name"),
      render: (_, l) => (
        <>
          <Link to={paths.list(l.id)} className="firm-name" data-testid={`list-link-${l.id}`}>
            {l.name}
          </Link>
          {l.note && <div className="firm-meta">{l.note}</div>}
        </>
      ),
    },
    {
      key: "scope",
      title: t("lists.scope"),
      width: 220,
      render: (_, l) => (
        <Link to={paths.map(l.zoneId, l.chainId)}>
          {zoneName.get(l.zoneId) ?? l.zoneId} · {chainNames.get(l.chainId) ?? l.chainId}
        </Link>
      ),
    },
    { key: "count", title: t("lists.entries"), dataIndex: "entryCount", width: 80, align: "right" },
    { key: "pipeline", title: t("lists.pipeline"), width: 420, render: (_, l) => <StatusCounts counts={l.statusCounts} /> },
    {
      key: "created",
      title: t("lists.created"),
      width: 150,
      render: (_, l) => (
        <>
          <div>{l.createdAt.slice(0, 10)}</div>
          <div className="firm-meta">{l.createdBy}</div>
        </>
      ),
    },
    can.edit && {
      key: "actions",
      title: t("common.actions"),
      width: 90,
      render: (_, l) => (
        <Popconfirm title={t("lists.deleteConfirm", { name: l.name })} onConfirm={() => remove(l)} okText={t("common.ok")} cancelText={t("common.cancel")}>
          <Button size="small" danger>
            {t("common.delete")}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  const columns: TableColumnsType<TargetListSummary> = allColumns.filter((c) => c !== false);

  return (
    <div className="lists-page page">
      <PageHeading title={t("lists.title")} subtitle={t("lists.subtitle")} />
      <div className="filter-bar">
        <label>
          <span>{t("lists.zone")}</span>
          <Select
            allowClear
            placeholder={t("lists.allZones")}
            value={zoneId ?? undefined}
            loading={zones.status === "loading"}
            options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.shortName }))}
            onChange={(zone?: string) => setFilter(zone ?? null, zone && zones.data?.find((z) => z.id === zone)?.chains.some((c) => c.id === chainId) ? chainId : null)}
            style={{ width: 180 }}
            data-testid="lists-zone"
          />
        </label>
        <label>
          <span>{t("lists.chain")}</span>
          <Select
            allowClear
            placeholder={t("lists.allChains")}
            value={chainId ?? undefined}
            options={chainOptions}
            onChange={(chain?: string) => setFilter(zoneId, chain ?? null)}
            style={{ width: 180 }}
            data-testid="lists-chain"
          />
        </label>
        <span className="toolbar-spacer" />
        {zoneId && chainId && (
          <Space>
            <ButtonLink type="primary" to={paths.targets(zoneId, chainId)}>
              {t("lists.newFromTargets")}
            </ButtonLink>
            <ButtonLink to={paths.report(zoneId, chainId)}>{t("report.open")}</ButtonLink>
          </Space>
        )}
      </div>
      <RequestState state={lists}>
        {(data) => (
          <Table<TargetListSummary>
            rowKey="id"
            columns={columns}
            dataSource={data}
            pagination={data.length > 20 ? { pageSize: 20 } : false}
            data-testid="lists-table"
            locale={{ emptyText: <div className="empty-hint">{zoneId && chainId ? t("lists.emptyHere") : t("lists.empty")}</div> }}
          />
        )}
      </RequestState>
    </div>
  );
}
