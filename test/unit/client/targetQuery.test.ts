import { describe, expect, it } from "vitest";
import { paths } from "../../../client/src/model/paths";
import {
  DEFAULT_TARGET_QUERY,
  listFilters,
  parseTargetQuery,
  targetApiQuery,
  writeTargetQuery,
} from "../../../client/src/model/targetQuery";
import type { TargetQuery } from "../../../client/src/model/targetQuery";

const q = (text: string) => parseTargetQuery(new URLSearchParams(text));

describe("target filters in the URL", () => {
  it("when the URL says nothing, then targets are ranked in 京津冀 with the default profile", () => {
    expect(q("")).toEqual(DEFAULT_TARGET_QUERY);
    expect(DEFAULT_TARGET_QUERY.regionGroup).toBe("jingjinji");
    expect(paths.targets("lingyuan", "steel")).toBe("/zones/lingyuan/chains/steel/targets");
  });

  it("reads back what it wrote", () => {
    const query: TargetQuery = {
      segment: "steel-coke",
      regionGroup: "jiangzhehu",
      regions: ["130200", "120000"],
      tags: ["上市", "专精特新"],
      minCapital: 5000,
      area: "130200",
      profile: "p-near",
      limit: 100,
      order: "effect",
    };
    expect(q(writeTargetQuery(query).toString())).toEqual({ ...query, regions: ["120000", "130200"] });
  });

  it("tells 'no region group' apart from the default group", () => {
    expect(writeTargetQuery({ regionGroup: null }).toString()).toBe("group=all");
    expect(q("group=all").regionGroup).toBeNull();
    expect(writeTargetQuery({ regionGroup: "jingjinji" }).toString()).toBe("");
  });

  it("writes the same URL for the same filters whatever their order", () => {
    expect(paths.targets("z", "c", { regions: ["130200", "120000"], tags: ["专精特新", "上市"] })).toBe(
      paths.targets("z", "c", { regions: ["120000", "130200"], tags: ["上市", "专精特新"] }),
    );
    expect(paths.targets("z", "c", { tags: ["专精特新", "上市"] })).toBe("/zones/z/chains/c/targets?tags=%E4%B8%8A%E5%B8%82,%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0");
  });

  it("ignores values that are not ids, region codes, known tags or sensible numbers", () => {
    const query = q("segment=DROP TABLE&regions=13020,130200,abc&tags=上市,假标签&minCapital=-5&limit=100000&profile=../x&area=1302");
    expect(query).toEqual({ ...DEFAULT_TARGET_QUERY, regions: ["130200"], tags: ["上市"] });
  });

  it("gives the API its own names, with the default group and profile spelled out", () => {
    expect(targetApiQuery(DEFAULT_TARGET_QUERY)).toBe("regionGroup=jingjinji&limit=50&profile=default");
    const api = new URLSearchParams(targetApiQuery({ ...DEFAULT_TARGET_QUERY, regionGroup: null, regions: ["130200", "120000"], minCapital: 1000 }, { format: "xlsx" }));
    expect(api.get("regionGroup")).toBeNull();
    expect(api.get("regions")).toBe("130200,120000");
    expect(api.get("minCapital")).toBe("1000");
    expect(api.get("format")).toBe("xlsx");
    expect(new URLSearchParams(targetApiQuery({ ...DEFAULT_TARGET_QUERY, area: "130200" })).get("area")).toBe("130200");
    // The order goes to the server (it orders by 补链效果 over more than the rows shown), and so to the export.
    expect(new URLSearchParams(targetApiQuery({ ...DEFAULT_TARGET_QUERY, order: "effect" }, { format: "csv" })).get("order")).toBe("effect");
  });

  it("saves a list with the filters it was ranked by, without the limit", () => {
    expect(listFilters({ ...DEFAULT_TARGET_QUERY, segment: "steel-coke", tags: ["上市"] })).toEqual({
      segment: "steel-coke",
      regionGroup: "jingjinji",
      regions: [],
      tags: ["上市"],
      profile: "default",
    });
  });
});
