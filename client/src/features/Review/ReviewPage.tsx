/**
 * 待审核: segment links the classifier was unsure of. A person accepts (the firm then
 * counts in that segment) or rejects each; the decision is kept and later imports
 * respect it.
 */
import { App, Button, Progress, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { REVIEW_THRESHOLD } from "../../../../server/imports/classify-weights";
import { actions } from "../../api/actions";
import { api } from "../../api/endpoints";
import type { PendingLink } from "../../api/importSchemas";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { paths } from "../../model/paths";
import { evidenceParts, uncitedFacts } from "../../model/reviewEvidence";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";
import { useSession } from "../Session/SessionProvider";

const PAGE_SIZE = 50;

export function ReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get("page")) || 1);
  const queue = useApi(api.review(PAGE_SIZE, (page - 1) * PAGE_SIZE));
  const [deciding, setDeciding] = useState<string | null>(null);
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());

  const keyOf = (link: Pick<PendingLink, "firmId" | "segmentId">) => `${link.firmId}|${link.segmentId}`;

  const decide = async (link: PendingLink, decision: "accept" | "reject") => {
    setDeciding(keyOf(link));
    try {
      await actions.decideReview(link.firmId, link.segmentId, { decision });
      setDecided((current) => new Set(current).add(keyOf(link)));
      void message.success(
        t(decision === "accept" ? "review.accepted" : "review.rejected", { firm: link.firmName, segment: link.segmentName }),
      );
      queue.refresh();
    } catch (error) {
      void message.error(t("action.failed", { reason: (error as Error).message }));
    } finally {
      setDeciding(null);
    }
  };

  const allColumns: (TableColumnsType<PendingLink>[number] | false)[] = [
    {
      key: "firm",
      title: t("review.firm"),
      width: 220,
      render: (_, l) => (
        <>
          <Link to={paths.firm(l.firmId)} className="firm-name">
            {l.firmName}
          </Link>
          <div className="firm-meta">{l.region}</div>
        </>
      ),
    },
    {
      key: "segment",
      title: t("review.segment"),
      width: 190,
      render: (_, l) => (
        <>
          <div>{l.segmentName}</div>
          <div className="firm-meta">{l.chainName}</div>
        </>
      ),
    },
    {
      key: "confidence",
      title: t("review.confidence"),
      width: 120,
      render: (_, l) => <Progress percent={Math.round(l.confidence * 100)} size="small" status="normal" strokeColor={l.confidence >= REVIEW_THRESHOLD ? "#389e0d" : "#d48806"} />,
    },
    {
      key: "evidence",
      title: t("review.evidence"),
      render: (_, l) => {
        const parts = evidenceParts(l.evidence);
        return (
          <div data-testid="review-evidence">
            {parts.map((part, i) => (
              <div key={i}>{part.label ? `${part.label}：${part.text}` : part.text}</div>
            ))}
            {uncitedFacts(l.attributes, parts).map(([key, value]) => (
              <div key={key} className="firm-meta clamp-2" title={value}>
                {key}：{value}
              </div>
            ))}
          </div>
        );
      },
    },
    // Viewers read the queue; deciding is an editor's.
    can.edit && {
      key: "actions",
      title: t("common.actions"),
      width: 170,
      render: (_, l) => {
        const key = keyOf(l);
        const done = decided.has(key);
        return done ? (
          <Tag>{t("review.done")}</Tag>
        ) : (
          <Space>
            <Button type="primary" size="small" loading={deciding === key} onClick={() => void decide(l, "accept")} data-testid={`accept-${l.firmId}-${l.segmentId}`}>
              {t("review.accept")}
            </Button>
            <Button size="small" danger disabled={deciding === key} onClick={() => void decide(l, "reject")} data-testid={`reject-${l.firmId}-${l.segmentId}`}>
              {t("review.reject")}
            </Button>
          </Space>
        );
      },
    },
  ];
  const columns: TableColumnsType<PendingLink> = allColumns.filter((c) => c !== false);

  return (
    <div className="review-page page">
      <PageHeading title={t("review.title")} subtitle={t("review.subtitle")} />
      <RequestState state={queue}>
        {(data) => (
          <>
            <Typography.Paragraph data-testid="review-total">{t("review.total", { count: data.total })}</Typography.Paragraph>
            <Table<PendingLink>
              rowKey={keyOf}
              columns={columns}
              dataSource={data.items}
              data-testid="review-table"
              rowClassName={(l) => (decided.has(keyOf(l)) ? "decided" : "")}
              pagination={
                data.total > PAGE_SIZE
                  ? {
                      current: page,
                      pageSize: PAGE_SIZE,
                      total: data.total,
                      showSizeChanger: false,
                      onChange: (next) => setSearch(next > 1 ? { page: String(next) } : {}),
                    }
                  : false
              }
              locale={{
                emptyText: (
                  <div className="empty-hint" data-testid="review-empty">
                    {t("review.empty")} <Link to={paths.imports()}>{t("review.toImports")}</Link>
                  </div>
                ),
              }}
            />
          </>
        )}
      </RequestState>
    </div>
  );
}
