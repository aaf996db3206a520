/**
 * 新增/编辑企业: identity (name, 统一社会信用代码, aliases), where it is (region, zone),
 * size, tags and where the facts came from. A code another firm holds already is said at
 * the field, naming that firm; a stale save keeps the person's edits over the current record.
 */
import { Alert, Cascader, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch } from "antd";
import dayjs from "dayjs";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { z } from "zod";
import type { FirmDetail } from "../../../../server/model/api";
import { CURRENCIES, FIRM_TAGS, Firm } from "../../../../server/model/domain";
import type { Currency } from "../../../../server/model/domain";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { displayValue } from "../../model/auditDiff";
import { conflictCurrent } from "../../model/conflict";
import { FIRM_FIELDS, duplicateFirm, firmForm, firmPayload, regionPath, regionTree } from "../../model/editForms";
import type { FirmForm } from "../../model/editForms";
import { splitFieldErrors } from "../../model/fieldErrors";
import { currencyLabel, formatMoney } from "../../model/format";
import { paths } from "../../model/paths";
import { STANDINGS, type Standing } from "../../../../server/model/standing";
import { ConflictNotice } from "./ConflictNotice";
import { useVersionedEdit } from "./useVersionedEdit";

export type FirmEdit = { kind: "create"; defaults: Partial<FirmForm> } | { kind: "edit"; firm: FirmDetail };

interface Props {
  edit: FirmEdit | null;
  onClose(): void;
  onSaved(firm: { id: string; name: string }): void;
}

const DATE_FORMAT = "YYYY-MM-DD";
const FIELD_SET = new Set<string>(FIRM_FIELDS);
/** The current firm a conflict carries: the firm's own fields and its version. */
const CurrentFirm = Firm.extend({ version: z.number().int() });

const EMPTY: FirmForm = {
  name: "",
  uscc: "",
  aliases: [],
  regionCode: "",
  zoneId: null,
  capital: null,
  capitalCurrency: "CNY",
  foundedOn: null,
  staff: null,
  revenue: null,
  tags: [],
  sample: false,
  source: "",
  asOf: null,
  standing: null,
};

/** DatePicker shows dayjs; the form keeps the text the API takes. */
const dateProps = {
  getValueProps: (value: string | null) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format(DATE_FORMAT) : null),
};

