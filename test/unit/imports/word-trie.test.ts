import { describe, expect, it } from "vitest";
import { WordTrie } from "../../../server/imports/word-trie.js";

describe("WordTrie", () => {
  const trie = new WordTrie<string>();
  for (const word of ["钛", "钛白粉", "钛锭", "白粉", "ab", "abc"]) trie.add(word, word);

  it("finds every word starting at a position, shortest first, with where it ends", () => {
    const found: [string, number][] = [];
    trie.forEachAt("钛白粉厂", 0, (word, end) => found.push([word, end]));
    expect(found).toEqual([
      ["钛", 1],
      ["钛白粉", 3],
    ]);
  });

  it("finds every occurrence in a text, overlapping ones included", () => {
    expect(trie.findAll("高纯钛锭、钛白粉；abcd")).toEqual([
      ["钛", 2, 3],
      ["钛锭", 2, 4],
      ["钛", 5, 6],
      ["钛白粉", 5, 8],
      ["白粉", 6, 8],
      ["ab", 9, 11],
      ["abc", 9, 12],
    ]);
  });

  it("is exact about case and keeps every value of a word added twice", () => {
    const twice = new WordTrie<number>();
    twice.add("PA", 1);
    twice.add("PA", 2);
    expect(twice.findAll("pa PA")).toEqual([
      [1, 3, 5],
      [2, 3, 5],
    ]);
    expect(() => twice.add("", 3)).toThrow();
  });

  it("finds exactly what a search word by word finds, however many words it holds", () => {
    // Thousands of words sharing prefixes: the edge table grows many times over.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const alphabet = [..."钛白粉锭钢铁板材热轧卷冷abcAB"];
    const word = (length: number) => Array.from({ length }, () => alphabet[next() % alphabet.length]).join("");
    const words = [...new Set(Array.from({ length: 5_000 }, () => word(1 + (next() % 6))))];
    const many = new WordTrie<string>();
    for (const w of words) many.add(w, w);
    const text = word(3_000);
    const shortestFirst = [...words].sort((a, b) => a.length - b.length);
    const naive: [string, number, number][] = [];
    for (let start = 0; start < text.length; start++) for (const w of shortestFirst) if (text.startsWith(w, start)) naive.push([w, start, start + w.length]);
    expect(many.findAll(text)).toEqual(naive);
    expect(naive.length).toBeGreaterThan(3_000);
  });
});
