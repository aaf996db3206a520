/**
 * 新增/编辑环节: name, stage, order within the stage, industry codes, keywords, description
 * and source. A change sends only the fields the person changed, with the version it was
 * based on; a stale one shows the conflict and keeps the person's edits.
 */
import { Alert, Form, Input, InputNumber, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import type { SegmentRecord } from "../../../../server/model/api";
import { SegmentRecord as SegmentRecordSchema } from "../../../../server/model/api";
import { STAGES } from "../../../../server/model/domain";
import type { Stage } from "../../../../server/model/domain";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import { conflictCurrent } from "../../model/conflict";
import { displayValue } from "../../model/auditDiff";
import { SEGMENT_FIELDS, segmentForm, segmentPayload } from "../../model/editForms";
import type { SegmentForm } from "../../model/editForms";
import { splitFieldErrors } from "../../model/fieldErrors";
import { ConflictNotice } from "./ConflictNotice";
import { useVersionedEdit } from "./useVersionedEdit";

/** A new segment goes after the last of its stage unless a position is given. */
export type SegmentEdit = { kind: "create"; chainId: string; stage: Stage } | { kind: "edit"; segment: SegmentRecord };

interface Props {
  /** What to edit, or null when closed. */
  edit: SegmentEdit | null;
  onClose(): void;
  onSaved(segment: SegmentRecord): void;
}

const FIELD_SET = new Set<string>(SEGMENT_FIELDS);

export function SegmentEditor({ edit, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<SegmentForm>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const versioned = useVersionedEdit<SegmentForm>(SEGMENT_FIELDS);

  const labels: Record<keyof SegmentForm, string> = {
    name: t("segmentEdit.name"),
    stage: t("segmentEdit.stage"),
    position: t("segmentEdit.position"),
    industryCodes: t("panel.industryCodes"),
    keywords: t("panel.keywords"),
    description: t("panel.description"),
    source: t("panel.source"),
  };

  useEffect(() => {
    if (!edit) return;
    setGeneral([]);
    form.resetFields();
    if (edit.kind === "edit") {
      const values = segmentForm(edit.segment);
      form.setFieldsValue(values);
      versioned.start(values, edit.segment.version);
    } else {
      form.setFieldsValue({ name: "", stage: edit.stage, industryCodes: [], keywords: [], description: "", source: "" });
      versioned.clearConflict();
    }
  }, [edit]);

  const showErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) return setGeneral([String(error)]);
    if (error.status === 404) return setGeneral([t("segmentEdit.gone")]);
    const { byField, general: rest } = splitFieldErrors(error.details, FIELD_SET);
    form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof SegmentForm, errors })));
    setGeneral(rest.length || byField.size ? rest : [error.message]);
  };

  const submit = async (values: SegmentForm) => {
    if (!edit) return;
    setBusy(true);
    setGeneral([]);
    try {
      if (edit.kind === "create") {
        const { source, position, ...rest } = segmentPayload(values);
        onSaved(await actions.createSegment(edit.chainId, { ...rest, ...(source ? { source } : {}), ...(position != null ? { position } : {}) }));
        return;
      }
      const pending = versioned.changes(values);
      if (!pending || Object.keys(pending.values).length === 0) return onClose();
      const saved = await actions.changeSegment(edit.segment.id, { version: pending.version, ...segmentPayload(pending.values) });
      onSaved(saved);
    } catch (error) {
      const current = SegmentRecordSchema.safeParse(conflictCurrent(error));
      if (edit.kind === "edit" && current.success) form.setFieldsValue(versioned.rebase(values, segmentForm(current.data), current.data.version));
      else showErrors(error);
    } finally {
      setBusy(false);
    }
  };

  const stageName = (value: unknown) => (typeof value === "string" && (STAGES as readonly string[]).includes(value) ? t(`stage.${value as Stage}`) : displayValue(value));
  return (
    <Modal
      open={edit !== null}
      title={edit?.kind === "edit" ? t("segmentEdit.editTitle", { name: edit.segment.name }) : t("segmentEdit.newTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "segment-save" }}
      width={620}
      forceRender
      data-testid="segment-editor"
    >
      {versioned.conflict && <ConflictNotice conflict={versioned.conflict} labels={labels} format={(field, value) => (field === "stage" ? stageName(value) : displayValue(value))} />}
      {general.length > 0 && <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} data-testid="segment-errors" />}
      <Form form={form} layout="vertical" onFinish={submit} className="edit-form">
        <Form.Item name="name" label={labels.name} rules={[{ required: true, whitespace: true, message: t("segmentEdit.nameRequired") }]}>
          <Input maxLength={100} data-testid="segment-name" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="stage" label={labels.stage} style={{ flex: 1 }}>
            <Select<Stage> options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} data-testid="segment-stage" />
          </Form.Item>
          <Form.Item name="position" label={labels.position} extra={t("segmentEdit.positionHelp")} style={{ flex: 1 }}>
            <InputNumber min={0} max={10000} precision={0} style={{ width: "100%" }} data-testid="segment-position" />
          </Form.Item>
        </div>
        <Form.Item name="industryCodes" label={labels.industryCodes} extra={t("segmentEdit.codesHelp")}>
          <Select mode="tags" tokenSeparators={[",", "，", " ", "、"]} open={false} suffixIcon={null} data-testid="segment-codes" />
        </Form.Item>
        <Form.Item name="keywords" label={labels.keywords} extra={t("segmentEdit.keywordsHelp")}>
          <Select mode="tags" tokenSeparators={[",", "，", "、"]} open={false} suffixIcon={null} data-testid="segment-keywords" />
        </Form.Item>
        <Form.Item name="description" label={labels.description}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="segment-description" />
        </Form.Item>
        <Form.Item name="source" label={labels.source} extra={t("edit.sourceHelp")}>
          <Input maxLength={200} data-testid="segment-source" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
