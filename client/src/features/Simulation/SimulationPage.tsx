/**
 * 补链模拟: the chain map as if the chosen firms had landed in the zone, beside the figures
 * before and after, the gaps closed and left, and the new ties to the chain leader. The
 * server simulates with the map's own rules; this page only shows it, marked as a
 * simulation throughout, and saves the choice as a named scenario.
 */
import { Alert, Button, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { ChainFigures, LandingSimulation } from "../../../../server/model/api";
import { actions } from "../../api/actions";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n, useLaneLabels } from "../../i18n/I18nProvider";
import { buildMapElements } from "../../model/elements";
import { STANDARD_PALETTE } from "../../model/palette";
import { paths } from "../../model/paths";
import { skippedLines } from "../../model/skipped";
import { segmentStatuses, statusLabel } from "../../model/status";
import { PageCrumbs } from "../common/PageCrumbs";
import { RequestError } from "../common/RequestState";
import { StatusTag } from "../common/StatusTag";
import { useAction } from "../common/useAction";
import { useChainNames } from "../common/useChainNames";
import { useSession } from "../Session/SessionProvider";
import { ChainMapCanvas } from "../ChainMap/ChainMapCanvas";
import { NodeTooltip } from "../ChainMap/NodeTooltip";

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function SimulationPage() {
  const { zoneId = "", chainId = "" } = useParams();
  const [search] = useSearchParams();
  const firmIds = (search.get("firms") ?? "").split(",").filter(Boolean);
  const { t } = useI18n();
  const simulation = useApi(firmIds.length ? api.simulation(zoneId, chainId, firmIds) : null);
  const sim = simulation.data;
  return (
    <div className="simulation-page page" data-testid="simulation-page">
      <PageCrumbs zone={sim?.zone ?? null} chain={sim?.chain ?? null} current={t("simulation.title")} />
      <Typography.Title level={2} className="page-title">
        {t("simulation.heading", { zone: sim?.zone.shortName ?? "", chain: sim?.chain.name ?? "" })}
      </Typography.Title>
      <Alert type="warning" showIcon title={t("simulation.notReal")} data-testid="simulation-not-real" className="simulation-banner" />
      {!firmIds.length ? (
        <Typography.Paragraph data-testid="simulation-empty">{t("simulation.none")}</Typography.Paragraph>
      ) : simulation.status === "error" ? (
        <RequestError error={simulation.error} onRetry={simulation.retry} />
      ) : !sim ? (
        <Typography.Text>{t("request.loading")}</Typography.Text>
      ) : (
        <SimulationView sim={sim} firmIds={firmIds} />
      )}
      <Scenarios zoneId={zoneId} chainId={chainId} firmIds={firmIds} />
    </div>
  );
}

function SimulationView({ sim, firmIds }: { sim: LandingSimulation; firmIds: string[] }) {
  const { t } = useI18n();
  const chainNames = useChainNames();
  const laneLabels = useLaneLabels();
  const diagnosis = useMemo(() => segmentStatuses(sim.map), [sim.map]);
  const elements = useMemo(
    () => buildMapElements(sim.map, diagnosis, { expanded: new Set(sim.changed.map((c) => c.segmentId)), laneLabels, chainNames, otherChainsLabel: t("status.external"), fontSize: STANDARD_PALETTE.fontSize }),
    [sim.map, diagnosis, sim.changed, laneLabels, chainNames, t],
  );
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      {sim.skipped.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="simulation-skipped"
          data-testid="simulation-skipped"
          title={
            <>
              {skippedLines(sim.skipped, t).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {sim.firms.length === 0 && <div>{t("simulation.allSkipped")}</div>}
            </>
          }
        />
      )}
      <div className="simulation-firms" data-testid="simulation-firms">
        <b>{t("simulation.firms", { count: sim.firms.length })}</b>
        {sim.firms.map((f) => (
          <Tag key={f.id} color="purple">
            <Link to={paths.firm(f.id)}>{f.name}</Link> · {f.region} → {f.segments.map((s) => s.name).join("、")}
          </Tag>
        ))}
      </div>
      <FiguresCompare before={sim.before} after={sim.after} />
      <div className="simulation-body">
        <div className="simulation-map" aria-label={t("simulation.mapLabel")}>
          <ChainMapCanvas
            elements={elements}
            palette={STANDARD_PALETTE}
            mapKey={`simulation/${sim.zone.id}/${sim.chain.id}/${firmIds.join(",")}`}
            selected={selected}
            focus={sim.changed.map((c) => c.segmentId)}
            onSelect={setSelected}
            onToggleExpand={() => undefined}
            renderTooltip={(node) => <NodeTooltip node={node} chainNames={chainNames} />}
            label={t("simulation.mapLabel")}
          />
        </div>
        <div className="simulation-side">
          <Typography.Title level={4}>{t("simulation.changed")}</Typography.Title>
          <Items testId="simulation-changed" items={sim.changed} empty={t("simulation.noChange")} render={(c) => (
            <li key={c.segmentId}>
              {c.name}：<StatusTag status={c.before} /> → <StatusTag status={c.after} />
            </li>
          )} />
          <Typography.Title level={4}>{t("simulation.closed", { count: sim.closedGaps.length })}</Typography.Title>
          <div data-testid="simulation-closed">
            {sim.closedGaps.map((g) => (
              <Tag key={`${g.segmentId}|${g.kind}`} color="green">
                {g.name} · {t(`gap.kind.${g.kind}`)}
              </Tag>
            ))}
          </div>
          {sim.openedGaps.length > 0 && (
            <>
              <Typography.Title level={4}>{t("simulation.opened")}</Typography.Title>
              {sim.openedGaps.map((g) => (
                <Tag key={`${g.segmentId}|${g.kind}`} color="orange">
                  {g.name} · {t(`gap.kind.${g.kind}`)}
                </Tag>
              ))}
            </>
          )}
          <Typography.Title level={4}>{t("simulation.remaining", { count: sim.remainingGaps.length })}</Typography.Title>
          <div data-testid="simulation-remaining">
            {sim.remainingGaps.map((g) => (
              <Tag key={g.segmentId}>
                {g.name} · {statusLabel(t, g.status, g.kinds.includes("missing") ? 0 : 1)}
              </Tag>
            ))}
          </div>
          <Typography.Title level={4}>{t("simulation.leaderTies")}</Typography.Title>
          <Items testId="simulation-leader-ties" items={sim.leaderTies} empty={t("simulation.noLeaderTies")} render={(tie) => (
            <li key={`${tie.firmId}|${tie.segmentId}`}>
              {tie.firmName}「{tie.segmentName}」{tie.role}
            </li>
          )} />
        </div>
      </div>
    </>
  );
}

