/**
 * 标记卡点: a planner marks a segment as a bottleneck of the zone, with a note (the
 * logged-in user is recorded as who); or takes the mark off. The gap diagnosis then counts it, and the map shows it.
 */
import { App, Button, Form, Input, Modal, Popconfirm } from "antd";
import { useState } from "react";
import type { SegmentDiagnosis } from "../../../../server/model/api";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldDetails, fieldPath } from "../../model/fieldErrors";
import { useAction } from "../common/useAction";
import { useSession } from "../Session/SessionProvider";

interface Props {
  zoneId: string;
  segment: Pick<SegmentDiagnosis, "segmentId" | "name" | "flag">;
  /** Called after a change, so the owner reloads the gaps. */
  onChanged(): void;
  size?: "small" | "middle";
}

export function FlagControl({ zoneId, segment, onChanged, size = "middle" }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const { busy, run } = useAction();
  const [form] = Form.useForm<{ note: string }>();

  const submit = (values: { note: string }) =>
    run(
      async () => {
        await actions.flagSegment(zoneId, segment.segmentId, { note: values.note.trim() });
        setOpen(false);
        void message.success(t("flag.done", { segment: segment.name }));
        onChanged();
      },
      (error) => {
        const details = error instanceof ApiError ? fieldDetails(error.details) : [];
        if (!details.length) return false;
        form.setFields(details.map((d) => ({ name: fieldPath(d.field).at(-1) as "note", errors: [d.message] })));
        return true;
      },
    );

  const unflag = () =>
    run(async () => {
      await actions.unflagSegment(zoneId, segment.segmentId);
      void message.success(t("flag.removed", { segment: segment.name }));
      onChanged();
    });

  // Viewers read the flag in the diagnosis; only editors set or take it off.
  if (!can.edit) return null;
  if (segment.flag)
    return (
      <Popconfirm title={t("flag.unflagConfirm", { segment: segment.name })} onConfirm={unflag} okText={t("common.ok")} cancelText={t("common.cancel")}>
        <Button size={size} loading={busy} data-testid={`unflag-${segment.segmentId}`}>
          {t("flag.unflag")}
        </Button>
      </Popconfirm>
    );

  return (
    <>
      <Button
        size={size}
        onClick={() => setOpen(true)}
        data-testid={`flag-${segment.segmentId}`}
      >
        {t("flag.flag")}
      </Button>
      <Modal
        open={open}
        title={t("flag.title", { segment: segment.name })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t("flag.save")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        okButtonProps={{ "data-testid": "flag-save" }}
        // Mounted only while open (a gap table has many rows), fresh each time.
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ note: "" }}>
          <Form.Item name="note" label={t("flag.note")} rules={[{ required: true, whitespace: true, message: t("flag.noteRequired") }]} extra={t("flag.noteHelp")}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="flag-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
