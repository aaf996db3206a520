/**
 * 一链一图 report: one printable landscape page (A3 by default, A4 on request) per zone ×
 * chain — title, zone, date, the map as vector SVG, completeness, the gap table, the top
 * targets and where the pipeline stands; what changed since a chosen day (?since=) in one
 * line beside a small completeness trend, and on the map the marks of each segment that
 * changed since that day (as the map page draws them). Print, or save as PDF, in one click.
 *
 * The sheet is one page tall; the header, legend and tables take what they need and the
 * map the rest, across the page's width, laid out for the proportions of the band it gets.
 * Only a gap table too long for any map to leave it room goes on to a second page (under
 * its repeated header).
 */
import { Button, DatePicker, Segmented, Select, Space } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { ChainReport } from "../../../../server/model/api";
import type { ChainHistory } from "../../../../server/model/progress";
import { ENTRY_STATUSES } from "../../../../server/model/domain";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n, useLaneLabels } from "../../i18n/I18nProvider";
import { buildMapElements } from "../../model/elements";
import { formatCapital, formatDate, formatPercent } from "../../model/format";
import { STATUS_URGENCY, flagUnsaid, gapRows } from "../../model/gaps";
import { STANDARD_PALETTE } from "../../model/palette";
import { paths } from "../../model/paths";
import type { Paper } from "../../model/paths";
import { SIGNED_STATUSES, sumStatusCounts } from "../../model/pipeline";
import { formatPoints } from "../../model/scoreBar";
import { segmentStatuses } from "../../model/status";
import { changesBySegment, sinceSentence } from "../../model/since";
import { skippedLines } from "../../model/skipped";
import { renderMapSvg } from "../../model/svg";
import { Legend } from "../ChainMap/Legend";
import { completenessTrendOption, EChart } from "../common/EChart";
import { RequestState } from "../common/RequestState";
import { StatusTag } from "../common/StatusTag";
import { useChainNames } from "../common/useChainNames";
import { useElementSize } from "../common/useElementSize";

/** The height of a landscape sheet: the report is one page of it. */
const PAPER_HEIGHT_MM: Record<Paper, number> = { A3: 297, A4: 210 };

/** Targets on the page: ten fit beside the gap table on A3. */
const REPORT_TOP = 10;

export function ReportPage() {
  const { zoneId = "", chainId = "" } = useParams();
  const [query] = useSearchParams();
  const paper: Paper = query.get("paper") === "A4" ? "A4" : "A3";
  const sinceParam = query.get("since");
  const since = sinceParam && /^\d{4}-\d{2}-\d{2}$/.test(sinceParam) ? sinceParam : null;
  const scenarioParam = query.get("scenario");
  const scenarioId = scenarioParam && /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(scenarioParam) ? scenarioParam : null;
  const report = useApi(api.report(zoneId, chainId, scenarioId));
  const history = useApi(api.chainHistory(zoneId, chainId, since));
  return (
    <div className="print-root report-root">
      <RequestState state={report}>{(data) => <ReportSheet report={data} paper={paper} history={history.data ?? null} />}</RequestState>
    </div>
  );
}

