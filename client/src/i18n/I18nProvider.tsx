/** The interface language: Chinese by default, English on request, remembered per browser. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import type { LaneId } from "../model/layout";
import type { Locale } from "../model/locale";
import { isLocale } from "../model/locale";
import { en, zhCN } from "./messages";
import type { MessageKey } from "./messages";

const STORAGE_KEY = "chainatlas.locale";

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = (locale === "en" ? en : zhCN)[key];
  return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match)) : text;
}

/** For names built at run time ("audit.entity.firm"): whether the interface has the text. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}

function initialLocale(): Locale {
  // ?lang=en lets a shared link open in English; otherwise the browser's last choice.
  const fromUrl = new URLSearchParams(window.location.search).get("lang");
  if (isLocale(fromUrl)) return fromUrl;
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return isLocale(stored) ? stored : "zh-CN";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  // Screen readers and the browser's own hyphenation follow the page's language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n needs an <I18nProvider> above it");
  return context;
}

/** The swimlane headers of a chain map in the interface language. */
export function useLaneLabels(): Record<LaneId, string> {
  const { t } = useI18n();
  return useMemo(
    () => ({
      inputs: t("lane.inputs"),
      upstream: t("stage.upstream"),
      midstream: t("stage.midstream"),
      downstream: t("stage.downstream"),
      outputs: t("lane.outputs"),
    }),
    [t],
  );
}
