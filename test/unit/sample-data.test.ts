import { describe, expect, it } from "vitest";
import { STAGES } from "../../server/model/domain.js";
import { findRegion } from "../../server/regions/divisions.js";
import { readSample } from "../../seed/sample.js";

const sample = readSample();
const local = sample.firms.filter((f) => !f.sample);
const pool = sample.firms.filter((f) => f.sample);

describe("the Chaoyang sample", () => {
  it("has the 7 zones, each with one to three leading chains, 柳城 four as its documents name them", () => {
    expect(sample.zones).toHaveLength(7);
    for (const zone of sample.zones) {
      const chains = sample.zoneChains.filter((zc) => zc.zoneId === zone.id);
      expect(chains.length, zone.id).toBeGreaterThanOrEqual(1);
      expect(chains.length, zone.id).toBeLessThanOrEqual(zone.id === "liucheng" ? 4 : 3);
    }
    expect(sample.zoneChains.filter((zc) => zc.zoneId === "liucheng").map((zc) => zc.chainId)).toEqual(["titanium", "zirconium", "equipment", "new-energy"]);
  });

  it("takes every leader from a document that calls it one, one leader per firm and chain", () => {
    expect(sample.leads.every((l) => /^\d{3}_[0-9a-f]+\.txt$/.test(l.source))).toBe(true);
    expect(sample.leads.filter((l) => l.chainId === "steel" && l.zoneId === "lingyuan").map((l) => l.firmId)).toEqual(["lingang-group"]);
    expect(sample.leads).toHaveLength(20);
  });

  it("records one firm per real firm, local units linked to their groups", () => {
    const parentOf = (id: string) => sample.belongsTo.find((p) => p.from === id)?.to;
    expect(parentOf("cnbm")).toBe("cnbm-group");
    expect(parentOf("ceec-jianping")).toBe("ceec");
    expect(parentOf("jingao-pv")).toBe("ja-solar");
    expect(parentOf("lingang-shares")).toBe("lingang-group");
    expect(sample.firms.some((f) => f.id === "zhongdian-chaoyang")).toBe(false);
    expect(sample.projects.find((p) => p.id === "p-liucheng-zhongdian-pv")).toMatchObject({ firmId: "china-power", status: "洽谈" });
  });

  it("has at least 10 chains of at least 12 segments spanning all three stages", () => {
    expect(sample.chains.length).toBeGreaterThanOrEqual(10);
    for (const chain of sample.chains) {
      const segments = sample.segments.filter((s) => s.chainId === chain.id);
      expect(segments.length, chain.id).toBeGreaterThanOrEqual(12);
      expect(new Set(segments.map((s) => s.stage)), chain.id).toEqual(new Set(STAGES));
    }
  });

  it("has at least 80 local firms, each in its zone's county, and a chain leader for every zone", () => {
    expect(local.length).toBeGreaterThanOrEqual(94);
    for (const firm of local) {
      const zone = sample.zones.find((z) => z.id === firm.zoneId);
      expect(zone, firm.id).toBeDefined();
      expect(firm.regionCode, firm.id).toBe(zone!.countyCode);
    }
    for (const zone of sample.zones) expect(sample.leads.some((l) => l.zoneId === zone.id), zone.id).toBe(true);
  });

  it("has a pool of at least 300 firms outside Chaoyang, marked as sample data, most in 京津冀 first", () => {
    expect(pool.length).toBeGreaterThanOrEqual(300);
    for (const firm of pool) {
      expect(firm.regionCode.startsWith("2113"), firm.id).toBe(false);
      expect(firm.zoneId, firm.id).toBeNull();
      expect(findRegion(firm.regionCode)?.level, firm.id).toBe("county");
    }
    const jingjinji = pool.filter((f) => /^1[123]/.test(f.regionCode));
    expect(jingjinji.length).toBeGreaterThanOrEqual(pool.length * 0.35);
  });

  it("has at least 25 projects with a status and, for most, an amount", () => {
    expect(sample.projects.length).toBeGreaterThanOrEqual(58);
    expect(sample.projects.filter((p) => p.investment !== null).length).toBeGreaterThanOrEqual(15);
  });

  it("gives every record a source", () => {
    const records = [...sample.chains, ...sample.segments, ...sample.zones, ...sample.firms, ...sample.operatesIn, ...sample.supplies, ...sample.projects, ...sample.regionGroups, ...sample.leads, ...sample.feeds];
    for (const record of records) expect(record.source.trim().length).toBeGreaterThan(0);
  });

  it("names the region groups teams target, including the per-industry areas", () => {
    const names = sample.regionGroups.map((g) => g.name);
    for (const name of ["京津冀", "长三角", "江浙沪", "粤港澳"]) expect(names).toContain(name);
    expect(sample.regionGroups.filter((g) => g.kind === "industry-target").flatMap((g) => g.chainIds).sort()).toEqual(
      expect.arrayContaining(["auto", "glass-fiber", "steel"]),
    );
  });
});
