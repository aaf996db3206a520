/**
 * One target list as a pipeline board: move targets from 待接触 to 已落地, open one to
 * edit its owner, next contact and notes and see its history, add a firm by hand,
 * export the list. An entry that reaches 已签约 becomes a project: the map shows its
 * segment as being filled.
 */
import { App, Button, Popconfirm, Space, Tag, Typography } from "antd";
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import type { ListEntry, TargetListDetail } from "../../../../server/model/api";
import type { EntryStatus } from "../../../../server/model/domain";
import { actions } from "../../api/actions";
import { api, files } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { withinArea } from "../../model/geoMap";
import { paths } from "../../model/paths";
import { SIGNED_STATUSES, countByStatus, moveEntry, replaceEntry } from "../../model/pipeline";
import { ButtonLink } from "../common/ButtonLink";
import { PageCrumbs } from "../common/PageCrumbs";
import { RequestState } from "../common/RequestState";
import { useApiDownload } from "../common/useApiDownload";
import { useChainNames } from "../common/useChainNames";
import { useSession } from "../Session/SessionProvider";
import { AddEntryDialog } from "./AddEntryDialog";
import { EntryDrawer } from "./EntryDrawer";
import { PipelineBoard } from "./PipelineBoard";
import { StatusCounts } from "./StatusCounts";
import { useEntryChange } from "./useEntryChange";

// 招商地图 and its outlines load the first time the map is opened.
const GeoMapPanel = lazy(() => import("../TargetMap/GeoMapPanel").then((m) => ({ default: m.GeoMapPanel })));

export function ListPage() {
  const { listId = "" } = useParams();
  const list = useApi(api.list(listId));
  return (
    <div className="list-page page">
      <RequestState state={list}>{(data) => <ListBoard list={data} reload={list.refresh} />}</RequestState>
    </div>
  );
}