/** The chain's figures before and after, side by side: the same figures the map header shows. */
function FiguresCompare({ before, after }: { before: ChainFigures; after: ChainFigures }) {
  const { t } = useI18n();
  const rows = [
    { key: "completeness", label: t("simulation.completeness"), before: percent(before.completeness), after: percent(after.completeness) },
    { key: "gapSegments", label: t("simulation.gapSegments"), before: before.gapSegments, after: after.gapSegments },
    ...(["bottleneck", "missing", "weak", "strong"] as const).map((s) => ({ key: s, label: t(`status.${s}`), before: before.byStatus[s], after: after.byStatus[s] })),
    { key: "kind-missing", label: t("gap.kind.missing"), before: before.byKind.missing, after: after.byKind.missing },
    { key: "kind-weak", label: t("gap.kind.weak"), before: before.byKind.weak, after: after.byKind.weak },
    { key: "kind-bottleneck", label: t("gap.kind.bottleneck"), before: before.byKind.bottleneck, after: after.byKind.bottleneck },
    { key: "kind-leader", label: t("gap.kind.leader-dependency"), before: before.byKind.leaderDependency, after: after.byKind.leaderDependency },
  ];
  return (
    <Table
      className="simulation-figures"
      data-testid="simulation-figures"
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      onRow={(r) => ({ "data-testid": `simulation-figure-${r.key}` }) as object}
      columns={[
        { key: "label", title: t("simulation.figure"), dataIndex: "label" },
        { key: "before", title: t("simulation.before"), dataIndex: "before", align: "right" },
        { key: "after", title: t("simulation.after"), dataIndex: "after", align: "right", render: (v, r) => <b className={String(v) !== String(r.before) ? "changed-figure" : undefined}>{v}</b> },
      ]}
    />
  );
}

/** Saved scenarios of this zone × chain: open one, delete one, or save the one shown. */
function Scenarios({ zoneId, chainId, firmIds }: { zoneId: string; chainId: string; firmIds: string[] }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const scenarios = useApi(api.scenarios(zoneId, chainId));
  const { busy, run } = useAction();
  const [name, setName] = useState("");
  return (
    <section className="simulation-scenarios" data-testid="simulation-scenarios">
      <Typography.Title level={4}>{t("simulation.scenarios")}</Typography.Title>
      {can.edit && firmIds.length > 0 && (
        <Space.Compact>
          <Input value={name} maxLength={60} placeholder={t("simulation.scenarioName")} onChange={(e) => setName(e.target.value)} data-testid="scenario-name" />
          <Button
            type="primary"
            loading={busy}
            disabled={!name.trim()}
            onClick={() => void run(async () => {
              await actions.saveScenario(zoneId, chainId, { name: name.trim(), firmIds });
              setName("");
              scenarios.retry();
            })}
            data-testid="save-scenario"
          >
            {t("simulation.save")}
          </Button>
        </Space.Compact>
      )}
      <Items
        testId="scenario-list"
        items={scenarios.data ?? []}
        empty={t("simulation.noScenarios")}
        render={(s) => (
          <li key={s.id} data-testid={`scenario-${s.id}`}>
            {s.name}（{t("simulation.scenarioMeta", { count: s.firmIds.length, by: s.createdBy, at: s.createdAt.slice(0, 10) })}）
            {[
              <Button key="open" type="link" onClick={() => void navigate(paths.simulation(zoneId, chainId, s.firmIds))}>
                {t("simulation.open")}
              </Button>,
              ...(can.edit
                ? [
                    <Popconfirm key="delete" title={t("simulation.deleteConfirm", { name: s.name })} onConfirm={() => run(async () => { await actions.deleteScenario(s.id); scenarios.retry(); })}>
                      <Button type="link" danger>
                        {t("simulation.delete")}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          </li>
        )}
      />
    </section>
  );
}

/** A short list, or a line saying it is empty. */
function Items<T>({ items, render, empty, testId }: { items: readonly T[]; render(item: T): ReactNode; empty: string; testId: string }) {
  if (!items.length)
    return (
      <Typography.Paragraph type="secondary" data-testid={testId}>
        {empty}
      </Typography.Paragraph>
    );
  return (
    <ul className="compact-list" data-testid={testId}>
      {items.map(render)}
    </ul>
  );
}
