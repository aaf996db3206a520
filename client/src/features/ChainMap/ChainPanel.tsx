/**
 * The side panel when nothing is selected: the chain at a glance and every segment as a
 * button, grouped by stage. This list is also the keyboard path into the map, since a
 * canvas cannot take focus segment by segment. Editors add segments here and take a
 * chain leader off.
 */
import { App, Button, Typography } from "antd";
import { useState } from "react";
import type { ChainMap } from "../../../../server/model/api";
import { STAGES } from "../../../../server/model/domain";
import { useI18n } from "../../i18n/I18nProvider";
import { STANDARD_PALETTE, statusStyle } from "../../model/palette";
import type { SegmentDiagnosis } from "../../model/status";
import { statusLabel } from "../../model/status";
import { LeaderButton } from "../Editing/FirmActions";
import type { SegmentEdit } from "../Editing/SegmentEditor";
import { SegmentEditor } from "../Editing/SegmentEditor";
import { useSession } from "../Session/SessionProvider";

interface Props {
  map: ChainMap;
  diagnosis: ReadonlyMap<string, SegmentDiagnosis>;
  onSelect(segmentId: string): void;
  /** After a segment was added: the map reloads and shows it. */
  onCreated(segmentId: string): void;
  onChanged(): void;
}

export function ChainPanel({ map, diagnosis, onSelect, onCreated, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [adding, setAdding] = useState<SegmentEdit | null>(null);
  return (
    <div className="chain-panel" data-testid="chain-panel">
      <Typography.Title level={3} className="panel-title">
        {locale === "en" ? map.chain.nameEn : map.chain.name}
      </Typography.Title>
      {map.chain.description && <Typography.Paragraph type="secondary">{map.chain.description}</Typography.Paragraph>}
      {map.leaders.length > 0 && (
        <Typography.Paragraph data-testid="chain-leaders">
          ★ {t("panel.leaderFirm")}：
          {map.leaders.map((l, index) => (
            <span key={l.id}>
              {index > 0 && "、"}
              {l.name}
              {can.edit && <LeaderButton zoneId={map.zone.id} chainId={map.chain.id} firmId={l.id} firmName={l.name} isLeader onChanged={onChanged} />}
            </span>
          ))}
        </Typography.Paragraph>
      )}
      {can.edit && (
        <>
          <Button onClick={() => setAdding({ kind: "create", chainId: map.chain.id, stage: "upstream" })} data-testid="segment-add">
            + {t("segmentEdit.add")}
          </Button>
          <SegmentEditor
            edit={adding}
            onClose={() => setAdding(null)}
            onSaved={(segment) => {
              setAdding(null);
              void message.success(t("segmentEdit.created", { name: segment.name }));
              onCreated(segment.id);
            }}
          />
        </>
      )}
      <Typography.Title level={5}>{t("panel.segmentList")}</Typography.Title>
      <nav className="segment-list" data-testid="segment-list">
        {STAGES.map((stage) => {
          const segments = map.segments.filter((s) => s.stage === stage).sort((a, b) => a.position - b.position);
          if (segments.length === 0) return null;
          return (
            <div key={stage} className="segment-list-stage">
              <div className="segment-list-heading">{t(`stage.${stage}`)}</div>
              {segments.map((segment) => {
                const status = diagnosis.get(segment.id)?.status ?? segment.status;
                const style = statusStyle(STANDARD_PALETTE, status, segment.localFirmCount);
                return (
                  <button
                    key={segment.id}
                    type="button"
                    className="segment-list-item"
                    onClick={() => onSelect(segment.id)}
                    data-testid={`segment-item-${segment.id}`}
                  >
                    <span className="dot" style={{ background: style.fill, borderColor: style.border, borderStyle: style.borderStyle === "double" ? "double" : style.borderStyle }} />
                    <span className="name">
                      {segment.leader ? "★ " : ""}
                      {segment.name}
                    </span>
                    <span className="count">
                      {segment.localFirmCount} · {statusLabel(t, status, segment.localFirmCount)}
                      {segment.filling && <span className="filling-mark" title={t("status.filling")}> ＋{t("status.fillingShort")}</span>}
                    </span>
                  </button>
                );
              })}
            </div>
          );
        })}
      </nav>
    </div>
  );
}
