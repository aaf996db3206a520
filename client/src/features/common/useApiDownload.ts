/**
 * Downloads an export from the API as a file, with a busy flag for the button and the
 * failure said in words (a plain link would leave the person on a page of JSON).
 */
import { App } from "antd";
import { useCallback, useState } from "react";
import { ApiError, getFile } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import { downloadBlob } from "./download";

export function useApiDownload(): { busy: string | null; download(path: string, fallbackName: string, key?: string): Promise<void> } {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (path: string, fallbackName: string, key = path) => {
      setBusy(key);
      try {
        const { blob, fileName } = await getFile(path);
        const name = fileName ?? fallbackName;
        downloadBlob(blob, name);
        void message.success(t("download.done", { file: name }));
      } catch (error) {
        void message.error(t("download.failed", { reason: error instanceof ApiError ? error.message : String(error) }));
      } finally {
        setBusy(null);
      }
    },
    [message, t],
  );
  return { busy, download };
}
