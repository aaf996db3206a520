/**
 * The map's key: the four statuses (colour and border style) with how many segments have
 * each, a bottleneck without local firms, the leader mark, other chains, 补链中 — and,
 * with a 对比日期, the marks of what changed since that day with how many segments have each.
 */
import type { ChainFigures } from "../../../../server/model/api";
import type { ChainChanges } from "../../../../server/model/progress";
import { useI18n } from "../../i18n/I18nProvider";
import type { Palette, StatusStyle } from "../../model/palette";
import { fillingBadgeSvg, sinceBadgeSvg } from "../../model/palette";
import { SINCE_MARKS } from "../../model/since";
import { SEGMENT_STATUSES } from "../../model/status";

function Swatch({ style }: { style: StatusStyle }) {
  return (
    <span
      className="swatch"
      style={{
        background: style.fill,
        borderColor: style.border,
        borderStyle: style.borderStyle,
        borderWidth: style.borderStyle === "double" ? 5 : Math.min(style.borderWidth, 3),
      }}
    />
  );
}

/**
 * With `figures`, each status says how many segments have it (segments by status). With
 * `changes`, the 对比 marks and their counts; `drawnMarksOnly` (a printed sheet, short of
 * room) leaves out the marks no segment carries.
 */
export function Legend({
  palette,
  figures,
  changes,
  drawnMarksOnly = false,
  className,
}: {
  palette: Palette;
  figures?: ChainFigures;
  changes?: ChainChanges | null;
  drawnMarksOnly?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <ul className={`map-legend ${className ?? ""}`} aria-label={t("map.legend")} data-testid="map-legend">
      {SEGMENT_STATUSES.map((status) => (
        <li key={status}>
          <Swatch style={palette.status[status]} />
          {t(`status.${status}`)}
          {figures && <b data-testid={`legend-count-${status}`}> {figures.byStatus[status]}</b>}
        </li>
      ))}
      <li data-testid="legend-bottleneck-without-firms">
        <Swatch style={palette.bottleneckWithoutFirms} />
        {t("status.bottleneckMissing")}
        {figures && <span className="muted" data-testid="legend-count-bottleneck-without-firms">{t("legend.withoutFirms", { count: figures.bottleneckWithoutFirms })}</span>}
      </li>
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
        {figures && <b> {figures.filling}</b>}
      </li>
      {changes &&
        SINCE_MARKS.filter((mark) => !drawnMarksOnly || changes.counts[mark] > 0).map((mark) => (
          <li key={mark} data-testid={`legend-since-${mark}`}>
            <svg width="20" height="20" viewBox="0 0 26 26" aria-hidden="true" dangerouslySetInnerHTML={{ __html: sinceBadgeSvg(palette, mark, 26) }} />
            {t(`mapSince.legend.${mark}`, { date: changes.since.since })}
            <b> {changes.counts[mark]}</b>
          </li>
        ))}
    </ul>
  );
}
