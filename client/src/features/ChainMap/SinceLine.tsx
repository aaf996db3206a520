/**
 * The map's 对比日期 line: what changed since the chosen day, in the sentence the cockpit
 * and the report use, and — when the record it compares with kept no per-segment statuses —
 * what the marks cannot tell.
 */
import type { ChainChanges } from "../../../../server/model/progress";
import { useI18n } from "../../i18n/I18nProvider";
import { sinceSentence } from "../../model/since";

export function SinceLine({ changes, className }: { changes: ChainChanges; className?: string }) {
  const { t, locale } = useI18n();
  const { since, segmentRecord } = changes;
  return (
    <div className={`map-since-line ${className ?? ""}`} data-testid="map-since-line">
      <span>{sinceSentence(since, t, locale)}</span>
      {since.baselineDay && !segmentRecord && (
        <span className="muted" data-testid="map-since-no-record">
          {" · "}
          {t("mapSince.noSegmentRecord", { day: since.baselineDay })}
        </span>
      )}
    </div>
  );
}
