/**
 * A target's total as a bar split into the points each component adds, with the full
 * breakdown (value, weight, points) a click or hover away: a list is only trusted when
 * each score shows its parts.
 */
import { Popover } from "antd";
import type { TargetResult } from "../../../../server/model/api";
import { SCORE_COMPONENTS } from "../../../../server/model/domain";
import { useI18n } from "../../i18n/I18nProvider";
import { SCORE_COLORS, formatPoints, scoreBasis, scoreBreakdown, scoreParts } from "../../model/scoreBar";

type Scored = Pick<TargetResult, "components" | "weights" | "contributions" | "total" | "firm" | "dataNote" | "segments" | "ties" | "region" | "distanceKm">;

export function ScoreBar({ result }: { result: Scored }) {
  const { t } = useI18n();
  const parts = scoreParts(result.contributions);
  return (
    <Popover
      trigger={["hover", "click"]}
      placement="left"
      title={t("score.breakdownTitle", { firm: result.firm.name })}
      content={<ScoreBreakdown result={result} />}
    >
      <button type="button" className="score-cell" aria-label={t("score.openBreakdown", { total: formatPoints(result.total) })} data-testid={`score-${result.firm.id}`}>
        <span className="score-total">{formatPoints(result.total)}</span>

        <span className="score-bar" aria-hidden="true">
          {parts.map((part) => (
            <span
              key={part.component}
              className="score-part"
              style={{ left: `${part.offset}%`, width: `${part.width}%`, background: part.color }}
              data-component={part.component}
            />
          ))}
        </span>
        {result.dataNote && (
          <>
            <span className="score-break" />
            <span className="score-incomplete" data-testid={`score-incomplete-${result.firm.id}`}>
              {t("score.incomplete")}
            </span>
          </>
        )}
      </button>
    </Popover>
  );
}

export function ScoreBreakdown({ result }: { result: Scored }) {
  const { t, locale } = useI18n();
  const rows = scoreBreakdown(result);
  const basis = scoreBasis(result, t, locale);
  return (
    <>
    {result.dataNote && <p className="score-data-note" data-testid="score-data-note">{result.dataNote}</p>}
    <table className="score-breakdown" data-testid="score-breakdown">
      <thead>
        <tr>
          <th scope="col">{t("score.component")}</th>
          <th scope="col">{t("score.value")}</th>
          <th scope="col">{t("score.weight")}</th>
          <th scope="col">{t("score.points")}</th>
          <th scope="col">{t("score.basis")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.component}>
            <th scope="row">
              <span className="score-swatch" style={{ background: SCORE_COLORS[row.component] }} />
              {t(`score.${row.component}`)}
            </th>
            <td>{row.value === null ? <span className="muted">{t("score.unknown")}</span> : `${Math.round(row.value * 100)}%`}</td>
            <td title={row.value === null ? t("score.leftOut") : t("score.weightShare", { share: Math.round(row.weightShare * 100) })}>
              {formatPoints(row.weight)} <span className="muted">({row.value === null ? t("score.notCounted") : `${Math.round(row.weightShare * 100)}%`})</span>
            </td>
            <td>{row.points === null ? "—" : formatPoints(row.points)}</td>
            <td className="score-basis" data-testid={`score-basis-${row.component}`}>{basis[row.component]}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("score.total")}</th>
          <td />
          <td />
          <td>
            <b>{formatPoints(result.total)}</b>
          </td>
          <td />
        </tr>
      </tfoot>
    </table>
    </>
  );
}

/** The colours of the bar, once above the table, and the rule the rows are ordered by. */
export function ScoreLegend() {
  const { t } = useI18n();
  return (
    <>
      <ul className="score-legend" aria-label={t("score.legend")}>
        {SCORE_COMPONENTS.map((component) => (
          <li key={component}>
            <span className="score-swatch" style={{ background: SCORE_COLORS[component] }} />
            {t(`score.${component}`)}
          </li>
        ))}
      </ul>
      <p className="muted score-order" data-testid="score-order">
        {t("score.order")}
      </p>
    </>
  );
}
