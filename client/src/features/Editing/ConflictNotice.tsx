/**
 * Said after a stale save: someone changed the record meanwhile. The form now holds the
 * current record with the person's own changes kept; this names what the other change
 * did, and where both changed the same field, both values.
 */
import { Alert } from "antd";
import { useI18n } from "../../i18n/I18nProvider";
import { displayValue } from "../../model/auditDiff";
import type { EditConflict } from "./useVersionedEdit";

interface Props<F> {
  conflict: EditConflict<F>;
  labels: Record<keyof F, string>;
  /** A value as people read it (a stage's name, money in 万元); plain text by default. */
  format?: (field: keyof F, value: unknown) => string;
}

export function ConflictNotice<F>({ conflict, labels, format }: Props<F>) {
  const { t } = useI18n();
  const show = (field: keyof F, value: unknown) => (format ? format(field, value) : displayValue(value));
  const others = conflict.theirs.filter((f) => !conflict.clashes.includes(f));
  return (
    <Alert
      type="warning"
      showIcon
      className="conflict-notice"
      data-testid="conflict-notice"
      title={t("conflict.title")}
      description={
        <>
          <p>{t("conflict.kept", { version: conflict.version })}</p>
          {others.length > 0 && (
            <ul className="compact-list" data-testid="conflict-theirs">
              {others.map((field) => (
                <li key={String(field)}>{t("conflict.theirs", { field: labels[field], value: show(field, conflict.current[field]) })}</li>
              ))}
            </ul>
          )}
          {conflict.clashes.length > 0 && (
            <ul className="compact-list" data-testid="conflict-clashes">
              {conflict.clashes.map((field) => (
                <li key={String(field)}>
                  {t("conflict.clash", { field: labels[field], theirs: show(field, conflict.current[field]), mine: show(field, conflict.draft[field]) })}
                </li>
              ))}
            </ul>
          )}
          {conflict.theirs.length === 0 && <p>{t("conflict.noOverlap")}</p>}
          <p>{t("conflict.saveAgain")}</p>
        </>
      }
    />
  );
}