function ListBoard({ list, reload }: { list: TargetListDetail; reload(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [entries, setEntries] = useState<ListEntry[]>(list.entries);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [adding, setAdding] = useState(false);
  const { busy: downloading, download } = useApiDownload();
  const change = useEntryChange(list.id, reload);
  const chainNames = useChainNames();
  const { can } = useSession();
  const chain = { ...list.chain, name: chainNames.get(list.chain.id) ?? list.chain.name };

  // A reload (after a conflict, or a change elsewhere) replaces the local copy.
  useEffect(() => setEntries(list.entries), [list]);

  const openId = search.get("entry");
  const open = entries.find((e) => e.id === openId) ?? null;
  const setOpen = useCallback(
    (entry: ListEntry | null) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          if (entry) next.set("entry", entry.id);
          else next.delete("entry");
          return next;
        },
        { replace: !entry },
      ),
    [setSearch],
  );

  // 招商地图: map=1 shows it (map=meeting fills the screen); area= narrows the board to a region.
  const mapMode = search.get("map");
  const areaParam = search.get("area");
  const area = areaParam && /^\d{6}$/.test(areaParam) ? areaParam : null;
  const setParam = (key: string, value: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const revision = `${entries.length}-${entries.reduce((sum, e) => sum + e.version, 0)}`;
  const shownEntries = useMemo(() => entries.filter((e) => withinArea(e.firm.regionCode, area)), [entries, area]);

  const mark = (id: string, on: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const move = async (entry: ListEntry, status: EntryStatus) => {
    const before = entries;
    setEntries((current) => moveEntry(current, entry.id, status));
    mark(entry.id, true);
    const outcome = await change(entry, { status, note: "" });
    mark(entry.id, false);
    if (outcome?.ok) {
      setEntries((current) => replaceEntry(current, outcome.entry));
      if (SIGNED_STATUSES.includes(status) && !SIGNED_STATUSES.includes(entry.status))
        void message.success({
          content: (
            <span data-testid="signed-message">
              {t("board.signed", { firm: entry.firm.name, segment: entry.segmentName })}{" "}
              <a href={paths.map(list.zoneId, list.chainId, { selected: entry.segmentId, focus: [entry.segmentId] })} onClick={(e) => {
                e.preventDefault();
                navigate(paths.map(list.zoneId, list.chainId, { selected: entry.segmentId, focus: [entry.segmentId] }));
              }}>
                {t("board.seeOnMap")}
              </a>
            </span>
          ),
          duration: 6,
        });
      else void message.success(t("board.moved", { firm: entry.firm.name, status: t(`entry.${status}`) }));
    } else if (outcome === null || !outcome.conflict) setEntries(before);
  };

  const save = async (entry: ListEntry, patch: Parameters<typeof change>[1]) => {
    const outcome = await change(entry, patch);
    if (outcome && !outcome.ok && outcome.conflict) return "conflict" as const;
    if (!outcome?.ok) return false;
    setEntries((current) => replaceEntry(current, outcome.entry));
    void message.success(t("entry.saved", { firm: entry.firm.name }));
    return true;
  };

  const removeEntry = async (entry: ListEntry) => {
    try {
      await actions.deleteEntry(list.id, entry.id);
      setEntries((current) => current.filter((e) => e.id !== entry.id));
      setOpen(null);
      void message.success(t("entry.deleted", { firm: entry.firm.name }));
    } catch (error) {
      void message.error(t("action.failed", { reason: (error as Error).message }));
    }
  };

  const removeList = async () => {
    try {
      await actions.deleteList(list.id);
      void message.success(t("lists.deleted", { name: list.name }));
      navigate(paths.lists({ zoneId: list.zoneId, chainId: list.chainId }));
    } catch (error) {
      void message.error(t("action.failed", { reason: (error as Error).message }));
    }
  };

  const counts = useMemo(() => countByStatus(entries), [entries]);

  return (
    <>
      <PageCrumbs zone={list.zone} chain={chain} current={list.name} />
      <div className="page-head">
        <div>
          <Typography.Title level={2} className="page-title" data-testid="list-title">
            {list.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t("lists.meta", { zone: list.zone.shortName, chain: chain.name, by: list.createdBy, date: list.createdAt.slice(0, 10), count: entries.length })}
          </Typography.Text>
          {list.note && <Typography.Paragraph>{list.note}</Typography.Paragraph>}
        </div>
        <Space wrap className="page-actions">
          {can.edit && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="add-entry">
              + {t("addEntry.title")}
            </Button>
          )}
          <Button onClick={() => void download(files.list(list.id, "xlsx"), `${list.name}.xlsx`, "xlsx")} loading={downloading === "xlsx"} data-testid="export-list-xlsx">
            {t("export.xlsx")}
          </Button>
          <Button onClick={() => void download(files.list(list.id, "csv"), `${list.name}.csv`, "csv")} loading={downloading === "csv"} data-testid="export-list-csv">
            {t("export.csv")}
          </Button>
          <Button type={mapMode ? "primary" : "default"} ghost={!!mapMode} onClick={() => setParam("map", mapMode ? null : "1")} data-testid="toggle-geo-map">
            {mapMode ? t("geo.hide") : t("geo.show")}
          </Button>
          <ButtonLink to={paths.map(list.zoneId, list.chainId)}>{t("lists.openMap")}</ButtonLink>
          <ButtonLink to={paths.report(list.zoneId, list.chainId)}>{t("report.open")}</ButtonLink>
          {can.edit && (
            <Popconfirm title={t("lists.deleteConfirm", { name: list.name })} onConfirm={removeList} okText={t("common.ok")} cancelText={t("common.cancel")}>
              <Button danger>{t("lists.delete")}</Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      <StatusCounts counts={counts} testId="list-status-counts" />
      {mapMode && (
        <Suspense fallback={<div className="geo-panel geo-loading">{t("request.loading")}</div>}>
          <GeoMapPanel
            request={api.listGeography(list.id, area, revision)}
            onArea={(code) => setParam("area", code)}
            meeting={mapMode === "meeting"}
            onMeeting={(on) => setParam("map", on ? "meeting" : "1")}
            exportName={`${list.name}-${t("geo.show")}`}
          />
        </Suspense>
      )}
      {area && (
        <Tag closable onClose={() => setParam("area", null)} className="geo-area-tag" data-testid="filter-area">
          {t("geo.areaFilter", { name: shownEntries[0]?.region.split(" ").slice(0, area.endsWith("0000") ? 1 : 2).join(" ") ?? area })}
        </Tag>
      )}
      <Typography.Paragraph type="secondary" className="board-hint">
        {can.edit ? t("board.hint") : t("auth.readOnly")}
      </Typography.Paragraph>
      {entries.length === 0 ? (
        <div className="empty-hint" data-testid="list-empty">
          {t("board.empty")}
        </div>
      ) : (
        <PipelineBoard entries={shownEntries} busy={busy} onMove={(entry, status) => void move(entry, status)} onOpen={setOpen} />
      )}
      <EntryDrawer entry={open} onClose={() => setOpen(null)} onSave={save} onDelete={removeEntry} />
      <AddEntryDialog
        open={adding}
        list={list}
        onClose={() => setAdding(false)}
        onAdded={(updated) => {
          setAdding(false);
          setEntries(updated.entries);
          void message.success(t("addEntry.added"));
        }}
      />
    </>
  );
}
