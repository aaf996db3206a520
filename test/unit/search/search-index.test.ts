/**
 * The search index answers exactly what ranking every firm by its keys would (the scan
 * the index replaces): the same firms, in the same order, for every kind of query.
 */
import { describe, expect, it } from "vitest";
import { compareHits, SearchIndex, type IndexedFirm } from "../../../server/services/search-index.js";
import { matchRank } from "../../../server/services/search.js";
import { searchKeys } from "../../../server/services/search-keys.js";
import { intersect, PostingsBuilder } from "../../../server/services/search-postings.js";
import { Random } from "../../../seed/generate/random.js";

/** A seeded generator (the sample's own), so the names are the same on every run. */
function random(seed: number): () => number {
  const generator = new Random(seed);
  return () => generator.next();
}

const PLACES = ["唐山", "邢台", "凌源", "朝阳", "北京", "天津", "苏州", "无锡", "长沙", "重庆", "银川"];
const WORDS = ["钢铁", "冷轧", "钛材", "高纯钛锭", "焦化", "重型机械", "银行", "汽车", "零部件", "精密", "ABC", "Titan", "𠀾字"];
const SUFFIXES = ["有限公司", "股份有限公司", "集团有限公司", "科技有限公司", ""];

function makeFirms(count: number, seed: number): IndexedFirm[] {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const name = `${pick(PLACES)}${pick(WORDS)}${next() < 0.3 ? pick(WORDS) : ""}${pick(SUFFIXES)}`;
    const aliases = next() < 0.15 ? [pick(WORDS) + pick(["", "集团"]), ...(next() < 0.3 ? [pick(PLACES) + pick(WORDS)] : [])] : [];
    return { id: `f-${(i * 7919) % count}-${next().toString(36).slice(2, 6)}`, name, aliases, regionCode: pick(["130200", "211382", "110105"]), sample: next() < 0.1, standing: pick([null, null, "active", "suspended", "closed"] as const), searchText: searchKeys([name, ...aliases]), block: i % 5 };
  });
}

/** What ranking every firm gives: the reference the index must reproduce. */
function scan(firms: IndexedFirm[], q: string, limit: number, hidden = new Set<number>()) {
  return firms
    .filter((f) => !hidden.has(f.block))
    .map((f) => ({ rank: matchRank(f.searchText, q), id: f.id, name: f.name, aliases: f.aliases, regionCode: f.regionCode, sample: f.sample, standing: f.standing ?? null }))
    .filter((h) => Number.isFinite(h.rank))
    .sort(compareHits)
    .slice(0, limit);
}

const firms = makeFirms(3000, 20261129);
const QUERIES = ["唐山", "ts", "tangshan", "t", "g", "钢", "冷轧", "lz", "gctd", "高纯钛锭", "gaochun", "abc", "ABC".toLowerCase(), "titan", "集团", "jt", "youxiangongsi", "𠀾", "𠀾字", "银行", "yinhang", "zhongxing", "chongqing", "cq", "有限公司", "x", "qqq", "钛", "公司股份", "tianjin钛"];

describe("SearchIndex", () => {
  it("finds the same firms, in the same order, as ranking every firm", async () => {
    const index = await SearchIndex.build(firms);
    expect(index.size).toBe(firms.length);
    for (const q of QUERIES) for (const limit of [1, 10, 50]) expect(index.search(q, limit), `${q} / ${limit}`).toEqual(scan(firms, q, limit));
  });

  it("ranks a firm by its best key: its name before its pinyin, pinyin before initials, those before aliases", async () => {
    const few: IndexedFirm[] = [
      { id: "a", name: "凌源钢铁集团有限责任公司", aliases: ["凌钢", "凌钢集团"], regionCode: "211382", sample: false, searchText: searchKeys(["凌源钢铁集团有限责任公司", "凌钢", "凌钢集团"]), block: 0 },
      { id: "b", name: "凌钢", aliases: [], regionCode: "211382", sample: true, searchText: searchKeys(["凌钢"]), block: 0 },
      { id: "c", name: "临港物流有限公司", aliases: [], regionCode: "310000", sample: false, searchText: searchKeys(["临港物流有限公司"]), block: 1 },
    ];
    const index = await SearchIndex.build(few);
    expect(index.search("凌钢", 10).map((h) => [h.id, h.rank])).toEqual([["b", 0], ["a", 3]]);
    expect(index.search("lg", 10).map((h) => [h.id, h.rank])).toEqual([["b", 2], ["a", 5], ["c", 1002]]);
    expect(index.search("lg", 10)[0]).toEqual({ rank: 2, id: "b", name: "凌钢", aliases: [], regionCode: "211382", sample: true, standing: null });
    expect(index.search("凌钢", 10)[1]!.aliases).toEqual(["凌钢", "凌钢集团"]);
  });

  it("leaves out the blocks it is told to", async () => {
    const index = await SearchIndex.build(firms);
    const hidden = new Set([1, 3]);
    for (const q of ["唐山", "ts", "钢", "gctd"]) expect(index.search(q, 20, (b) => hidden.has(b))).toEqual(scan(firms, q, 20, hidden));
  });

  it("keeps display names that differ from their key, and firms without keys", async () => {
    const index = await SearchIndex.build([
      { id: "m", name: "ABC Titanium Co", aliases: [], regionCode: "110105", sample: false, searchText: searchKeys(["ABC Titanium Co"]), block: 0 },
      { id: "e", name: "无键", aliases: [], regionCode: "110105", sample: false, searchText: "", block: 0 },
    ]);
    expect(index.search("titanium", 5).map((h) => h.name)).toEqual(["ABC Titanium Co"]);
    expect(index.search("无键", 5)).toEqual([]);
    expect(index.bytes).toBeGreaterThan(0);
  });
});

describe("posting lists", () => {
  it("give back what was added, sparse or dense, and intersect", () => {
    const builder = new PostingsBuilder();
    const sparse = builder.newList();
    const dense = builder.newList();
    const n = 100_000;
    const sparseValues = [0, 5, 127, 128, 16_383, 16_384, 99_999];
    for (let i = 0; i < n; i++) {
      if (sparseValues.includes(i)) builder.add(sparse, i);
      if (i % 3 === 0 || i === 5) {
        builder.add(dense, i);
        builder.add(dense, i);
      }
    }
    const postings = builder.finish(n);
    const all = (c: { next(): number }) => {
      const out: number[] = [];
      for (let v = c.next(); v >= 0; v = c.next()) out.push(v);
      return out;
    };
    expect(all(postings.cursor(sparse))).toEqual(sparseValues);
    const denseValues = all(postings.cursor(dense));
    expect(denseValues.length).toBe(postings.count(dense));
    expect(denseValues.slice(0, 4)).toEqual([0, 3, 5, 6]);
    expect(all(intersect([postings.cursor(sparse), postings.cursor(dense)]))).toEqual([0, 5, 16_383, 99_999]);
  });
});
