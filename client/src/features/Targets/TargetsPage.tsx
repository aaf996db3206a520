/**
 * 招商目标: the ranked candidate firms for a zone × chain, with the filters teams use
 * (segment, 京津冀 or other regions, tags, capital, weight profile) in the URL; every
 * score split into its parts with the reason; pick rows (or the first N) into a target
 * list, or export the ranking as it stands.
 */
import { Alert, Button, InputNumber, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { Suspense, lazy, useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { RankedTargets, TargetRanking, WonFirm } from "../../../../server/model/api";
import { FIRM_TAGS } from "../../../../server/model/domain";
import type { FirmTag } from "../../../../server/model/domain";
import { api, files } from "../../api/endpoints";
import type { ExportFormat } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { formatCapital } from "../../model/format";
import { picksOf } from "../../model/listBatch";
import { paths } from "../../model/paths";
import { LIMIT_CHOICES, listFilters } from "../../model/targetQuery";
import type { TargetOrder } from "../../model/targetQuery";
import { ButtonLink } from "../common/ButtonLink";
import { PageCrumbs } from "../common/PageCrumbs";
import { RequestError } from "../common/RequestState";
import { StatusTag } from "../common/StatusTag";
import { regionGroupsFor } from "../../model/regionGroups";
import { statusLabel } from "../../model/status";
import { useApiDownload } from "../common/useApiDownload";
import { useChainNames } from "../common/useChainNames";
import { useSession } from "../Session/SessionProvider";
import { AddToListDialog } from "./AddToListDialog";
import { SaveListDialog } from "./SaveListDialog";
import { ScoreBar, ScoreLegend } from "./ScoreBar";
import { useTargetQuery } from "./useTargetQuery";

// 招商地图 and its outlines load the first time the map is opened: the table alone does not pay for them.
const GeoMapPanel = lazy(() => import("../TargetMap/GeoMapPanel").then((m) => ({ default: m.GeoMapPanel })));

export function TargetsPage() {
  const { zoneId = "", chainId = "" } = useParams();
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [query, update] = useTargetQuery();
  const ranking = useApi(api.targets(zoneId, chainId, query));
  // 招商地图 beside the table: map=1 shows it, map=meeting fills the screen.
  const [search, setSearch] = useSearchParams();
  const mapMode = search.get("map");
  const setMapMode = (mode: "1" | "meeting" | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (mode) next.set("map", mode);
        else next.delete("map");
        return next;
      },
      { replace: true },
    );
  // Keep the last table on screen while a new filter loads, instead of a blank skeleton.
  const last = useRef<RankedTargets | null>(null);
  if (ranking.status === "ready") last.current = ranking.data;
  const shown = ranking.data ?? (last.current?.zone.id === zoneId && last.current.chain.id === chainId ? last.current : null);

  const gaps = useApi(api.chainGaps(zoneId, chainId));
  const groups = useApi(api.regionGroups());
  const provinces = useApi(api.regions("province"));
  const cities = useApi(api.regions("city"));
  const profiles = useApi(api.profiles());
  const [selected, setSelected] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [adding, setAdding] = useState(false);
  const { busy, download } = useApiDownload();

  const regionOptions = useMemo(() => {
    const provinceName = new Map((provinces.data ?? []).map((p) => [p.code, p.name]));
    return [
      { label: t("targets.provinces"), options: (provinces.data ?? []).map((p) => ({ value: p.code, label: p.name })) },
      {
        label: t("targets.cities"),
        options: (cities.data ?? []).map((c) => ({ value: c.code, label: `${c.name}${c.parentCode ? ` · ${provinceName.get(c.parentCode) ?? ""}` : ""}` })),
      },
    ];
  }, [provinces.data, cities.data, t]);

  // The picked rows still in the ranking shown (a new filter may have dropped some).
  const picks = useMemo(() => picksOf(shown?.results ?? [], selected), [shown, selected]);

  const chainNames = useChainNames();
  const segmentFirms = useMemo(() => new Map((gaps.data?.segments ?? []).map((s) => [s.segmentId, s.localFirmCount])), [gaps.data]);
  const zone = shown?.zone ?? gaps.data?.zone ?? null;
  const rankedChain = shown?.chain ?? gaps.data?.chain ?? null;
  // The chain's name in the interface language (the ranking carries the Chinese one).
  const chain = rankedChain && { ...rankedChain, name: chainNames.get(rankedChain.id) ?? rankedChain.name };
  const exportFile = (format: ExportFormat) =>
    download(files.targets(zoneId, chainId, query, format), `${zone?.shortName ?? zoneId}-${chain?.name ?? chainId}-targets.${format}`, format);

  const navigate = useNavigate();
  const simulate = (firmIds: string[]) => void navigate(paths.simulation(zoneId, chainId, firmIds));
  const percent = (x: number) => `${Math.round(x * 100)}%`;

  const columns: TableColumnsType<RankedResult> = [
    { key: "rank", title: t("targets.rank"), dataIndex: "rank", width: 56, align: "right" },
    {
      key: "firm",
      title: t("targets.firm"),
      width: 230,
      render: (_, r) => (
        <>
          <Link to={paths.firm(r.firm.id)} className="firm-name" data-testid={`target-firm-${r.firm.id}`}>
            {r.firm.name}
          </Link>
          {r.firm.sample && (
            <Tooltip title={t("firm.sample")}>
              <Tag className="sample-tag">{t("targets.sample")}</Tag>
            </Tooltip>
          )}
          {r.firm.standing === "suspended" && (
            <Tooltip title={t("firm.suspendedNote", { text: t("firm.standing.suspended") })}>
              <Tag color="volcano" data-testid={`target-suspended-${r.firm.id}`}>
                {t("targets.suspended")}
              </Tag>
            </Tooltip>
          )}
          {!r.decisionMaker && (
            <Tooltip title={t("targets.branchHint")}>
              <Tag color="orange" data-testid={`target-branch-${r.firm.id}`}>
                {t("targets.branch")}
              </Tag>
            </Tooltip>
          )}
          {r.via.length > 0 && (
            <div className="firm-meta" data-testid={`target-via-${r.firm.id}`}>
              {t("targets.via", { names: r.via.map((b) => b.name).join("、") })}
            </div>
          )}
          {r.firm.tags.length > 0 && (
            <div className="tag-row">
              {r.firm.tags.map((tag) => (
                <Tag key={tag} color="blue">
                  {tag}
                </Tag>
              ))}
            </div>
          )}
          {r.ties.length > 0 && (
            <div className="firm-meta">
              {t("targets.ties", { names: [...new Set(r.ties.map((tie) => `${tie.isLeader ? "★" : ""}${tie.localName}`))].join("、") })}
            </div>
          )}
        </>
      ),
    },
    {
      key: "region",
      title: t("targets.region"),
      width: 150,
      render: (_, r) => (
        <>
          <div>{r.region}</div>
          <div className="firm-meta">{r.distanceKm != null ? t("targets.distance", { km: Math.round(r.distanceKm) }) : t("targets.noDistance")}</div>
        </>
      ),
    },
    {
      key: "capital",
      title: t("targets.capital"),
      width: 104,
      align: "right",
      render: (_, r) => <span data-testid={`target-capital-${r.firm.id}`}>{formatCapital(r.firm, locale)}</span>,
    },
    {
      key: "segments",
      title: t("targets.segments"),
      width: 170,
      render: (_, r) => (
        <ul className="compact-list">
          {r.segments.map((s) => (
            <li key={s.segmentId}>
              {s.name} <StatusTag status={s.status} localFirmCount={segmentFirms.get(s.segmentId)} />
            </li>
          ))}
        </ul>
      ),
    },
    { key: "score", title: t("targets.score"), width: 170, render: (_, r) => <ScoreBar result={r} /> },
    {
      key: "effect",
      title: t("targets.effect"),
      width: 150,
      // Ordered by the server (the order control above), over more candidates than the rows shown.
      render: (_, r) => (
        <div data-testid={`target-effect-${r.firm.id}`}>
          <div>{r.effect.closedGaps.length ? t("targets.effectClosed", { count: r.effect.closedGaps.length }) : t("targets.effectNone")}</div>
          {r.effect.closedGaps.length > 0 && <div className="firm-meta">{r.effect.closedGaps.map((g) => `${g.name}·${t(`gap.kind.${g.kind}`)}`).join("、")}</div>}
          {shown && <div className="firm-meta">{t("targets.effectAfter", { before: percent(shown.figures.completeness), after: percent(r.effect.completenessAfter) })}</div>}
        </div>
      ),
    },
    { key: "reason", title: t("targets.reason"), render: (_, r) => <span className="target-reason">{r.reason}</span> },
  ];

  return (
    <div className="targets-page page">
      <PageCrumbs zone={zone} chain={chain} current={t("targets.title")} />
      <Typography.Title level={2} className="page-title">
        {t("targets.heading", { zone: zone?.shortName ?? "", chain: chain?.name ?? "" })}
      </Typography.Title>

      <div className="filter-bar" role="group" aria-label={t("targets.filters")} data-testid="target-filters">
        <label>
          <span>{t("targets.segment")}</span>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("targets.allGapSegments")}
            value={query.segment ?? undefined}
            onChange={(segment?: string) => update({ segment: segment ?? null })}
            loading={gaps.status === "loading"}
            status={gaps.status === "error" ? "error" : undefined}
            options={(gaps.data?.segments ?? []).map((s) => ({
              value: s.segmentId,
              label: `${s.name}（${statusLabel(t, s.status, s.localFirmCount)}${s.leaderOperates ? ` · ${t("targets.leaderOwn")}` : ""}）`,
            }))}
            style={{ width: 190 }}
            popupMatchSelectWidth={false}
            data-testid="filter-segment"
          />
        </label>
        <label>
          <span>{t("targets.regionGroup")}</span>
          <Select
            value={query.regionGroup ?? ""}
            onChange={(group: string) => update({ regionGroup: group || null })}
            loading={groups.status === "loading"}
            status={groups.status === "error" ? "error" : undefined}
            options={[{ value: "", label: t("targets.noGroup") }, ...regionGroupsFor(groups.data ?? [], chainId, query.regionGroup).map((g) => ({ value: g.id, label: g.name }))]}
            style={{ width: 130 }}
            popupMatchSelectWidth={false}
            data-testid="filter-group"
          />
        </label>
        <label>
          <span>{t("targets.regions")}</span>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("targets.regionsPlaceholder")}
            value={query.regions}
            onChange={(regions: string[]) => update({ regions })}
            loading={provinces.status === "loading" || cities.status === "loading"}
            options={regionOptions}
            maxTagCount="responsive"
            style={{ width: 190 }}
            data-testid="filter-regions"
          />
        </label>
        <label>
          <span>{t("targets.tags")}</span>
          <Select
            mode="multiple"
            allowClear
            placeholder={t("targets.anyTag")}
            value={query.tags}
            onChange={(tags: FirmTag[]) => update({ tags })}
            options={FIRM_TAGS.map((tag) => ({ value: tag, label: tag }))}
            maxTagCount="responsive"
            style={{ width: 170 }}
            data-testid="filter-tags"
          />
        </label>
        <label>
          <span>{t("targets.minCapital")}</span>
          <InputNumber
            min={0}
            step={1000}
            value={query.minCapital}
            placeholder={t("targets.noMinimum")}
            onChange={(value) => update({ minCapital: typeof value === "number" && value > 0 ? value : null })}
            suffix={t("unit.wan")}
            style={{ width: 140 }}
            data-testid="filter-min-capital"
          />
        </label>
        <label>
          <span>{t("targets.profile")}</span>
          <Space.Compact>
            <Select
              value={query.profile}
              onChange={(profile: string) => update({ profile })}
              loading={profiles.status === "loading"}
              options={(profiles.data ?? [{ id: query.profile, name: query.profile }]).map((p) => ({ value: p.id, label: p.name }))}
              style={{ width: 116 }}
              popupMatchSelectWidth={false}
              data-testid="filter-profile"
            />
            <ButtonLink
              to={`${paths.profiles(query.profile)}?back=${encodeURIComponent(window.location.pathname + window.location.search)}`}
              data-testid="edit-profile"
            >
              {t("targets.editProfile")}
            </ButtonLink>
          </Space.Compact>
        </label>
        <label>
          <span>{t("targets.order")}</span>
          <Segmented<TargetOrder>
            value={query.order}
            onChange={(order) => update({ order })}
            options={[
              { value: "score", label: t("targets.orderScore") },
              { value: "effect", label: t("targets.orderEffect") },
            ]}
            data-testid="filter-order"
          />
        </label>
        <label>
          <span>{t("targets.limit")}</span>
          <Select
            value={query.limit}
            onChange={(limit: number) => update({ limit })}
            options={[...new Set([...LIMIT_CHOICES, query.limit])].sort((a, b) => a - b).map((n) => ({ value: n, label: t("targets.limitN", { count: n }) }))}
            style={{ width: 96 }}
            data-testid="filter-limit"
          />
        </label>
        {query.area && (
          <Tag closable onClose={() => update({ area: null })} className="geo-area-tag" data-testid="filter-area">
            {t("geo.areaFilter", { name: shown?.filters.area?.code === query.area ? shown.filters.area.name : query.area })}
          </Tag>
        )}
      </div>

      {ranking.status === "error" && !shown ? (
        <RequestError error={ranking.error} onRetry={ranking.retry} />
      ) : (
        <>
          <div className="table-actions">
            <Typography.Text data-testid="target-summary">
              {shown
                ? t("targets.summary", { candidates: shown.candidateCount, shown: shown.results.length, segments: shown.targetSegments.length })
                : t("request.loading")}
            </Typography.Text>
            <span className="toolbar-spacer" />
            <Button type={mapMode ? "primary" : "default"} ghost={!!mapMode} onClick={() => setMapMode(mapMode ? null : "1")} data-testid="toggle-geo-map">
              {mapMode ? t("geo.hide") : t("geo.show")}
            </Button>
            <Button disabled={picks.length === 0} onClick={() => simulate([...new Set(picks.map((p) => p.firmId))])} data-testid="simulate-selected">
              {picks.length ? t("targets.simulateSelected", { count: picks.length }) : t("targets.simulate")}
            </Button>
            {can.edit && (
              <Button type="primary" disabled={!shown || shown.results.length === 0} onClick={() => setSaving(true)} data-testid="save-list">
                {selected.length ? t("targets.saveSelected", { count: selected.length }) : t("targets.saveList")}
              </Button>
            )}
            {can.edit && (
              <Button disabled={!shown || picks.length === 0} onClick={() => setAdding(true)} data-testid="add-to-list">
                {picks.length ? t("targets.addSelectedToList", { count: picks.length }) : t("targets.addToList")}
              </Button>
            )}
            <Button onClick={() => void exportFile("xlsx")} loading={busy === "xlsx"} disabled={!shown} data-testid="export-targets-xlsx">
              {t("export.xlsx")}
            </Button>
            <Button onClick={() => void exportFile("csv")} loading={busy === "csv"} disabled={!shown} data-testid="export-targets-csv">
              {t("export.csv")}
            </Button>
          </div>
          {ranking.status === "error" && <RequestError error={ranking.error} onRetry={ranking.retry} />}
          {mapMode && (
            <Suspense fallback={<div className="geo-panel geo-loading">{t("request.loading")}</div>}>
              <GeoMapPanel
                request={api.targetGeography(zoneId, chainId, query)}
                onArea={(area) => update({ area })}
                meeting={mapMode === "meeting"}
                onMeeting={(on) => setMapMode(on ? "meeting" : "1")}
                exportName={`${zone?.shortName ?? zoneId}-${chain?.name ?? chainId}-${t("geo.show")}`}
              />
            </Suspense>
          )}
          {shown?.order === "effect" && <EffectScope ranking={shown} />}
          {shown && <Recommended ranking={shown} onSimulate={simulate} />}
          {shown && <LeaderOwnNote ranking={shown} />}
          {shown && shown.won.length > 0 && <WonFirms won={shown.won} />}
          <ScoreLegend />
          <Table<RankedResult>
            className="targets-table"
            data-testid="targets-table"
            rowKey={(r) => r.firm.id}
            columns={columns}
            dataSource={shown?.results ?? []}
            loading={ranking.status === "loading"}
            pagination={false}
            size="middle"
            sticky
            // Picked rows are saved as a list (editors) or simulated as landed (everyone).
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as string[]),
              getCheckboxProps: (r) => ({ "aria-label": t("targets.pick", { firm: r.firm.name }) }) as object,
            }}
            locale={{
              emptyText: (
                <div className="empty-hint" data-testid="targets-empty">
                  {t("targets.empty")}
                </div>
              ),
            }}
          />
        </>
      )}
      {zone && chain && (
        <SaveListDialog
          open={saving}
          onClose={() => setSaving(false)}
          zone={zone}
          chain={chain}
          query={query}
          selectedFirmIds={selected.filter((id) => shown?.results.some((r) => r.firm.id === id))}
          resultCount={shown?.results.length ?? 0}
        />
      )}
      {zone && chain && can.edit && <AddToListDialog open={adding} onClose={() => setAdding(false)} zone={zone} chain={chain} picks={picks} ranking={listFilters(query)} />}
    </div>
  );
}

