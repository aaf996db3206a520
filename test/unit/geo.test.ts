import { describe, expect, it } from "vitest";
import { distanceKm, regionPoint } from "../../server/regions/geo.js";

describe("region distances", () => {
  it("puts 朝阳 about 400 km from Beijing and 270 km from 唐山, as the crow flies", () => {
    expect(distanceKm("211382", "110105")).toBeGreaterThan(330);
    expect(distanceKm("211382", "110105")).toBeLessThan(430);
    expect(distanceKm("211302", "130203")).toBeGreaterThan(220);
    expect(distanceKm("211302", "130203")).toBeLessThan(320);
  });

  it("falls back from a county to its city, and from an unknown city to its province", () => {
    expect(regionPoint("211382")).toEqual(regionPoint("211300"));
    expect(regionPoint("370832")).toEqual(regionPoint("370800"));
    expect(regionPoint("999999")).toBeNull();
    expect(distanceKm("211382", "999999")).toBeNull();
  });

  it("is zero within one city and symmetric", () => {
    expect(distanceKm("211382", "211381")).toBe(0);
    expect(distanceKm("110105", "320100")).toBeCloseTo(distanceKm("320100", "110105")!, 6);
  });
});
