/** The map's headline figures: completeness, missing links, bottlenecks, weak links. */
import { Progress } from "antd";
import type { ChainMap } from "../../../../server/model/api";
import { useI18n } from "../../i18n/I18nProvider";
import { formatPercent } from "../../model/format";
import type { Palette } from "../../model/palette";
import type { SegmentStatus } from "../../model/status";

export function MapStats({ map, counts, palette }: { map: ChainMap; counts: Record<SegmentStatus, number>; palette: Palette }) {
  const { t } = useI18n();
  // 缺链 counts every segment without a local firm, bottleneck or not (DOMAIN: 缺链 = no local firm).
  const missing = map.segments.filter((s) => s.localFirmCount === 0).length;
  return (
    <div className="map-stats" data-testid="map-stats">
      <span className="stat">
        {t("map.completeness")}
        <Progress
          percent={Math.round(map.completeness * 100)}
          size="small"
          strokeColor={palette.status.strong.border}
          style={{ width: 110, margin: "0 8px" }}
          showInfo={false}
        />
        <b>{formatPercent(map.completeness)}</b>
      </span>
      <span className="stat">
        {t("map.missing")} <b>{missing}</b>
      </span>
      <span className="stat">
        {t("map.bottleneck")} <b>{counts.bottleneck}</b>
      </span>
      <span className="stat">
        {t("map.weak")} <b>{counts.weak}</b>
      </span>
    </div>
  );
}
