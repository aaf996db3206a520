/** Scoring profiles: named weightings of the target score, saved in the graph. */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { AppError, NotFound } from "../errors.js";
import { DEFAULT_PROFILE_ID, DEFAULT_SCORING_PROFILE, ScoringProfile } from "../model/domain.js";
import { parseRows } from "./rows.js";

const StoredProfile = z.object({ id: z.string(), definition: z.string() });
const decode = (row: z.infer<typeof StoredProfile>) => ScoringProfile.parse(JSON.parse(row.definition));

export async function listProfiles(store: GraphStore): Promise<ScoringProfile[]> {
  const saved = parseRows(StoredProfile, await store.read("profiles/list-profiles")).map(decode);
  return saved.some((p) => p.id === DEFAULT_PROFILE_ID) ? saved : [DEFAULT_SCORING_PROFILE, ...saved];
}

/** The saved profile, or the shipped default while "default" has not been saved. */
export async function getProfile(store: GraphStore, id: string): Promise<ScoringProfile> {
  const [row] = parseRows(StoredProfile, await store.read("profiles/get-profile", { id }));
  if (row) return decode(row);
  if (id === DEFAULT_PROFILE_ID) return DEFAULT_SCORING_PROFILE;
  throw new NotFound("profile", id);
}

export function profileSteps(profile: ScoringProfile, now: Date = new Date()) {
  return [{ query: "profiles/put-profile", rows: [{ id: profile.id, name: profile.name, definition: JSON.stringify(profile), updatedAt: now.toISOString() }] }];
}

export async function saveProfile(store: GraphStore, profile: ScoringProfile): Promise<ScoringProfile> {
  await store.write(profileSteps(profile));
  return profile;
}

export async function deleteProfile(store: GraphStore, id: string): Promise<void> {
  if (id === DEFAULT_PROFILE_ID) throw new AppError("cannot_delete_default", 409, "The default profile cannot be deleted; edit it instead.");
  await getProfile(store, id);
  await store.write([{ query: "profiles/delete-profile", rows: [{ id }] }]);
}
