import { describe, expect, it } from "vitest";
import { DEFAULT_SCORING_PROFILE, ScoringProfile } from "../../../server/model/domain";
import type { RegionGroup } from "../../../server/model/domain";
import { newProfileId, profileFieldNames, toFormValues, toProfile, weightShares } from "../../../client/src/model/profileForm";

const group = (id: string, kind: RegionGroup["kind"] = "economic-area"): RegionGroup => ({
  id,
  name: id,
  kind,
  regionCodes: ["110000"],
  chainIds: [],
  description: "",
  source: "test",
});

describe("weight profile form", () => {
  const groups = [group("jingjinji"), group("gba"), group("dongbei"), group("steel-targets", "industry-target")];

  it("when a profile is edited and saved unchanged, then the API gets the same profile", () => {
    const values = toFormValues(DEFAULT_SCORING_PROFILE, groups);
    expect(toProfile("default", values)).toEqual(DEFAULT_SCORING_PROFILE);
    expect(ScoringProfile.safeParse(toProfile("default", values)).success).toBe(true);
  });

  it("shows every economic area as a row; one the profile leaves out counts as other regions", () => {
    const values = toFormValues(DEFAULT_SCORING_PROFILE, groups);
    expect(values.regionPriority.dongbei).toBeNull();
    expect(values.regionPriority.jingjinji).toBe(0.9);
    expect("steel-targets" in values.regionPriority).toBe(false);
    expect(toProfile("default", { ...values, regionPriority: { ...values.regionPriority, dongbei: 0.4, gba: null } }).regionPriority).toMatchObject({ dongbei: 0.4 });
    expect("gba" in toProfile("default", { ...values, regionPriority: { ...values.regionPriority, gba: null } }).regionPriority).toBe(false);
  });

  it("shows each weight's share of the total as the ranking normalises them", () => {
    const shares = weightShares(DEFAULT_SCORING_PROFILE.weights);
    expect(shares.segmentFit).toBeCloseTo(0.3);
    expect(weightShares({ size: 0 }).size).toBe(0);
  });

  it("knows every field the API may name, including each weight and region group", () => {
    const names = profileFieldNames(toFormValues(DEFAULT_SCORING_PROFILE, groups));
    for (const name of ["farKm", "weights", "weights.ties", "regionPriority.jingjinji", "regionPriority.beijing-chaoyang", "name"]) expect(names.has(name)).toBe(true);
  });

  it("makes new ids the API accepts", () => {
    expect(ScoringProfile.safeParse({ ...DEFAULT_SCORING_PROFILE, id: newProfileId(1_790_000_000_000) }).success).toBe(true);
  });
});
