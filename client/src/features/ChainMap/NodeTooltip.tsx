/** What hovering a node shows: name, stage and status, local firms and projects, and with a 对比日期 how it changed. */
import { useI18n } from "../../i18n/I18nProvider";
import type { MapNodeData } from "../../model/elements";
import { statusLabel } from "../../model/status";

export function NodeTooltip({ node, chainNames, since }: { node: MapNodeData; chainNames: ReadonlyMap<string, string>; since?: string | null }) {
  const { t } = useI18n();
  if (node.kind === "firm") return <strong>{node.name}</strong>;
  if (node.kind === "external")
    return (
      <>
        <strong>{node.name}</strong>
        <div>{chainNames.get(node.chainId ?? "") ?? node.chainId}</div>
      </>
    );
  return (
    <>
      <strong>
        {node.leader ? "★ " : ""}
        {node.name}
      </strong>
      <div>
        {t(`stage.${node.stage!}`)} · {statusLabel(t, node.status!, node.localFirmCount ?? 0)}
      </div>
      <div>{t("panel.localFirms", { count: node.localFirmCount ?? 0 })}</div>
      <div>{t("panel.projects", { count: node.projectCount ?? 0 })}</div>
      {node.filling && <div>＋ {t("status.filling")}</div>}
      {since && node.change && (
        <div data-testid="tooltip-since">
          {node.statusThen
            ? t("mapSince.tooltip", { date: since, then: t(`status.${node.statusThen}`), now: t(`status.${node.status!}`), change: t(`mapSince.change.${node.change}`) })
            : t("mapSince.tooltipNoStatus", { date: since, change: t(`mapSince.change.${node.change}`) })}
        </div>
      )}
    </>
  );
}

