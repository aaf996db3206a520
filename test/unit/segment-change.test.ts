/** How one segment changed since a day: coverage first, then the status's urgency. */
import { describe, expect, it } from "vitest";
import { segmentChange } from "../../server/services/history.js";

const seg = (status: "strong" | "weak" | "missing" | "bottleneck", covered = status !== "missing") => ({ status, covered });

describe("segmentChange", () => {
  it("is filled when a segment gets its first local firm, whatever its status then and now", () => {
    expect(segmentChange(seg("missing"), seg("strong"))).toBe("filled");
    expect(segmentChange(seg("missing"), seg("weak"))).toBe("filled");
    // Its first firm, and a leader now depends on it: still filled, as 补齐 counts it.
    expect(segmentChange(seg("missing"), seg("bottleneck", true))).toBe("filled");
    expect(segmentChange(seg("bottleneck", false), seg("bottleneck", true))).toBe("filled");
  });

  it("is worse when its local firms are gone, even with the same status", () => {
    expect(segmentChange(seg("strong"), seg("missing"))).toBe("worse");
    expect(segmentChange(seg("bottleneck", true), seg("bottleneck", false))).toBe("worse");
  });

  it("with firms then and now, compares the statuses by urgency: strong, weak, missing, bottleneck", () => {
    expect(segmentChange(seg("strong"), seg("weak"))).toBe("worse");
    expect(segmentChange(seg("weak"), seg("bottleneck"))).toBe("worse");
    expect(segmentChange(seg("missing"), seg("bottleneck", false))).toBe("worse");
    expect(segmentChange(seg("weak"), seg("strong"))).toBe("improved");
    expect(segmentChange(seg("bottleneck"), seg("weak"))).toBe("improved");
    expect(segmentChange(seg("weak"), seg("weak"))).toBe("unchanged");
    expect(segmentChange(seg("missing"), seg("missing"))).toBe("unchanged");
  });

  it("never guesses: no snapshot, or a status not recorded, is unrecorded; a segment not in the chain then is added", () => {
    expect(segmentChange(null, seg("strong"))).toBe("unrecorded");
    expect(segmentChange({ status: null, covered: true }, seg("weak"))).toBe("unrecorded");
    expect(segmentChange({ status: null, covered: false }, seg("missing"))).toBe("unrecorded");
    // Coverage is kept by every snapshot: filled and emptied are known without statuses.
    expect(segmentChange({ status: null, covered: false }, seg("weak"))).toBe("filled");
    expect(segmentChange({ status: null, covered: true }, seg("missing"))).toBe("worse");
    expect(segmentChange({ status: "absent", covered: false }, seg("missing"))).toBe("added");
    expect(segmentChange({ status: "absent", covered: false }, seg("strong"))).toBe("filled");
  });
});
