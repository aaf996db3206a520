/** One firm: identity, size, tags, where it sits in the chains, its ties and projects. */
import { Card, Descriptions, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { FirmDetail } from "../../../../server/model/api";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { formatMoney } from "../../model/format";
import { paths } from "../../model/paths";
import { RequestState } from "../common/RequestState";

export function FirmPage() {
  const { firmId = "" } = useParams();
  const firm = useApi(api.firm(firmId));
  return (
    <div className="firm-page">
      <RequestState state={firm}>{(data) => <FirmView firm={data} />}</RequestState>
    </div>
  );
}

function FirmView({ firm }: { firm: FirmDetail }) {
  const { t, locale } = useI18n();
  const none = t("firm.none");
  /** An unknown figure, as opposed to an empty list. */
  const unknown = "—";
  return (
    <>
      <Typography.Title level={2} className="page-title" data-testid="firm-name">
        {firm.name}
      </Typography.Title>
      {firm.sample && <Typography.Paragraph type="secondary">{t("firm.sample")}</Typography.Paragraph>}
      <Descriptions bordered size="middle" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t("firm.uscc")}>{firm.uscc ?? unknown}</Descriptions.Item>
        <Descriptions.Item label={t("firm.region")}>{firm.region.path}</Descriptions.Item>
        <Descriptions.Item label={t("firm.zone")}>{firm.zone?.name ?? none}</Descriptions.Item>
        <Descriptions.Item label={t("firm.founded")}>{firm.foundedOn ?? unknown}</Descriptions.Item>
        <Descriptions.Item label={t("firm.capital")}>{formatMoney(firm.capital, locale)}</Descriptions.Item>
        <Descriptions.Item label={t("firm.revenue")}>{formatMoney(firm.revenue, locale)}</Descriptions.Item>
        <Descriptions.Item label={t("firm.staff")}>{firm.staff ?? unknown}</Descriptions.Item>
        <Descriptions.Item label={t("firm.tags")}>
          {firm.tags.length ? firm.tags.map((tag) => <Tag key={tag} color="blue">{tag}</Tag>) : none}
        </Descriptions.Item>
      </Descriptions>

      <div className="firm-cards">
        <Card title={t("firm.segments")} size="small">
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
