import { readFileSync } from "node:fs";
import { pinyin } from "pinyin-pro";
import { PatternsNormal } from "pinyin-pro/dist/esm/data/patterns.mjs";
import { describe, expect, it } from "vitest";
import { ALL_REGIONS } from "../../../server/regions/divisions.js";
import { searchKeys } from "../../../server/services/search-keys.js";
import { Random } from "../../../seed/generate/random.js";

/** The keys as pinyin-pro gives them for every name: what the table must reproduce. */
function keysByPinyinPro(names: readonly string[]): string {
  const keys = new Set<string>();
  for (const name of names) {
    const text = name.trim().toLowerCase();
    if (!text) continue;
    keys.add(text);
    keys.add(pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" }).join("").replace(/\s+/g, ""));
    keys.add(pinyin(text, { pattern: "first", toneType: "none", type: "array", nonZh: "consecutive" }).join("").replace(/\s+/g, ""));
  }
  return [...keys].join("|");
}

/** A seeded generator (the sample's own), so the names are the same on every run. */
function random(seed: number): () => number {
  const generator = new Random(seed);
  return () => generator.next();
}

const sampleNames = ["firms-local.json", "firms-pool.json"].flatMap((file) => {
  const firms = JSON.parse(readFileSync(new URL(`../../../seed/chaoyang/${file}`, import.meta.url), "utf8")) as { name: string; aliases?: string[] }[];
  return firms.flatMap((f) => [f.name, ...(f.aliases ?? [])]);
});
const places = ALL_REGIONS.map((r) => r.name);
const words = PatternsNormal.map((w) => w.zh);
const BUSINESS = ["钢铁", "重型机械", "银行", "长城汽车", "行业协会", "调味品", "单晶硅", "重庆啤酒", "朝阳化工", "藏药", "乐器", "弹簧", "薄膜", "石化", "还原铁", "传动", "种业", "了望塔", "新材料", "光伏", "Ａ级", "3D打印", "AI芯片"];
const FORMS = ["有限公司", "股份有限公司", "有限责任公司", "（集团）有限公司", "(中国)有限公司", "厂", "合作社", "分公司"];

/** Names as lists carry them, and every one of pinyin-pro's words in the middle of one. */
function names(count: number): string[] {
  const next = random(20261202);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const chars = [...new Set(words.join("") + places.join("") + "了々一不𠮷ａＢc-_ 　·（）()0１")];
  const out = [...sampleNames, ...places];
  for (const word of words) out.push(`${pick(places)}${word}${pick(FORMS)}`, `${pick(chars)}${word}${pick(chars)}`);
  for (let i = 0; i < count; i++) {
    const made = next() < 0.5 ? `${pick(places)}${pick(BUSINESS)}${next() < 0.5 ? pick(words) : ""}${pick(FORMS)}` : Array.from({ length: 2 + Math.floor(next() * 12) }, () => pick(chars)).join("");
    out.push(made);
  }
  return out;
}

describe("search keys", () => {
  const all = names(15_000);

  it("read character by character where they can, are pinyin-pro's keys for every name", () => {
    const differing = all.filter((name) => searchKeys([name]) !== keysByPinyinPro([name]));
    expect(differing.slice(0, 20)).toEqual([]);
  });

  it("are the keys pinyin-pro gives, for names and aliases together", () => {
    const next = random(7);
    const differing: string[][] = [];
    for (let i = 0; i < all.length; i += 2) {
      const group = next() < 0.2 ? [all[i]!, all[i + 1] ?? ""] : [all[i]!];
      if (searchKeys(group) !== keysByPinyinPro(group)) differing.push(group);
    }
    expect(differing.slice(0, 20)).toEqual([]);
  });

  it("read polyphonic characters as their words do", () => {
    expect(searchKeys(["重庆长安汽车股份有限公司"])).toBe("重庆长安汽车股份有限公司|chongqingchanganqichegufenyouxiangongsi|cqcaqcgfyxgs");
    expect(searchKeys(["中国银行"])).toBe("中国银行|zhongguoyinhang|zgyh");
    expect(searchKeys(["长沙重型机械厂"])).toBe("长沙重型机械厂|changshazhongxingjixiechang|cszxjxc");
    expect(searchKeys(["ABC 钢铁了"])).toBe("abc 钢铁了|abcgangtiele|abcgtl");
    expect(searchKeys(["钢𠮷铁"])).toBe("钢𠮷铁|gang𠮷tie|g𠮷t");
  });
});
