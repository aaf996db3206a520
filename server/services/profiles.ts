/** Scoring profiles: named weightings of the target score, saved in the graph. */
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { AppError, NotFound } from "../errors.js";
import { auditStep } from "../audit/audit.js";
import { DEFAULT_PROFILE_ID, DEFAULT_SCORING_PROFILE, ScoringProfile } from "../model/domain.js";
import { parseRows, readSaved } from "./rows.js";

const StoredProfile = z.object({ id: z.string(), definition: z.string() });
const decode = (row: z.infer<typeof StoredProfile>) => readSaved(ScoringProfile, JSON.parse(row.definition), DEFAULT_SCORING_PROFILE, ["id", "name", "description"]);

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

export async function saveProfile(store: GraphStore, profile: ScoringProfile, actor: string): Promise<ScoringProfile> {
  const before = await getProfile(store, profile.id).catch((error: unknown) => {
    if (error instanceof NotFound) return null;
    throw error;
  });
  await store.write([
    ...profileSteps(profile),
    auditStep(actor, { action: before ? "profile.update" : "profile.create", entity: "profile", entityId: profile.id, summary: `${before ? "修改" : "新建"}权重方案「${profile.name}」`, before, after: profile }),
  ]);
  return profile;
}

export async function deleteProfile(store: GraphStore, id: string, actor: string): Promise<void> {
  if (id === DEFAULT_PROFILE_ID) throw new AppError("cannot_delete_default", 409, "The default profile cannot be deleted; edit it instead.");
  const before = await getProfile(store, id);
  await store.write([
    { query: "profiles/delete-profile", rows: [{ id }] },
    auditStep(actor, { action: "profile.delete", entity: "profile", entityId: id, summary: `删除权重方案「${before.name}」`, before, after: null }),
  ]);
}
