/**
 * The changes the client makes, one function per endpoint. Each sends JSON, parses the
 * answer with the server's schema and clears cached reads, since a change here (a signed
 * entry, a flag) shows elsewhere (the map, the gaps, the overview). Who makes a change
 * is the logged-in user: the server takes it from the session, never from a body.
 */
import type { z } from "zod";
import type { Role } from "../../../server/model/accounts";
import { SessionInfo, UserWithPassword } from "../../../server/model/accounts";
import type { FirmChange, NewFirm, NewSegment, SegmentChange } from "../../../server/model/api";
import { ExchangeRateTable, FirmDetail, FirmSegmentLink, ListEntry, SegmentRecord, TargetListDetail, Scenario } from "../../../server/model/api";
import type { EntryStatus } from "../../../server/model/domain";
import type { NewProject, ProjectChange } from "../../../server/model/progress";
import { ProjectDetail } from "../../../server/model/progress";
import { GapThresholds, ScoringProfile } from "../../../server/model/domain";
import type { ExchangeRate } from "../../../server/model/domain";
import { SESSION_PATH, sendJson, uploadFile } from "./client";
import type { ImportMode } from "./importSchemas";
import { ImportStarted } from "./importSchemas";
import { clearApiCache } from "./useApi";

const id = encodeURIComponent;

async function changed<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  clearApiCache();
  return result;
}

export interface ListFilters {
  segment?: string;
  regionGroup?: string;
  regions?: string[];
  tags?: string[];
  minCapital?: number;
  profile?: string;
}

export type NewList = {
  name: string;
  zoneId: string;
  chainId: string;
  note?: string;
  filters: ListFilters;
} & ({ top: number; firmIds?: undefined } | { firmIds: string[]; top?: undefined });

export interface EntryChange {
  version: number;
  status?: EntryStatus;
  ownerTeam?: string;
  notes?: string;
  nextContactOn?: string | null;
  note?: string;
  investment?: number | null;
}

export interface UserChange {
  version: number;
  role?: Role;
  disabled?: boolean;
  resetPassword?: true;
}

/** What a person sends: the server fills defaults (ids, source, position) itself. */
export type NewSegmentInput = z.input<typeof NewSegment>;
export type SegmentChangeInput = z.input<typeof SegmentChange>;
export type NewFirmInput = z.input<typeof NewFirm>;
export type FirmChangeInput = z.input<typeof FirmChange>;

