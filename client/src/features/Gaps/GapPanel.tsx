/**
 * 缺口诊断: the chain's gaps in one panel beside the map — counts by kind, completeness,
 * each gap segment with its reasons in words, the leader's outside suppliers (以商招商),
 * and the 卡点 marks planners set or take off.
 */
import { Button, Progress, Space, Tag, Typography } from "antd";
import { Link, useLocation } from "react-router";
import type { ChainGaps, SegmentDiagnosis } from "../../../../server/model/api";
import { api, files } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { formatMoney, formatPercent } from "../../model/format";
import { STATUS_URGENCY, flagUnsaid, gapKinds, gapRows } from "../../model/gaps";
import { currentLocation } from "../../model/loginRedirect";
import { paths } from "../../model/paths";
import { STANDARD_PALETTE } from "../../model/palette";
import { ButtonLink } from "../common/ButtonLink";
import { useApiDownload } from "../common/useApiDownload";
import { RequestState } from "../common/RequestState";
import { StatusTag } from "../common/StatusTag";
import { useSession } from "../Session/SessionProvider";
import { FlagControl } from "./FlagControl";

interface Props {
  zoneId: string;
  chainId: string;
  onSelect(segmentId: string): void;
  /** After a flag changes: the map's colours come from the same diagnosis. */
  onChanged(): void;
}

export function GapPanel({ zoneId, chainId, onSelect, onChanged }: Props) {
  const gaps = useApi(api.chainGaps(zoneId, chainId));
  return (
    <div className="gap-panel" data-testid="gap-panel">
      <RequestState state={gaps}>
        {(data) => (
          <GapSummary
            gaps={data}
            onSelect={onSelect}
            onChanged={() => {
              gaps.refresh();
              onChanged();
            }}
          />
        )}
      </RequestState>
    </div>
  );
}

