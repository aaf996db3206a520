/** What one change did: the fields it touched, before and after, side by side. */
import { Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo } from "react";
import { isMessageKey, useI18n } from "../../i18n/I18nProvider";
import type { Translate } from "../../i18n/I18nProvider";
import type { FieldDiff } from "../../model/auditDiff";
import { diffRecords, displayValue, parseRecord } from "../../model/auditDiff";

const KIND_COLOR: Record<FieldDiff["kind"], string> = { added: "green", removed: "red", changed: "blue" };

/** "capital" → 注册资本, "attributes.官网" → 官网; the raw name stays beside it. */
function fieldLabel(t: Translate, field: string): string | null {
  const key = `audit.field.${field.split(".")[0]}`;
  if (field.includes(".")) return field.slice(field.indexOf(".") + 1);
  return isMessageKey(key) ? t(key) : null;
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const diffs = useMemo(() => diffRecords(parseRecord(before), parseRecord(after)), [before, after]);
  if (diffs.length === 0) return <Typography.Text type="secondary">{t("audit.noDiff")}</Typography.Text>;
  const columns: TableColumnsType<FieldDiff> = [
    {
      key: "field",
      title: t("audit.field"),
      width: 220,
      render: (_, d) => {
        const label = fieldLabel(t, d.field);
        return (
          <>
            {label && <span className="diff-field">{label} </span>}
            <code className="muted">{d.field || "—"}</code> <Tag color={KIND_COLOR[d.kind]}>{t(`audit.diff.${d.kind}`)}</Tag>
          </>
        );
      },
    },
    { key: "before", title: t("audit.before"), render: (_, d) => <span className="diff-before">{displayValue(d.before)}</span> },
    { key: "after", title: t("audit.after"), render: (_, d) => <span className="diff-after">{displayValue(d.after)}</span> },
  ];
  return <Table<FieldDiff> rowKey="field" size="small" columns={columns} dataSource={diffs} pagination={false} className="audit-diff" data-testid="audit-diff" />;
}
