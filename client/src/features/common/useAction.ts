/**
 * Runs a change behind one button: the button is busy while it runs, and a failure is said
 * in words ("操作没有成功：…") unless the caller's `handled` takes it — a stale version or a
 * field error has its own place to be said.
 */
import { App } from "antd";
import { useCallback, useState } from "react";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";

export function failureReason(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}

export function useAction() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  /** Never rejects: Popconfirm keeps its OK button loading until the returned promise settles. */
  const run = useCallback(
    async (work: () => Promise<void>, handled?: (error: unknown) => boolean): Promise<void> => {
      setBusy(true);
      try {
        await work();
      } catch (error) {
        if (!handled?.(error)) void message.error(t("action.failed", { reason: failureReason(error) }));
      } finally {
        setBusy(false);
      }
    },
    [message, t],
  );
  return { busy, run };
}
