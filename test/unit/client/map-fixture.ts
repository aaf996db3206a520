/** A small steel chain map as the API returns it, for the client's pure functions. */
import type { ChainMap, MapFirm, MapSegment } from "../../../server/model/api";
import { chainFigures } from "../../../server/services/gap-rules";
import type { Stage } from "../../../server/model/domain";

export function segment(id: string, stage: Stage, position: number, localFirmCount: number, extra: Partial<MapSegment> = {}): MapSegment {
  return {
    id,
    chainId: "steel",
    name: extra.name ?? id,
    stage,
    position,
    industryCodes: [],
    keywords: [],
    description: "",
    source: "test",
    localFirmCount,
    leader: false,
    projectCount: 0,
    status: localFirmCount === 0 ? "missing" : "strong",
    filling: false,
    ...extra,
  };
}

export function firm(id: string, segmentIds: string[], extra: Partial<MapFirm> = {}): MapFirm {
  return {
    id,
    name: extra.name ?? id,
    aliases: [],
    capital: null,
    tags: [],
    regionCode: "211382",
    isLeader: false,
    leaderId: extra.isLeader ? id : null,
    segments: segmentIds.map((segmentId) => ({ segmentId, products: "", capacity: "", confidence: 1, source: "test", version: 1 })),
    ...extra,
  };
}

/**
 * 铁精粉, 焦炭 → 炼铁 (leader) → 炼钢 (leader) → 热轧 → 冷轧, 型钢; 废钢 → 炼钢.
 * Local firms: 铁精粉 2, 焦炭 1, 炼铁 1, 炼钢 1, 热轧 1, 冷轧 0, 型钢 2, 废钢 0.
 * Statuses as the server's diagnosis gives them: 焦炭 and 废钢 feed the leader with at most
 * one local firm (卡点; 废钢 has none), 热轧 has one firm (弱链), 冷轧 none (缺链).
 */
export function steelMap(): ChainMap {
  const segments = [
    segment("iron-ore", "upstream", 0, 2, { name: "铁精粉" }),
    segment("coke", "upstream", 1, 1, { name: "焦炭", status: "bottleneck" }),
    segment("scrap", "upstream", 2, 0, { name: "废钢", status: "bottleneck" }),
    segment("ironmaking", "midstream", 0, 1, { name: "炼铁", leader: true }),
    segment("steelmaking", "midstream", 1, 1, { name: "炼钢", leader: true, projectCount: 1 }),
    segment("hot-rolling", "midstream", 2, 1, { name: "热轧", status: "weak" }),
    segment("cold-rolled", "downstream", 0, 0, { name: "冷轧带钢" }),
    segment("sections", "downstream", 1, 2, { name: "型钢" }),
  ];
  const links = [
    ["iron-ore", "ironmaking"],
    ["coke", "ironmaking"],
    ["ironmaking", "steelmaking"],
    ["scrap", "steelmaking"],
    ["steelmaking", "hot-rolling"],
    ["hot-rolling", "cold-rolled"],
    ["hot-rolling", "sections"],
  ].map(([source, target]) => ({ source: source!, target: target! }));
  return {
    zone: { id: "lingyuan", name: "凌源经济开发区", shortName: "凌源经开区", countyCode: "211382", description: "", source: "test" },
    chain: { id: "steel", name: "钢铁冶金", nameEn: "Steel", description: "", source: "test", segmentCount: segments.length },
    figures: chainFigures(segments.map((s) => ({ status: s.status, localFirmCount: s.localFirmCount, gaps: [], filling: [], leaderOwn: s.leader }))),
    leaders: [{ id: "lingang", name: "凌钢集团" }],
    segments,
    links,
    externalLinks: [
      { source: "sections", target: "steel-structure", sourceChainId: "steel", targetChainId: "equipment", sourceName: "型钢", targetName: "钢结构" },
      { source: "coal", target: "coke", sourceChainId: "energy", targetChainId: "steel", sourceName: "原煤", targetName: "焦炭" },
    ],
    closedFirms: [],
    firms: [
      firm("lingang", ["ironmaking", "steelmaking", "hot-rolling"], { name: "凌源钢铁集团", isLeader: true, capital: 200000 }),
      firm("ore-a", ["iron-ore"], { capital: 3000 }),
      firm("ore-b", ["iron-ore"], { capital: 8000 }),
      firm("xuyang", ["coke"], { name: "旭阳焦化" }),
      firm("sec-a", ["sections"]),
      firm("sec-b", ["sections"]),
    ],
    projects: [],
  };
}