export const actions = {
  /** Logging in or out changes what every read may show: the cache starts afresh. */
  logIn: (body: { username: string; password: string }) => changed(sendJson("POST", SESSION_PATH, body, SessionInfo)),
  logOut: () => changed(sendJson("DELETE", SESSION_PATH)),
  createUser: (body: { username: string; role: Role; password?: string }) => changed(sendJson("POST", "/api/users", body, UserWithPassword)),
  changeUser: (username: string, change: UserChange) => changed(sendJson("PATCH", `/api/users/${id(username)}`, change, UserWithPassword)),

  /** Admins: every map, gap diagnosis, overview and ranking is judged by the new thresholds. */
  saveGapThresholds: (thresholds: GapThresholds) => changed(sendJson("PUT", "/api/settings/gap-thresholds", thresholds, GapThresholds)),
  /** Admins: firms given in a currency whose rate changed are converted anew. */
  saveExchangeRates: (rates: ExchangeRate[]) => changed(sendJson("PUT", "/api/settings/exchange-rates", { rates }, ExchangeRateTable)),

  flagSegment: (zoneId: string, segmentId: string, body: { note: string }) =>
    changed(sendJson("PUT", `/api/zones/${id(zoneId)}/segments/${id(segmentId)}/flag`, body)),
  unflagSegment: (zoneId: string, segmentId: string) => changed(sendJson("DELETE", `/api/zones/${id(zoneId)}/segments/${id(segmentId)}/flag`)),

  saveProfile: (profile: z.input<typeof ScoringProfile>) =>
    changed(sendJson("PUT", `/api/profiles/${id(profile.id)}`, profile, ScoringProfile)),
  saveScenario: (zoneId: string, chainId: string, body: { name: string; firmIds: string[] }) =>
    changed(sendJson("POST", `/api/zones/${id(zoneId)}/chains/${id(chainId)}/scenarios`, body, Scenario)),
  deleteScenario: (scenarioId: string) => changed(sendJson("DELETE", `/api/scenarios/${id(scenarioId)}`)),
  deleteProfile: (profileId: string) => changed(sendJson("DELETE", `/api/profiles/${id(profileId)}`)),

  createList: (list: NewList) => changed(sendJson("POST", "/api/lists", list, TargetListDetail)),
  deleteList: (listId: string) => changed(sendJson("DELETE", `/api/lists/${id(listId)}`)),
  addEntry: (listId: string, body: { firmId: string; segmentId?: string; ranking?: Record<string, unknown> }) =>
    changed(sendJson("POST", `/api/lists/${id(listId)}/entries`, body, TargetListDetail)),
  changeEntry: (listId: string, entryId: string, change: EntryChange) =>
    changed(sendJson("PATCH", `/api/lists/${id(listId)}/entries/${id(entryId)}`, change, ListEntry)),
  // Projects in the register. A stale `version` answers 409 "conflict" with the current project.
  createProject: (project: z.input<typeof NewProject>) => changed(sendJson("POST", "/api/projects", project, ProjectDetail)),
  changeProject: (projectId: string, change: z.input<typeof ProjectChange>) => changed(sendJson("PATCH", `/api/projects/${id(projectId)}`, change, ProjectDetail)),
  deleteEntry: (listId: string, entryId: string) => changed(sendJson("DELETE", `/api/lists/${id(listId)}/entries/${id(entryId)}`)),

  // Chains and firms. A stale `version` answers 409 "conflict" with the current record.
  createSegment: (chainId: string, segment: NewSegmentInput) =>
    changed(sendJson("POST", `/api/chains/${id(chainId)}/segments`, segment, SegmentRecord)),
  changeSegment: (segmentId: string, change: SegmentChangeInput) =>
    changed(sendJson("PATCH", `/api/segments/${id(segmentId)}`, change, SegmentRecord)),
  deleteSegment: (segmentId: string, version: number) => changed(sendJson("DELETE", `/api/segments/${id(segmentId)}?version=${version}`)),
  /** A link that closes a supply cycle answers 409 "feeds_cycle" unless `confirmCycle`. */
  addFeeds: (from: string, to: string, confirmCycle = false) => changed(sendJson("POST", "/api/feeds", { from, to, confirmCycle })),
  removeFeeds: (from: string, to: string) => changed(sendJson("DELETE", `/api/feeds/${id(from)}/${id(to)}`)),

  createFirm: (firm: NewFirmInput) => changed(sendJson("POST", "/api/firms", firm, FirmDetail)),
  changeFirm: (firmId: string, change: FirmChangeInput) => changed(sendJson("PATCH", `/api/firms/${id(firmId)}`, change, FirmDetail)),
  deleteFirm: (firmId: string, version: number) => changed(sendJson("DELETE", `/api/firms/${id(firmId)}?version=${version}`)),
  linkFirm: (firmId: string, segmentId: string, link: { products?: string; capacity?: string; version?: number } = {}) =>
    changed(sendJson("PUT", `/api/firms/${id(firmId)}/segments/${id(segmentId)}`, link, FirmSegmentLink)),
  unlinkFirm: (firmId: string, segmentId: string, version: number) =>
    changed(sendJson("DELETE", `/api/firms/${id(firmId)}/segments/${id(segmentId)}?version=${version}`)),
  setLeader: (zoneId: string, chainId: string, firmId: string) =>
    changed(sendJson("PUT", `/api/zones/${id(zoneId)}/chains/${id(chainId)}/leaders/${id(firmId)}`, {})),
  unsetLeader: (zoneId: string, chainId: string, firmId: string) =>
    changed(sendJson("DELETE", `/api/zones/${id(zoneId)}/chains/${id(chainId)}/leaders/${id(firmId)}`)),

  startImport: (file: File, options: { mode: ImportMode; source?: string; zoneId?: string | null }) => {
    const query = new URLSearchParams({ mode: options.mode });
    if (options.source?.trim()) query.set("source", options.source.trim());
    if (options.zoneId) query.set("zoneId", options.zoneId);
    return changed(uploadFile(`/api/imports?${query}`, file, ImportStarted));
  },
  decideReview: (firmId: string, segmentId: string, body: { decision: "accept" | "reject" }) =>
    changed(sendJson("POST", `/api/review/${id(firmId)}/${id(segmentId)}`, body)),
};
