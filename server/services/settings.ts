/** Settings kept in the graph (so every app instance sees the same), as JSON text by key. */
import { z } from "zod";
import type { GraphStore, WriteStep } from "../graph/store.js";
import { auditStep } from "../audit/audit.js";
import { CURRENCY_NAMES, DEFAULT_EXCHANGE_RATES, DEFAULT_GAP_THRESHOLDS, ExchangeRates, GapThresholds } from "../model/domain.js";
import type { ExchangeRate } from "../model/domain.js";
import { cached } from "./read-cache.js";
import { readSaved } from "./rows.js";

const GAP_THRESHOLDS = "gap-thresholds";
const EXCHANGE_RATES = "exchange-rates";

/**
 * The saved thresholds, kept for the graph's version (read-cache.ts): every map, gap
 * diagnosis and ranking computed afresh asks for them, and any write may change them.
 * Shared: never changed in place.
 */
export function getGapThresholds(store: GraphStore): Promise<GapThresholds> {
  return cached(store, "settings:gap-thresholds", async () => {
    const [row] = await store.read("settings/get-setting", { key: GAP_THRESHOLDS });
    if (!row || typeof row.value !== "string") return DEFAULT_GAP_THRESHOLDS;
    return readSaved(GapThresholds, JSON.parse(row.value), DEFAULT_GAP_THRESHOLDS);
  });
}

export async function putGapThresholds(store: GraphStore, thresholds: GapThresholds, actor: string): Promise<GapThresholds> {
  const before = await getGapThresholds(store);
  await store.write([
    { query: "settings/put-setting", rows: [{ key: GAP_THRESHOLDS, value: JSON.stringify(thresholds) }] },
    auditStep(actor, { action: "setting.update", entity: "setting", entityId: GAP_THRESHOLDS, summary: `弱链阈值：企业数 ≥ ${thresholds.minFirms}，注册资本 ≥ ${thresholds.minCapital} 万元`, before, after: thresholds }),
  ]);
  return thresholds;
}

export const PartialGapThresholds = GapThresholds.partial();
export type PartialGapThresholds = z.infer<typeof PartialGapThresholds>;

/** The exchange-rate table: what admins saved, else the dated rates the app ships with. */
export async function getExchangeRates(store: GraphStore): Promise<ExchangeRate[]> {
  const [row] = await store.read("settings/get-setting", { key: EXCHANGE_RATES });
  const rates = !row || typeof row.value !== "string" ? DEFAULT_EXCHANGE_RATES : ExchangeRates.parse(JSON.parse(row.value));
  return [...rates].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * Saves the table and, in the same transaction, converts anew the capital of every firm
 * given in a currency whose rate changed (unknown when its rate was removed). One audit
 * entry says which rates changed.
 */
export async function putExchangeRates(store: GraphStore, rates: ExchangeRate[], actor: string): Promise<ExchangeRate[]> {
  const before = await getExchangeRates(store);
  const sorted = [...rates].sort((a, b) => a.currency.localeCompare(b.currency));
  const rateOf = (list: ExchangeRate[], currency: string) => list.find((r) => r.currency === currency)?.cnyPerUnit;
  const currencies = [...new Set([...before, ...sorted].map((r) => r.currency))];
  const changed = currencies.filter((c) => rateOf(before, c) !== rateOf(sorted, c));
  const steps: WriteStep[] = [{ query: "settings/put-setting", rows: [{ key: EXCHANGE_RATES, value: JSON.stringify(sorted) }] }];
  for (const currency of changed) {
    const cnyPerUnit = rateOf(sorted, currency);
    steps.push(cnyPerUnit === undefined ? { query: "firms/forget-capital", rows: [{ currency }] } : { query: "firms/convert-capital", rows: [{ currency, cnyPerUnit }] });
  }
  const words = changed.map((c) => `${CURRENCY_NAMES[c]} ${rateOf(before, c) ?? "无"} → ${rateOf(sorted, c) ?? "无"}`);
  const summary = words.length ? `汇率：${words.join("，")}（相关企业的注册资本已按新汇率折算）` : "汇率：日期或来源更新";
  steps.push(auditStep(actor, { action: "setting.update", entity: "setting", entityId: EXCHANGE_RATES, summary, before, after: sorted }));
  await store.write(steps);
  return sorted;
}
