/**
 * 驾驶舱: the screen a leader opens first, for the city or one zone (?zone=), compared with
 * a chosen day (?since=). Each leading chain's completeness and gaps with its trend and
 * what changed, the pipeline funnel, projects by status, new projects, follow-ups due per
 * owner and the latest changes. Type is at least 18 px so a projector at 1280×720 reads
 * it; each chart saves itself as a PNG for slides.
 */
import { DatePicker, Empty, Select, Tag } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { ENTRY_STATUSES, PROJECT_STATUSES } from "../../../../server/model/domain";
import type { Cockpit, CockpitChain, ProjectTotals } from "../../../../server/model/progress";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import type { Translate } from "../../i18n/I18nProvider";
import { formatDateTime, formatMoney, formatPercent } from "../../model/format";
import type { Locale } from "../../model/locale";
import { paths } from "../../model/paths";
import { investmentWords, sinceSentence } from "../../model/since";
import { actionLabel, entityLabel } from "../Audit/auditLabels";
import { completenessTrendOption, EChart, type ChartOption } from "../common/EChart";
import { RequestState } from "../common/RequestState";
import { PROJECT_STATUS_COLORS } from "../Projects/ProjectsPage";

const ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BRAND = "#1f4e8c";
/** Chart text at projector size. */
const CHART_FONT = 18;

export function CockpitPage() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams();
  const zoneParam = search.get("zone");
  const sinceParam = search.get("since");
  const zoneId = zoneParam && ID.test(zoneParam) ? zoneParam : null;
  const since = sinceParam && DAY.test(sinceParam) ? sinceParam : null;
  const zones = useApi(api.zones());
  const cockpit = useApi(api.cockpit(zoneId, since));

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  return (
    <div className="cockpit page" data-testid="cockpit">
      <div className="cockpit-head">
        <h1 className="cockpit-title">{t("cockpit.title")}</h1>
        <Select
          value={zoneId ?? ""}
          options={[{ value: "", label: t("cockpit.city") }, ...(zones.data ?? []).map((z) => ({ value: z.id, label: z.shortName }))]}
          onChange={(value: string) => set("zone", value || null)}
          className="cockpit-select"
          data-testid="cockpit-zone"
        />
        <span className="cockpit-since-label">{t("cockpit.since")}</span>
        <DatePicker
          value={cockpit.data ? dayjs(cockpit.data.since) : since ? dayjs(since) : null}
          allowClear={false}
          onChange={(day) => set("since", day ? day.format("YYYY-MM-DD") : null)}
          className="cockpit-select"
          data-testid="cockpit-since"
        />
      </div>
      <RequestState state={cockpit}>{(data) => <CockpitBody data={data} t={t} locale={locale} />}</RequestState>
    </div>
  );
}

