/**
 * 一链一图: one chain of one zone as a layered map, with its side panel, filters, search,
 * 对比日期 (what changed since a day), export, print and meeting mode. Everything that
 * defines the view is in the URL.
 */
import { App, Button, DatePicker, Dropdown, Segmented, Select, Skeleton, Tooltip } from "antd";
import dayjs from "dayjs";
import { useCallback, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { ChainMap } from "../../../../server/model/api";
import { STAGES } from "../../../../server/model/domain";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n, useLaneLabels } from "../../i18n/I18nProvider";
import { buildMapElements, nodeIds } from "../../model/elements";
import type { MapElementOptions, MapNodeData } from "../../model/elements";
import { toggleExpanded } from "../../model/mapView";
import { planMeeting } from "../../model/meeting";
import { MEETING_PALETTE, STANDARD_PALETTE } from "../../model/palette";
import { paths } from "../../model/paths";
import { changesBySegment } from "../../model/since";
import { SEGMENT_STATUSES, segmentStatuses } from "../../model/status";
import { ButtonLink } from "../common/ButtonLink";
import { RequestState } from "../common/RequestState";
import { GapPanel } from "../Gaps/GapPanel";
import { useChainNames } from "../common/useChainNames";
import { SearchBox } from "../Search/SearchBox";
import type { SearchHit } from "../Search/SearchBox";
import { ChainMapCanvas } from "./ChainMapCanvas";
import type { ChainMapCanvasHandle } from "./ChainMapCanvas";
import { ChainPanel } from "./ChainPanel";
import { ExternalPanel } from "./ExternalPanel";
import { FoldedSide } from "./FoldedSide";
import { Legend } from "./Legend";
import { MapStats } from "./MapStats";
import { NodeTooltip } from "./NodeTooltip";
import { SegmentPanel } from "./SegmentPanel";
import { SinceLine } from "./SinceLine";
import { useElementSize } from "../common/useElementSize";
import { useMapExport } from "./useMapExport";
import { usePanelFolded } from "./usePanelFolded";
import { useMapView } from "./useMapView";
import { useMeetingKeys } from "./useMeetingKeys";

export function ChainMapPage() {
  const { zoneId = "", chainId = "" } = useParams();
  const mapState = useApi(api.chainMap(zoneId, chainId));
  return (
    <RequestState state={mapState} skeleton={<MapSkeleton />}>
      {(map) => <ChainMapScreen map={map} onChanged={mapState.refresh} />}
    </RequestState>
  );
}

function MapSkeleton() {
  return (
    <div className="map-skeleton">
      <Skeleton.Input active size="large" style={{ width: 420 }} />
      <div className="map-skeleton-lanes">
        {STAGES.map((stage) => (
          <Skeleton.Node key={stage} active style={{ width: 300, height: 420 }} />
        ))}
      </div>
    </div>
  );
}

type PanelTab = "segments" | "gaps";

