/**
 * Shapes of the read API's responses. The server checks what it sends against these,
 * and the client parses what it receives with the same schemas.
 */
import { z } from "zod";
import {
  BottleneckFlag,
  Chain,
  ENTRY_STATUSES,
  EntryStatus,
  Firm,
  FirmTag,
  GapKind,
  GapThresholds,
  Id,
  IsoDate,
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
  Zone,
} from "./domain.js";
import type { EntryStatus as EntryStatusType, ScoreComponent } from "./domain.js";

export const Health = z.object({ status: z.literal("ok"), engine: z.enum(["kuzu", "neo4j"]) });

export const RegionList = z.array(Region);
export const RegionGroupList = z.array(RegionGroup);

export const FirmRef = z.object({ id: Id, name: z.string() });

/** A leading chain as seen from a zone: rank, leader and how much of it is covered locally. */
export const ZoneChainSummary = z.object({
  id: Id,
  name: z.string(),
  rank: z.number().int(),
  segmentCount: z.number().int(),
  coveredCount: z.number().int(),
  /** coveredCount / segmentCount, 0–1. */
  completeness: z.number().min(0).max(1),
  /** Segments that are missing, weak or bottlenecks. */
  gapCount: z.number().int(),
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
  capital: z.number().nullable(),
  tags: z.array(FirmTag),
  regionCode: RegionCode,
  isLeader: z.boolean(),
  segments: z.array(
    z.object({ segmentId: Id, products: z.string(), capacity: z.string(), confidence: z.number(), source: z.string() }),
  ),
});

export const MapProject = z.object({
  id: Id,
  name: z.string(),
  firmId: Id,
  firmName: z.string(),
  investment: z.number().nullable(),
  status: ProjectStatus,
  statusOn: IsoDate.nullable(),
  description: z.string(),
  source: z.string(),
  segmentIds: z.array(Id),
});

export const MapSegment = Segment.extend({
  localFirmCount: z.number().int(),
  /** True when a chain leader of the zone operates in this segment. */
  leader: z.boolean(),
  projectCount: z.number().int(),
  status: SegmentStatus,
  /** True when a signed (or later) project is filling this segment. */
  filling: z.boolean(),
});

/** A FEEDS link from or to a segment of another chain, shown at the map's edge. */
export const MapExternalLink = FeedLink;

export const ChainMap = z.object({
  zone: Zone,
  chain: ChainSummary,
  completeness: z.number().min(0).max(1),
  leaders: z.array(FirmRef),
  segments: z.array(MapSegment),
  links: z.array(z.object({ source: Id, target: Id })),
  externalLinks: z.array(MapExternalLink),
  firms: z.array(MapFirm),
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
  completeness: z.number().min(0).max(1),
  counts: z.object({
    segments: z.number().int(),
    covered: z.number().int(),
    missing: z.number().int(),
    weak: z.number().int(),
    bottleneck: z.number().int(),
    leaderDependency: z.number().int(),
    filling: z.number().int(),
  }),
  segments: z.array(SegmentDiagnosis),
  leaderDependencies: z.array(LeaderDependency),
});

const componentRecord = z.object(Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, z.number()])) as Record<ScoreComponent, z.ZodNumber>);

/** One ranked candidate with every part of its score and the reasons behind it. */
export const TargetResult = z.object({
  rank: z.number().int().min(1),
  firm: Firm.pick({ id: true, name: true, aliases: true, uscc: true, regionCode: true, capital: true, staff: true, revenue: true, tags: true, sample: true, source: true, asOf: true }),
  region: z.string(),
  distanceKm: z.number().nullable(),
  segments: z.array(z.object({ segmentId: Id, name: z.string(), status: SegmentStatus, confidence: z.number(), products: z.string(), source: z.string() })),
  ties: z.array(z.object({ direction: z.enum(["supplies", "buys"]), localId: Id, localName: z.string(), isLeader: z.boolean(), product: z.string() })),
  /** Each component 0–1. */
  components: componentRecord,
  weights: componentRecord,
  /** Points each component adds to the total (weights normalised to 100). */
  contributions: componentRecord,
  /** 0–100. */
  total: z.number(),
  /** 为何推荐: one line. */
  reason: z.string(),
});

export const TargetRanking = z.object({
  zone: Zone.pick({ id: true, name: true, shortName: true }),
  chain: Chain.pick({ id: true, name: true }),
  profile: ScoringProfile,
  filters: z.object({
    segmentIds: z.array(Id),
    regionGroup: Id.nullable(),
    regions: z.array(RegionCode),
    tags: z.array(FirmTag),
    minCapital: z.number().nullable(),
    limit: z.number().int(),
  }),
  targetSegments: z.array(z.object({ id: Id, name: z.string(), status: SegmentStatus })),
  candidateCount: z.number().int(),
  results: z.array(TargetResult),
});

export const ProfileList = z.array(ScoringProfile);

export const StatusChange = z.object({
  from: EntryStatus.nullable(),
  to: EntryStatus,
  by: z.string(),
  at: z.string(),
  note: z.string(),
});

export const ListEntry = z.object({
  id: Id,
  firm: Firm.pick({ id: true, name: true, aliases: true, regionCode: true, capital: true, tags: true, sample: true, source: true, asOf: true }),
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
});

export const FirmDetail = Firm.extend({
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
  projects: z.array(Project.omit({ firmId: true })),
  leads: z.array(z.object({ chainId: Id, chainName: z.string(), zoneId: Id })),
});

export const SearchResults = z.object({
  query: z.string(),
  firms: z.array(
    z.object({ id: Id, name: z.string(), aliases: z.array(z.string()), regionCode: RegionCode, zoneId: Id.nullable(), sample: z.boolean() }),
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
  links: z.number().int(),
  pendingReview: z.number().int(),
});

export const ImportReport = z.object({
  importId: z.string(),
  fileName: z.string(),
  mode: z.enum(["dry-run", "commit"]),
  source: z.string(),
  zoneId: z.string().nullable(),
  committed: z.boolean(),
  headerRow: z.number().int(),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  unknownColumns: z.array(z.string()),
  counts: ImportCounts,
  problemCount: z.number().int(),
  problems: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string(), fix: z.string() })),
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

export const ApiErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

export type Health = z.infer<typeof Health>;
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
export type TargetRanking = z.infer<typeof TargetRanking>;
export type StatusChange = z.infer<typeof StatusChange>;
export type ChainReport = z.infer<typeof ChainReport>;
export type ListEntry = z.infer<typeof ListEntry>;
export type TargetListSummary = z.infer<typeof TargetListSummary>;
export type TargetListDetail = z.infer<typeof TargetListDetail>;
