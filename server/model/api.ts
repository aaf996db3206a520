/**
 * Shapes of the read API's responses. The server checks what it sends against these,
 * and the client parses what it receives with the same schemas.
 */
import { z } from "zod";
import {
  BottleneckFlag,
  Chain,
  Currency,
  ENTRY_STATUSES,
  ExchangeRates,
  EntryStatus,
  Feeds,
  Firm,
  FirmStanding,
  FIRM_TAGS,
  FirmTag,
  GapKind,
  GapThresholds,
  Id,
  IsoDate,
  Leads,
  OperatesIn,
  BelongsToKind,
  Project,
  ProjectStatus,
  Region,
  RegionCode,
  RegionGroup,
  Segment,
  SCORE_COMPONENTS,
  ScoringProfile,
  SegmentStatus,
  Stage,
  StoredAmountWan,
  StoredFirm,
  StoredProject,
  Uscc,
  Zone,
} from "./domain.js";
import type { EntryStatus as EntryStatusType, ScoreComponent } from "./domain.js";

export const Health = z.object({ status: z.literal("ok"), engine: z.enum(["kuzu", "neo4j"]) });

export const RegionList = z.array(Region);
export const RegionGroupList = z.array(RegionGroup);

export const FirmRef = z.object({ id: Id, name: z.string() });

const Count = z.number().int().nonnegative();

/**
 * A chain's figures in a zone, as every screen, export and the API show them. Two figures
 * that must never be confused (docs/decisions/012-two-gap-figures.md):
 * - `byStatus`, 环节状态: each segment counted once, by its most urgent gap, so
 *   strong + weak + missing + bottleneck = segments. The map's colours, its status filter
 *   and the gap list (`gapSegments` = weak + missing + bottleneck) use this one.
 * - `byKind`, 缺口类型: how many segments carry each kind of gap. A segment may carry
 *   several (no local firm and on the leader's supply path), so these do not add up.
 */
export const ChainFigures = z.object({
  segments: Count,
  /** Segments with at least one local firm. */
  covered: Count,
  /** covered / segments, 0–1. */
  completeness: z.number().min(0).max(1),
  byStatus: z.object({ strong: Count, weak: Count, missing: Count, bottleneck: Count }),
  /** Segments whose status is not strong: the rows of every gap list. */
  gapSegments: Count,
  byKind: z.object({ missing: Count, weak: Count, bottleneck: Count, leaderDependency: Count }),
  /** Bottlenecks without a local firm: missing as well, and drawn so. */
  bottleneckWithoutFirms: Count,
  /** Gap segments that a signed (or later) project is filling (补链中). */
  filling: Count,
  /** Strong segments that only the chain leader's own capacity covers (链主自有). */
  leaderOwn: Count,
});

/** A leading chain as seen from a zone: rank, leader and its figures. */
export const ZoneChainSummary = z.object({
  id: Id,
  name: z.string(),
  rank: z.number().int(),
  figures: ChainFigures,
  leaders: z.array(FirmRef),
});

export const ZoneSummary = Zone.extend({ chains: z.array(ZoneChainSummary) });
export const ZoneList = z.array(ZoneSummary);
export const ZoneDetail = ZoneSummary.extend({ firmCount: z.number().int(), projectCount: z.number().int() });

export const ChainSummary = Chain.extend({ segmentCount: z.number().int() });
export const ChainList = z.array(ChainSummary);

export const FeedLink = z.object({
  source: Id,
  target: Id,
  sourceChainId: Id,
  targetChainId: Id,
  sourceName: z.string(),
  targetName: z.string(),
});
export const ChainDetail = ChainSummary.extend({ segments: z.array(Segment), links: z.array(FeedLink) });

export const MapFirm = z.object({
  id: Id,
  name: z.string(),
  aliases: z.array(z.string()),
  capital: StoredAmountWan,
  tags: z.array(FirmTag),
  regionCode: RegionCode,
  /** Its 登记状态 (model/standing.ts): a closed firm is listed apart (ChainMap.closedFirms), never as cover. */
  standing: FirmStanding.nullish(),
  isLeader: z.boolean(),
  /** The chain leader whose own capacity this firm is: itself, or the leader it belongs to (subsidiary or branch); else null. */
  leaderId: Id.nullable(),
  segments: z.array(
    /** `version`: the link's, to send back when changing or removing it. */
    z.object({ segmentId: Id, products: z.string(), capacity: z.string(), confidence: z.number(), source: z.string(), version: z.number().int() }),
  ),
});

export const MapProject = z.object({
  id: Id,
  name: z.string(),
  firmId: Id,
  firmName: z.string(),
  investment: StoredAmountWan,
  status: ProjectStatus,
  statusOn: IsoDate.nullable(),
  description: z.string(),
  source: z.string(),
  segmentIds: z.array(Id),
});

