import { describe, expect, it } from "vitest";
import type { RegionGroup } from "../../../server/model/domain";
import { regionGroupsFor } from "../../../client/src/model/regionGroups";

const group = (id: string, kind: RegionGroup["kind"], chainIds: string[] = []): RegionGroup => ({ id, name: id, kind, regionCodes: ["130000"], chainIds, description: "", source: "t" });
const groups = [
  group("jiangzhehu", "economic-area"),
  group("auto-targets", "industry-target", ["auto"]),
  group("jingjinji", "economic-area"),
  group("zhenjiang", "partnership"),
  group("steel-targets", "industry-target", ["steel"]),
];

describe("region groups offered for a chain's targets", () => {
  it("lists the chain's own target areas first, then 京津冀, then the rest, without other chains' target areas", () => {
    expect(regionGroupsFor(groups, "steel").map((g) => g.id)).toEqual(["steel-targets", "jingjinji", "jiangzhehu", "zhenjiang"]);
    expect(regionGroupsFor(groups, "tire").map((g) => g.id)).toEqual(["jingjinji", "jiangzhehu", "zhenjiang"]);
  });

  it("keeps a group a shared link names, last", () => {
    expect(regionGroupsFor(groups, "steel", "auto-targets").map((g) => g.id).at(-1)).toBe("auto-targets");
  });
});
