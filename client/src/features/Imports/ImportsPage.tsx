/**
 * 数据导入: upload an export from 企查查/天眼查 or a statistics list (CSV or XLSX), as a dry
 * run (check only) or for real, and see the recent imports.
 */
import { Alert, App, Button, Form, Input, Radio, Select, Table, Tag, Typography, Upload } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import type { ImportJob, ImportMode } from "../../api/importSchemas";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { paths } from "../../model/paths";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";
import { useSession } from "../Session/SessionProvider";
import { JobStatusTag } from "./JobStatusTag";

const ACCEPT = ".csv,.xlsx";

export function ImportsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const jobs = useApi(api.imports());
  return (
    <div className="imports-page page">
      <PageHeading title={t("imports.title")} subtitle={t("imports.subtitle")} />
      <div className="imports-layout">
        {can.edit ? <UploadForm /> : <Alert type="info" showIcon title={t("auth.readOnly")} className="read-only-note" data-testid="read-only" />}
        <section className="imports-recent">
          <Typography.Title level={4}>{t("imports.recent")}</Typography.Title>
          <RequestState state={jobs}>{(data) => <RecentImports jobs={data} />}</RequestState>
        </section>
      </div>
    </div>
  );
}

function UploadForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const zones = useApi(api.zones());
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("dry-run");
  const [source, setSource] = useState("");
  const [zoneId, setZoneId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    if (!file) return setError(t("imports.pickFile"));
    setBusy(true);
    setError(null);
    try {
      const { id } = await actions.startImport(file, { mode, source, zoneId: zoneId ?? null });
      void message.info(t("imports.started", { file: file.name }));
      navigate(paths.importJob(id));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form layout="vertical" className="upload-form" onFinish={start} data-testid="upload-form">
      <Form.Item label={t("imports.file")} required>
        <Upload.Dragger
          accept={ACCEPT}
          multiple={false}
          maxCount={1}
          beforeUpload={(picked) => {
            setFile(picked);
            setError(null);
            // Sent with the form, not by the Upload component.
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: "file", name: file.name, size: file.size, status: "done" }] : []}
          data-testid="upload-file"
        >
          <p className="upload-text">{t("imports.drop")}</p>
          <p className="upload-hint">{t("imports.dropHint")}</p>
        </Upload.Dragger>
      </Form.Item>
      <Form.Item label={t("imports.mode")}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-testid="upload-mode">
          <Radio value="dry-run" data-testid="mode-dry-run">
            {t("imports.dryRun")}
          </Radio>
          <Radio value="commit" data-testid="mode-commit">
            {t("imports.commit")}
          </Radio>
        </Radio.Group>
        <div className="firm-meta">{mode === "dry-run" ? t("imports.dryRunHelp") : t("imports.commitHelp")}</div>
      </Form.Item>
      <Form.Item label={t("imports.source")} extra={t("imports.sourceHelp")}>
        <Input value={source} maxLength={200} onChange={(e) => setSource(e.target.value)} placeholder={t("imports.sourcePlaceholder")} data-testid="upload-source" />
      </Form.Item>
      <Form.Item label={t("imports.zone")} extra={t("imports.zoneHelp")}>
        <Select
          allowClear
          placeholder={t("imports.noZone")}
          value={zoneId}
          onChange={setZoneId}
          loading={zones.status === "loading"}
          status={zones.status === "error" ? "error" : undefined}
          options={(zones.data ?? []).map((z) => ({ value: z.id, label: z.name }))}
          data-testid="upload-zone"
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="upload-error" />}
      <Button type="primary" htmlType="submit" loading={busy} disabled={!file} data-testid="upload-start">
        {mode === "dry-run" ? t("imports.startDryRun") : t("imports.startCommit")}
      </Button>
    </Form>
  );
}

function RecentImports({ jobs }: { jobs: ImportJob[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<ImportJob> = [
    {
      key: "file",
      title: t("imports.fileName"),
      render: (_, j) => (
        <>
          <Link to={paths.importJob(j.id)} className="firm-name">
            {j.fileName}
          </Link>
          <div className="firm-meta">{j.source}</div>
        </>
      ),
    },
    { key: "mode", title: t("imports.mode"), width: 90, render: (_, j) => <Tag>{j.mode === "dry-run" ? t("imports.dryRun") : t("imports.commit")}</Tag> },
    { key: "status", title: t("imports.status"), width: 100, render: (_, j) => <JobStatusTag job={j} /> },
    { key: "rows", title: t("imports.rows"), width: 80, align: "right", render: (_, j) => j.rowsTotal ?? j.rowsDone },
    { key: "at", title: t("imports.at"), width: 110, render: (_, j) => j.createdAt.slice(0, 10) },
  ];
  return (
    <Table<ImportJob>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={jobs}
      pagination={jobs.length > 15 ? { pageSize: 15 } : false}
      data-testid="recent-imports"
      locale={{ emptyText: <div className="empty-hint">{t("imports.none")}</div> }}
    />
  );
}
