/**
 * The outlines 招商地图 draws (client/src/geo/) carry the codes firms are stored with: every
 * feature of the China map is a province of the divisions (or one of the three the divisions
 * leave out), every feature of a province's map is a unit of that province as mapUnitsOf
 * places firms, each once, and every unit a firm can be counted in has an outline but three
 * cities created after the maps were drawn.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ALL_REGIONS, findRegion, mapUnitsOf, OUTSIDE_DIVISIONS } from "../../server/regions/divisions.js";

const GEO = fileURLToPath(new URL("../../client/src/geo/", import.meta.url));
interface Outlines {
  type: string;
  features: { type: string; properties: { code: string; name: string }; geometry: { type: string; coordinates: unknown } }[];
}
const read = (file: string) => JSON.parse(readFileSync(`${GEO}${file}`, "utf8")) as Outlines;
const provinces = ALL_REGIONS.filter((r) => r.level === "province");
/** Created after ECharts 4.9.0's maps (2020): counted in 新疆, listed beside its map. */
const WITHOUT_OUTLINE = ["659010", "659011", "659012"];

describe("region outlines", () => {
  it("draw every province of the divisions on the China map, each under its own code and name", () => {
    const china = read("china.json");
    const codes = china.features.map((f) => f.properties.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => !(c in OUTSIDE_DIVISIONS)).sort()).toEqual(provinces.map((p) => p.code).sort());
    for (const f of china.features) expect(f.properties.name).toBe(findRegion(f.properties.code)?.name ?? OUTSIDE_DIVISIONS[f.properties.code]);
  });

  it("draw each province's units under the codes its firms are counted by", () => {
    const files = readdirSync(GEO).filter((f) => /^\d{6}\.json$/.test(f));
    expect(files.map((f) => f.slice(0, 6)).sort()).toEqual(provinces.map((p) => p.code).sort());
    const drawn = new Set<string>();
    for (const file of files) {
      const province = file.slice(0, 6);
      for (const f of read(file).features) {
        const { code, name } = f.properties;
        const units = mapUnitsOf(code);
        expect(units?.province.code, `${file}: ${name}`).toBe(province);
        expect(units?.city?.code, `${file}: ${name} is not a unit of its province's map`).toBe(code);
        expect(name).toBe(findRegion(code)!.name);
        expect(drawn.has(code), `${code} drawn twice`).toBe(false);
        drawn.add(code);
        expect(["Polygon", "MultiPolygon"]).toContain(f.geometry.type);
      }
    }
    const units = new Set(ALL_REGIONS.map((r) => mapUnitsOf(r.code)?.city?.code).filter((c): c is string => !!c));
    expect([...units].filter((code) => !drawn.has(code)).sort()).toEqual(WITHOUT_OUTLINE);
  });

  it("places firms in units as the province maps draw them", () => {
    expect(mapUnitsOf("130203")).toMatchObject({ province: { code: "130000" }, city: { code: "130200", name: "唐山市" } });
    expect(mapUnitsOf("110105")).toMatchObject({ province: { code: "110000" }, city: { code: "110105", name: "朝阳区" } });
    expect(mapUnitsOf("429004")?.city).toMatchObject({ code: "429004", name: "仙桃市" });
    expect(mapUnitsOf("500229")?.city?.code).toBe("500229");
    expect(mapUnitsOf("130000")).toMatchObject({ province: { code: "130000" }, city: null });
    expect(mapUnitsOf("110100")?.city).toBeNull();
    expect(mapUnitsOf("990101")).toBeNull();
  });
});