export const MapSegment = Segment.extend({
  localFirmCount: z.number().int(),
  /** True when a chain leader of the zone operates in this segment, itself or through a subsidiary or branch. */
  leader: z.boolean(),
  projectCount: z.number().int(),
  status: SegmentStatus,
  /** True when a signed (or later) project is filling this gap segment. */
  filling: z.boolean(),
});

/** A FEEDS link from or to a segment of another chain, shown at the map's edge. */
export const MapExternalLink = FeedLink;

export const ChainMap = z.object({
  zone: Zone,
  chain: ChainSummary,
  figures: ChainFigures,
  leaders: z.array(FirmRef),
  segments: z.array(MapSegment),
  links: z.array(z.object({ source: Id, target: Id })),
  externalLinks: z.array(MapExternalLink),
  firms: z.array(MapFirm),
  /** The zone's firms in the chain whose 登记状态 says they are closed: shown as closed, never counted as cover. */
  closedFirms: z.array(MapFirm),
  projects: z.array(MapProject),
});

/** One reason a segment is a gap, with the figures behind it and a sentence a leader can read. */
export const SegmentGap = z.object({
  kind: GapKind,
  reason: z.string(),
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
});

export const FillingProject = z.object({ id: Id, name: z.string(), status: ProjectStatus, firmName: z.string() });

export const SegmentDiagnosis = z.object({
  segmentId: Id,
  name: z.string(),
  stage: Stage,
  status: SegmentStatus,
  localFirmCount: z.number().int(),
  /** Registered capital (万元) of the local firms whose capital is known. */
  localCapital: z.number(),
  unknownCapitalCount: z.number().int(),
  leaderOperates: z.boolean(),
  /** A chain leader operates here (itself or through its group) and its own capacity is what covers the segment (链主自有). */
  leaderOwn: z.boolean(),
  /**
   * The local firms, the leader's own first, then by capital: who covers the segment.
   * `leaderId`: the chain leader whose own capacity the firm is (itself or its group's).
   */
  localFirms: z.array(z.object({ id: Id, name: z.string(), capital: z.number().nullable(), leaderId: Id.nullable() })),
  /** One sentence on who covers the segment locally (firms, capital, the leader's own capacity). */
  coverage: z.string(),
  /** The chain leader's segments this one supplies, directly or further down the chain. */
  feedsLeaderSegments: z.array(Id),
  flag: BottleneckFlag.nullable(),
  filling: z.array(FillingProject),
  gaps: z.array(SegmentGap),
});

/** An input the chain leader buys from outside the zone: a chance for 以商招商. */
export const LeaderDependency = z.object({
  leaderId: Id,
  leaderName: z.string(),
  supplierId: Id,
  supplierName: z.string(),
  supplierRegionCode: RegionCode,
  supplierRegion: z.string(),
  product: z.string(),
  /** The supplier's segments in this chain (empty when it supplies from outside the chain). */
  segmentIds: z.array(Id),
  reason: z.string(),
  source: z.string(),
});

export const ChainGaps = z.object({
  zone: Zone.pick({ id: true, name: true, shortName: true }),
  chain: Chain.pick({ id: true, name: true }),
  thresholds: GapThresholds,
  figures: ChainFigures,
  segments: z.array(SegmentDiagnosis),
  leaderDependencies: z.array(LeaderDependency),
});

const componentRecord = z.object(Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, z.number()])) as Record<ScoreComponent, z.ZodNumber>);
const knownComponentRecord = z.object(
  Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, z.number().nullable()])) as Record<ScoreComponent, z.ZodNullable<z.ZodNumber>>,
);

/** A firm a ranking names by its place: a branch, or the firm ranked in its stead. */
export const PlacedFirm = z.object({ id: Id, name: z.string(), regionCode: RegionCode, region: z.string() });

/** One ranked candidate with every part of its score and the reasons behind it. */
export const TargetResult = z.object({
  rank: z.number().int().min(1),
  /** `standing`: a suspended firm is ranked with a note (a closed one never is). */
  firm: StoredFirm.pick({ id: true, name: true, aliases: true, uscc: true, regionCode: true, capital: true, capitalAmount: true, capitalCurrency: true, staff: true, revenue: true, tags: true, sample: true, source: true, asOf: true, standing: true }),
  region: z.string(),
  distanceKm: z.number().nullable(),
  segments: z.array(z.object({ segmentId: Id, name: z.string(), status: SegmentStatus, confidence: z.number(), products: z.string(), source: z.string() })),
  ties: z.array(z.object({ direction: z.enum(["supplies", "buys"]), localId: Id, localName: z.string(), isLeader: z.boolean(), product: z.string() })),
  /** The firm's branches that operate in the gap: a branch does not decide, so its parent is ranked in its stead. */
  via: z.array(PlacedFirm),
  /** False for a branch (分公司, 分厂, 办事处) whose parent the graph does not know: ranked after every firm that can decide. */
  decisionMaker: z.boolean(),
  /** Each component 0–1; null when the firm's data does not say (left out, the other weights rescaled). */
  components: knownComponentRecord,
  weights: componentRecord,
  /** Points each component adds to the total (the weights of the known components normalised to 100); null when left out. */
  contributions: knownComponentRecord,
  /** The components left out for want of data. */
  missing: z.array(z.enum(SCORE_COMPONENTS)),
  /** 数据不全: what is unknown and how the total was reached; null when nothing is missing. */
  dataNote: z.string().nullable(),
  /** 0–100. */
  total: z.number(),
  /** 为何推荐: one line. */
  reason: z.string(),
});

