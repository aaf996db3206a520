/** What a folded side of the map stands for: each other chain's (or other page's) segment and what it links to here. */
import { Modal } from "antd";
import type { ChainMap } from "../../../../server/model/api";
import { useI18n } from "../../i18n/I18nProvider";
import type { FoldMember } from "../../model/elements";

interface Props {
  map: ChainMap;
  side: "inputs" | "outputs";
  members: readonly FoldMember[];
  chainNames: ReadonlyMap<string, string>;
  onClose(): void;
}

export function FoldedSide({ map, side, members, chainNames, onClose }: Props) {
  const { t } = useI18n();
  const nameOf = new Map(map.segments.map((s) => [s.id, s.name]));
  return (
    <Modal open title={t(side === "inputs" ? "lane.inputs" : "lane.outputs")} onCancel={onClose} footer={null} width={720} className="folded-side">
      <ul className="folded-side-list" data-testid="folded-side">
        {members.map((member) => (
          <li key={member.id}>
            <span className="muted">{member.stage ? t(`stage.${member.stage}`) : (chainNames.get(member.chainId) ?? member.chainId)}</span>{" "}
            <b>{member.name}</b> {side === "inputs" ? "→" : "←"} {member.partners.map((id) => nameOf.get(id) ?? id).join("、")}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