type RankedResult = RankedTargets["results"][number];

/** 推荐组合: the fewest ranked firms that close the most gaps, and a way to see them landed. */
function Recommended({ ranking, onSimulate }: { ranking: RankedTargets; onSimulate(firmIds: string[]): void }) {
  const { t } = useI18n();
  const { firmIds, closedGaps, after } = ranking.recommended;
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  if (!firmIds.length)
    return (
      <Typography.Paragraph type="secondary" data-testid="targets-recommended">
        {t("targets.recommendedNone")}
      </Typography.Paragraph>
    );
  const names = firmIds.map((id) => ranking.results.find((r) => r.firm.id === id)?.firm.name ?? id);
  return (
    <Typography.Paragraph className="targets-recommended" data-testid="targets-recommended">
      <b>{t("targets.recommended", { count: firmIds.length, gaps: closedGaps.length, before: percent(ranking.figures.completeness), after: percent(after.completeness) })}</b>{" "}
      {names.join("、")}{" "}
      <Button size="small" onClick={() => onSimulate(firmIds)} data-testid="simulate-recommended">
        {t("targets.simulateRecommended")}
      </Button>
    </Typography.Paragraph>
  );
}

/** Firms already won for the zone: named, never ranked. */
function WonFirms({ won }: { won: WonFirm[] }) {
  const { t } = useI18n();
  return (
    <div className="targets-won" data-testid="targets-won">
      <b>{t("targets.won", { count: won.length })}</b>
      {won.map((w) => (
        <span key={w.firm.id} className="won-firm">
          <Link to={paths.firm(w.firm.id)}>{w.firm.name}</Link>（{w.how.join("；")}）
        </span>
      ))}
    </div>
  );
}