/** A firm already won for the zone: a project sited there (signed or later) or a list entry signed or landed. */
export const WonFirm = z.object({
  firm: Firm.pick({ id: true, name: true, aliases: true, regionCode: true }),
  region: z.string(),
  /** How it was won, in words: 「项目」已签约, 清单「…」已落地. */
  how: z.array(z.string()),
});

export const TargetRanking = z.object({
  zone: Zone.pick({ id: true, name: true, shortName: true }),
  chain: Chain.pick({ id: true, name: true }),
  profile: ScoringProfile,
  filters: z.object({
    segmentIds: z.array(Id),
    regionGroup: Id.nullable(),
    /** The region group's name (京津冀, 江浙沪, 钢铁冶金招商重点区域 …), for a heading that says which. */
    regionGroupName: z.string().nullable().default(null),
    regions: z.array(RegionCode),
    tags: z.array(FirmTag),
    minCapital: z.number().nullable(),
    /** The map's region (招商地图), with its path (北京市 朝阳区): only firms inside it, within the regions above. */
    area: z.object({ code: RegionCode, name: z.string() }).nullable(),
    limit: z.number().int(),
  }),
  /**
   * The segments targeted. `leaderOwn`: the chain leader's own capacity covers it, so only the
   * suppliers it buys from outside the zone are targets there (its competitors never are).
   */
  targetSegments: z.array(z.object({ id: Id, name: z.string(), status: SegmentStatus, localFirmCount: z.number().int(), leaderOwn: z.boolean() })),
  candidateCount: z.number().int(),
  results: z.array(TargetResult),
  /** Firms in these segments already won for the zone: shown as won, never ranked. */
  won: z.array(WonFirm),
});

/** A longitude and latitude, in degrees. */
const LngLat = z.tuple([z.number(), z.number()]);

/** A region as 招商地图 draws it: a province, or a unit of a province's map (mapUnitsOf). */
export const MapRegion = z.object({ code: RegionCode, name: z.string(), level: z.enum(["province", "city"]) });

/**
 * One region's firms on 招商地图. `code` null is 未知地区: firms whose region code the
 * divisions do not know, counted rather than dropped.
 */
export const RegionTally = z.object({
  code: RegionCode.nullable(),
  name: z.string(),
  level: z.enum(["province", "city"]).nullable(),
  parentCode: RegionCode.nullable(),
  /** The region's centre, where known. */
  point: LngLat.nullable(),
  count: z.number().int(),
  /** The best-ranked firm there (a ranking's map). */
  best: z.object({ firmId: Id, name: z.string(), rank: z.number().int(), score: z.number() }).nullable(),
  /** Entries there by status (a target list's map). */
  statuses: z.object(Object.fromEntries(ENTRY_STATUSES.map((s) => [s, z.number().int()])) as Record<EntryStatusType, z.ZodNumber>).nullable(),
});

/** What every 招商地图 shares: where it stands, the way back up, and the firms by region. */
const GeographyBase = z.object({
  zone: Zone.pick({ id: true, name: true, shortName: true, countyCode: true }).extend({ point: LngLat.nullable() }),
  chain: Chain.pick({ id: true, name: true }),
  /** The region the map shows (null: all of China), and its ancestors from the province down. */
  area: MapRegion.nullable(),
  trail: z.array(MapRegion),
  /** Every province and map unit with firms, and 未知地区 last when any firm is there. */
  provinces: z.array(RegionTally),
  cities: z.array(RegionTally),
  unknown: RegionTally.nullable(),
});

