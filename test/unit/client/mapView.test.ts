import { describe, expect, it } from "vitest";
import { DEFAULT_MAP_VIEW, parseMapView, toggleExpanded, writeMapView } from "../../../client/src/model/mapView";
import { paths } from "../../../client/src/model/paths";

describe("map view in the URL", () => {
  it("when a view is written and read back, then it is the same view", () => {
    const view = {
      selected: "coke",
      expanded: ["iron-ore", "coke"].sort(),
      stages: ["upstream" as const],
      statuses: ["missing" as const, "bottleneck" as const],
      focus: ["scrap"],
      meeting: true,
      page: 2,
      since: "2026-10-01",
    };
    const back = parseMapView(writeMapView(view));
    expect(back).toEqual({ ...view, statuses: ["missing", "bottleneck"] });
  });

  it("leaves defaults out, so the plain map has a plain URL", () => {
    expect(writeMapView(DEFAULT_MAP_VIEW).toString()).toBe("");
    expect(writeMapView({ stages: ["upstream", "midstream", "downstream"] }).toString()).toBe("");
    expect(paths.map("lingyuan", "steel")).toBe("/zones/lingyuan/chains/steel");
  });

  it("writes the same URL for the same view whatever the order it was built in", () => {
    expect(paths.map("z", "c", { expanded: ["b", "a"] })).toBe(paths.map("z", "c", { expanded: ["a", "b"] }));
    expect(paths.map("z", "c", { expanded: ["b", "a"], meeting: true })).toBe("/zones/z/chains/c?expand=a,b&meeting=1");
  });

  it("ignores values that are not ids or not known stages and statuses", () => {
    const view = parseMapView(new URLSearchParams("segment=<script>&stage=upstream,sideways&status=great&expand=a,,B C"));
    expect(view.selected).toBeNull();
    expect(view.stages).toEqual(["upstream"]);
    expect(view.statuses).toEqual([]);
    expect(view.expanded).toEqual(["a"]);
  });

  it("toggles a segment's expansion", () => {
    const once = toggleExpanded(DEFAULT_MAP_VIEW, "coke");
    expect(once.expanded).toEqual(["coke"]);
    expect(toggleExpanded(once, "coke").expanded).toEqual([]);
  });

  it("keeps the 对比日期 in the URL, in the print view's too, and drops one that is not a day", () => {
    const query = writeMapView({ since: "2026-10-01", meeting: true });
    expect(query.toString()).toBe("meeting=1&since=2026-10-01");
    expect(parseMapView(query).since).toBe("2026-10-01");
    expect(parseMapView(new URLSearchParams("since=2026-13-01")).since).toBeNull();
    expect(parseMapView(new URLSearchParams("since=yesterday")).since).toBeNull();
    expect(paths.print("z", "c", "A4", { since: "2026-10-01" })).toBe("/zones/z/chains/c/print?since=2026-10-01&paper=A4");
  });

  it("builds a print URL that keeps filters and expansion but not selection or meeting mode", () => {
    expect(paths.print("z", "c", "A3", { expanded: ["a"], selected: "a", meeting: true })).toBe(
      "/zones/z/chains/c/print?expand=a&paper=A3",
    );
  });
});
