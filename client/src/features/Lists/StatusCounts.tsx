/** A list's pipeline at a glance: how many entries stand at each status. */
import type { EntryStatus } from "../../../../server/model/domain";
import { ENTRY_STATUSES } from "../../../../server/model/domain";
import { useI18n } from "../../i18n/I18nProvider";
import { ENTRY_STATUS_COLORS } from "./entryStatus";

export function StatusCounts({ counts, testId }: { counts: Record<EntryStatus, number>; testId?: string }) {
  const { t } = useI18n();
  return (
    <ul className="status-counts" data-testid={testId}>
      {ENTRY_STATUSES.map((status) => (
        <li key={status} className={counts[status] ? "" : "zero"} data-status={status}>
          <span className="status-dot" style={{ background: ENTRY_STATUS_COLORS[status] }} />
          {t(`entry.${status}`)} <b>{counts[status]}</b>
        </li>
      ))}
    </ul>
  );
}
