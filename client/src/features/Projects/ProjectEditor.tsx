/**
 * Adds a project or edits one: name, firm, zone, the segments it fills, investment, status
 * and the day it reached it. A stale save (someone changed the project meanwhile) shows
 * the project as it is now; the person's changes are kept in the form to save again.
 */
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select, Timeline } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { PROJECT_STATUSES, type ProjectStatus } from "../../../../server/model/domain";
import type { ProjectDetail } from "../../../../server/model/progress";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime } from "../../model/format";
import { FirmPicker, useFirmPicker } from "../Editing/FirmPicker";

interface Values {
  name: string;
  zoneId: string | null;
  chainId: string | null;
  segmentIds: string[];
  investment: number | null;
  status: ProjectStatus;
  statusOn: dayjs.Dayjs | null;
  description: string;
  note: string;
}

interface Props {
  /** null: a new project. */
  project: ProjectDetail | null;
  open: boolean;
  onClose(): void;
  onSaved(project: ProjectDetail): void;
}

export function ProjectEditor({ project, open, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const picker = useFirmPicker();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [base, setBase] = useState<ProjectDetail | null>(project);
  const zones = useApi(api.zones());
  const chainId = Form.useWatch("chainId", form) ?? null;
  const zoneId = Form.useWatch("zoneId", form) ?? null;
  const chain = useApi(chainId ? api.chain(chainId) : null);

  useEffect(() => {
    if (!open) return;
    setBase(project);
    setError(null);
    picker.reset();
    if (project) {
      // The box names the firm the project has; typing another drops it, as in every picker.
      picker.search.setText(project.firm.name);
      picker.setFirm(project.firm);
    }
    form.setFieldsValue({
      name: project?.name ?? "",
      zoneId: project?.zone.id ?? null,
      chainId: project?.chainIds[0] ?? null,
      segmentIds: project?.segments.map((s) => s.id) ?? [],
      investment: project?.investment ?? null,
      status: project?.status ?? "洽谈",
      statusOn: project?.statusOn ? dayjs(project.statusOn) : null,
      description: project?.description ?? "",
      note: "",
    });
    // Opening on another project resets the form; the picker and form are stable.
  }, [open, project?.id]);

  const chainOptions = useMemo(() => {
    const zone = zones.data?.find((z) => z.id === zoneId);
    const chains = zone ? zone.chains : [...new Map((zones.data ?? []).flatMap((z) => z.chains).map((c) => [c.id, c])).values()];
    return chains.map((c) => ({ value: c.id, label: c.name }));
  }, [zones.data, zoneId]);
  const segmentOptions = useMemo(() => {
    const own = (chain.data?.segments ?? []).map((s) => ({ value: s.id, label: s.name }));
    const kept = (base?.segments ?? []).filter((s) => !own.some((o) => o.value === s.id)).map((s) => ({ value: s.id, label: s.name }));
    return [...own, ...kept];
  }, [chain.data, base]);

  const save = async () => {
    const values = await form.validateFields();
    const firm = picker.firm;
    if (!firm) {
      setError(t("projects.firmRequired"));
      return;
    }
    const fields = {
      name: values.name,
      firmId: firm.id,
      zoneId: values.zoneId!,
      segmentIds: values.segmentIds,
      investment: values.investment ?? null,
      status: values.status,
      // No day given: the server dates a new status today.
      statusOn: values.statusOn ? values.statusOn.format("YYYY-MM-DD") : undefined,
      description: values.description ?? "",
    };
    setSaving(true);
    setError(null);
    try {
      const saved = base ? await actions.changeProject(base.id, { version: base.version, ...fields, note: values.note ?? "" }) : await actions.createProject(fields);
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "conflict" && base) {
        const current = (caught.details as { current?: ProjectDetail } | null)?.current;
        if (current) setBase(current);
        setError(t("projects.conflict"));
      } else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={project ? t("projects.editTitle", { name: project.name }) : t("projects.newTitle")}
      onCancel={onClose}
      onOk={save}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
      okButtonProps={{ "data-testid": "project-save" }}
    >
      {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="project-error" />}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        // A new status happened on a new day: the old status's date does not carry over.
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.status !== undefined) form.setFieldValue("statusOn", changed.status === base?.status ? (base.statusOn ? dayjs(base.statusOn) : null) : null);
        }}
      >
        <Form.Item name="name" label={t("projects.name")} rules={[{ required: true, whitespace: true, message: t("projects.nameRequired") }]}>
          <Input maxLength={200} data-testid="project-name" />
        </Form.Item>
        <Form.Item label={t("projects.firm")} required>
          <FirmPicker picker={picker} testId="project-firm" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="zoneId" label={t("projects.zone")} rules={[{ required: true, message: t("projects.zoneRequired") }]}>
            <Select options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.shortName }))} style={{ width: 200 }} data-testid="project-zone" />
          </Form.Item>
          <Form.Item name="chainId" label={t("projects.chain")}>
            <Select options={chainOptions} style={{ width: 200 }} data-testid="project-chain" />
          </Form.Item>
        </div>
        <Form.Item name="segmentIds" label={t("projects.segments")} rules={[{ required: true, type: "array", min: 1, message: t("projects.segmentsRequired") }]}>
          <Select mode="multiple" options={segmentOptions} loading={chain.status === "loading"} data-testid="project-segments" />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="investment" label={t("projects.investmentWan")}>
            <InputNumber min={0} max={1e10} style={{ width: 200 }} data-testid="project-investment" />
          </Form.Item>
          <Form.Item name="status" label={t("projects.status")}>
            <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))} style={{ width: 140 }} data-testid="project-status" />
          </Form.Item>
          <Form.Item name="statusOn" label={t("projects.statusOn")} tooltip={t("projects.statusOnHelp")}>
            <DatePicker placeholder={t("projects.statusOnToday")} data-testid="project-status-on" />
          </Form.Item>
        </div>
        {project && (
          <Form.Item name="note" label={t("projects.note")}>
            <Input maxLength={500} placeholder={t("projects.notePlaceholder")} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t("projects.description")}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {base && base.history.length > 0 && (
        <>
          <div className="section-label">{t("projects.history")}</div>
          <Timeline
            items={base.history.map((h) => ({
              content: (
                <span>
                  {h.from ? `${t(`projectStatus.${h.from}`)} → ` : ""}
                  {t(`projectStatus.${h.to}`)} · {h.on ?? t("projects.noDate")} · {h.by}（{formatDateTime(h.at)}）{h.note ? ` · ${h.note}` : ""}
                </span>
              ),
            }))}
          />
        </>
      )}
    </Modal>
  );
}
