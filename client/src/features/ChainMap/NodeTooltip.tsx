/** What hovering a node shows: name, stage and status, local firms and projects. */
import { useI18n } from "../../i18n/I18nProvider";
import type { MapNodeData } from "../../model/elements";
import { statusLabel } from "../../model/status";

export function NodeTooltip({ node, chainNames }: { node: MapNodeData; chainNames: ReadonlyMap<string, string> }) {
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
    </>
  );
}

