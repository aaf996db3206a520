/**
 * A fact's source in words: a document by its title, not its file name, and “public
 * information” as 公开资料 in Chinese (server/model/sources.ts, the rule the exports use).
 */
import { useCallback } from "react";
import { sourceLabel } from "../../../../server/model/sources";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";

export function useSourceLabel(): (source: string) => string {
  const { locale } = useI18n();
  const documents = useApi(api.documents()).data;
  return useCallback((source: string) => sourceLabel(source, documents ?? [], locale), [documents, locale]);
}
