/**
 * Sends one change of a list entry with its version (the logged-in user makes it). A stale version
 * (someone changed the entry meanwhile) is said in words and the list reloads.
 */
import { App } from "antd";
import { useCallback } from "react";
import type { ListEntry } from "../../../../server/model/api";
import type { EntryChange } from "../../api/actions";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";

export type ChangeOutcome = { ok: true; entry: ListEntry } | { ok: false; conflict: boolean; error: unknown };

export function useEntryChange(listId: string, reload: () => void) {
  const { t } = useI18n();
  const { message, notification } = App.useApp();
  return useCallback(
    async (entry: ListEntry, change: Omit<EntryChange, "version">): Promise<ChangeOutcome | null> => {
      try {
        const updated = await actions.changeEntry(listId, entry.id, { ...change, version: entry.version });
        return { ok: true, entry: updated };
      } catch (error) {
        const conflict = error instanceof ApiError && error.status === 409;
        if (conflict) {
          notification.warning({
            title: t("board.conflictTitle"),
            description: t("board.conflict", { firm: entry.firm.name }),
            key: "entry-conflict",
            // The test and a person both need to see it.
            props: { "data-testid": "entry-conflict" } as object,
          });
          reload();
        } else void message.error(t("action.failed", { reason: (error as Error).message }));
        return { ok: false, conflict, error };
      }
    },
    [listId, reload, message, notification, t],
  );
}
