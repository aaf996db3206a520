/**
 * 招商地图 for every zone × chain of the sample, with the targets screen's default filters
 * (京津冀) and with every region: the counts and best firms are the ranking's rows, every
 * region counted has an outline under its code (client/src/geo/), and the zone has a place.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TargetGeography, TargetRanking, type ZoneSummary } from "../../server/model/api.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

const GEO = fileURLToPath(new URL("../../client/src/geo/", import.meta.url));
const codesIn = (file: string) => new Set((JSON.parse(readFileSync(`${GEO}${file}.json`, "utf8")) as { features: { properties: { code: string } }[] }).features.map((f) => f.properties.code));

let app: RunningApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app?.close());

describe("招商地图 on the sample", () => {
  it("draws every zone × chain: the ranking's rows by region, each region outlined, the zone placed", async () => {
    const zones = await app.json<ZoneSummary[]>("/api/zones");
    const provinces = codesIn("china");
    let pairs = 0;
    for (const zone of zones)
      for (const chain of zone.chains)
        for (const query of ["regionGroup=jingjinji&limit=50", "limit=200"]) {
          const base = `/api/zones/${zone.id}/chains/${chain.id}/targets`;
          const [ranking, g] = await Promise.all([app.json(`${base}?${query}`).then((r) => TargetRanking.parse(r)), app.json(`${base}/geography?${query}`).then((r) => TargetGeography.parse(r))]);
          expect(g.zone.point, zone.id).not.toBeNull();
          expect(g.shown).toBe(ranking.results.length);
          expect(g.provinces.reduce((n, p) => n + p.count, 0) + (g.unknown?.count ?? 0)).toBe(ranking.results.length);
          for (const p of g.provinces) {
            expect(provinces.has(p.code!), p.name).toBe(true);
            const best = ranking.results.find((r) => r.firm.regionCode.startsWith(p.code!.slice(0, 2)))!;
            expect(p.best).toMatchObject({ firmId: best.firm.id, score: best.total });
            const cities = codesIn(p.code!);
            for (const c of g.cities.filter((c) => c.parentCode === p.code)) expect(cities.has(c.code!), c.name).toBe(true);
          }
          pairs++;
        }
    expect(pairs).toBeGreaterThanOrEqual(2 * zones.length);
  });
});
