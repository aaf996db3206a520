/**
 * One firm: identity, size, tags, where it sits in the chains, its ties and projects.
 * Editors change the firm, delete it, link it to segments and take it out of them here.
 */
import { Alert, Card, Descriptions, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { FirmDetail } from "../../../../server/model/api";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { formatCapital, formatMoney } from "../../model/format";
import { paths } from "../../model/paths";
import { useSourceLabel } from "../common/useSourceLabel";
import { RequestState } from "../common/RequestState";
import { FirmActions, LeaderButton, LinkSegmentButton, UnlinkButton } from "../Editing/FirmActions";
import { useSession } from "../Session/SessionProvider";

export function FirmPage() {
  const { firmId = "" } = useParams();
  const firm = useApi(api.firm(firmId));
  return (
    <div className="firm-page">
      <RequestState state={firm}>{(data) => <FirmView firm={data} onChanged={firm.refresh} />}</RequestState>
    </div>
  );
}

function FirmView({ firm, onChanged }: { firm: FirmDetail; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const sourceOf = useSourceLabel();
  const none = t("firm.none");
  /** An unknown figure, as opposed to an empty list. */
  const unknown = "—";
  return (
    <>
      <div className="page-head">
        <Typography.Title level={2} className="page-title" data-testid="firm-name">
          {firm.name}
        </Typography.Title>
        {can.edit && <FirmActions firm={firm} onChanged={onChanged} />}
      </div>
      {firm.sample && <Typography.Paragraph type="secondary">{t("firm.sample")}</Typography.Paragraph>}
      {firm.standing === "closed" && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="firm-closed" title={t("firm.closedNote", { text: firm.standingText ?? "" })} />}
      {firm.standing === "suspended" && <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="firm-suspended" title={t("firm.suspendedNote", { text: firm.standingText ?? "" })} />}
      <Descriptions bordered size="middle" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t("firm.uscc")}>{firm.uscc ?? unknown}</Descriptions.Item>
        <Descriptions.Item label={t("firm.region")}>{firm.region.path}</Descriptions.Item>
        <Descriptions.Item label={t("firm.zone")}>{firm.zone?.name ?? none}</Descriptions.Item>
        <Descriptions.Item label={t("firm.founded")}>{firm.foundedOn ?? unknown}</Descriptions.Item>
        <Descriptions.Item label={t("firm.standing")}>
          <span data-testid="firm-standing-value">{firm.standing ? (firm.standingText ?? t(`firm.standing.${firm.standing}`)) : t("firm.standing.unknown")}</span>
          {firm.standingOn && <span className="muted"> · {t("firm.standingOn", { date: firm.standingOn })}</span>}
        </Descriptions.Item>
        <Descriptions.Item label={t("firm.capital")}>
          <span data-testid="firm-capital-value">{formatCapital(firm, locale)}</span>
          {firm.capital !== null && (firm.capitalAsOf !== null || firm.capitalSource) && (
            <div className="firm-meta" data-testid="firm-capital-source">
              {[firm.capitalAsOf !== null ? t("firm.capitalAsOf", { year: firm.capitalAsOf }) : null, firm.capitalSource].filter(Boolean).join(" · ")}
            </div>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("firm.revenue")}>{formatMoney(firm.revenue, locale)}</Descriptions.Item>
        <Descriptions.Item label={t("firm.staff")}>{firm.staff ?? unknown}</Descriptions.Item>
        <Descriptions.Item label={t("firm.tags")}>
          {firm.tags.length ? firm.tags.map((tag) => <Tag key={tag} color="blue">{tag}</Tag>) : none}
        </Descriptions.Item>
        <Descriptions.Item label={t("panel.source")} span="filled">
          <span data-testid="firm-source-label">{sourceOf(firm.source)}</span>
          {firm.asOf && <span className="muted"> · {t("firm.asOf", { date: firm.asOf })}</span>}
        </Descriptions.Item>
      </Descriptions>

      <div className="firm-cards">
        <Card title={t("firm.segments")} size="small" extra={can.edit && <LinkSegmentButton firm={firm} onChanged={onChanged} />} data-testid="firm-segments">
          <PlainList
            items={firm.segments}
            empty={none}
            render={(s) => (
              <li key={s.segmentId}>
                {firm.zone ? (
                  <Link to={paths.map(firm.zone.id, s.chainId, { selected: s.segmentId, focus: [s.segmentId] })}>
                    {s.chainName} › {s.segmentName}
                  </Link>
                ) : (
                  <span>
                    {s.chainName} › {s.segmentName}
                  </span>
                )}
                <span className="firm-meta"> {t(`stage.${s.stage}`)}{s.products ? ` · ${s.products}` : ""}</span>
                {can.edit && (
                  <UnlinkButton
                    firmId={firm.id}
                    firmName={firm.name}
                    segmentId={s.segmentId}
                    segmentName={s.segmentName}
                    version={s.version}
                    onChanged={onChanged}
                  />
                )}
              </li>
            )}
          />
        </Card>
        <Card title={t("firm.ties")} size="small">
          <PlainList
            items={firm.ties}
            empty={none}
            render={(tie) => (
              <li key={`${tie.direction}-${tie.otherId}-${tie.product}`}>
                {t(tie.direction === "supplies" ? "firm.supplies" : "firm.buys")}{" "}
                <Link to={paths.firm(tie.otherId)}>{tie.otherName}</Link>
                {tie.product && <span className="firm-meta"> · {tie.product}</span>}
              </li>
            )}
          />
        </Card>
        <Card title={t("firm.projects")} size="small">
          <PlainList
            items={firm.projects}
            empty={none}
            render={(p) => (
              <li key={p.id}>
                {p.name} <Tag color="geekblue">{p.status}</Tag>
                <span className="firm-meta">
                  {formatMoney(p.investment, locale)}
                  {p.statusOn ? ` · ${p.statusOn}` : ""}
                </span>
              </li>
            )}
          />
        </Card>
        {firm.leads.length > 0 && (
          <Card title={t("firm.leads")} size="small">
            {firm.leads.map((lead) => (
              <div key={`${lead.zoneId}-${lead.chainId}`}>
                <Link to={paths.map(lead.zoneId, lead.chainId)}>★ {lead.chainName}</Link>
                {can.edit && <LeaderButton zoneId={lead.zoneId} chainId={lead.chainId} firmId={firm.id} firmName={firm.name} isLeader onChanged={onChanged} />}
              </div>
            ))}
          </Card>
        )}
      </div>
    </>
  );
}

function PlainList<T>({ items, empty, render }: { items: T[]; empty: string; render: (item: T) => ReactNode }) {
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return <ul className="plain-list">{items.map(render)}</ul>;
}
