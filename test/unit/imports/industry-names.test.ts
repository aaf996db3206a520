import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NAMES_FILE, readIndustry, readPlatformIndustries } from "../../../server/imports/industry-names.js";
import { SEGMENTS } from "./chain-segments.js";

describe("the industry names file", () => {
  const entries = readPlatformIndustries(readFileSync(NAMES_FILE, "utf8"));

  it("knows the 申万 names of every level and the common platform names", () => {
    const names = new Set(entries.map((e) => e.name));
    for (const name of ["钢铁", "普钢", "板材", "长材", "特钢", "锂电池", "光伏电池组件", "风电整机", "玻纤制造", "炭黑", "啤酒", "银行", "房屋建设", "高速公路"]) expect(names).toContain(name);
    expect(entries.length).toBeGreaterThan(450);
  });

  it("names only segments the sample's chains hold", () => {
    const ids = new Set(SEGMENTS.map((s) => s.id));
    const unknown = entries.flatMap((e) => (e.segments ?? []).filter((id) => !ids.has(id)).map((id) => `${e.name} → ${id}`));
    expect(unknown).toEqual([]);
  });

  it("refuses a code the standard does not have, and a name given twice", () => {
    expect(() => readPlatformIndustries("name,scheme,classes,segments,note\n板材,申万,C3199,,\n")).toThrow(/C3199 is not a GB\/T 4754-2017 code/);
    expect(() => readPlatformIndustries("name,scheme,classes,segments,note\n板材,申万,C3130,,\n板材Ⅲ,申万,C3130,,\n")).toThrow(/appears twice/);
  });
});

describe("readIndustry", () => {
  it("reads a platform name to its classes and default segments, however the export writes it", () => {
    const sheet = { codes: ["C3130", "C3110", "C3120"], segments: ["steel-hot-rolled", "steel-cold-rolled-strip", "steel-ironmaking", "steel-steelmaking"], label: "板材（申万三级）" };
    expect(readIndustry("板材")).toEqual(sheet);
    expect(readIndustry("钢铁-普钢-板材")).toEqual(sheet);
    expect(readIndustry("钢铁 > 普钢 > 板材")).toEqual(sheet);
    expect(readIndustry("特钢Ⅲ").segments).toEqual(["steel-bar-wire"]);
    expect(readIndustry("钢铁行业").codes).toEqual(["B081", "C31"]);
  });

  it("reads GB/T codes, names and paths, and 证监会 categories", () => {
    expect(readIndustry("C3130")).toMatchObject({ codes: ["C3130"], segments: null, label: "C3130 钢压延加工" });
    expect(readIndustry("3841").codes).toEqual(["C3841"]);
    expect(readIndustry("制造业>黑色金属冶炼和压延加工业>钢压延加工").codes).toEqual(["C3130"]);
    expect(readIndustry("C31 黑色金属冶炼和压延加工业").codes).toEqual(["C31"]);
    expect(readIndustry("锂离子电池制造").codes).toEqual(["C3841"]);
  });

  it("knows a name that fits no segment its classes would suggest, and what it does not know", () => {
    expect(readIndustry("综合乘用车")).toMatchObject({ codes: ["C3611"], segments: [] });
    expect(readIndustry("高速公路")).toMatchObject({ codes: ["G5443"], segments: null });
    expect(readIndustry("新型储能黑科技")).toEqual({ codes: [], segments: null, label: "" });
    expect(readIndustry("")).toEqual({ codes: [], segments: null, label: "" });
  });
});
