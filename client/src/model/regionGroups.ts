/**
 * The region groups a chain's target ranking offers, in the order a promotion team looks:
 * the chain's own target areas first (钢铁 → 唐山、邢台 …), then 京津冀, then the other
 * economic areas and partnerships. Target areas of other chains are left out.
 */
import type { RegionGroup } from "../../../server/model/domain";

const JINGJINJI = "jingjinji";

export function regionGroupsFor(groups: readonly RegionGroup[], chainId: string, chosen: string | null = null): RegionGroup[] {
  const own = groups.filter((g) => g.kind === "industry-target" && g.chainIds.includes(chainId));
  const jingjinji = groups.filter((g) => g.id === JINGJINJI);
  const others = groups.filter((g) => g.kind !== "industry-target" && g.id !== JINGJINJI);
  const offered = [...own, ...jingjinji, ...others];
  // A shared link may name a group this chain would not offer: keep it, so the filter shows it.
  const kept = chosen && !offered.some((g) => g.id === chosen) ? groups.filter((g) => g.id === chosen) : [];
  return [...offered, ...kept];
}