/** 招商地图 of a ranking: the rows the targets table shows, with the same filters, by region. */
export const TargetGeography = GeographyBase.extend({
  /** The weight profile's distances: full distance score within nearKm, none beyond farKm. */
  profile: z.object({ id: Id, name: z.string(), nearKm: z.number(), farKm: z.number() }),
  candidateCount: z.number().int(),
  /** The table's order, and how many candidates it chose the rows from (as RankedTargets says). */
  order: z.enum(["score", "effect"]),
  orderedAmong: z.number().int().nonnegative(),
  shown: z.number().int(),
  /** Projects sited in the zone in this chain, signed or further along, at their firms' home regions. */
  projects: z.array(
    z.object({
      id: Id,
      name: z.string(),
      status: ProjectStatus,
      firmName: z.string(),
      regionCode: RegionCode,
      region: z.string(),
      provinceCode: RegionCode.nullable(),
      cityCode: RegionCode.nullable(),
      point: LngLat.nullable(),
    }),
  ),
});

/** 招商地图 of a target list: where its entries are, with their statuses. */
export const ListGeography = GeographyBase.extend({
  list: z.object({ id: Id, name: z.string() }),
  entryCount: z.number().int(),
});

/** A gap of one kind on one segment: what a 补链模拟 closes or leaves. */
export const GapRef = z.object({ segmentId: Id, name: z.string(), kind: GapKind });

/** 补链效果: what landing one candidate alone would change, by the same rules as the map. */
export const LandingEffect = z.object({
  closedGaps: z.array(GapRef),
  /** Completeness (0–1) with the candidate landed. */
  completenessAfter: z.number().min(0).max(1),
  gapSegmentsAfter: z.number().int().nonnegative(),
});

/** The ranking as the targets page shows it: each candidate's own effect and the 推荐组合. */
export const RankedTargets = TargetRanking.extend({
  /** How the results are ordered: by score (their rank), or by 补链效果. */
  order: z.enum(["score", "effect"]),
  /**
   * How many candidates the order chose the results from: every candidate by score; by
   * 补链效果, the first of them by score up to a bound (docs/decisions/022), all when fewer.
   */
  orderedAmong: z.number().int().nonnegative(),
  figures: ChainFigures,
  results: z.array(TargetResult.extend({ effect: LandingEffect })),
  /** 推荐组合: the fewest ranked candidates that close the most gaps (greedy set cover). */
  recommended: z.object({ firmIds: z.array(Id), closedGaps: z.array(GapRef), after: ChainFigures }),
});

/**
 * A firm asked for that a simulation leaves out, and why: it has landed since (located in
 * the zone, or won there: a project signed, a list entry signed or landed), it is no longer
 * in the graph, or it operates in no segment of the chain.
 */
export const SkippedFirm = z.object({
  firmId: Id,
  /** Null for a firm no longer in the graph: only its id is known. */
  name: z.string().nullable(),
  reason: z.enum(["landed", "signed", "deleted", "outside-chain", "closed"]),
  /** For a signed firm: how it was won, in words (「项目」已签约). */
  how: z.array(z.string()),
});

/** 补链模拟: the chain as if the firms had landed in the zone. Nothing is written. */
export const LandingSimulation = z.object({
  zone: Zone.pick({ id: true, name: true, shortName: true }),
  chain: Chain.pick({ id: true, name: true }),
  firms: z.array(z.object({ id: Id, name: z.string(), regionCode: RegionCode, region: z.string(), segments: z.array(z.object({ segmentId: Id, name: z.string() })) })),
  before: ChainFigures,
  after: ChainFigures,
  /** Segments whose status the landing changes. */
  changed: z.array(z.object({ segmentId: Id, name: z.string(), before: SegmentStatus, after: SegmentStatus })),
  closedGaps: z.array(GapRef),
  /** Gaps the landing brings (a missing segment with one firm is weak): shown, never hidden. */
  openedGaps: z.array(GapRef),
  /** The gap segments left after landing, with their gaps. */
  remainingGaps: z.array(z.object({ segmentId: Id, name: z.string(), status: SegmentStatus, kinds: z.array(GapKind) })),
  /** Landed firms in segments that feed a chain leader's segments: the new ties to the leader. */
  leaderTies: z.array(z.object({ firmId: Id, firmName: z.string(), segmentId: Id, segmentName: z.string(), leaderSegmentIds: z.array(Id), role: z.string() })),
  /** The map with the firms landed, drawn as the real one is. */
  map: ChainMap,
  /** Firms asked for but not landed (since landed, deleted, outside the chain), named on screen. */
  skipped: z.array(SkippedFirm),
});