function GapSummary({ gaps, onSelect, onChanged }: { gaps: ChainGaps; onSelect(id: string): void; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const rows = gapRows(gaps);
  const f = gaps.figures;
  const { busy, download } = useApiDownload();
  return (
    <>
      <div className="gap-completeness">
        <span>{t("map.completeness")}</span>
        <Progress percent={Math.round(f.completeness * 100)} size="small" showInfo={false} strokeColor={STANDARD_PALETTE.status.strong.border} />
        <b data-testid="gap-completeness">{formatPercent(f.completeness)}</b>
        <span className="muted">{t("figures.covered", { covered: f.covered, segments: f.segments })}</span>
      </div>
      <FigureHeading title={t("figures.byStatus")} hint={t("figures.byStatusHint", { segments: f.segments })} />
      <ul className="gap-tiles" data-testid="gap-counts">
        {STATUS_URGENCY.map((status) => {
          const style = STANDARD_PALETTE.status[status];
          return (
            <li key={status} style={{ borderColor: style.border, background: style.fill, color: style.text }}>
              <b data-testid={`gap-count-${status}`}>{f.byStatus[status]}</b>
              <span>{t(`status.${status}`)}</span>
            </li>
          );
        })}
      </ul>
      <p className="firm-meta gap-figure-notes">
        {t("figures.bottleneckWithoutFirms", { count: f.bottleneckWithoutFirms })} · <span data-testid="gap-count-filling">{t("figures.filling", { count: f.filling })}</span> ·{" "}
        {t("figures.leaderOwn", { count: f.leaderOwn })}
      </p>
      <FigureHeading title={t("figures.byKind")} hint={t("figures.byKindHint")} />
      <ul className="gap-kinds-figure plain-inline" data-testid="gap-by-kind">
        {(["missing", "weak", "bottleneck", "leader-dependency"] as const).map((kind) => (
          <li key={kind}>
            {t(`gap.kind.${kind}`)} <b data-testid={`gap-kind-${kind}`}>{f.byKind[kind === "leader-dependency" ? "leaderDependency" : kind]}</b>
          </li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary" className="gap-thresholds">
        {t("gap.thresholds", { minFirms: gaps.thresholds.minFirms, minCapital: formatMoney(gaps.thresholds.minCapital, locale) })}
        {/* Admins set the thresholds; the settings screen leads back to this view. */}
        {can.admin && (
          <>
            {" "}
            <Link to={paths.settings(currentLocation(location))} data-testid="gap-thresholds-edit">
              {t("gap.editThresholds")}
            </Link>
          </>
        )}
      </Typography.Paragraph>

      <Space wrap className="gap-actions">
        <ButtonLink type="primary" to={paths.targets(gaps.zone.id, gaps.chain.id)} data-testid="gap-targets-link">
          {t("gap.findTargets")}
        </ButtonLink>
        <ButtonLink to={paths.report(gaps.zone.id, gaps.chain.id)}>{t("report.open")}</ButtonLink>
        <Button
          onClick={() => void download(files.gaps(gaps.zone.id, gaps.chain.id, "xlsx"), `${gaps.zone.shortName}-${gaps.chain.name}-gaps.xlsx`)}
          loading={busy !== null}
          data-testid="export-gaps-xlsx"
        >
          {t("gap.export")}
        </Button>
      </Space>

      <Typography.Title level={5} title={t("figures.gapSegmentsHint")}>
        {t("figures.gapSegments", { count: f.gapSegments })}
      </Typography.Title>
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t("gap.none")}</Typography.Text>
      ) : (
        <table className="gap-table" data-testid="gap-table">
          <thead>
            <tr>
              <th scope="col">{t("gap.segment")}</th>
              <th scope="col">{t("gap.reasons")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <GapRow key={row.segmentId} row={row} zoneId={gaps.zone.id} chainId={gaps.chain.id} onSelect={onSelect} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      )}

      <Typography.Title level={5}>{t("gap.leaderDeps", { count: gaps.leaderDependencies.length })}</Typography.Title>
      {gaps.leaderDependencies.length === 0 ? (
        <Typography.Text type="secondary">{t("gap.noLeaderDeps")}</Typography.Text>
      ) : (
        <ul className="plain-list" data-testid="leader-dependencies">
          {gaps.leaderDependencies.map((dep) => (
            <li key={`${dep.leaderId}-${dep.supplierId}-${dep.product}`} className="firm-row">
              <div>
                <Link to={paths.firm(dep.supplierId)} className="firm-name">
                  {dep.supplierName}
                </Link>{" "}
                → ★ {dep.leaderName}
              </div>
              <div className="firm-meta">
                {dep.supplierRegion}
                {dep.product ? ` · ${dep.product}` : ""}
              </div>
              <div className="firm-meta">{dep.reason}</div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FigureHeading({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="figure-heading">
      <b>{title}</b> <span className="muted">{hint}</span>
    </div>
  );
}

function GapRow({ row, zoneId, chainId, onSelect, onChanged }: { row: SegmentDiagnosis; zoneId: string; chainId: string; onSelect(id: string): void; onChanged(): void }) {
  const { t } = useI18n();
  return (
    <tr data-testid={`gap-row-${row.segmentId}`}>
      <td className="gap-segment">
        <button type="button" className="link-button" onClick={() => onSelect(row.segmentId)} title={t("gap.showOnMap")}>
          {row.leaderOperates ? "★ " : ""}
          {row.name}
        </button>
        <div>
          <StatusTag status={row.status} localFirmCount={row.localFirmCount} />
        </div>
        <div className="firm-meta">
          {t(`stage.${row.stage}`)} · {t("gap.localFirms", { count: row.localFirmCount })}
        </div>
      </td>
      <td>
        <div className="gap-kinds">
          {gapKinds(row).map((kind) => (
            <Tag key={kind}>{t(`gap.kind.${kind}`)}</Tag>
          ))}
          {row.filling.length > 0 && (
            <Tag color="green" data-testid="gap-filling">
              ＋{t("status.filling")}
            </Tag>
          )}
        </div>
        <ul className="reasons">
          <li>{row.coverage}</li>
          {row.gaps.map((gap) => (
            <li key={`${gap.kind}:${gap.reason}`}>{gap.reason}</li>
          ))}
          {row.flag && flagUnsaid(row) && <li>{t("panel.flag", { note: row.flag.note, by: row.flag.flaggedBy, date: row.flag.flaggedAt.slice(0, 10) })}</li>}
          {row.filling.map((project) => (
            <li key={project.id}>{t("panel.filling", { project: project.name, firm: project.firmName, status: project.status })}</li>
          ))}
        </ul>
        <Space size="small" wrap>
          <FlagControl zoneId={zoneId} segment={row} onChanged={onChanged} size="small" />
          {row.status !== "strong" && (
            <ButtonLink size="small" to={paths.targets(zoneId, chainId, { segment: row.segmentId })}>
              {t("gap.targetsFor")}
            </ButtonLink>
          )}
        </Space>
      </td>
    </tr>
  );
}
