import { Tag } from "antd";
import type { ImportJob } from "../../api/importSchemas";
import { useI18n } from "../../i18n/I18nProvider";

const COLORS: Record<ImportJob["status"], string> = { queued: "default", running: "processing", done: "success", failed: "error" };

export function JobStatusTag({ job }: { job: Pick<ImportJob, "status"> }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[job.status]} data-testid="job-status">
      {t(`imports.job.${job.status}`)}
    </Tag>
  );
}