/** A named 补链模拟 saved in the graph: the firms, re-simulated on the graph as it is when read. */
export const Scenario = z.object({
  id: Id,
  zoneId: Id,
  chainId: Id,
  name: z.string(),
  firmIds: z.array(Id),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const ScenarioList = z.array(Scenario);

export const ProfileList = z.array(ScoringProfile);

/** The exchange-rate table as the settings API reads and takes it. */
export const ExchangeRateTable = z.object({ rates: ExchangeRates });

export const StatusChange = z.object({
  from: EntryStatus.nullable(),
  to: EntryStatus,
  by: z.string(),
  at: z.string(),
  note: z.string(),
});

export const ListEntry = z.object({
  id: Id,
  firm: StoredFirm.pick({ id: true, name: true, aliases: true, regionCode: true, capital: true, tags: true, sample: true, source: true, asOf: true }),
  region: z.string(),
  segmentId: Id,
  segmentName: z.string(),
  status: EntryStatus,
  ownerTeam: z.string(),
  notes: z.string(),
  nextContactOn: IsoDate.nullable(),
  /** The ranking score (0–100) and reason when the firm was added. */
  score: z.number().nullable(),
  reason: z.string(),
  /** The project this entry became once signed. */
  projectId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optimistic concurrency: send it back with a change; a stale one gets 409. */
  version: z.number().int(),
  history: z.array(StatusChange),
});

export const TargetListSummary = z.object({
  id: Id,
  name: z.string(),
  zoneId: Id,
  chainId: Id,
  profileId: Id,
  createdBy: z.string(),
  createdAt: z.string(),
  note: z.string(),
  entryCount: z.number().int(),
  statusCounts: z.object(Object.fromEntries(ENTRY_STATUSES.map((s) => [s, z.number().int()])) as Record<EntryStatusType, z.ZodNumber>),
});
export const TargetListList = z.array(TargetListSummary);
export const TargetListDetail = TargetListSummary.extend({
  zone: Zone.pick({ id: true, name: true, shortName: true }),
  chain: Chain.pick({ id: true, name: true }),
  entries: z.array(ListEntry),
});

/** 一链一图 report: the map, its gaps, the top targets and where the pipeline stands. */
export const ChainReport = z.object({
  generatedAt: z.string(),
  map: ChainMap,
  gaps: ChainGaps,
  targets: TargetRanking,
  lists: z.array(TargetListDetail),
  /** A saved 补链模拟 printed with the report, simulated on the graph as it is now; null when none is chosen. */
  scenario: z
    .object({
      id: Id,
      name: z.string(),
      firms: z.array(z.object({ id: Id, name: z.string() })),
      closedGaps: z.array(GapRef),
      openedGaps: z.array(GapRef),
      before: ChainFigures,
      after: ChainFigures,
      skipped: z.array(SkippedFirm),
    })
    .nullable(),
});

export const FirmDetail = StoredFirm.extend({
  /** Optimistic concurrency: send it back with a change; a stale one gets 409. */
  version: z.number().int(),
  region: z.object({ code: RegionCode, path: z.string() }),
  zone: Zone.pick({ id: true, name: true, shortName: true }).nullable(),
  segments: z.array(
    z.object({
      segmentId: Id,
      segmentName: z.string(),
      stage: Stage,
      chainId: Id,
      chainName: z.string(),
      products: z.string(),
      capacity: z.string(),
      confidence: z.number(),
      source: z.string(),
      /** Why the firm was placed in the segment, when it was classified on import. */
      evidence: z.string(),
      /** The link's version, to send back when changing or removing it. */
      version: z.number().int(),
    }),
  ),
  ties: z.array(
    z.object({
      direction: z.enum(["supplies", "buys"]),
      otherId: Id,
      otherName: z.string(),
      otherZoneId: Id.nullable(),
      product: z.string(),
      source: z.string(),
    }),
  ),
  projects: z.array(StoredProject.omit({ firmId: true })),
  leads: z.array(z.object({ chainId: Id, chainName: z.string(), zoneId: Id })),
  /** The firm this one is a subsidiary or branch of, and those that are its own. */
  parent: z.object({ id: Id, name: z.string(), kind: BelongsToKind, source: z.string() }).nullable(),
  children: z.array(z.object({ id: Id, name: z.string(), kind: BelongsToKind, source: z.string() })),
});

/** The longest search text: names and pinyin fit well within it; a pasted paragraph does not. */
export const SEARCH_MAX_LENGTH = 50;

export const SearchResults = z.object({
  query: z.string(),
  firms: z.array(
    /** `standing`: its 登记状态 (a closed firm is found, and shown as closed). */
    z.object({ id: Id, name: z.string(), aliases: z.array(z.string()), regionCode: RegionCode, zoneId: Id.nullable(), sample: z.boolean(), standing: FirmStanding.nullish() }),
  ),
  segments: z.array(z.object({ id: Id, name: z.string(), stage: Stage, chainId: Id, chainName: z.string() })),
  chains: z.array(z.object({ id: Id, name: z.string(), nameEn: z.string() })),
});

/** What an import found: counts, the columns it recognised, and every problem with where it is. */
export const ImportCounts = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** Rows of firms whose 登记状态 says they are closed (注销, 吊销, 迁出 …): read, never imported. Absent in older reports. */
  closed: z.number().int().default(0),
  /** Of the closed rows, those of firms the graph held as live: marked closed (no target, no local firm from now on). */
  markedClosed: z.number().int().default(0),
  /** Rows whose 登记状态 (存续, 停业 …) gave a firm the graph held as closed its standing back. */
  reopened: z.number().int().default(0),
  links: z.number().int(),
  pendingReview: z.number().int(),
});

