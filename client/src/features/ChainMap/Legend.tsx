/** The map's key: the four statuses (colour and border style), the leader mark, other chains. */
import { useI18n } from "../../i18n/I18nProvider";
import type { Palette } from "../../model/palette";
import { fillingBadgeSvg } from "../../model/palette";
import { SEGMENT_STATUSES } from "../../model/status";

export function Legend({ palette, className }: { palette: Palette; className?: string }) {
  const { t } = useI18n();
  return (
    <ul className={`map-legend ${className ?? ""}`} aria-label={t("map.legend")} data-testid="map-legend">
      {SEGMENT_STATUSES.map((status) => {
        const s = palette.status[status];
        return (
          <li key={status}>
            <span
              className="swatch"
              style={{
                background: s.fill,
                borderColor: s.border,
                borderStyle: s.borderStyle,
                borderWidth: s.borderStyle === "double" ? 5 : Math.min(s.borderWidth, 3),
              }}
            />
            {t(`status.${status}`)}
          </li>
        );
      })}
      <li>
        <span className="swatch leader" style={{ outline: `3px solid ${palette.leader.border}`, color: palette.leader.border }}>
          ★
        </span>
        {t("status.leader")}
      </li>
      <li>
        <span className="swatch" style={{ borderStyle: "dashed", borderColor: palette.external.border, background: palette.external.fill }} />
        {t("status.external")}
      </li>
      <li data-testid="legend-filling">
        <svg width="18" height="18" viewBox="0 0 26 26" aria-hidden="true" dangerouslySetInnerHTML={{ __html: fillingBadgeSvg(palette, 26) }} />
        {t("status.filling")}
      </li>
    </ul>
  );
}
