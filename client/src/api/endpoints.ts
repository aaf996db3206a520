/** The read API, one function per endpoint, each with the schema of its answer. */
import { z } from "zod";
import {
  AuditEntry,
  AuditPage,
  ChainDetail,
  ChainGaps,
  ChainList,
  ChainMap,
  ChainReport,
  ExchangeRateTable,
  FirmDetail,
  ProfileList,
  RegionGroupList,
  RegionList,
  SearchResults,
  SegmentRecord,
  TargetListDetail,
  TargetGeography,
  ListGeography,
  TargetListList,
  TargetRanking,
  ZoneDetail,
  ZoneList,
  RankedTargets,
  LandingSimulation,
  ScenarioList,
} from "../../../server/model/api";
import type { Scenario } from "../../../server/model/api";
import { SessionInfo, UserList } from "../../../server/model/accounts";
import { GapThresholds, ScoringProfile, SourceDocument } from "../../../server/model/domain";
import type { ExchangeRate } from "../../../server/model/domain";
import type { RegionLevel } from "../../../server/model/domain";
import type { AuditFilter } from "../model/auditFilter";
import { auditQuery } from "../model/auditFilter";
import { ChainChanges, ChainHistory, Cockpit, ProjectDetail, ProjectRegister } from "../../../server/model/progress";
import type { ProjectFilter } from "../model/projectQuery";
import { projectApiQuery } from "../model/projectQuery";
import type { TargetQuery } from "../model/targetQuery";
import { DEFAULT_TARGET_QUERY, targetApiQuery } from "../model/targetQuery";
import type { ApiRequest } from "./client";
import { SESSION_PATH } from "./client";

import { ImportJobList, ImportJobWithReport, PlacementPage, ReviewQueue } from "./importSchemas";
import type { PlacementKind } from "./importSchemas";

const id = encodeURIComponent;

export type ExportFormat = "xlsx" | "csv";