function ChainMapScreen({ map, onChanged }: { map: ChainMap; onChanged(): void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery] = useSearchParams();
  const panelTab: PanelTab = query.get("panel") === "gaps" ? "gaps" : "segments";
  const setPanelTab = (tab: PanelTab) =>
    setQuery(
      (current) => {
        const next = new URLSearchParams(current);
        if (tab === "gaps") next.set("panel", "gaps");
        else next.delete("panel");
        return next;
      },
      { replace: true },
    );
  const { message } = App.useApp();
  const [view, updateView] = useMapView();
  const canvas = useRef<ChainMapCanvasHandle>(null);
  const chainNames = useChainNames();
  const zone = useApi(api.zone(map.zone.id));
  const zoneChains = zone.status === "ready" ? [...zone.data.chains].sort((a, b) => a.rank - b.rank) : [];

  const diagnosis = useMemo(() => segmentStatuses(map), [map]);
  // 对比日期: what changed since the day, segment by segment (none asked: no request).
  const changesState = useApi(view.since ? api.chainChanges(map.zone.id, map.chain.id, view.since) : null);
  const changes = changesState.status === "ready" ? changesState.data : null;
  const changeById = useMemo(() => changesBySegment(changes), [changes]);
  const refreshChanges = changesState.refresh;
  const refreshAll = useCallback(() => {
    onChanged();
    refreshChanges();
  }, [onChanged, refreshChanges]);
  const palette = view.meeting ? MEETING_PALETTE : STANDARD_PALETTE;
  const chainName = locale === "en" ? map.chain.nameEn : map.chain.name;

  const laneLabels = useLaneLabels();
  const [mapArea, area] = useElementSize();
  // The layout takes the area's proportions, to a tenth: resizing a little does not redraw the map.
  const aspect = area && area.height > 0 ? Math.round((area.width / area.height) * 10) / 10 : undefined;
  const expandedKey = view.expanded.join(",");
  const stagesKey = view.stages?.join(",") ?? "*";
  const statusesKey = view.statuses?.join(",") ?? "*";
  const baseOptions = useMemo<MapElementOptions>(
    () => ({
      expanded: new Set(view.expanded),
      stages: view.stages && new Set(view.stages),
      statuses: view.statuses && new Set(view.statuses),
      laneLabels,
      chainNames,
      otherChainsLabel: t("status.external"),
      fontSize: palette.fontSize,
      aspect,
      changes: changeById,
    }),
    // The keys stand for the arrays, which are new objects on every URL parse.
    [expandedKey, stagesKey, statusesKey, laneLabels, chainNames, palette.fontSize, aspect, t, changeById],
  );
  // Meeting mode: fold the sides, then split into stage pages, rather than shrink the type.
  const plan = useMemo(
    () =>
      view.meeting && area
        ? planMeeting(
            (foldSides, page) => buildMapElements(map, diagnosis, { ...baseOptions, foldSides, pageStages: page.stages, pageSegments: page.segmentIds }).layout.bounds,
            (stage) => map.segments.filter((s) => s.stage === stage).sort((a, b) => a.position - b.position).map((s) => s.id),
            area,
            palette.fontSize,
          )
        : null,
    [view.meeting, area, map, diagnosis, baseOptions, palette.fontSize],
  );
  const pageCount = plan?.pages.length ?? 1;
  const pageIndex = Math.min(view.page, pageCount) - 1;
  const meetingPage = plan && pageCount > 1 ? plan.pages[pageIndex]! : null;
  const pageStages = meetingPage?.stages ?? null;
  const elements = useMemo(
    () =>
      buildMapElements(map, diagnosis, {
        ...baseOptions,
        foldSides: plan?.foldSides ?? false,
        pageStages,
        pageSegments: meetingPage?.segmentIds ?? null,
        ...(pageStages ? { laneLabels: { ...laneLabels, inputs: t("meeting.fromOffPage"), outputs: t("meeting.toOffPage") } } : {}),
      }),
    [map, diagnosis, baseOptions, plan, meetingPage, pageStages, laneLabels, t],
  );
  const [openFold, setOpenFold] = useState<string | null>(null);
  const [panelFolded, setPanelFolded] = usePanelFolded();

  const select = useCallback(
    (id: string | null) => {
      // A folded side opens as a list; it is no segment to select.
      if (id === nodeIds.foldInputs || id === nodeIds.foldOutputs) return setOpenFold(id);
      updateView({ selected: id, focus: [] });
    },
    [updateView],
  );
  const toggleExpand = useCallback((segmentId: string) => updateView((v) => ({ expanded: toggleExpanded(v, segmentId).expanded })), [updateView]);

  const enterMeeting = () => {
    document.documentElement.requestFullscreen?.().catch(() => undefined);
    updateView({ meeting: true, selected: null, focus: [] }, { push: true });
  };
  const leaveMeeting = useCallback(() => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    updateView({ meeting: false });
  }, [updateView]);
  const stepChain = useCallback(
    (step: 1 | -1) => {
      if (zoneChains.length < 2) return;
      const index = zoneChains.findIndex((c) => c.id === map.chain.id);
      const next = zoneChains[(index + step + zoneChains.length) % zoneChains.length]!;
      navigate(paths.map(map.zone.id, next.id, { meeting: true }));
    },
    [zoneChains, map, navigate],
  );
  const stepPage = useCallback(
    (step: 1 | -1) => {
      const next = pageIndex + 1 + step;
      if (next >= 1 && next <= pageCount) updateView({ page: next });
    },
    [pageIndex, pageCount, updateView],
  );
  useMeetingKeys(view.meeting, { onStep: stepChain, onPage: stepPage, onLeave: leaveMeeting });

  const pickSearchHit = (hit: SearchHit) => {
    if (hit.kind === "segment" && hit.chainId === map.chain.id) return updateView({ selected: hit.id, focus: [hit.id] });
    if (hit.kind === "segment") return navigate(paths.map(map.zone.id, hit.chainId, { selected: hit.id, focus: [hit.id] }));
    if (hit.kind === "chain") return navigate(paths.map(map.zone.id, hit.id));
    const firm = map.firms.find((f) => f.id === hit.id);
    if (!firm) return navigate(paths.firm(hit.id));
    const segmentIds = firm.segments.map((s) => s.segmentId);
    updateView({ selected: segmentIds[0] ?? null, focus: segmentIds });
    void message.info(t("map.searchHit", { name: firm.name }));
  };

  const { exportPng, exportSvg } = useMapExport(map, elements, palette, changes);
  const foldNode = openFold ? elements.nodes.find((n) => n.data.id === openFold) : undefined;
  const foldedSide = foldNode?.data.members && (
    <FoldedSide
      map={map}
      side={openFold === nodeIds.foldInputs ? "inputs" : "outputs"}
      members={foldNode.data.members}
      chainNames={chainNames}
      onClose={() => setOpenFold(null)}
    />
  );

  const renderTooltip = (node: MapNodeData) => <NodeTooltip node={node} chainNames={chainNames} since={view.since} />;
  const canvasElement = (
    <ChainMapCanvas
      ref={canvas}
      elements={elements}
      palette={palette}
      mapKey={`${map.zone.id}/${map.chain.id}/${view.meeting ? `meeting/${pageIndex + 1}` : "desk"}/${aspect ?? ""}`}
      selected={view.selected}
      focus={view.focus}
      onSelect={select}
      onToggleExpand={toggleExpand}
      renderTooltip={renderTooltip}
      label={t("map.canvasLabel", { zone: map.zone.shortName, chain: chainName, count: map.segments.length })}
    />
  );

  const stats = <MapStats figures={map.figures} palette={palette} />;
  const sinceLine = changes && <SinceLine changes={changes} />;

  if (view.meeting) {
    const index = zoneChains.findIndex((c) => c.id === map.chain.id);
    return (
      <div className="meeting" data-testid="meeting-mode">
        <div className="meeting-bar" data-testid="meeting-bar">
          <div className="meeting-title">
            <h1>
              {map.zone.shortName} · {chainName}
            </h1>
            {stats}
            {sinceLine}
          </div>
          <div className="meeting-nav">
            {meetingPage && (
              <span className="meeting-position" data-testid="meeting-page">
                {t("meeting.page", {
                  index: pageIndex + 1,
                  total: pageCount,
                  stages: meetingPage.stages.map((s) => t(`stage.${s}`)).join("、") + (meetingPage.part ? ` (${meetingPage.part.index}/${meetingPage.part.total})` : ""),
                })}{" "}
                · {t("meeting.pageKeys")}
              </span>
            )}
            {index >= 0 && zoneChains.length > 1 && (
              <span className="meeting-position">
                {t("meeting.position", { index: index + 1, total: zoneChains.length })} · {t("meeting.step")}
              </span>
            )}
            <Button size="large" onClick={leaveMeeting} data-testid="leave-meeting">
              {t("meeting.leave")}
            </Button>
          </div>
        </div>
        {/* Drawn once the area is measured: the layout depends on its size. */}
        <div className="meeting-map" ref={mapArea}>
          {area && canvasElement}
        </div>
        <Legend palette={palette} figures={map.figures} changes={changes} className="map-legend-strip large" />
        {foldedSide}
      </div>
    );
  }

  const selectedSegment = map.segments.find((s) => s.id === view.selected);
  const externalSelected = view.selected?.includes(":") ? view.selected : null;
  return (
    <div className="map-page">
      <div className="map-header">
        <nav className="map-title" aria-label={t("app.home")}>
          <Link to={paths.overview()}>{t("app.home")}</Link>
          <span className="separator">/</span>
          <span>{map.zone.shortName}</span>
          <span className="separator">/</span>
          {zoneChains.length > 1 ? (
            <Select
              value={map.chain.id}
              variant="borderless"
              className="chain-switch"
              aria-label={t("map.zoneChains")}
              options={zoneChains.map((c) => ({ value: c.id, label: chainNames.get(c.id) ?? c.name }))}
              onChange={(id: string) => navigate(paths.map(map.zone.id, id))}
              data-testid="chain-switch"
              popupMatchSelectWidth={false}
            />
          ) : (
            <span className="current">{chainName}</span>
          )}
        </nav>
        {stats}
      </div>
      {sinceLine}
      <div className="map-toolbar" role="toolbar">
        <Select
          mode="multiple"
          allowClear
          placeholder={t("map.filterStage")}
          aria-label={t("map.filterStage")}
          value={view.stages ?? []}
          options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          onChange={(stages) => updateView({ stages: stages.length ? stages : null })}
          className="filter"
          data-testid="filter-stage"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t("map.filterStatus")}
          aria-label={t("map.filterStatus")}
          value={view.statuses ?? []}
          // Each option says how many segments it would show: segments by status, as the header.
          options={SEGMENT_STATUSES.map((s) => ({ value: s, label: `${t(`status.${s}`)} ${map.figures.byStatus[s]}` }))}
          onChange={(statuses) => updateView({ statuses: statuses.length ? statuses : null })}
          className="filter"
          data-testid="filter-status"
        />
        <Tooltip title={t("mapSince.hint")}>
          <DatePicker
            value={view.since ? dayjs(view.since) : null}
            placeholder={t("mapSince.label")}
            aria-label={t("mapSince.label")}
            prefix={<span className="since-picker-label">{t("mapSince.short")}</span>}
            onChange={(day) => updateView({ since: day ? day.format("YYYY-MM-DD") : null })}
            disabledDate={(day) => day.isAfter(dayjs(), "day")}
            className="since-picker"
            data-testid="map-since"
          />
        </Tooltip>
        <SearchBox onPick={pickSearchHit} className="map-search" />
        <div className="map-actions">
          <Tooltip title={t("map.hint")}>
            <Button onClick={() => canvas.current?.fit()}>{t("map.fit")}</Button>
          </Tooltip>
          <Dropdown
            menu={{
              items: [
                { key: "png", label: <span data-testid="export-png">{t("map.exportPng")}</span>, onClick: () => void exportPng() },
                { key: "svg", label: <span data-testid="export-svg">{t("map.exportSvg")}</span>, onClick: exportSvg },
              ],
            }}
          >
            <Button data-testid="export">{t("map.export")} ▾</Button>
          </Dropdown>
          <ButtonLink to={paths.targets(map.zone.id, map.chain.id)} data-testid="open-targets">
            {t("map.targets")}
          </ButtonLink>
          <ButtonLink to={paths.lists({ zoneId: map.zone.id, chainId: map.chain.id })} data-testid="open-lists">
            {t("map.lists")}
          </ButtonLink>
          <ButtonLink to={paths.report(map.zone.id, map.chain.id)} data-testid="open-report">
            {t("map.report")}
          </ButtonLink>
          <Button onClick={() => navigate(paths.print(map.zone.id, map.chain.id, "A4", view))} data-testid="print">
            {t("map.print")}
          </Button>
          <Button type="primary" onClick={enterMeeting} data-testid="enter-meeting">
            {t("map.meeting")}
          </Button>
        </div>
      </div>
      <div className="map-body">
        <div className="map-column">
          <div className="map-main" ref={mapArea}>
            {map.segments.length === 0 ? <div className="map-empty">{t("map.empty")}</div> : area && canvasElement}
          </div>
          {/* Below the map rather than over it: a legend must never hide a segment. */}
          <Legend palette={palette} figures={map.figures} changes={changes} className="map-legend-strip" />
        </div>
        {panelFolded ? (
          <div className="map-panel-folded">
            <Tooltip title={t("panel.unfold")} placement="left">
              <Button type="text" onClick={() => setPanelFolded(false)} aria-label={t("panel.unfold")} data-testid="panel-unfold">
                «
              </Button>
            </Tooltip>
          </div>
        ) : (
        <aside className={`map-panel${!selectedSegment && !externalSelected && panelTab === "gaps" ? " wide" : ""}`} aria-live="polite" data-testid="map-panel">
          <Tooltip title={t("panel.fold")} placement="left">
            <Button type="text" className="panel-fold" onClick={() => setPanelFolded(true)} aria-label={t("panel.fold")} data-testid="panel-fold">
              »
            </Button>
          </Tooltip>
          {(selectedSegment || externalSelected) && (
            <Button type="text" className="panel-close" onClick={() => select(null)} aria-label={t("panel.close")} data-testid="panel-close">
              ✕
            </Button>
          )}
          {selectedSegment ? (
            <SegmentPanel
              map={map}
              segment={selectedSegment}
              diagnosis={diagnosis.get(selectedSegment.id)!}
              expanded={view.expanded.includes(selectedSegment.id)}
              onToggleExpand={() => toggleExpand(selectedSegment.id)}
              onChanged={refreshAll}
              onDeleted={() => {
                select(null);
                refreshAll();
              }}
              chainNames={chainNames}
            />
          ) : externalSelected ? (
            <ExternalPanel map={map} nodeId={externalSelected} chainNames={chainNames} />
          ) : (
            <>
              <Segmented<PanelTab>
                block
                className="panel-tabs"
                value={panelTab}
                onChange={setPanelTab}
                options={[
                  { value: "segments", label: <span data-testid="panel-tab-segments">{t("panel.tabSegments")}</span> },
                  { value: "gaps", label: <span data-testid="panel-tab-gaps">{t("panel.tabGaps")}</span> },
                ]}
              />
              {panelTab === "gaps" ? (
                <GapPanel zoneId={map.zone.id} chainId={map.chain.id} onSelect={select} onChanged={refreshAll} />
              ) : (
                <ChainPanel
                  map={map}
                  diagnosis={diagnosis}
                  onSelect={select}
                  onCreated={(segmentId) => {
                    refreshAll();
                    select(segmentId);
                  }}
                  onChanged={refreshAll}
                />
              )}
            </>
          )}
        </aside>
        )}
      </div>
      {foldedSide}
    </div>
  );
}