/** Where one data row landed: each segment with its confidence, evidence, and whether it is linked or waits for review. */
export const PlacementRow = z.object({
  /** The row number as Excel shows it. */
  row: z.number().int(),
  firmId: z.string(),
  name: z.string(),
  outcome: z.enum(["new", "updated", "unchanged"]),
  /** The place a region was taken from when the file left the region columns empty ("深圳市"). */
  regionFromName: z.string().nullable(),
  /** Why the firm landed in no segment, in words (absent when it landed somewhere, and in older imports). */
  nowhere: z.string().optional(),
  segments: z.array(
    z.object({
      segmentId: z.string(),
      segmentName: z.string(),
      chainName: z.string(),
      confidence: z.number(),
      evidence: z.string(),
      /** true: a segment link; false: waits for review. */
      linked: z.boolean(),
    }),
  ),
});
export type PlacementRow = z.infer<typeof PlacementRow>;

/** placed: at least one segment link; review: only suggestions; none: no segment at all. */
export const PLACEMENT_KINDS = ["placed", "review", "none"] as const;
export const PlacementKind = z.enum(PLACEMENT_KINDS);
export type PlacementKind = z.infer<typeof PlacementKind>;

/** How an import's firms landed, for every row; the rows themselves are stored apart (placement pages). */
export const PlacementSummary = z.object({
  /** Firms by kind, and how many of each are listed row by row (the rest are counted only). */
  counts: z.object({ placed: z.number().int(), review: z.number().int(), none: z.number().int() }),
  listed: z.object({ placed: z.number().int(), review: z.number().int(), none: z.number().int() }),
  /** Rows whose region was taken from the firm's name. */
  regionFromName: z.number().int(),
  /** Every segment that received a link or a suggestion, with how many. */
  bySegment: z.array(z.object({ segmentId: z.string(), segmentName: z.string(), chainId: z.string(), chainName: z.string(), links: z.number().int(), review: z.number().int() })),
});
export type PlacementSummary = z.infer<typeof PlacementSummary>;

/** One page of an import's placements of one kind. */
export const PlacementPage = z.object({ kind: PlacementKind, total: z.number().int(), listed: z.number().int(), offset: z.number().int(), rows: z.array(PlacementRow) });
export type PlacementPage = z.infer<typeof PlacementPage>;

export const ImportReport = z.object({
  importId: z.string(),
  fileName: z.string(),
  mode: z.enum(["dry-run", "commit"]),
  source: z.string(),
  zoneId: z.string().nullable(),
  committed: z.boolean(),
  headerRow: z.number().int(),
  /** The worksheet read, of a workbook: the first visible one with a header. */
  sheet: z.string().optional(),
  /** Other visible worksheets with a header of their own: not read (one list per import). */
  otherSheets: z.array(z.string()).optional(),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  unknownColumns: z.array(z.string()),
  counts: ImportCounts,
  problemCount: z.number().int(),
  problems: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string(), fix: z.string() })),
  /** Absent in reports of imports made before placements were kept. */
  placements: PlacementSummary.optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** An import job: where it stands, and its report when finished. */
