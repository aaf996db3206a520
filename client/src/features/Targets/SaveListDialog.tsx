/**
 * Saves a ranking as a target list: the rows picked by hand, or the first N. The list
 * records the filters it came from; the logged-in user is recorded as its creator.
 */
import { Alert, App, Form, Input, InputNumber, Modal, Radio } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import { splitFieldErrors } from "../../model/fieldErrors";
import { formatDate } from "../../model/format";
import { paths } from "../../model/paths";
import type { TargetQuery } from "../../model/targetQuery";
import { listFilters } from "../../model/targetQuery";

interface Props {
  open: boolean;
  onClose(): void;
  zone: { id: string; shortName: string };
  chain: { id: string; name: string };
  query: TargetQuery;
  selectedFirmIds: string[];
  resultCount: number;
}

interface Values {
  name: string;
  note: string;
  how: "selected" | "top";
  top: number;
}

const FIELDS = new Set(["name", "note", "top"]);

export function SaveListDialog({ open, onClose, zone, chain, query, selectedFirmIds, resultCount }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const how = Form.useWatch("how", form);

  useEffect(() => {
    if (!open) return;
    setGeneral([]);
    form.setFieldsValue({
      name: t("lists.defaultName", { zone: zone.shortName, chain: chain.name, date: formatDate(new Date()) }),
      note: "",
      how: selectedFirmIds.length ? "selected" : "top",
      top: Math.min(10, Math.max(1, resultCount)),
    });
  }, [open]);

  const submit = async (values: Values) => {
    setBusy(true);
    setGeneral([]);
    try {
      const base = { name: values.name.trim(), note: values.note ?? "", zoneId: zone.id, chainId: chain.id, filters: listFilters(query) };
      const list = await actions.createList(values.how === "selected" ? { ...base, firmIds: selectedFirmIds } : { ...base, top: values.top });
      void message.success(t("lists.saved", { name: list.name, count: list.entryCount }));
      onClose();
      navigate(paths.list(list.id));
    } catch (error) {
      if (error instanceof ApiError) {
        const { byField, general: rest } = splitFieldErrors(error.details, FIELDS);
        form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
        setGeneral(rest.length || byField.size ? rest : [error.message]);
      } else setGeneral([String(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("lists.saveTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("lists.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "save-list-confirm" }}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t("lists.name")} rules={[{ required: true, whitespace: true, message: t("lists.nameRequired") }]}>
          <Input maxLength={100} data-testid="list-name" />
        </Form.Item>
        <Form.Item name="how" label={t("lists.what")}>
          <Radio.Group>
            <Radio value="selected" disabled={selectedFirmIds.length === 0} data-testid="save-selected">
              {t("lists.whatSelected", { count: selectedFirmIds.length })}
            </Radio>
            <Radio value="top" data-testid="save-top">
              {t("lists.whatTop")}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {how === "top" && (
          <Form.Item name="top" label={t("lists.topN")} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} precision={0} data-testid="save-top-n" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("lists.note")}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
