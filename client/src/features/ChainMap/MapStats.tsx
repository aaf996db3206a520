/**
 * The map's headline figures: completeness and the segments by status — the same figure
 * the node colours, the legend and the status filter show (each segment counted once).
 */
import { Progress } from "antd";
import type { ChainFigures } from "../../../../server/model/api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatPercent } from "../../model/format";
import type { Palette } from "../../model/palette";

/** Most urgent first, as people read a chain's troubles. */
const HEADER_ORDER = ["bottleneck", "missing", "weak", "strong"] as const;

export function MapStats({ figures, palette }: { figures: ChainFigures; palette: Palette }) {
  const { t } = useI18n();
  return (
    <div className="map-stats" data-testid="map-stats">
      <span className="stat" title={t("figures.covered", { covered: figures.covered, segments: figures.segments })}>
        {t("map.completeness")}
        <Progress
          percent={Math.round(figures.completeness * 100)}
          size="small"
          strokeColor={palette.status.strong.border}
          style={{ width: 110, margin: "0 8px" }}
          showInfo={false}
        />
        <b data-testid="map-completeness">{formatPercent(figures.completeness)}</b>
      </span>
      <span className="stat stat-group" title={t("figures.byStatusHint", { segments: figures.segments })} data-testid="map-by-status">
        <span className="stat-label">{t("figures.byStatus")}</span>
        {HEADER_ORDER.map((status) => (
          <span key={status} className="stat">
            {t(`status.${status}`)} <b data-testid={`map-count-${status}`}>{figures.byStatus[status]}</b>
          </span>
        ))}
      </span>
    </div>
  );
}
