/**
 * Adds a firm to a list by hand: find it by name or pinyin, say which segment of the
 * chain it would fill (or let the server take the firm's own segment in the chain).
 */
import { Alert, Form, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import type { TargetListDetail } from "../../../../server/model/api";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { splitFieldErrors } from "../../model/fieldErrors";
import { FirmPicker, useFirmPicker } from "../Editing/FirmPicker";

interface Props {
  open: boolean;
  list: Pick<TargetListDetail, "id" | "chainId">;
  onClose(): void;
  onAdded(list: TargetListDetail): void;
}

export function AddEntryDialog({ open, list, onClose, onAdded }: Props) {
  const { t } = useI18n();
  const picker = useFirmPicker();
  const { firm } = picker;
  const [segmentId, setSegmentId] = useState<string | undefined>();
  const [errors, setErrors] = useState<{ firm?: string; segment?: string; general?: string }>({});
  const [busy, setBusy] = useState(false);
  const chain = useApi(open ? api.chain(list.chainId) : null);

  useEffect(() => {
    if (!open) return;
    picker.reset();
    setSegmentId(undefined);
    setErrors({});
  }, [open]);

  const submit = async () => {
    if (!firm) return setErrors({ firm: t("addEntry.pickFirm") });
    setBusy(true);
    setErrors({});
    try {
      const updated = await actions.addEntry(list.id, { firmId: firm.id, ...(segmentId ? { segmentId } : {}) });
      onAdded(updated);
    } catch (error) {
      if (!(error instanceof ApiError)) return setErrors({ general: String(error) });
      if (error.status === 409) return setErrors({ firm: t("addEntry.already") });
      const { byField, general } = splitFieldErrors(error.details, new Set(["segmentId", "firmId"]));
      setErrors({
        segment: byField.get("segmentId") ? t("addEntry.needSegment") : undefined,
        firm: byField.get("firmId")?.join("；"),
        general: general.length ? general.join("；") : byField.size ? undefined : error.message,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("addEntry.title")}
      onCancel={onClose}
      onOk={submit}
      okText={t("addEntry.add")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ disabled: !firm, "data-testid": "add-entry-confirm" }}
    >
      {errors.general && <Alert type="error" showIcon title={errors.general} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t("addEntry.firm")} validateStatus={errors.firm ? "error" : undefined} help={errors.firm ?? (firm ? t("addEntry.picked", { name: firm.name }) : t("addEntry.firmHelp"))}>
          <FirmPicker picker={picker} testId="add-entry" />
        </Form.Item>
        <Form.Item label={t("addEntry.segment")} validateStatus={errors.segment ? "error" : undefined} help={errors.segment ?? t("addEntry.segmentHelp")}>
          <Select
            allowClear
            placeholder={t("addEntry.segmentAuto")}
            value={segmentId}
            onChange={setSegmentId}
            loading={chain.status === "loading"}
            status={chain.status === "error" ? "error" : undefined}
            options={(chain.data?.segments ?? []).map((s) => ({ value: s.id, label: `${t(`stage.${s.stage}`)} · ${s.name}` }))}
            data-testid="add-entry-segment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
