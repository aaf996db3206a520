import { describe, expect, it } from "vitest";
import { textWidth, wrapLabel, wrapWords } from "../../../client/src/model/label";

describe("label wrapping", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("炼铁 (1)", 184, 16)).toEqual(["炼铁 (1)"]);
    expect(wrapWords("炼铁", 176, 20, " (1)")).toEqual(["炼铁 (1)"]);
  });
  it("cuts a one-line firm name with an ellipsis", () => {
    const lines = wrapLabel("钒钛高效分离及提纯钒钛高效分离及提纯钒钛高效分离及提纯 (0)", 184, 16, 1);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith("…")).toBe(true);
  });
  it("breaks English at spaces", () => {
    expect(wrapWords("Cold rolled strip steel", 120, 16)).toEqual(["Cold rolled", "strip steel"]);
  });
});

describe("segment labels wrapped at word boundaries", () => {
  // Width of a segment label at the meeting palette's 20 px: just under 9 characters.
  const wrap = (name: string, count = 0) => wrapWords(name, 176, 20, ` (${count})`);

  it("never cuts a label: every character is still there and every line fits", () => {
    for (const name of ["有色及贵金属二次资源综合回收利用再制造", "冶金固废综合利用（转底炉/球团）", "风电零部件（塔筒/齿轮箱/轮毂）"]) {
      const lines = wrap(name, 12);
      expect(lines.join("").replace(/\s/g, "")).toBe(`${name}(12)`);
      for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(176);
      expect(lines.join("")).not.toContain("…");
    }
  });

  it("breaks before a joining word, not inside a word", () => {
    expect(wrap("废旧轮胎回收与再生胶")).toEqual(["废旧轮胎回收", "与再生胶 (0)"]);
    expect(wrap("钢丝帘线及胎圈钢丝")).toEqual(["钢丝帘线", "及胎圈钢丝 (0)"]);
  });

  it("keeps a bracket with what it holds", () => {
    expect(wrap("冶金固废综合利用（转底炉/球团）")).toEqual(["冶金固废综合利用", "（转底炉/球团）", "(0)"]);
  });

  it("never breaks inside the firm count", () => {
    // 8 CJK + " (0)" is just over the width: the count must not be split as "(0" / ")".
    expect(wrap("铁系锂电正极材料")).toEqual(["铁系锂电正极材料", "(0)"]);
  });

  it("splits a word wider than a whole line, as a last resort", () => {
    const lines = wrapWords("超超超超超超超超超超超超", 100, 20);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(100);
  });
});
