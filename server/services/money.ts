/**
 * Registered capital given in another currency: kept as given (amount in 万 units and the
 * currency) and converted to 万元 at the exchange-rate table's rate, so every figure that
 * compares firms (sizes, thresholds, sums) is in one unit. Without a rate the 万元 figure
 * is unknown, never the foreign number read as 万元.
 */
import type { Currency, ExchangeRate, Firm } from "../model/domain.js";

export type Capital = Pick<Firm, "capital" | "capitalAmount" | "capitalCurrency">;

/** 万 units of `currency` → capital as stored: 万元, and the amount as given when foreign. */
export function capitalIn(amount: number | null, currency: Currency, rates: readonly Pick<ExchangeRate, "currency" | "cnyPerUnit">[]): Capital {
  if (amount === null) return { capital: null, capitalAmount: null, capitalCurrency: null };
  if (currency === "CNY") return { capital: amount, capitalAmount: null, capitalCurrency: null };
  const rate = rates.find((r) => r.currency === currency)?.cnyPerUnit;
  // Six decimals of 万 is one cent; more would only carry floating-point noise.
  return { capital: rate === undefined ? null : Math.round(amount * rate * 1e6) / 1e6, capitalAmount: amount, capitalCurrency: currency };
}

/** The capital as its firm gave it: the foreign amount and currency, else the 万元 figure. */
export function givenCapital(firm: Capital): { amount: number | null; currency: Currency } {
  return firm.capitalCurrency ? { amount: firm.capitalAmount, currency: firm.capitalCurrency } : { amount: firm.capital, currency: "CNY" };
}
