/**
 * 编辑 / 删除 for the selected segment, beside its details on the map (editors only). The
 * segment's version comes from its own record, not from the map.
 */
import { App, Button, Popconfirm } from "antd";
import { useState } from "react";
import type { MapSegment } from "../../../../server/model/api";
import { actions } from "../../api/actions";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { conflictCurrent } from "../../model/conflict";
import { useAction } from "../common/useAction";
import { useSession } from "../Session/SessionProvider";
import type { SegmentEdit } from "./SegmentEditor";
import { SegmentEditor } from "./SegmentEditor";

interface Props {
  segment: MapSegment;
  /** After a save: the map reloads. */
  onChanged(): void;
  /** After a delete: the map reloads and the selection clears. */
  onDeleted(): void;
}

export function SegmentEditControls({ segment, onChanged, onDeleted }: Props) {
  const { can } = useSession();
  if (!can.edit) return null;
  return <Controls segment={segment} onChanged={onChanged} onDeleted={onDeleted} />;
}

function Controls({ segment, onChanged, onDeleted }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const segmentRecord = useApi(api.segment(segment.id));
  const record = segmentRecord.data;
  const [edit, setEdit] = useState<SegmentEdit | null>(null);
  const { busy, run } = useAction();

  const remove = async () => {
    if (!record) return;
    await run(
      async () => {
        await actions.deleteSegment(record.id, record.version);
        void message.success(t("segmentEdit.deleted", { name: record.name }));
        onDeleted();
      },
      (error) => {
        if (!conflictCurrent(error)) return false;
        void message.warning(t("segmentEdit.deleteStale", { name: record.name }));
        segmentRecord.refresh();
        onChanged();
        return true;
      },
    );
  };

  return (
    <>
      <Button onClick={() => record && setEdit({ kind: "edit", segment: record })} disabled={!record} loading={segmentRecord.status === "loading"} data-testid="segment-edit">
        {t("segmentEdit.edit")}
      </Button>
      <Popconfirm
        title={t("segmentEdit.deleteConfirm", { name: segment.name })}
        description={t("segmentEdit.deleteHelp")}
        onConfirm={remove}
        okText={t("common.delete")}
        okButtonProps={{ danger: true, "data-testid": "segment-delete-confirm" }}
        cancelText={t("common.cancel")}
      >
        <Button danger disabled={!record} loading={busy} data-testid="segment-delete">
          {t("segmentEdit.delete")}
        </Button>
      </Popconfirm>
      <SegmentEditor
        edit={edit}
        onClose={() => {
          setEdit(null);
          // A conflict may have shown a newer version: the next edit starts from it.
          segmentRecord.refresh();
        }}
        onSaved={(saved) => {
          setEdit(null);
          void message.success(t("segmentEdit.saved", { name: saved.name }));
          segmentRecord.refresh();
          onChanged();
        }}
      />
    </>
  );
}
