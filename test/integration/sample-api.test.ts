import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainMap, SearchResults, ZoneList } from "../../server/model/api.js";
import { STAGES } from "../../server/model/domain.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app.close());

const getJson = async (path: string) => (await app.fetch(path)).json();

describe("the API over the Chaoyang sample", () => {
  it("lists the 7 zones", async () => {
    const zones = ZoneList.parse(await getJson("/api/zones"));
    expect(zones).toHaveLength(7);
  });

  it("maps every zone × leading chain with at least 12 segments in all three stages and some local coverage", async () => {
    const zones = ZoneList.parse(await getJson("/api/zones"));
    for (const zone of zones) {
      for (const chain of zone.chains) {
        const map = ChainMap.parse(await getJson(`/api/zones/${zone.id}/chains/${chain.id}/map`));
        const where = `${zone.id} × ${chain.id}`;
        expect(map.segments.length, where).toBeGreaterThanOrEqual(12);
        expect(new Set(map.segments.map((s) => s.stage)), where).toEqual(new Set(STAGES));
        expect(map.segments.some((s) => s.localFirmCount > 0), where).toBe(true);
        expect(map.links.length, where).toBeGreaterThan(0);
      }
    }
  });

  it("finds 凌钢 by its pinyin initials", async () => {
    const results = SearchResults.parse(await getJson("/api/search?q=lg"));
    expect(results.firms[0]?.name).toMatch(/凌源钢铁|凌钢/);
  });

  it("names 凌钢 the steel chain leader in 凌源", async () => {
    const map = ChainMap.parse(await getJson("/api/zones/lingyuan/chains/steel/map"));
    expect(map.leaders.map((l) => l.name).join()).toContain("凌钢");
  });
});
