/** Number, money and date formatting as the users expect it (万元/亿元, 2026-11-22). */
import type { Currency, Firm } from "../../../server/model/domain";
import { CURRENCY_NAMES } from "../../../server/model/domain";
import type { Locale } from "./locale";

const WAN_PER_YI = 10_000;

/**
 * Money stored in 万元. Chinese readers think in 万元 below 1 亿 and in 亿元 above it;
 * English readers get CNY millions/billions (1 万元 = 10,000 yuan). A figure nobody
 * knows says so: unknown is not nothing.
 */
export function formatMoney(wan: number | null | undefined, locale: Locale = "zh-CN"): string {
  if (wan == null || !Number.isFinite(wan)) return locale === "en" ? "unknown" : "未知";
  if (locale === "en") {
    const yuan = wan * 10_000;
    if (yuan >= 1e9) return `CNY ${trimDecimals(yuan / 1e9, 2)} bn`;
    return `CNY ${trimDecimals(yuan / 1e6, 2)} m`;
  }
  if (wan >= WAN_PER_YI) return `${trimDecimals(wan / WAN_PER_YI, 2)} 亿元`;
  return `${groupThousands(trimDecimals(wan, 2))} 万元`;
}

/** 美元 in Chinese, USD in English. */
export function currencyLabel(currency: Currency, locale: Locale = "zh-CN"): string {
  return locale === "en" ? currency : CURRENCY_NAMES[currency];
}

/**
 * Registered capital as people read it, with the amount as given when it was in another
 * currency: "3,594.2 万元（500 万美元）"; without a rate, "未知（800 万新台币）".
 */
export function formatCapital(firm: Pick<Firm, "capital" | "capitalAmount" | "capitalCurrency">, locale: Locale = "zh-CN"): string {
  const converted = formatMoney(firm.capital, locale);
  if (!firm.capitalCurrency || firm.capitalAmount === null) return converted;
  const given =
    locale === "en"
      ? `${firm.capitalCurrency} ${trimDecimals((firm.capitalAmount * 10_000) / 1e6, 2)} m`
      : `${groupThousands(trimDecimals(firm.capitalAmount, 2))} 万${CURRENCY_NAMES[firm.capitalCurrency]}`;
  return locale === "en" ? `${converted} (${given})` : `${converted}（${given}）`;
}

/** 0.783 → "78%". */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** A local calendar date as 2026-11-22 (never the US or locale-dependent order). */
export function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An ISO timestamp as local 2026-11-22 14:05; text that is no time stays as it is. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function trimDecimals(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

function groupThousands(text: string): string {
  const [whole = "", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}
