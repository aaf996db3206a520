import { describe, expect, it } from "vitest";
import { textWidth, wrapLabel } from "../../../client/src/model/label";

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
});