export const ImportJob = z.object({
  id: z.string(),
  fileName: z.string(),
  mode: z.enum(["dry-run", "commit"]),
  source: z.string(),
  zoneId: z.string().nullable(),
  status: z.enum(["queued", "running", "done", "failed"]),
  rowsDone: z.number().int(),
  /** Known for CSV before the run (lines counted); for XLSX only at the end. */
  rowsTotal: z.number().int().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export const ImportJobWithReport = ImportJob.extend({ report: ImportReport.nullable() });
export type ImportJob = z.infer<typeof ImportJob>;
export type ImportJobWithReport = z.infer<typeof ImportJobWithReport>;

/** Segment links the classifier was unsure of, waiting for a person. */
export const PendingLink = z.object({
  firmId: Id,
  firmName: z.string(),
  regionCode: RegionCode,
  region: z.string(),
  attributes: z.record(z.string(), z.string()),
  segmentId: Id,
  segmentName: z.string(),
  chainId: Id,
  chainName: z.string(),
  confidence: z.number(),
  evidence: z.string(),
  importId: z.string(),
});
export const ReviewQueue = z.object({ total: z.number().int(), items: z.array(PendingLink) });
export type ReviewQueue = z.infer<typeof ReviewQueue>;

// ---------------------------------------------------------------- editing

/** A segment as editors see it: send `version` back with a change; a stale one gets 409. */
export const SegmentRecord = Segment.extend({ version: z.number().int() });

const Text = (max: number) => z.string().trim().max(max);
const Name = z.string().trim().min(1, "请填写名称").max(100);
/** Where an edited fact came from; the editor's name when not given. */
const EditSource = z.string().trim().min(1).max(200);

const segmentFields = {
  name: Name,
  stage: Stage,
  /** Display order within the stage; after the stage's last segment when not given. */
  position: z.number().int().min(0).max(10_000),
  industryCodes: Segment.shape.industryCodes.max(20),
  keywords: z.array(z.string().trim().min(1).max(50)).max(50),
  description: Text(2000),
  source: EditSource,
};

export const NewSegment = z.object({
  /** A slug such as steel-coke; made from the chain and the name's pinyin when not given. */
  id: Id.max(80).optional(),
  name: segmentFields.name,
  stage: segmentFields.stage,
  position: segmentFields.position.optional(),
  industryCodes: segmentFields.industryCodes.default([]),
  keywords: segmentFields.keywords.default([]),
  description: segmentFields.description.default(""),
  source: segmentFields.source.optional(),
});
export const SegmentChange = z.object({ version: z.number().int().min(1), ...segmentFields }).partial().required({ version: true });

/** `?version=N` on a DELETE: the version the person saw. */
export const VersionQuery = z.object({ version: z.coerce.number({ message: "请给出所删记录的版本（?version=）" }).int().min(1) });

export const NewFeeds = z.object({
  from: Id,
  to: Id,
  source: EditSource.optional(),
  /** A link that closes a FEEDS cycle is refused (409 feeds_cycle) unless confirmed. */
  confirmCycle: z.boolean().default(false),
});
export const FeedsRecord = Feeds;

const firmFields = {
  /** 18 characters; the GB 32100-2015 check character is verified too. Unique. */
  uscc: Uscc.nullable(),
  name: Name,
  aliases: z.array(z.string().trim().min(1).max(100)).max(20),
  regionCode: Firm.shape.regionCode,
  /** The zone a local firm is in; null for firms elsewhere. */
  zoneId: Id.nullable(),
  /** In 万 units of `capitalCurrency`: 500 with USD is 500万美元, converted to 万元 at the exchange-rate table's rate. */
  capital: Firm.shape.capital,
  /** The currency `capital` is in; CNY when creating, the firm's own when changing, unless given. */
  capitalCurrency: Currency,
  /** Where the capital figure is stated, when not in the firm's source; a changed capital without one is the editor's. */
  capitalSource: EditSource.nullable(),
  capitalAsOf: Firm.shape.capitalAsOf,
  foundedOn: Firm.shape.foundedOn,
  staff: Firm.shape.staff,
  revenue: Firm.shape.revenue,
  tags: z.array(FirmTag).max(FIRM_TAGS.length),
  sample: z.boolean(),
  source: EditSource,
  asOf: Firm.shape.asOf,
  attributes: z.record(z.string().trim().min(1).max(50), z.string().max(2000)),
  /** Its 登记状态 (model/standing.ts): closed takes it out of every ranking and every zone's cover; null: not known. */
  standing: FirmStanding.nullable(),
  /** The 登记状态 as written (吊销，未注销 …); by default the standing's own name. */
  standingText: z.string().trim().min(1).max(50).nullable(),
};

export const NewFirm = z.object({
  /** A slug; by default the one an import would give the firm (from the code, else name and region). */
  id: Id.max(80).optional(),
  uscc: firmFields.uscc.default(null),
  name: firmFields.name,
  aliases: firmFields.aliases.default([]),
  regionCode: firmFields.regionCode,
  zoneId: firmFields.zoneId.default(null),
  capital: firmFields.capital.default(null),
  capitalCurrency: firmFields.capitalCurrency.default("CNY"),
  capitalSource: firmFields.capitalSource.default(null),
  capitalAsOf: firmFields.capitalAsOf.default(null),
  foundedOn: firmFields.foundedOn.default(null),
  staff: firmFields.staff.default(null),
  revenue: firmFields.revenue.default(null),
  tags: firmFields.tags.default([]),
  sample: firmFields.sample.default(false),
  source: firmFields.source.optional(),
  /** When the facts were checked; today when not given. */
  asOf: firmFields.asOf.optional(),
  attributes: firmFields.attributes.default({}),
  standing: firmFields.standing.default(null),
  standingText: firmFields.standingText.default(null),
});
export const FirmChange = z.object({ version: z.number().int().min(1), ...firmFields }).partial().required({ version: true });

/** A firm's place in a segment (OPERATES_IN), with its version. */
export const FirmSegmentLink = OperatesIn.extend({ version: z.number().int() });
/**
 * PUT a firm's segment link: without `version` it must not exist yet (else 409 with the
 * current one); with `version` it must still be at that version.
 */
export const FirmSegmentInput = z.object({
  version: z.number().int().min(1).optional(),
  products: Text(500).default(""),
  capacity: Text(200).default(""),
  confidence: OperatesIn.shape.confidence.default(1),
  source: EditSource.optional(),
  evidence: Text(1000).default(""),
});

export const ChainLeader = Leads;

/** A FEEDS link that would close a cycle: the path it would complete, first segment last again. */
export const FeedsCycleDetails = z.object({ cycle: z.array(z.object({ id: Id, name: z.string() })) });

// ---------------------------------------------------------------- audit log

/** One write: who, when, what, and the record before (null: created) and after (null: deleted). */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
/** An entry as a page lists it: without the records before and after (`GET /api/audit/:id` has them). */
export const AuditListItem = AuditEntry.omit({ before: true, after: true });
/** Newest first; `nextCursor` asks for the following page (null: this is the last). */
export const AuditPage = z.object({ items: z.array(AuditListItem), nextCursor: z.string().nullable() });

const AuditDay = z.union([IsoDate, z.iso.datetime({ offset: true })]);
export const AuditQuery = z.object({
  actor: z.string().trim().min(1).max(100).optional(),
  entity: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(300).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  /** A day (YYYY-MM-DD, inclusive) or an instant. */
  from: AuditDay.optional(),
  /** A day (inclusive: the whole day) or an instant (exclusive). */
  to: AuditDay.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const ApiErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

export type Health = z.infer<typeof Health>;
export type ChainFigures = z.infer<typeof ChainFigures>;
export type ZoneChainSummary = z.infer<typeof ZoneChainSummary>;
export type ZoneSummary = z.infer<typeof ZoneSummary>;
export type ZoneDetail = z.infer<typeof ZoneDetail>;
export type ChainSummary = z.infer<typeof ChainSummary>;
export type ChainDetail = z.infer<typeof ChainDetail>;
export type FeedLink = z.infer<typeof FeedLink>;
export type MapFirm = z.infer<typeof MapFirm>;
export type MapProject = z.infer<typeof MapProject>;
export type MapSegment = z.infer<typeof MapSegment>;
export type ChainMap = z.infer<typeof ChainMap>;
export type FirmDetail = z.infer<typeof FirmDetail>;
export type SearchResults = z.infer<typeof SearchResults>;
export type FirmRef = z.infer<typeof FirmRef>;
export type SegmentGap = z.infer<typeof SegmentGap>;
export type FillingProject = z.infer<typeof FillingProject>;
export type SegmentDiagnosis = z.infer<typeof SegmentDiagnosis>;
export type LeaderDependency = z.infer<typeof LeaderDependency>;
export type ChainGaps = z.infer<typeof ChainGaps>;
export type TargetResult = z.infer<typeof TargetResult>;
export type WonFirm = z.infer<typeof WonFirm>;
export type TargetRanking = z.infer<typeof TargetRanking>;
export type GapRef = z.infer<typeof GapRef>;
export type LandingEffect = z.infer<typeof LandingEffect>;
export type RankedTargets = z.infer<typeof RankedTargets>;
export type LandingSimulation = z.infer<typeof LandingSimulation>;
export type SkippedFirm = z.infer<typeof SkippedFirm>;
export type Scenario = z.infer<typeof Scenario>;
export type StatusChange = z.infer<typeof StatusChange>;
export type ChainReport = z.infer<typeof ChainReport>;
export type ListEntry = z.infer<typeof ListEntry>;
export type TargetListSummary = z.infer<typeof TargetListSummary>;
export type TargetListDetail = z.infer<typeof TargetListDetail>;
export type MapRegion = z.infer<typeof MapRegion>;
export type RegionTally = z.infer<typeof RegionTally>;
export type TargetGeography = z.infer<typeof TargetGeography>;
export type ListGeography = z.infer<typeof ListGeography>;
export type SegmentRecord = z.infer<typeof SegmentRecord>;
export type NewSegment = z.infer<typeof NewSegment>;
export type SegmentChange = z.infer<typeof SegmentChange>;
export type NewFeeds = z.infer<typeof NewFeeds>;
export type FeedsRecord = z.infer<typeof FeedsRecord>;
export type NewFirm = z.infer<typeof NewFirm>;
export type FirmChange = z.infer<typeof FirmChange>;
export type FirmSegmentLink = z.infer<typeof FirmSegmentLink>;
export type FirmSegmentInput = z.infer<typeof FirmSegmentInput>;
export type ChainLeader = z.infer<typeof ChainLeader>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditListItem = z.infer<typeof AuditListItem>;
export type AuditPage = z.infer<typeof AuditPage>;
export type AuditQuery = z.infer<typeof AuditQuery>;
