/**
 * The changes the client makes, one function per endpoint. Each sends JSON, parses the
 * answer with the server's schema and clears cached reads, since a change here (a signed
 * entry, a flag) shows elsewhere (the map, the gaps, the overview).
 */
import type { z } from "zod";
import type { Role } from "../../../server/model/accounts";
import { SessionInfo, UserWithPassword } from "../../../server/model/accounts";
import { ListEntry, TargetListDetail } from "../../../server/model/api";
import type { EntryStatus } from "../../../server/model/domain";
import { ScoringProfile } from "../../../server/model/domain";
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
  createdBy: string;
  note?: string;
  filters: ListFilters;
} & ({ top: number; firmIds?: undefined } | { firmIds: string[]; top?: undefined });

export interface EntryChange {
  version: number;
  by: string;
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

export const actions = {
  /** Logging in or out changes what every read may show: the cache starts afresh. */
  logIn: (body: { username: string; password: string }) => changed(sendJson("POST", SESSION_PATH, body, SessionInfo)),
  logOut: () => changed(sendJson("DELETE", SESSION_PATH)),
  createUser: (body: { username: string; role: Role; password?: string }) => changed(sendJson("POST", "/api/users", body, UserWithPassword)),
  changeUser: (username: string, change: UserChange) => changed(sendJson("PATCH", `/api/users/${id(username)}`, change, UserWithPassword)),

  flagSegment: (zoneId: string, segmentId: string, body: { note: string; flaggedBy: string }) =>
    changed(sendJson("PUT", `/api/zones/${id(zoneId)}/segments/${id(segmentId)}/flag`, body)),
  unflagSegment: (zoneId: string, segmentId: string) => changed(sendJson("DELETE", `/api/zones/${id(zoneId)}/segments/${id(segmentId)}/flag`)),

  saveProfile: (profile: z.input<typeof ScoringProfile>) =>
    changed(sendJson("PUT", `/api/profiles/${id(profile.id)}`, profile, ScoringProfile)),
  deleteProfile: (profileId: string) => changed(sendJson("DELETE", `/api/profiles/${id(profileId)}`)),

  createList: (list: NewList) => changed(sendJson("POST", "/api/lists", list, TargetListDetail)),
  deleteList: (listId: string) => changed(sendJson("DELETE", `/api/lists/${id(listId)}`)),
  addEntry: (listId: string, body: { firmId: string; segmentId?: string; by: string }) =>
    changed(sendJson("POST", `/api/lists/${id(listId)}/entries`, body, TargetListDetail)),
  changeEntry: (listId: string, entryId: string, change: EntryChange) =>
    changed(sendJson("PATCH", `/api/lists/${id(listId)}/entries/${id(entryId)}`, change, ListEntry)),
  deleteEntry: (listId: string, entryId: string) => changed(sendJson("DELETE", `/api/lists/${id(listId)}/entries/${id(entryId)}`)),

  startImport: (file: File, options: { mode: ImportMode; source?: string; zoneId?: string | null }) => {
    const query = new URLSearchParams({ mode: options.mode });
    if (options.source?.trim()) query.set("source", options.source.trim());
    if (options.zoneId) query.set("zoneId", options.zoneId);
    return changed(uploadFile(`/api/imports?${query}`, file, ImportStarted));
  },
  decideReview: (firmId: string, segmentId: string, body: { decision: "accept" | "reject"; by: string }) =>
    changed(sendJson("POST", `/api/review/${id(firmId)}/${id(segmentId)}`, body)),
};
