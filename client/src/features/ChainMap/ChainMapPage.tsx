/**
 * 一链一图: one chain of one zone as a layered map, with its side panel, filters, search,
 * export, print and meeting mode. Everything that defines the view is in the URL.
 */
import { App, Button, Dropdown, Segmented, Select, Skeleton, Tooltip } from "antd";
import { useCallback, useMemo, useRef } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { ChainMap } from "../../../../server/model/api";
import { STAGES } from "../../../../server/model/domain";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n, useLaneLabels } from "../../i18n/I18nProvider";
import { buildMapElements } from "../../model/elements";
import type { MapNodeData } from "../../model/elements";
import { toggleExpanded } from "../../model/mapView";
import { MEETING_PALETTE, STANDARD_PALETTE } from "../../model/palette";
import { paths } from "../../model/paths";
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
import { Legend } from "./Legend";
import { MapStats } from "./MapStats";
import { NodeTooltip } from "./NodeTooltip";
import { SegmentPanel } from "./SegmentPanel";
import { useMapExport } from "./useMapExport";
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
  const palette = view.meeting ? MEETING_PALETTE : STANDARD_PALETTE;
  const chainName = locale === "en" ? map.chain.nameEn : map.chain.name;

  const laneLabels = useLaneLabels();
  const expandedKey = view.expanded.join(",");
  const stagesKey = view.stages?.join(",") ?? "*";
  const statusesKey = view.statuses?.join(",") ?? "*";
  const elements = useMemo(
    () =>
      buildMapElements(map, diagnosis, {
        expanded: new Set(view.expanded),
        stages: view.stages && new Set(view.stages),
        statuses: view.statuses && new Set(view.statuses),
        laneLabels,
        chainNames,
        fontSize: palette.fontSize,
      }),
    // The keys stand for the arrays, which are new objects on every URL parse.
    [map, diagnosis, expandedKey, stagesKey, statusesKey, laneLabels, chainNames, palette.fontSize],
  );

  const select = useCallback((id: string | null) => updateView({ selected: id, focus: [] }), [updateView]);
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
  useMeetingKeys(view.meeting, { onStep: stepChain, onLeave: leaveMeeting });

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

  const { exportPng, exportSvg } = useMapExport(map, elements, palette, canvas);

  const renderTooltip = (node: MapNodeData) => <NodeTooltip node={node} chainNames={chainNames} />;
  const canvasElement = (
    <ChainMapCanvas
      ref={canvas}
      elements={elements}
      palette={palette}
      mapKey={`${map.zone.id}/${map.chain.id}/${view.meeting ? "meeting" : "desk"}`}
      selected={view.selected}
      focus={view.focus}
      onSelect={select}
      onToggleExpand={toggleExpand}
      renderTooltip={renderTooltip}
      label={t("map.canvasLabel", { zone: map.zone.shortName, chain: chainName, count: map.segments.length })}
    />
  );

  const stats = <MapStats figures={map.figures} palette={palette} />;

  if (view.meeting) {
    const index = zoneChains.findIndex((c) => c.id === map.chain.id);
    return (
      <div className="meeting" data-testid="meeting-mode">
        <div className="meeting-bar">
          <h1>
            {map.zone.shortName} · {chainName}
          </h1>
          {stats}
          {index >= 0 && zoneChains.length > 1 && (
            <span className="meeting-position">
              {t("meeting.position", { index: index + 1, total: zoneChains.length })} · {t("meeting.step")}
            </span>
          )}
          <Button size="large" onClick={leaveMeeting} data-testid="leave-meeting">
            {t("meeting.leave")}
          </Button>
        </div>
        <div className="meeting-map">{canvasElement}</div>
        <Legend palette={palette} figures={map.figures} className="map-legend-strip large" />
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
        <SearchBox onPick={pickSearchHit} className="map-search" />
        <span className="toolbar-spacer" />
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
      <div className="map-body">
        <div className="map-column">
          <div className="map-main">{map.segments.length === 0 ? <div className="map-empty">{t("map.empty")}</div> : canvasElement}</div>
          {/* Below the map rather than over it: a legend must never hide a segment. */}
          <Legend palette={palette} figures={map.figures} className="map-legend-strip" />
        </div>
        <aside className={`map-panel${!selectedSegment && !externalSelected && panelTab === "gaps" ? " wide" : ""}`} aria-live="polite">
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
              onChanged={onChanged}
              onDeleted={() => {
                select(null);
                onChanged();
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
                <GapPanel zoneId={map.zone.id} chainId={map.chain.id} onSelect={select} onChanged={onChanged} />
              ) : (
                <ChainPanel
                  map={map}
                  diagnosis={diagnosis}
                  onSelect={select}
                  onCreated={(segmentId) => {
                    onChanged();
                    select(segmentId);
                  }}
                  onChanged={onChanged}
                />
              )}
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