/** Segments the chain leader makes itself: only what it still buys from outside is a target there. */
function LeaderOwnNote({ ranking }: { ranking: TargetRanking }) {
  const { t } = useI18n();
  const own = ranking.targetSegments.filter((s) => s.leaderOwn);
  if (!own.length) return null;
  return (
    <Typography.Paragraph type="secondary" className="targets-note" data-testid="targets-leader-own">
      {t("targets.leaderOwnNote", { segments: own.map((s) => `「${s.name}」`).join("") })}
    </Typography.Paragraph>
  );
}

/**
 * Which candidates an order by 补链效果 was drawn from. Beyond the first few hundred by score
 * the server does not look (docs/decisions/022): the page says so, so that nobody reads the
 * list as the best closers of every candidate when it is not.
 */
function EffectScope({ ranking }: { ranking: RankedTargets }) {
  const { t } = useI18n();
  const all = ranking.orderedAmong >= ranking.candidateCount;
  const params = { shown: ranking.results.length, scope: ranking.orderedAmong, count: ranking.candidateCount };
  return (
    <Alert
      type={all ? "info" : "warning"}
      showIcon
      className="effect-scope"
      data-testid="effect-scope"
      title={all ? t("targets.effectScopeAll", params) : t("targets.effectScopeTop", params)}
    />
  );
}
