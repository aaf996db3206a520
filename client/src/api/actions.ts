/**
 * The changes the client makes, one function per endpoint. Each sends JSON, parses the
 * answer with the server's schema and clears cached reads, since a change here (a signed
 * entry, a flag) shows elsewhere (the map, the gaps, the overview).
 */
import type { z } from "zod";
import { ListEntry, TargetListDetail } from "../../../server/model/api";
import type { EntryStatus } from "../../../server/model/domain";
import { ScoringProfile } from "../../../server/model/domain";
import { sendJson, uploadFile } from "./client";
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

export const actions = {
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