export const api = {
  /** Who is logged in (401 when nobody is). */
  session: (): ApiRequest<SessionInfo> => ({ path: SESSION_PATH, schema: SessionInfo }),
  users: (): ApiRequest<z.infer<typeof UserList>> => ({ path: "/api/users", schema: UserList }),
  audit: (filter: AuditFilter, page: { limit: number; cursor: string | null }): ApiRequest<AuditPage> => ({
    path: `/api/audit?${auditQuery(filter, page)}`,
    schema: AuditPage,
  }),
  /** One entry of the audit log with its records before and after (a row opened). */
  auditEntry: (id: string): ApiRequest<AuditEntry> => ({ path: `/api/audit/${encodeURIComponent(id)}`, schema: AuditEntry }),
  /** The saved thresholds below which a covered segment counts as weak (弱链). */
  gapThresholds: (): ApiRequest<GapThresholds> => ({ path: "/api/settings/gap-thresholds", schema: GapThresholds }),
  /** The dated exchange-rate table capital in other currencies is converted with. */
  exchangeRates: (): ApiRequest<{ rates: ExchangeRate[] }> => ({ path: "/api/settings/exchange-rates", schema: ExchangeRateTable }),
  zones: (): ApiRequest<z.infer<typeof ZoneList>> => ({ path: "/api/zones", schema: ZoneList }),
  zone: (zoneId: string): ApiRequest<ZoneDetail> => ({ path: `/api/zones/${id(zoneId)}`, schema: ZoneDetail }),
  chains: (): ApiRequest<z.infer<typeof ChainList>> => ({ path: "/api/chains", schema: ChainList }),
  chain: (chainId: string): ApiRequest<ChainDetail> => ({ path: `/api/chains/${id(chainId)}`, schema: ChainDetail }),
  chainMap: (zoneId: string, chainId: string): ApiRequest<ChainMap> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/map`,
    schema: ChainMap,
  }),
  /** Gap diagnosis of a chain in a zone: status reasons in words, flags, filling projects. */
  chainGaps: (zoneId: string, chainId: string): ApiRequest<ChainGaps> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/gaps`,
    schema: ChainGaps,
  }),
  /**
   * The best candidate firms elsewhere for one segment, with the reason for each: the first
   * `limit` of the targets page a link for the segment opens (its default region group and
   * profile), so the panel and the page show the same firms, ranks and scores.
   */
  segmentTargets: (zoneId: string, chainId: string, segmentId: string, limit: number): ApiRequest<TargetRanking> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/targets?${targetApiQuery({ ...DEFAULT_TARGET_QUERY, segment: segmentId, limit })}`,
    schema: TargetRanking,
  }),
  /** The ranking with each candidate's 补链效果 and the 推荐组合. */
  targets: (zoneId: string, chainId: string, query: TargetQuery): ApiRequest<RankedTargets> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/targets?${targetApiQuery(query)}`,
    schema: RankedTargets,
  }),
  /** 招商地图: the ranking's rows (same filters) by region, the zone, its rings and signed projects. */
  targetGeography: (zoneId: string, chainId: string, query: TargetQuery): ApiRequest<TargetGeography> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/targets/geography?${targetApiQuery(query)}`,
    schema: TargetGeography,
  }),
  /**
   * 招商地图 of a target list: its entries by region and status. `revision` (the entries'
   * versions, summed) names the answer, so a moved entry is not shown at its old status.
   */
  listGeography: (listId: string, area: string | null, revision: string): ApiRequest<ListGeography> => ({
    path: `/api/lists/${id(listId)}/geography?${new URLSearchParams({ ...(area ? { area } : {}), revision }).toString()}`,
    schema: ListGeography,
  }),
  /** 补链模拟: the chain as if these firms had landed (nothing is written). */
  simulation: (zoneId: string, chainId: string, firmIds: readonly string[]): ApiRequest<LandingSimulation> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/simulation?firms=${firmIds.map(id).join(",")}`,
    schema: LandingSimulation,
  }),
  scenarios: (zoneId: string, chainId: string): ApiRequest<Scenario[]> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/scenarios`,
    schema: ScenarioList,
  }),
  /** The 一链一图 report, with a saved 补链模拟 of the chain when one is named. */
  report: (zoneId: string, chainId: string, scenarioId: string | null = null): ApiRequest<z.infer<typeof ChainReport>> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/report${scenarioId ? `?scenario=${id(scenarioId)}` : ""}`,
    schema: ChainReport,
  }),
  regionGroups: (): ApiRequest<z.infer<typeof RegionGroupList>> => ({ path: "/api/region-groups", schema: RegionGroupList }),
  /** The source documents facts cite by file name, to show them by title. */
  documents: (): ApiRequest<SourceDocument[]> => ({ path: "/api/documents", schema: z.array(SourceDocument) }),
  regions: (level: RegionLevel): ApiRequest<z.infer<typeof RegionList>> => ({ path: `/api/regions?level=${level}`, schema: RegionList }),
  profiles: (): ApiRequest<z.infer<typeof ProfileList>> => ({ path: "/api/profiles", schema: ProfileList }),
  profile: (profileId: string): ApiRequest<ScoringProfile> => ({ path: `/api/profiles/${id(profileId)}`, schema: ScoringProfile }),
  lists: (filter: { zoneId?: string | null; chainId?: string | null }): ApiRequest<z.infer<typeof TargetListList>> => {
    const query = new URLSearchParams();
    if (filter.zoneId) query.set("zoneId", filter.zoneId);
    if (filter.chainId) query.set("chainId", filter.chainId);
    const text = query.toString();
    return { path: `/api/lists${text ? `?${text}` : ""}`, schema: TargetListList };
  },
  list: (listId: string): ApiRequest<TargetListDetail> => ({ path: `/api/lists/${id(listId)}`, schema: TargetListDetail }),
  imports: (): ApiRequest<z.infer<typeof ImportJobList>> => ({ path: "/api/imports", schema: ImportJobList }),
  importJob: (importId: string): ApiRequest<z.infer<typeof ImportJobWithReport>> => ({
    path: `/api/imports/${id(importId)}`,
    schema: ImportJobWithReport,
  }),
  /** A page of where an import's rows landed, of one kind (placed, review, none). */
  importPlacements: (importId: string, kind: PlacementKind, limit: number, offset: number): ApiRequest<z.infer<typeof PlacementPage>> => ({
    path: `/api/imports/${id(importId)}/placements?kind=${kind}&limit=${limit}&offset=${offset}`,
    schema: PlacementPage,
  }),
  review: (limit: number, offset: number): ApiRequest<z.infer<typeof ReviewQueue>> => ({
    path: `/api/review?limit=${limit}&offset=${offset}`,
    schema: ReviewQueue,
  }),
  firm: (firmId: string): ApiRequest<FirmDetail> => ({ path: `/api/firms/${id(firmId)}`, schema: FirmDetail }),
  /** One segment as editors see it, with the version a change must send back. */
  segment: (segmentId: string): ApiRequest<SegmentRecord> => ({ path: `/api/segments/${id(segmentId)}`, schema: SegmentRecord }),
  /** The project register: what the filter selects, with its totals. */
  projects: (filter: ProjectFilter): ApiRequest<ProjectRegister> => ({ path: `/api/projects?${projectApiQuery(filter)}`, schema: ProjectRegister }),
  project: (projectId: string): ApiRequest<ProjectDetail> => ({ path: `/api/projects/${id(projectId)}`, schema: ProjectDetail }),
  /** The cockpit of the city (zoneId null) or one zone, compared with `since`. */
  cockpit: (zoneId: string | null, since: string | null): ApiRequest<Cockpit> => {
    const query = new URLSearchParams();
    if (zoneId) query.set("zoneId", zoneId);
    if (since) query.set("since", since);
    const text = query.toString();
    return { path: `/api/cockpit${text ? `?${text}` : ""}`, schema: Cockpit };
  },
  /** A zone × chain's completeness trend and what changed since a day. */
  chainHistory: (zoneId: string, chainId: string, since: string | null): ApiRequest<ChainHistory> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/history${since ? `?since=${since}` : ""}`,
    schema: ChainHistory,
  }),
  /** What changed in a zone × chain since a day, segment by segment (the map's 对比日期). */
  chainChanges: (zoneId: string, chainId: string, since: string): ApiRequest<ChainChanges> => ({
    path: `/api/zones/${id(zoneId)}/chains/${id(chainId)}/changes?since=${since}`,
    schema: ChainChanges,
  }),
  search: (query: string): ApiRequest<SearchResults> => ({
    path: `/api/search?q=${encodeURIComponent(query)}`,
    schema: SearchResults,
  }),
};

/** Where the downloads are (fetched by downloadFromApi, which reports errors in words). */
export const files = {
  targets: (zoneId: string, chainId: string, query: TargetQuery, format: ExportFormat) =>
    `/api/zones/${id(zoneId)}/chains/${id(chainId)}/targets/export?${targetApiQuery(query, { format })}`,
  list: (listId: string, format: ExportFormat) => `/api/lists/${id(listId)}/export?format=${format}`,
  gaps: (zoneId: string, chainId: string, format: ExportFormat) => `/api/zones/${id(zoneId)}/chains/${id(chainId)}/gaps/export?format=${format}`,
  projects: (filter: ProjectFilter, format: ExportFormat) => `/api/projects/export?${projectApiQuery(filter, { format })}`,
  importReport: (importId: string) => `/api/imports/${id(importId)}/report`,
  audit: (filter: AuditFilter, format: ExportFormat = "xlsx") => `/api/audit/export?${auditQuery(filter)}&format=${format}`,
};
