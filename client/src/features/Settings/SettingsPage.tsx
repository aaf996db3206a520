/**
 * 设置 (admins): the gap thresholds every diagnosis uses — a covered segment with fewer
 * local firms, or less registered capital in total, counts as weak (弱链). The API's
 * field errors show at the field; once saved, cached maps and gaps are read afresh.
 */
import { Alert, App, Button, Form, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import type { GapThresholds } from "../../../../server/model/domain";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { splitFieldErrors } from "../../model/fieldErrors";
import { formatMoney } from "../../model/format";
import { BackLink, useBackTo } from "../common/BackLink";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";

const FIELDS: ReadonlySet<string> = new Set(["minFirms", "minCapital"]);

export function SettingsPage() {
  const { t } = useI18n();
  const thresholds = useApi(api.gapThresholds());
  const backTo = useBackTo();
  return (
    <div className="settings-page page">
      <PageHeading title={t("settings.title")} subtitle={t("settings.subtitle")} />
      <BackLink to={backTo} testId="settings-back">
        {t("settings.back")}
      </BackLink>
      <RequestState state={thresholds}>{(saved) => <ThresholdsForm saved={saved} onSaved={thresholds.refresh} />}</RequestState>
    </div>
  );
}

function ThresholdsForm({ saved, onSaved }: { saved: GapThresholds; onSaved(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<GapThresholds>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  const clearErrors = () => {
    setGeneral([]);
    form.setFields([...FIELDS].map((name) => ({ name: name as keyof GapThresholds, errors: [] })));
  };

  const save = async (values: GapThresholds) => {
    setBusy(true);
    clearErrors();
    try {
      const answer = await actions.saveGapThresholds({ minFirms: values.minFirms, minCapital: values.minCapital });
      form.setFieldsValue(answer);
      void message.success(t("settings.saved", { minFirms: answer.minFirms, minCapital: formatMoney(answer.minCapital, locale) }));
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) return setGeneral([String(error)]);
      const { byField, general: rest } = splitFieldErrors(error.details, FIELDS);
      form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof GapThresholds, errors })));
      setGeneral(rest.length || byField.size ? rest : [error.message]);
      if (byField.size) void message.error(t("settings.invalid"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={saved} onFinish={save} className="settings-form" data-testid="thresholds-form">
      <fieldset className="form-section">
        <legend>{t("settings.gapThresholds")}</legend>
        <Typography.Paragraph type="secondary">{t("settings.gapThresholdsHelp")}</Typography.Paragraph>
        {general.length > 0 && <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} data-testid="thresholds-errors" />}
        <Form.Item name="minFirms" label={t("settings.minFirms")} extra={t("settings.minFirmsHelp")} rules={[{ required: true, message: t("settings.minFirmsRequired") }]}>
          <InputNumber min={1} precision={0} suffix={t("settings.firmsUnit")} style={{ width: 200 }} data-testid="threshold-min-firms" />
        </Form.Item>
        <Form.Item name="minCapital" label={t("settings.minCapital")} extra={t("settings.minCapitalHelp")} rules={[{ required: true, message: t("settings.minCapitalRequired") }]}>
          <InputNumber min={0} step={1000} suffix={t("unit.wan")} style={{ width: 200 }} data-testid="threshold-min-capital" />
        </Form.Item>
      </fieldset>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="thresholds-save">
          {t("settings.save")}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue(saved);
            clearErrors();
          }}
          data-testid="thresholds-reset"
        >
          {t("settings.reset")}
        </Button>
      </Space>
    </Form>
  );
}
