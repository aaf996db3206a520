import { describe, expect, it } from "vitest";
import { textWidth, wrapLabel, wrapWithSuffix } from "../../../client/src/model/label";

describe("label wrapping", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("炼铁 (1)", 184, 16)).toEqual(["炼铁 (1)"]);
  });
  it("wraps a long Chinese label and ends a cut last line with an ellipsis", () => {
    const lines = wrapLabel("钒钛高效分离及提纯钒钛高效分离及提纯钒钛高效分离及提纯 (0)", 184, 16);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("…")).toBe(true);
    for (const line of lines) expect(textWidth(line, 16)).toBeLessThanOrEqual(184);
  });
  it("breaks English at spaces", () => {
    expect(wrapLabel("Cold rolled strip steel", 120, 16)).toEqual(["Cold rolled", "strip steel"]);
  });

  it("never breaks inside the firm count", () => {
    // 8 CJK + " (0)" is just over the width: the count must not be split as "(0" / ")".
    const lines = wrapWithSuffix("铁系锂电正极材料", " (0)", 176, 20);
    expect(lines).toEqual(["铁系锂电正极材料", "(0)"]);
    expect(wrapWithSuffix("炼铁", " (1)", 176, 20)).toEqual(["炼铁 (1)"]);
  });
  it("when both lines are full, then it shortens the name and keeps the count", () => {
    const lines = wrapWithSuffix("有色及贵金属二次资源综合回收利用再制造", " (12)", 176, 20);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("… (12)")).toBe(true);
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(176);
  });
});
