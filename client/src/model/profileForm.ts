/**
 * The weight-profile editor's form values and the profile the API takes. Region groups
 * appear as rows with a switch: a group left out of `regionPriority` counts as "other".
 */
import type { RegionGroup, ScoreComponent, ScoringProfile } from "../../../server/model/domain";
import { SCORE_COMPONENTS } from "../../../server/model/domain";

export interface ProfileFormValues {
  name: string;
  description: string;
  weights: Record<ScoreComponent, number>;
  /** Group id → priority; null when the group is not listed (it then gets otherRegionPriority). */
  regionPriority: Record<string, number | null>;
  otherRegionPriority: number;
  nearKm: number;
  farKm: number;
}

/** Groups a profile can weigh: economic areas and partnerships (industry targets count fully by themselves). */
export function weighableGroups(groups: readonly RegionGroup[], profile: Pick<ScoringProfile, "regionPriority">): RegionGroup[] {
  return groups.filter((g) => g.kind !== "industry-target" || g.id in profile.regionPriority);
}

export function toFormValues(profile: ScoringProfile, groups: readonly RegionGroup[]): ProfileFormValues {
  const regionPriority: Record<string, number | null> = {};
  for (const group of weighableGroups(groups, profile)) regionPriority[group.id] = profile.regionPriority[group.id] ?? null;
  // Groups the profile names that the list does not know (removed since) stay as they are.
  for (const [id, value] of Object.entries(profile.regionPriority)) if (!(id in regionPriority)) regionPriority[id] = value;
  return {
    name: profile.name,
    description: profile.description,
    weights: { ...profile.weights },
    regionPriority,
    otherRegionPriority: profile.otherRegionPriority,
    nearKm: profile.nearKm,
    farKm: profile.farKm,
  };
}

export function toProfile(id: string, values: ProfileFormValues): ScoringProfile {
  const regionPriority: Record<string, number> = {};
  for (const [group, value] of Object.entries(values.regionPriority ?? {})) if (value !== null && value !== undefined) regionPriority[group] = value;
  const weights = Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, Number(values.weights?.[c] ?? 0)])) as Record<ScoreComponent, number>;
  return {
    id,
    name: values.name ?? "",
    description: values.description ?? "",
    weights,
    regionPriority,
    otherRegionPriority: values.otherRegionPriority,
    nearKm: values.nearKm,
    farKm: values.farKm,
  };
}

/** Each weight's share of the total, 0–1, as the ranking normalises them. */
export function weightShares(weights: Partial<Record<ScoreComponent, number | null>>): Record<ScoreComponent, number> {
  const sum = SCORE_COMPONENTS.reduce((total, c) => total + Math.max(0, weights[c] ?? 0), 0);
  return Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, sum > 0 ? Math.max(0, weights[c] ?? 0) / sum : 0])) as Record<ScoreComponent, number>;
}

/** A new profile's id: lower-case, unique enough, and valid for the API's Id. */
export function newProfileId(now = Date.now()): string {
  return `p-${now.toString(36)}`;
}

/** Every field path the form has, for placing the API's field errors. */
export function profileFieldNames(values: Pick<ProfileFormValues, "regionPriority">): Set<string> {
  return new Set([
    "name",
    "description",
    "weights",
    ...SCORE_COMPONENTS.map((c) => `weights.${c}`),
    "regionPriority",
    ...Object.keys(values.regionPriority).map((id) => `regionPriority.${id}`),
    "otherRegionPriority",
    "nearKm",
    "farKm",
  ]);
}
