/**
 * 推荐目标: the few best candidate firms elsewhere for a gap segment, each with its score
 * and the one-line reason, as the target ranking computes them.
 */
import { Typography } from "antd";
import { Link } from "react-router";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { formatMoney } from "../../model/format";
import { paths } from "../../model/paths";
import { formatPoints } from "../../model/scoreBar";
import { RequestState } from "../common/RequestState";

const SHOWN = 5;

export function SegmentTargets({ zoneId, chainId, segmentId }: { zoneId: string; chainId: string; segmentId: string }) {
  const { t, locale } = useI18n();
  const ranking = useApi(api.segmentTargets(zoneId, chainId, segmentId, SHOWN));
  return (
    <section data-testid="segment-targets">
      <Typography.Title level={5}>
        {t("panel.targets")}
        {ranking.data?.filters.regionGroupName ? `（${ranking.data.filters.regionGroupName}）` : ""}
      </Typography.Title>
      <RequestState state={ranking}>
        {(data) =>
          data.results.length === 0 ? (
            <Typography.Text type="secondary">{data.targetSegments[0]?.leaderOwn ? t("panel.leaderOwnNoTargets") : t("panel.noTargets")}</Typography.Text>
          ) : (
            <ol className="plain-list target-list">
              {data.results.map((target) => (
                <li key={target.firm.id} className="firm-row">
                  <div className="target-head">
                    <Link to={paths.firm(target.firm.id)} className="firm-name">
                      {target.rank}. {target.firm.name}
                    </Link>
                    <span className="target-score" title={t("panel.targetScore")}>
                      {formatPoints(target.total)}
                    </span>
                  </div>
                  <div className="firm-meta">
                    {target.region}
                    {target.distanceKm != null ? ` · ${Math.round(target.distanceKm)} km` : ""} · {t("panel.capital")} {formatMoney(target.firm.capital, locale)}
                  </div>
                  <div className="firm-meta">{target.reason}</div>
                </li>
              ))}
            </ol>
          )
        }
      </RequestState>
      <Link to={paths.targets(zoneId, chainId, { segment: segmentId })} data-testid="segment-targets-all">
        {t("panel.allTargets")} →
      </Link>
    </section>
  );
}
