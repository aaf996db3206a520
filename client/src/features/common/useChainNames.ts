/** Chain names by id in the interface language (maps carry only the ids of other chains). */
import { useMemo } from "react";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";

const NONE: ReadonlyMap<string, string> = new Map();

export function useChainNames(): ReadonlyMap<string, string> {
  const { locale } = useI18n();
  const chains = useApi(api.chains()).data;
  // Keyed on the data, not the request state, which is a new object on every render.
  return useMemo(
    () => (chains ? new Map(chains.map((c) => [c.id, locale === "en" ? c.nameEn : c.name])) : NONE),
    [chains, locale],
  );
}