function ReportSheet({ report, paper, history }: { report: ChainReport; paper: Paper; history: ChainHistory | null }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useSearchParams();
  const chainNames = useChainNames();
  const { map, gaps, targets, lists } = report;
  const scenarios = useApi(api.scenarios(map.zone.id, map.chain.id));
  const diagnosis = useMemo(() => segmentStatuses(map), [map]);
  // The marks compare with the same day as the since line (the history's, default or chosen).
  const changesState = useApi(history ? api.chainChanges(map.zone.id, map.chain.id, history.since.since) : null);
  const changes = changesState.status === "ready" ? changesState.data : null;
  const laneLabels = useLaneLabels();
  const rows = gapRows(gaps);
  // The band the map is left with, measured: its proportions shape the layout (to a tenth,
  // so a pixel more or less does not lay the map out again).
  const [mapBand, band] = useElementSize();
  const aspect = band && band.height > 0 ? Math.round((band.width / band.height) * 10) / 10 : null;
  const svg = useMemo(() => {
    if (!aspect) return "";
    const elements = buildMapElements(map, diagnosis, {
      laneLabels,
      chainNames,
      aspect,
      changes: changesBySegment(changes),
    });
    return renderMapSvg(elements, { palette: STANDARD_PALETTE, fluid: true });
  }, [map, diagnosis, laneLabels, chainNames, aspect, changes]);

  // A sheet taller than its paper (the tables need more than the map can leave) sets its
  // reasons on one line. Measured, not guessed from the row count: reasons vary in length.
  const [sheetRef, sheet] = useElementSize();
  const [dense, setDense] = useState(false);
  useEffect(() => setDense(false), [paper]);
  useEffect(() => {
    if (sheet && sheet.height > (PAPER_HEIGHT_MM[paper] * 96) / 25.4 + 1) setDense(true);
  }, [sheet, paper]);

  const chainName = locale === "en" ? map.chain.nameEn : map.chain.name;
  // The report API is meant to send the top ten; it sends the ranking's default 50 (see REPORT_TOP).
  const top = targets.results.slice(0, REPORT_TOP);
  const pipeline = sumStatusCounts(lists);
  const signed = lists.flatMap((l) => l.entries.filter((e) => SIGNED_STATUSES.includes(e.status)).map((e) => ({ ...e, listName: l.name })));
  const date = formatDate(new Date(report.generatedAt));
  const f = gaps.figures;

  return (
    <>
      <style>{`@page { size: ${paper} landscape; margin: 8mm; }`}</style>
      <div className="print-controls">
        <Space wrap>
          <Link to={paths.map(map.zone.id, map.chain.id)}>← {t("print.back")}</Link>
          <span>{t("print.paper")}</span>
          <Segmented<Paper>
            value={paper}
            options={["A3", "A4"]}
            onChange={(next) => {
              const changed = new URLSearchParams(query);
              if (next === "A3") changed.delete("paper");
              else changed.set("paper", next);
              setQuery(changed, { replace: true });
            }}
            data-testid="report-paper"
          />
          <span>{t("report.scenario")}</span>
          <Select
            value={report.scenario?.id ?? ""}
            onChange={(id: string) => {
              const changed = new URLSearchParams(query);
              if (id) changed.set("scenario", id);
              else changed.delete("scenario");
              setQuery(changed, { replace: true });
            }}
            loading={scenarios.status === "loading"}
            options={[{ value: "", label: t("report.noScenario") }, ...(scenarios.data ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            style={{ minWidth: 160 }}
            popupMatchSelectWidth={false}
            data-testid="report-scenario-choice"
          />
          <span>{t("report.sinceDate")}</span>
          <DatePicker
            value={history ? dayjs(history.since.since) : null}
            allowClear={false}
            onChange={(day) => {
              const next = new URLSearchParams(query);
              if (day) next.set("since", day.format("YYYY-MM-DD"));
              setQuery(next, { replace: true });
            }}
            data-testid="report-since-date"
          />
          <Button type="primary" onClick={() => window.print()} data-testid="report-print">
            {t("print.print")}
          </Button>
          <Link to={paths.targets(map.zone.id, map.chain.id)}>{t("map.targets")}</Link>
          <Link to={paths.lists({ zoneId: map.zone.id, chainId: map.chain.id })}>{t("map.lists")}</Link>
        </Space>
      </div>
      <article ref={sheetRef} className={`report-sheet paper-${paper}${dense ? " dense" : ""}`} data-testid="report-sheet">
        <header className="report-header">
          <div>
            <h1>{t("report.title", { chain: chainName })}</h1>
            <div className="print-meta">
              <span>{t("print.zone", { zone: map.zone.name })}</span>
              <span>{t("print.date", { date })}</span>
              <span>
                {t("panel.leaderFirm")}：{map.leaders.length ? map.leaders.map((l) => l.name).join("、") : t("overview.noLeader")}
              </span>
            </div>
            {history && (
              <div className="report-since" data-testid="report-since">
                {history.trend.length > 1 && <EChart option={completenessTrendOption(history.trend, { lineWidth: 2, inset: { x: 2, y: 3 } })} height={24} label={t("cockpit.trendLabel", { chain: chainName })} />}
                <span>{sinceSentence(history.since, t, locale)}</span>
              </div>
            )}
          </div>
          <div className="report-figures-block">
            <dl className="report-figures" data-testid="report-figures">
              <div className="big">
                <dt>{t("map.completeness")}</dt>
                <dd data-testid="report-completeness">{formatPercent(f.completeness)}</dd>
              </div>
              <div>
                <dt>{t("map.segments")}</dt>
                <dd title={t("figures.covered", { covered: f.covered, segments: f.segments })}>
                  {f.covered}/{f.segments}
                </dd>
              </div>
              {STATUS_URGENCY.map((status) => (
                <div key={status} title={t("figures.byStatusHint", { segments: f.segments })}>
                  <dt>{t(`status.${status}`)}</dt>
                  <dd data-testid={`report-count-${status}`}>{f.byStatus[status]}</dd>
                </div>
              ))}
              <div>
                <dt>{t("status.filling")}</dt>
                <dd data-testid="report-count-filling">{f.filling}</dd>
              </div>
            </dl>
            <p className="report-figure-notes">
              <b>{t("figures.byStatus")}</b>：{t("figures.byStatusHint", { segments: f.segments })}。<b>{t("figures.byKind")}</b>（{t("figures.byKindHint")}）：
              {(["missing", "weak", "bottleneck", "leader-dependency"] as const).map((kind, i) => (
                <span key={kind}>
                  {i > 0 && "、"}
                  {t(`gap.kind.${kind}`)} <b data-testid={`report-kind-${kind}`}>{f.byKind[kind === "leader-dependency" ? "leaderDependency" : kind]}</b>
                </span>
              ))}
            </p>
          </div>
        </header>

        <div className="report-map" ref={mapBand} dangerouslySetInnerHTML={{ __html: svg }} data-testid="report-map" />
        <Legend palette={STANDARD_PALETTE} figures={f} changes={changes} drawnMarksOnly className="print-legend" />

        <div className="report-grid">
          <section className="report-gaps">
            <h2 data-testid="report-gap-heading">{t("report.gaps", { count: f.gapSegments })}</h2>
            {rows.length === 0 ? (
              <p className="muted">{t("gap.none")}</p>
            ) : (
              <table className="report-table" data-testid="report-gap-table">
                <thead>
                  <tr>
                    <th>{t("gap.segment")}</th>
                    <th>{t("report.stage")}</th>
                    <th>{t("panel.status")}</th>
                    <th>{t("report.localFirms")}</th>
                    <th>{t("gap.reasons")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.segmentId}>
                      <td className="nowrap">
                        {row.leaderOperates ? "★ " : ""}
                        {row.name}
                      </td>
                      <td className="nowrap">{t(`stage.${row.stage}`)}</td>
                      <td className="nowrap">
                        <StatusTag status={row.status} localFirmCount={row.localFirmCount} />
                        {row.filling.length > 0 && <span className="filling-mark">＋{t("status.fillingShort")}</span>}
                      </td>
                      <td className="num">{row.localFirmCount}</td>
                      <td>
                        <div className="reason">
                          {[
                            row.coverage,
                            ...row.gaps.map((g) => g.reason),
                            ...(row.flag && flagUnsaid(row) ? [t("panel.flag", { note: row.flag.note, by: row.flag.flaggedBy, date: row.flag.flaggedAt.slice(0, 10) })] : []),
                            ...row.filling.map((p) => t("panel.filling", { project: p.name, firm: p.firmName, status: p.status })),
                          ].join(" ")}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <section className="report-targets">
            <h2>{t("report.targets", { group: targets.filters.regionGroupName ?? (targets.filters.regions.length || targets.filters.area ? t("report.inRegions") : t("report.anywhere")) })}</h2>
            {top.length === 0 ? (
              <p className="muted">{t("panel.noTargets")}</p>
            ) : (
              <table className="report-table" data-testid="report-targets">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t("targets.firm")}</th>
                    <th>{t("targets.region")}</th>
                    <th>{t("targets.capital")}</th>
                    <th>{t("targets.segments")}</th>
                    <th>{t("targets.score")}</th>
                  </tr>
                </thead>
                <tbody>
                  {top.map((r) => (
                    <tr key={r.firm.id}>
                      <td className="num">{r.rank}</td>
                      <td>
                        {r.firm.name}
                        {r.via.length > 0 && <span className="muted">（{t("targets.via", { names: r.via.map((b) => b.name).join("、") })}）</span>}
                        {!r.decisionMaker && <span className="muted">（{t("targets.branch")}）</span>}
                      </td>
                      <td className="nowrap">{shortRegion(r.region)}</td>
                      <td className="num nowrap">{formatCapital(r.firm, locale)}</td>
                      <td>{r.segments.map((s) => s.name).join("、")}</td>
                      <td className="num">{formatPoints(r.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {targets.won.length > 0 && (
              <p className="report-won" data-testid="report-won">
                {t("targets.won", { count: targets.won.length })}
                {targets.won.map((w) => `${w.firm.name}（${w.how.join("；")}）`).join("、")}
              </p>
            )}
          </section>

          <section className="report-pipeline">
            <h2>{t("report.pipeline", { count: lists.length })}</h2>
            <table className="report-table pipeline-table" data-testid="report-pipeline">
              <tbody>
                {ENTRY_STATUSES.map((status) => (
                  <tr key={status}>
                    <th scope="row">{t(`entry.${status}`)}</th>
                    <td className="num">{pipeline[status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {lists.length === 0 && <p className="muted">{t("report.noLists")}</p>}
            {signed.length > 0 && (
              <>
                <h3>{t("report.signed")}</h3>
                <ul className="report-signed">
                  {signed.map((e) => (
                    <li key={e.id}>
                      {e.firm.name} → {e.segmentName}（{t(`entry.${e.status}`)}）
                    </li>
                  ))}
                </ul>
              </>
            )}
            {/* Beside the pipeline, in the column the gap table is taller than: the sheet stays one page. */}
            {report.scenario && <ScenarioBlock scenario={report.scenario} />}
          </section>
        </div>
        <footer className="print-footer">{t("print.footer")}</footer>
      </article>
    </>
  );
}

/**
 * A saved 补链模拟 on the sheet, in a few lines, marked as simulated wherever it is read:
 * the scenario's name, the firms it lands, the gaps they close, completeness before → after,
 * and the firms it left out since they landed or went.
 */
function ScenarioBlock({ scenario }: { scenario: NonNullable<ChainReport["scenario"]> }) {
  const { t } = useI18n();
  // By segment: the sheet has room for names, the simulation page for every gap's kind.
  const segments = [...new Set(scenario.closedGaps.map((g) => g.name))];
  return (
    <div className="report-scenario" data-testid="report-scenario">
      <h3>{t("report.scenarioTitle")}</h3>
      <p>
        <b>「{scenario.name}」</b>
        {t("report.scenarioFirms", { count: scenario.firms.length, names: scenario.firms.map((f) => f.name).join("、") })}
      </p>
      <p>{scenario.closedGaps.length ? t("report.scenarioClosed", { count: scenario.closedGaps.length, segments: segments.length, names: segments.join("、") }) : t("report.scenarioNoneClosed")}</p>
      <p>
        {t("report.scenarioCompleteness", { before: formatPercent(scenario.before.completeness), after: formatPercent(scenario.after.completeness) })}，
        {t("report.scenarioGapSegments", { before: scenario.before.gapSegments, after: scenario.after.gapSegments })}
      </p>
      {skippedLines(scenario.skipped, t).map((line) => (
        <p key={line} data-testid="report-scenario-skipped">
          {line}
        </p>
      ))}
    </div>
  );
}

/** "河北省 唐山市 路北区" → "河北 唐山": enough to place a firm on a crowded sheet. */
function shortRegion(path: string): string {
  const [province = "", city = ""] = path.split(" ");
  const trim = (name: string) => name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, "");
  return [trim(province), city && !/区$|县$/.test(city) ? trim(city) : ""].filter(Boolean).join(" ");
}
