/**
 * 设置 (admins): the gap thresholds every diagnosis uses — a covered segment with fewer
 * local firms, or less registered capital in total, counts as weak (弱链) — and the dated
 * exchange-rate table capital in other currencies is converted with. The API's field
 * errors show at the field; once saved, cached maps, gaps and rankings are read afresh.
 */
import { Alert, App, Button, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import { useState } from "react";
import { CURRENCIES } from "../../../../server/model/domain";
import type { ExchangeRate, GapThresholds } from "../../../../server/model/domain";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { splitFieldErrors } from "../../model/fieldErrors";
import { currencyLabel, formatMoney } from "../../model/format";
import { BackLink, useBackTo } from "../common/BackLink";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";

const FIELDS: ReadonlySet<string> = new Set(["minFirms", "minCapital"]);

export function SettingsPage() {
  const { t } = useI18n();
  const thresholds = useApi(api.gapThresholds());
  const rates = useApi(api.exchangeRates());
  const backTo = useBackTo();
  return (
    <div className="settings-page page">
      <PageHeading title={t("settings.title")} subtitle={t("settings.subtitle")} />
      <BackLink to={backTo} testId="settings-back">
        {t("settings.back")}
      </BackLink>
      <RequestState state={thresholds}>{(saved) => <ThresholdsForm saved={saved} onSaved={thresholds.refresh} />}</RequestState>
      <RequestState state={rates}>{(saved) => <ExchangeRatesForm saved={saved.rates} onSaved={rates.refresh} />}</RequestState>
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

type RateRow = Omit<ExchangeRate, "currency"> & { currency: ExchangeRate["currency"] | undefined };

/** The exchange-rate table: one row per currency (元 per unit, the date, the source); saving converts the firms in a changed currency. */
function ExchangeRatesForm({ saved, onSaved }: { saved: ExchangeRate[]; onSaved(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rates: RateRow[] }>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  const save = async (values: { rates: RateRow[] }) => {
    setBusy(true);
    setGeneral([]);
    try {
      const answer = await actions.saveExchangeRates(values.rates as ExchangeRate[]);
      form.setFieldsValue({ rates: answer.rates });
      void message.success(t("settings.ratesSaved", { count: answer.rates.length }));
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) return setGeneral([String(error)]);
      // Field errors name the row: body.rates.2.cnyPerUnit.
      const fields = (Array.isArray(error.details) ? error.details : []) as { field?: string; message?: string }[];
      const placed = fields.flatMap((d) => {
        const match = /^body\.rates\.(\d+)\.(\w+)$/.exec(d.field ?? "");
        return match ? [{ name: ["rates", Number(match[1]), match[2] as keyof RateRow] as ["rates", number, keyof RateRow], errors: [d.message ?? ""] }] : [];
      });
      form.setFields(placed);
      setGeneral(placed.length ? fields.filter((d) => !/^body\.rates\.\d+\./.test(d.field ?? "")).map((d) => d.message ?? "") : [error.message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ rates: saved }} onFinish={save} className="settings-form" data-testid="rates-form">
      <fieldset className="form-section">
        <legend>{t("settings.rates")}</legend>
        <Typography.Paragraph type="secondary">{t("settings.ratesHelp")}</Typography.Paragraph>
        {general.length > 0 && <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} data-testid="rates-errors" />}
        <Form.List name="rates">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Space key={row.key} align="start" wrap className="rate-row" data-testid="rate-row">
                  <Form.Item name={[row.name, "currency"]} rules={[{ required: true, message: t("settings.rateCurrencyRequired") }]}>
                    <Select
                      style={{ width: 130 }}
                      placeholder={t("settings.rateCurrency")}
                      options={CURRENCIES.filter((c) => c !== "CNY").map((c) => ({ value: c, label: `${currencyLabel(c, locale)} ${c}` }))}
                      data-testid="rate-currency"
                    />
                  </Form.Item>
                  <Form.Item name={[row.name, "cnyPerUnit"]} rules={[{ required: true, message: t("settings.rateRequired") }]}>
                    <InputNumber min={0} step={0.01} prefix="1 =" suffix={t("settings.rateUnit")} style={{ width: 190 }} data-testid="rate-value" />
                  </Form.Item>
                  <Form.Item name={[row.name, "asOf"]} rules={[{ required: true, message: t("settings.rateDateRequired") }]}>
                    <Input placeholder="2026-11-22" style={{ width: 120 }} data-testid="rate-date" />
                  </Form.Item>
                  <Form.Item name={[row.name, "source"]} rules={[{ required: true, message: t("settings.rateSourceRequired") }]}>
                    <Input placeholder={t("settings.rateSource")} style={{ width: 300 }} data-testid="rate-source" />
                  </Form.Item>
                  <Button onClick={() => remove(row.name)} aria-label={t("settings.rateRemove")}>
                    ✕
                  </Button>
                </Space>
              ))}
              <div>
                <Button onClick={() => add({ currency: undefined, cnyPerUnit: null, asOf: new Date().toISOString().slice(0, 10), source: "" })} data-testid="rate-add">
                  + {t("settings.rateAdd")}
                </Button>
              </div>
            </>
          )}
        </Form.List>
      </fieldset>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rates-save">
          {t("settings.ratesSave")}
        </Button>
        <Button onClick={() => form.setFieldsValue({ rates: saved })}>{t("settings.reset")}</Button>
      </Space>
    </Form>
  );
}