function CockpitBody({ data, t, locale }: { data: Cockpit; t: Translate; locale: Locale }) {
  const scope = data.zone?.name ?? t("cockpit.city");
  const due = data.reminders.reduce((n, o) => n + o.reminders.length, 0);
  const overdue = data.reminders.reduce((n, o) => n + o.reminders.filter((r) => r.overdue).length, 0);
  return (
    <>
      <div className="cockpit-kpis">
        <Kpi label={t("cockpit.projects")} value={t("cockpit.count", { count: data.projects.totals.count })} note={investmentNote(data.projects.totals, t, locale)} testId="kpi-projects" />
        <Kpi label={t("cockpit.newProjects", { date: data.since })} value={t("cockpit.count", { count: data.newProjects.totals.count })} note={investmentNote(data.newProjects.totals, t, locale)} testId="kpi-new" />
        <Kpi label={t("cockpit.followUps")} value={String(due)} note={t("cockpit.overdue", { count: overdue })} testId="kpi-followups" />
      </div>

      <section className="cockpit-section">
        <h2>{t("cockpit.chains")}</h2>
        <div className="cockpit-chains">
          {data.chains.map((c) => (
            <ChainCard key={`${c.zone.id}-${c.chain.id}`} chain={c} showZone={data.zone === null} t={t} locale={locale} />
          ))}
        </div>
      </section>

      <div className="cockpit-charts">
        <section className="cockpit-section">
          <h2>{t("cockpit.funnel")}</h2>
          <FunnelChartView data={data} t={t} locale={locale} scope={scope} />
        </section>
        <section className="cockpit-section">
          <h2>{t("cockpit.byStatus")}</h2>
          <StatusChartView data={data} t={t} locale={locale} scope={scope} />
        </section>
      </div>

      <div className="cockpit-lists">
        <section className="cockpit-section" data-testid="cockpit-reminders">
          <h2>{t("cockpit.reminders")}</h2>
          {data.reminders.length === 0 ? (
            <Empty description={t("cockpit.noReminders")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            data.reminders.map((owner) => (
              <div key={owner.owner} className="cockpit-owner">
                <div className="cockpit-owner-name">{owner.owner || t("cockpit.noOwner")}</div>
                <ul>
                  {owner.reminders.map((r) => (
                    <li key={r.entryId}>
                      <Link to={paths.list(r.listId, r.entryId)}>{r.firm.name}</Link>
                      <span className={r.overdue ? "cockpit-overdue" : "cockpit-due"}> {r.nextContactOn}</span>
                      <span className="cockpit-meta"> · {t(`entry.${r.status}`)} · {r.segmentName}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
        <section className="cockpit-section" data-testid="cockpit-new">
          <h2>{t("cockpit.newList", { date: data.since })}</h2>
          {data.newProjects.items.length === 0 ? (
            <Empty description={t("cockpit.noNew")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <ul>
              {data.newProjects.items.slice(0, 8).map((p) => (
                <li key={p.id}>
                  <Link to={`/projects?zone=${p.zone.id}&q=${encodeURIComponent(p.name)}`}>{p.name}</Link>{" "}
                  <Tag color={PROJECT_STATUS_COLORS[p.status]}>{t(`projectStatus.${p.status}`)}</Tag>
                  <span className="cockpit-meta">{formatMoney(p.investment, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="cockpit-section" data-testid="cockpit-changes">
          <h2>{t("cockpit.changes")}</h2>
          <ul>
            {data.changes.map((c) => (
              <li key={c.at + c.summary}>
                <span className="cockpit-meta">{formatDateTime(c.at)} · {c.actor} · {entityLabel(t, c.action.split(".")[0]!)} · {actionLabel(t, c.action)}</span>
                <div>{c.summary}</div>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

/** The investment of some projects; "unknown" when none of them has a figure (unknown is not nothing). */
function investmentNote(totals: ProjectTotals, t: Translate, locale: Locale): string {
  return investmentWords(totals, t, locale) ?? formatMoney(0, locale);
}

function Kpi({ label, value, note, testId }: { label: string; value: string; note: string; testId: string }) {
  return (
    <div className="cockpit-kpi" data-testid={testId}>
      <div className="cockpit-kpi-label">{label}</div>
      <div className="cockpit-kpi-value">{value}</div>
      <div className="cockpit-kpi-note">{note}</div>
    </div>
  );
}

function ChainCard({ chain, showZone, t, locale }: { chain: CockpitChain; showZone: boolean; t: Translate; locale: Locale }) {
  const f = chain.figures;
  const option = useMemo(() => completenessTrendOption(chain.trend, { lineWidth: 3, inset: { x: 4, y: 6 }, tooltipFont: CHART_FONT }), [chain]);
  return (
    <div className="cockpit-chain" data-testid={`cockpit-chain-${chain.zone.id}-${chain.chain.id}`}>
      <div className="cockpit-chain-head">
        <Link to={paths.map(chain.zone.id, chain.chain.id)} className="cockpit-chain-name">
          {showZone ? `${chain.zone.name} · ` : ""}
          {chain.chain.name}
        </Link>
        <span className="cockpit-percent">{formatPercent(f.completeness)}</span>
      </div>
      <div className="cockpit-chain-figures">
        {t("cockpit.chainFigures", { covered: f.covered, segments: f.segments, gaps: f.gapSegments, filling: f.filling })}
      </div>
      {/* A trend needs two days: before the second, the since line says history starts now. */}
      {chain.trend.length > 1 && <EChart option={option} height={60} label={t("cockpit.trendLabel", { chain: chain.chain.name })} testId={`trend-${chain.zone.id}-${chain.chain.id}`} />}
      <div className="cockpit-since" data-testid="since-line">
        {sinceSentence(chain.since, t, locale)}
      </div>
    </div>
  );
}

function FunnelChartView({ data, t, locale, scope }: { data: Cockpit; t: Translate; locale: Locale; scope: string }) {
  const option = useMemo<ChartOption>(() => {
    const steps = ENTRY_STATUSES.map((s) => data.funnel.find((f) => f.status === s)!);
    return {
      grid: { left: 90, right: 150, top: 8, bottom: 8 },
      xAxis: { type: "value", show: false },
      yAxis: { type: "category", inverse: true, data: steps.map((s) => t(`entry.${s.status}`)), axisLabel: { fontSize: CHART_FONT, color: "#333" }, axisTick: { show: false } },
      tooltip: { trigger: "axis", textStyle: { fontSize: CHART_FONT } },
      series: [
        {
          type: "bar",
          data: steps.map((s) => s.count),
          itemStyle: { color: BRAND },
          barMaxWidth: 26,
          label: {
            show: true,
            position: "right",
            fontSize: CHART_FONT,
            formatter: (p) => {
              const step = steps[p.dataIndex]!;
              return step.withInvestment ? `${step.count} · ${investmentWords(step, t, locale)}` : String(step.count);
            },
          },
        },
      ],
    };
  }, [data, t, locale]);
  return <EChart option={option} height={260} exportName={`${scope}-${t("cockpit.funnel")}`} label={t("cockpit.funnel")} testId="chart-funnel" />;
}

function StatusChartView({ data, t, locale, scope }: { data: Cockpit; t: Translate; locale: Locale; scope: string }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 90, right: 150, top: 8, bottom: 8 },
      xAxis: { type: "value", show: false },
      yAxis: { type: "category", inverse: true, data: PROJECT_STATUSES.map((s) => t(`projectStatus.${s}`)), axisLabel: { fontSize: CHART_FONT, color: "#333" }, axisTick: { show: false } },
      tooltip: { trigger: "axis", textStyle: { fontSize: CHART_FONT } },
      series: [
        {
          type: "bar",
          data: PROJECT_STATUSES.map((s) => data.projects.byStatus[s].count),
          itemStyle: { color: "#2f7d5b" },
          barMaxWidth: 22,
          label: {
            show: true,
            position: "right",
            fontSize: CHART_FONT,
            formatter: (p) => {
              const totals = data.projects.byStatus[PROJECT_STATUSES[p.dataIndex]!];
              return totals.withInvestment ? `${totals.count} · ${investmentWords(totals, t, locale)}` : String(totals.count);
            },
          },
        },
      ],
    }),
    [data, t, locale],
  );
  return <EChart option={option} height={260} exportName={`${scope}-${t("cockpit.byStatus")}`} label={t("cockpit.byStatus")} testId="chart-status" />;
}
