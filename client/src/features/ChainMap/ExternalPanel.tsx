/** A segment of another chain linked to this one: what the link is and a way over there. */
import { Button, Typography } from "antd";
import { useNavigate } from "react-router";
import type { ChainMap } from "../../../../server/model/api";
import { useI18n } from "../../i18n/I18nProvider";
import { paths } from "../../model/paths";

interface Props {
  map: ChainMap;
  /** `in:<segmentId>` or `out:<segmentId>`. */
  nodeId: string;
  chainNames: ReadonlyMap<string, string>;
}

export function ExternalPanel({ map, nodeId, chainNames }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const incoming = nodeId.startsWith("in:");
  const segmentId = nodeId.slice(nodeId.indexOf(":") + 1);
  const link = map.externalLinks.find((l) => (incoming ? l.source : l.target) === segmentId);
  if (!link) return null;
  const chainId = incoming ? link.sourceChainId : link.targetChainId;
  const chain = chainNames.get(chainId) ?? chainId;
  const segment = incoming ? link.sourceName : link.targetName;
  return (
    <div className="segment-panel" data-testid="external-panel">
      <Typography.Title level={3} className="panel-title">
        {segment}
      </Typography.Title>
      <Typography.Paragraph>
        {t(incoming ? "panel.externalFrom" : "panel.externalTo", { chain, segment })}
      </Typography.Paragraph>
      <Button type="primary" onClick={() => navigate(paths.map(map.zone.id, chainId, { selected: segmentId, focus: [segmentId] }))}>
        {t("panel.openChain", { chain })}
      </Button>
    </div>
  );
}
