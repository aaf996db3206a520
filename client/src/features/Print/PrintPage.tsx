/**
 * The print view: one landscape page (A4 or A3) with title, zone, date, summary, the map
 * as vector SVG, the legend and the gap list; with a 对比日期, the marks of what changed
 * since that day, their legend and the since line. Printing to PDF from the browser gives a
 * clean page because nothing else is on it; the controls hide in print.
 */
import { Button, Segmented, Space } from "antd";
import { useMemo } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { ChainMap } from "../../../../server/model/api";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n, useLaneLabels } from "../../i18n/I18nProvider";
import { buildMapElements } from "../../model/elements";
import { formatDate, formatPercent } from "../../model/format";
import { parseMapView } from "../../model/mapView";
import type { MapView } from "../../model/mapView";
import { STANDARD_PALETTE } from "../../model/palette";
import { paths } from "../../model/paths";
import type { Paper } from "../../model/paths";
import { segmentStatuses, statusLabel } from "../../model/status";
import { changesBySegment } from "../../model/since";
import { renderMapSvg } from "../../model/svg";
import { Legend } from "../ChainMap/Legend";
import { SinceLine } from "../ChainMap/SinceLine";
import { RequestState } from "../common/RequestState";
import { useChainNames } from "../common/useChainNames";
import { useElementSize } from "../common/useElementSize";

export function PrintPage() {
  const { zoneId = "", chainId = "" } = useParams();
  const [query] = useSearchParams();
  const map = useApi(api.chainMap(zoneId, chainId));
  const paper: Paper = query.get("paper") === "A3" ? "A3" : "A4";
  const view = useMemo(() => parseMapView(query), [query]);
  return (
    <div className="print-root">
      <RequestState state={map}>{(data) => <PrintSheet map={data} paper={paper} view={view} />}</RequestState>
    </div>
  );
}

function PrintSheet({ map, paper, view }: { map: ChainMap; paper: Paper; view: MapView }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const chainNames = useChainNames();
  const diagnosis = useMemo(() => segmentStatuses(map), [map]);
  const changesState = useApi(view.since ? api.chainChanges(map.zone.id, map.chain.id, view.since) : null);
  const changes = changesState.status === "ready" ? changesState.data : null;
  const f = map.figures;
  const laneLabels = useLaneLabels();
  // The map is laid out for the band the sheet leaves it (to a tenth of its proportions).
  const [mapBand, band] = useElementSize();
  const aspect = band && band.height > 0 ? Math.round((band.width / band.height) * 10) / 10 : null;
  const svg = useMemo(() => {
    if (!aspect) return "";
    const elements = buildMapElements(map, diagnosis, {
      expanded: new Set(view.expanded),
      stages: view.stages && new Set(view.stages),
      statuses: view.statuses && new Set(view.statuses),
      laneLabels,
      chainNames,
      aspect,
      changes: changesBySegment(changes),
    });
    return renderMapSvg(elements, { palette: STANDARD_PALETTE, fluid: true });
  }, [map, diagnosis, view, laneLabels, chainNames, aspect, changes]);

  const chainName = locale === "en" ? map.chain.nameEn : map.chain.name;
  const gaps = map.segments.filter((s) => s.status !== "strong");
  const today = formatDate(new Date());
  const setPaperHref = (next: Paper) => paths.print(map.zone.id, map.chain.id, next, view);

  return (
    <>
      {/* @page cannot be set per element; this sheet is the only page while the view is open. */}
      <style>{`@page { size: ${paper} landscape; margin: 10mm; }`}</style>
      <div className="print-controls">
        <Space wrap>
          <Link to={paths.map(map.zone.id, map.chain.id, { ...view, meeting: false })}>← {t("print.back")}</Link>
          <span>{t("print.paper")}</span>
          <Segmented<Paper>
            value={paper}
            options={["A4", "A3"]}
            onChange={(next) => navigate(setPaperHref(next), { replace: true })}
            data-testid="paper"
          />
          <Button type="primary" onClick={() => window.print()} data-testid="print-now">
            {t("print.print")}
          </Button>
        </Space>
      </div>
      <article className={`print-sheet paper-${paper}`} data-testid="print-sheet">
        <header className="print-header">
          <h1>{t("print.title", { chain: chainName })}</h1>
          <div className="print-meta">
            <span>{t("print.zone", { zone: map.zone.name })}</span>
            <span>{t("print.date", { date: today })}</span>
          </div>
          <div className="print-summary" data-testid="print-summary">
            {t("print.summary", { percent: formatPercent(f.completeness), covered: f.covered, segments: f.segments, ...f.byStatus })}
          </div>
          {changes && <SinceLine changes={changes} className="print-since" />}
        </header>
        <div className="print-map" ref={mapBand} dangerouslySetInnerHTML={{ __html: svg }} data-testid="print-map" />
        <Legend palette={STANDARD_PALETTE} figures={f} changes={changes} className="print-legend" />
        {gaps.length > 0 && (
          <p className="print-gaps">
            <b>
              {t("figures.gapSegments", { count: f.gapSegments })}：
            </b>
            {gaps
              .map((s) => `${s.name}（${statusLabel(t, s.status, s.localFirmCount)}）`)
              .join(locale === "en" ? ", " : "、")}
          </p>
        )}
        <footer className="print-footer">{t("print.footer")}</footer>
      </article>
    </>
  );
}
