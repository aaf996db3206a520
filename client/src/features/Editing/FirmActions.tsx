/**
 * The firm page's edit controls (editors only): 编辑企业, 删除企业, and a firm's place in the
 * chains — link it to a segment, or take it out of one.
 */
import { App, Button, Modal, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { FirmDetail } from "../../../../server/model/api";
import { actions } from "../../api/actions";
import { useI18n } from "../../i18n/I18nProvider";
import { conflictCurrent } from "../../model/conflict";
import { paths } from "../../model/paths";
import { useAction } from "../common/useAction";
import type { FirmEdit } from "./FirmEditor";
import { FirmEditor } from "./FirmEditor";
import type { PickableSegment } from "./SegmentPicker";
import { SegmentPicker } from "./SegmentPicker";

export function FirmActions({ firm, onChanged }: { firm: FirmDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [edit, setEdit] = useState<FirmEdit | null>(null);
  const { busy, run } = useAction();

  const remove = () =>
    run(
      async () => {
        await actions.deleteFirm(firm.id, firm.version);
        void message.success(t("firmEdit.deleted", { name: firm.name }));
        navigate(paths.overview(), { replace: true });
      },
      (error) => {
        if (!conflictCurrent(error)) return false;
        void message.warning(t("firmEdit.deleteStale", { name: firm.name }));
        onChanged();
        return true;
      },
    );

  return (
    <Space wrap className="page-actions">
      <Button type="primary" onClick={() => setEdit({ kind: "edit", firm })} data-testid="firm-edit">
        {t("firmEdit.edit")}
      </Button>
      <Popconfirm
        title={t("firmEdit.deleteConfirm", { name: firm.name })}
        description={t("firmEdit.deleteHelp")}
        onConfirm={remove}
        okText={t("common.delete")}
        okButtonProps={{ danger: true, "data-testid": "firm-delete-confirm" }}
        cancelText={t("common.cancel")}
      >
        <Button danger loading={busy} data-testid="firm-delete">
          {t("firmEdit.delete")}
        </Button>
      </Popconfirm>
      <FirmEditor
        edit={edit}
        onClose={() => {
          setEdit(null);
          onChanged();
        }}
        onSaved={(saved) => {
          setEdit(null);
          void message.success(t("firmEdit.saved", { name: saved.name }));
          onChanged();
        }}
      />
    </Space>
  );
}

/** 关联环节: puts the firm into a segment of any chain (found by name or pinyin). */
export function LinkSegmentButton({ firm, onChanged }: { firm: FirmDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [segment, setSegment] = useState<PickableSegment | null>(null);
  const { busy, run } = useAction();
  const linked = new Set(firm.segments.map((s) => s.segmentId));

  const link = async () => {
    if (!segment) return;
    await run(async () => {
      await actions.linkFirm(firm.id, segment.id);
      void message.success(t("firmLink.linked", { firm: firm.name, segment: segment.name }));
      setOpen(false);
      setSegment(null);
      onChanged();
    });
  };

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="firm-link-segment">
        + {t("firmLink.linkSegment")}
      </Button>
      <Modal
        open={open}
        title={t("firmLink.linkSegmentTitle", { firm: firm.name })}
        onCancel={() => setOpen(false)}
        onOk={link}
        okText={t("firmLink.link")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        okButtonProps={{ disabled: !segment, "data-testid": "firm-link-segment-confirm" }}
        destroyOnHidden
      >
        <p className="muted">{t("firmLink.linkSegmentHelp")}</p>
        <SegmentPicker local={[]} exclude={linked} value={segment?.id ?? null} onChange={setSegment} placeholder={t("firmLink.searchSegment")} testId="firm-link-segment-pick" />
      </Modal>
    </>
  );
}

/** 移出: takes the firm out of one segment. */
export function UnlinkButton({
  firmId,
  firmName,
  segmentId,
  segmentName,
  version,
  onChanged,
}: {
  firmId: string;
  firmName: string;
  segmentId: string;
  segmentName: string;
  /** The link's version, as the read that showed it gave it. */
  version: number;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const unlink = () =>
    run(async () => {
      await actions.unlinkFirm(firmId, segmentId, version);
      void message.success(t("firmLink.unlinked", { firm: firmName, segment: segmentName }));
      onChanged();
    });
  return (
    <Popconfirm title={t("firmLink.unlinkConfirm", { firm: firmName, segment: segmentName })} onConfirm={unlink} okText={t("common.ok")} cancelText={t("common.cancel")}>
      <Button type="link" size="small" danger loading={busy} data-testid={`unlink-${firmId}-${segmentId}`}>
        {t("firmLink.unlink")}
      </Button>
    </Popconfirm>
  );
}

/** 设为链主 / 取消链主 of a firm for one chain in one zone. */
export function LeaderButton({ zoneId, chainId, firmId, firmName, isLeader, onChanged }: { zoneId: string; chainId: string; firmId: string; firmName: string; isLeader: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { busy, run } = useAction();
  const toggle = () =>
    run(async () => {
      if (isLeader) await actions.unsetLeader(zoneId, chainId, firmId);
      else await actions.setLeader(zoneId, chainId, firmId);
      void message.success(t(isLeader ? "leader.unset" : "leader.set", { firm: firmName }));
      onChanged();
    });
  return (
    <Popconfirm title={t(isLeader ? "leader.unsetConfirm" : "leader.setConfirm", { firm: firmName })} onConfirm={toggle} okText={t("common.ok")} cancelText={t("common.cancel")}>
      <Button type="link" size="small" loading={busy} data-testid={`${isLeader ? "unset" : "set"}-leader-${firmId}`}>
        {isLeader ? t("leader.unsetShort") : t("leader.setShort")}
      </Button>
    </Popconfirm>
  );
}
