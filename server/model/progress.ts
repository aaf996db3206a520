/**
 * Where things stand and what changed: the project register (项目库), the cockpit (驾驶舱)
 * and the history of each zone × chain's figures. The shapes the API publishes for them.
 */
import { z } from "zod";
import { ChainFigures, FirmRef } from "./api.js";
import { AmountWan, ENTRY_STATUSES, EntryStatus, Id, IsoDate, PROJECT_STATUSES, ProjectStatus, SEGMENT_STATUSES, SegmentStatus, StoredAmountWan } from "./domain.js";

const Count = z.number().int().nonnegative();

/** A project's status change: the day it happened, who recorded it and when. */
export const ProjectStatusChange = z.object({
  from: ProjectStatus.nullable(),
  to: ProjectStatus,
  /** The day the project reached `to` (as reported). */
  on: IsoDate.nullable(),
  by: z.string(),
  at: z.string(),
  note: z.string(),
});

/** The list entry a project came from, when it was signed from a target list. */
export const ProjectOrigin = z.object({ listId: Id, listName: z.string(), entryId: Id, entryStatus: EntryStatus });

export const RegisterProject = z.object({
  id: Id,
  name: z.string(),
  firm: FirmRef,
  zone: z.object({ id: Id, name: z.string() }),
  /** The chains its segments belong to (a project may build in more than one). */
  chainIds: z.array(Id),
  segments: z.array(z.object({ id: Id, name: z.string(), chainId: Id })),
  /** Planned investment in 万元; null: unknown. */
  investment: StoredAmountWan,
  status: ProjectStatus,
  /** The day the current status was reached. */
  statusOn: IsoDate.nullable(),
  /** The day each status was reached, as far as known (签约, 开工 = 在建, 投产 …). */
  dates: z.partialRecord(ProjectStatus, IsoDate),
  description: z.string(),
  source: z.string(),
  origin: ProjectOrigin.nullable(),
  version: z.number().int(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

export const ProjectDetail = RegisterProject.extend({ history: z.array(ProjectStatusChange) });

/** Count and investment of a set of projects; investment sums the known figures only. */
export const ProjectTotals = z.object({
  count: Count,
  investment: z.number(),
  /** How many of them have a known investment (the rest are not in the sum). */
  withInvestment: Count,
});
export const ProjectStatusTotals = z.object(Object.fromEntries(PROJECT_STATUSES.map((s) => [s, ProjectTotals])) as Record<ProjectStatus, typeof ProjectTotals>);

export const PROJECT_SORTS = ["statusOn", "investment", "name", "status", "zone"] as const;

/** The register's filters (query string). Lists are comma separated. */
export const ProjectQuery = z.object({
  zoneId: Id.optional(),
  chainId: Id.optional(),
  /** One or more statuses, comma separated: 签约,在建. */
  status: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      const statuses = text.split(",").map((s) => s.trim()).filter(Boolean);
      const bad = statuses.filter((s) => !ProjectStatus.safeParse(s).success);
      if (bad.length) ctx.addIssue({ code: "custom", message: `没有这样的项目状态：${bad.join("、")}（可选 ${PROJECT_STATUSES.join("、")}）` });
      return statuses as ProjectStatus[];
    }),
  /** Investment at least / at most (万元); a project with unknown investment is left out by either. */
  minInvestment: z.coerce.number().pipe(AmountWan).optional(),
  maxInvestment: z.coerce.number().pipe(AmountWan).optional(),
  /** The current status reached on or after / on or before this day. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Words in the project's or the firm's name. */
  q: z.string().trim().max(50).optional(),
  sort: z.enum(PROJECT_SORTS).default("statusOn"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type ProjectQuery = z.infer<typeof ProjectQuery>;

export const ProjectRegister = z.object({
  items: z.array(RegisterProject),
  /** For what the filter selects. */
  totals: ProjectTotals,
  byStatus: ProjectStatusTotals,
});

const projectFields = {
  name: z.string().trim().min(1, "请填写项目名称").max(200),
  firmId: Id,
  zoneId: Id,
  segmentIds: z.array(Id).min(1, "至少选择一个所补环节").max(20),
  investment: AmountWan.nullable(),
  status: ProjectStatus,
  /** The day the project reached its status (default: today). */
  statusOn: IsoDate.nullable(),
  description: z.string().max(2000),
  source: z.string().trim().min(1).max(500),
};

export const NewProject = z.object({
  ...projectFields,
  investment: projectFields.investment.default(null),
  status: projectFields.status.default("洽谈"),
  statusOn: projectFields.statusOn.optional(),
  description: projectFields.description.default(""),
  source: projectFields.source.optional(),
});
export const ProjectChange = z.object({ version: z.number().int().min(1), ...projectFields, note: z.string().max(500) }).partial().required({ version: true });

export type RegisterProject = z.infer<typeof RegisterProject>;
export type ProjectDetail = z.infer<typeof ProjectDetail>;
export type ProjectTotals = z.infer<typeof ProjectTotals>;
export type ProjectStatusTotals = z.infer<typeof ProjectStatusTotals>;
export type ProjectRegister = z.infer<typeof ProjectRegister>;
export type NewProject = z.infer<typeof NewProject>;
export type ProjectChange = z.infer<typeof ProjectChange>;
export type ProjectStatusChange = z.infer<typeof ProjectStatusChange>;

// ---------------------------------------------------------------- history

/** What a snapshot keeps of a zone × chain. */
export const SnapshotFigures = z.object({
  completeness: z.number().min(0).max(1),
  segments: Count,
  covered: Count,
  byStatus: z.object(Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, Count])) as Record<(typeof SEGMENT_STATUSES)[number], typeof Count>),
  /** Segments with a local firm: what 补齐 compares. */
  coveredSegmentIds: z.array(Id),
  localFirms: Count,
  projects: z.object(Object.fromEntries(PROJECT_STATUSES.map((s) => [s, Count])) as Record<ProjectStatus, typeof Count>),
  projectInvestment: z.number(),
  pipeline: z.object(Object.fromEntries(ENTRY_STATUSES.map((s) => [s, Count])) as Record<EntryStatus, typeof Count>),
  /**
   * Each segment's status by id, as the gap rules give it (the map's colours). Absent from
   * snapshots taken before it was kept: their per-segment comparison is limited to 补齐/失去.
   */
  segmentStatuses: z.record(Id, SegmentStatus).optional(),
});
export type SnapshotFigures = z.infer<typeof SnapshotFigures>;

export const ChainSnapshot = z.object({ zoneId: Id, chainId: Id, day: IsoDate, takenAt: z.string(), figures: SnapshotFigures });
export type ChainSnapshot = z.infer<typeof ChainSnapshot>;

/** One point of a completeness trend. */
export const TrendPoint = z.object({ day: IsoDate, completeness: z.number() });

/** What changed in a zone × chain since a day: compared with the figures as they stood then. */
export const SinceSummary = z.object({
  since: IsoDate,
  /** The day of the snapshot compared with; later than `since` when history starts after it; null: none yet. */
  baselineDay: IsoDate.nullable(),
  completenessThen: z.number().nullable(),
  completenessNow: z.number(),
  /** Segments with a local firm now that had none then. */
  filledSegments: z.array(z.object({ id: Id, name: z.string() })),
  /** Segments with a local firm then that have none now. */
  lostSegments: z.array(z.object({ id: Id, name: z.string() })),
  /** Projects that reached 签约 or later on or after `since`. */
  newlySigned: ProjectTotals,
  localFirmsThen: Count.nullable(),
  localFirmsNow: Count,
});
export type SinceSummary = z.infer<typeof SinceSummary>;

/**
 * How a segment changed since a day (docs/decisions/020-segment-changes-since-a-day.md):
 * - filled (补齐): no local firm then, one now — the segments "补齐 N 个环节" counts;
 * - worse (变差): its local firms gone, or its status more urgent (强 → 弱, 弱 → 缺链 …);
 * - improved (好转): its status less urgent, with local firms then and now (弱 → 强 …);
 * - unchanged;
 * - added (新增环节): not in the chain then, and no local firm now;
 * - unrecorded: the comparison cannot say (no snapshot before the day, or one that kept
 *   no per-segment statuses and the segment's coverage did not change).
 */
export const SINCE_CHANGES = ["filled", "improved", "worse", "unchanged", "added", "unrecorded"] as const;
export const SinceChange = z.enum(SINCE_CHANGES);
export type SinceChange = z.infer<typeof SinceChange>;

export const SegmentSince = z.object({
  id: Id,
  name: z.string(),
  /** When the day began; null: not known (see `change`). */
  statusThen: SegmentStatus.nullable(),
  /** Had a local firm when the day began; null: no snapshot before the day. */
  coveredThen: z.boolean().nullable(),
  statusNow: SegmentStatus,
  coveredNow: z.boolean(),
  change: SinceChange,
});
export type SegmentSince = z.infer<typeof SegmentSince>;

/** What changed in a zone × chain since a day, segment by segment, for the map. */
export const ChainChanges = z.object({
  zoneId: Id,
  chainId: Id,
  /** The same summary the cockpit and the report show. */
  since: SinceSummary,
  /** The snapshot compared with kept each segment's status; false: none before the day, or an older one without them. */
  segmentRecord: z.boolean(),
  segments: z.array(SegmentSince),
  counts: z.object(Object.fromEntries(SINCE_CHANGES.map((c) => [c, Count])) as Record<SinceChange, typeof Count>),
});
export type ChainChanges = z.infer<typeof ChainChanges>;

export const ChangesQuery = z.object({ since: IsoDate });

export const ChainHistory = z.object({ zoneId: Id, chainId: Id, trend: z.array(TrendPoint), since: SinceSummary });
export type ChainHistory = z.infer<typeof ChainHistory>;

export const HistoryQuery = z.object({ since: IsoDate.optional() });

// ---------------------------------------------------------------- cockpit

export const FunnelStep = z.object({ status: EntryStatus, count: Count, investment: z.number(), withInvestment: Count });

export const Reminder = z.object({
  entryId: Id,
  listId: Id,
  listName: z.string(),
  zoneId: Id,
  firm: FirmRef,
  segmentName: z.string(),
  status: EntryStatus,
  nextContactOn: IsoDate,
  /** Past its date, or due this week. */
  overdue: z.boolean(),
});
export const OwnerReminders = z.object({ owner: z.string(), reminders: z.array(Reminder) });

export const CockpitChange = z.object({ at: z.string(), actor: z.string(), action: z.string(), summary: z.string() });

export const CockpitChain = z.object({
  zone: z.object({ id: Id, name: z.string() }),
  chain: z.object({ id: Id, name: z.string() }),
  rank: z.number().int(),
  figures: ChainFigures,
  trend: z.array(TrendPoint),
  since: SinceSummary,
});

export const Cockpit = z.object({
  /** null: the whole city. */
  zone: z.object({ id: Id, name: z.string() }).nullable(),
  since: IsoDate,
  today: IsoDate,
  chains: z.array(CockpitChain),
  funnel: z.array(FunnelStep),
  projects: z.object({ totals: ProjectTotals, byStatus: ProjectStatusTotals }),
  newProjects: z.object({ totals: ProjectTotals, items: z.array(RegisterProject) }),
  reminders: z.array(OwnerReminders),
  changes: z.array(CockpitChange),
});
export const CockpitQuery = z.object({ zoneId: Id.optional(), since: IsoDate.optional() });

export type FunnelStep = z.infer<typeof FunnelStep>;
export type Reminder = z.infer<typeof Reminder>;
export type OwnerReminders = z.infer<typeof OwnerReminders>;
export type CockpitChain = z.infer<typeof CockpitChain>;
export type Cockpit = z.infer<typeof Cockpit>;
export type TrendPoint = z.infer<typeof TrendPoint>;