export function FirmEditor({ edit, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<FirmForm>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);
  const [duplicate, setDuplicate] = useState<{ id: string; name: string } | null>(null);
  const versioned = useVersionedEdit<FirmForm>(FIRM_FIELDS);
  const open = edit !== null;
  const zones = useApi(open ? api.zones() : null);
  const provinces = useApi(open ? api.regions("province") : null);
  const cities = useApi(open ? api.regions("city") : null);
  const counties = useApi(open ? api.regions("county") : null);
  const regions = useMemo(() => [...(provinces.data ?? []), ...(cities.data ?? []), ...(counties.data ?? [])], [provinces.data, cities.data, counties.data]);
  const regionOptions = useMemo(() => regionTree(regions), [regions]);

  const labels: Record<keyof FirmForm, string> = {
    name: t("firmEdit.name"),
    uscc: t("firm.uscc"),
    aliases: t("firmEdit.aliases"),
    regionCode: t("firm.region"),
    zoneId: t("firm.zone"),
    capital: t("firmEdit.capital"),
    capitalCurrency: t("firmEdit.capitalCurrency"),
    foundedOn: t("firm.founded"),
    staff: t("firm.staff"),
    revenue: t("firmEdit.revenue"),
    tags: t("firm.tags"),
    sample: t("firmEdit.sample"),
    source: t("panel.source"),
    asOf: t("firmEdit.asOf"),
    standing: t("firm.standing"),
  };

  useEffect(() => {
    if (!edit) return;
    setGeneral([]);
    setDuplicate(null);
    form.resetFields();
    if (edit.kind === "edit") {
      const values = firmForm(edit.firm);
      form.setFieldsValue(values);
      versioned.start(values, edit.firm.version);
    } else {
      form.setFieldsValue({ ...EMPTY, ...edit.defaults });
      versioned.clearConflict();
    }
  }, [edit]);

  const showErrors = (error: unknown) => {
    if (!(error instanceof ApiError)) return setGeneral([String(error)]);
    if (error.status === 404) return setGeneral([t("firmEdit.gone")]);
    if (error.code === "duplicate_uscc") {
      const existing = duplicateFirm(error.details);
      setDuplicate(existing);
      form.setFields([{ name: "uscc", errors: [existing ? t("firmEdit.duplicate", { name: existing.name }) : error.message] }]);
      return;
    }
    const { byField, general: rest } = splitFieldErrors(error.details, FIELD_SET);
    form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof FirmForm, errors })));
    setGeneral(rest.length || byField.size ? rest : [error.message]);
  };

  const submit = async (values: FirmForm) => {
    if (!edit) return;
    setBusy(true);
    setGeneral([]);
    setDuplicate(null);
    try {
      if (edit.kind === "create") {
        const { source, ...rest } = firmPayload(values);
        onSaved(await actions.createFirm({ ...rest, ...(source ? { source } : {}) }));
        return;
      }
      const pending = versioned.changes(values);
      if (!pending || Object.keys(pending.values).length === 0) return onClose();
      onSaved(await actions.changeFirm(edit.firm.id, { version: pending.version, ...firmPayload(pending.values) }));
    } catch (error) {
      const current = CurrentFirm.safeParse(conflictCurrent(error));
      if (edit.kind === "edit" && current.success) form.setFieldsValue(versioned.rebase(values, firmForm(current.data), current.data.version));
      else showErrors(error);
    } finally {
      setBusy(false);
    }
  };

  const zoneName = (id: unknown) => zones.data?.find((z) => z.id === id)?.shortName ?? displayValue(id);
  const format = (field: keyof FirmForm, value: unknown) => {
    if (field === "revenue") return formatMoney(value as number | null, locale);
    if (field === "capitalCurrency") return currencyLabel(value as Currency, locale);
    if (field === "zoneId") return value ? zoneName(value) : t("firm.none");
    if (field === "regionCode") return regions.find((r) => r.code === value)?.name ?? displayValue(value);
    if (field === "sample") return value ? t("firmEdit.yes") : t("firmEdit.no");
    if (field === "standing") return value ? t(`firm.standing.${value as Standing}`) : t("firm.standing.unknown");
    return displayValue(value);
  };

  return (
    <Modal
      open={open}
      title={edit?.kind === "edit" ? t("firmEdit.editTitle", { name: edit.firm.name }) : t("firmEdit.newTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "firm-save" }}
      width={720}
      forceRender
      data-testid="firm-editor"
    >
      {versioned.conflict && <ConflictNotice conflict={versioned.conflict} labels={labels} format={format} />}
      {general.length > 0 && <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} data-testid="firm-errors" />}
      {duplicate && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="firm-duplicate"
          title={
            <>
              {t("firmEdit.duplicate", { name: duplicate.name })} <Link to={paths.firm(duplicate.id)}>{t("firmEdit.openExisting")}</Link>
            </>
          }
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} className="edit-form">
        <Form.Item name="name" label={labels.name} rules={[{ required: true, whitespace: true, message: t("firmEdit.nameRequired") }]}>
          <Input maxLength={100} data-testid="firm-name-input" />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            name="uscc"
            label={labels.uscc}
            style={{ flex: 1 }}
            rules={[{ pattern: /^\s*([0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18})?\s*$/, message: t("firmEdit.usccFormat") }]}
          >
            <Input maxLength={18} placeholder={t("firmEdit.usccHint")} data-testid="firm-uscc" />
          </Form.Item>
          <Form.Item name="aliases" label={labels.aliases} style={{ flex: 1 }}>
            <Select mode="tags" tokenSeparators={[",", "，", "、"]} open={false} suffixIcon={null} data-testid="firm-aliases" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item
            name="regionCode"
            label={labels.regionCode}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t("firmEdit.regionRequired") }]}
            getValueProps={(code: string) => ({ value: regionPath(code, regions) })}
            normalize={(path: string[] | undefined) => path?.at(-1) ?? ""}
          >
            <Cascader
              options={regionOptions}
              changeOnSelect
              showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
              placeholder={t("firmEdit.regionHint")}
              data-testid="firm-region"
            />
          </Form.Item>
          <Form.Item name="zoneId" label={labels.zoneId} extra={t("firmEdit.zoneHelp")} style={{ flex: 1 }}>
            <Select allowClear placeholder={t("firm.none")} options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.shortName }))} data-testid="firm-zone" />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item label={labels.capital} style={{ flex: 1.4 }} extra={t("firmEdit.capitalHelp")}>
            <Space.Compact style={{ width: "100%" }}>
              <Form.Item name="capital" noStyle>
                <InputNumber min={0} step={100} prefix={t("unit.wanPrefix")} style={{ width: "62%" }} data-testid="firm-capital" />
              </Form.Item>
              <Form.Item name="capitalCurrency" noStyle>
                <Select
                  style={{ width: "38%" }}
                  aria-label={labels.capitalCurrency}
                  options={CURRENCIES.map((c) => ({ value: c, label: currencyLabel(c, locale) }))}
                  data-testid="firm-capital-currency"
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="revenue" label={labels.revenue} style={{ flex: 1 }}>
            <InputNumber min={0} step={100} suffix={t("unit.wan")} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="staff" label={labels.staff} style={{ flex: 1 }}>
            <InputNumber min={0} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item name="foundedOn" label={labels.foundedOn} style={{ flex: 1 }} {...dateProps}>
            <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="asOf" label={labels.asOf} extra={t("firmEdit.asOfHelp")} style={{ flex: 1 }} {...dateProps}>
            <DatePicker format={DATE_FORMAT} placeholder={DATE_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
        </div>
        <Form.Item name="standing" label={labels.standing} extra={t("firmEdit.standingHelp")} normalize={(value?: Standing) => value ?? null}>
          <Select data-testid="firm-standing" allowClear placeholder={t("firm.standing.unknown")} options={STANDINGS.map((s) => ({ value: s, label: t(`firm.standing.${s}`) }))} />
        </Form.Item>
        <Form.Item name="tags" label={labels.tags}>
          <Select mode="multiple" options={FIRM_TAGS.map((tag) => ({ value: tag, label: tag }))} data-testid="firm-tags" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="source" label={labels.source} extra={t("edit.sourceHelp")} style={{ flex: 2 }}>
            <Input maxLength={200} data-testid="firm-source" />
          </Form.Item>
          <Form.Item name="sample" label={labels.sample} valuePropName="checked" extra={t("firmEdit.sampleHelp")} style={{ flex: 1 }}>
            <Switch />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
