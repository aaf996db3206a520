import { describe, expect, it } from "vitest";
import { neighbours } from "../../../client/src/model/feeds";
import { steelMap } from "./map-fixture";

describe("a segment's supply links", () => {
  it("lists the segments that supply it and those it supplies, inside the chain", () => {
    const map = steelMap();
    const id = map.segments.find((s) => map.links.some((l) => l.target === s.id) && map.links.some((l) => l.source === s.id))!.id;
    const links = neighbours(map, id, new Map());
    expect(links.in.map((n) => n.id).sort()).toEqual(map.links.filter((l) => l.target === id).map((l) => l.source).sort());
    expect(links.out.map((n) => n.id).sort()).toEqual(map.links.filter((l) => l.source === id).map((l) => l.target).sort());
    expect([...links.in, ...links.out].every((n) => n.chainName === null)).toBe(true);
  });

  it("names the other chain of a link that crosses chains", () => {
    const map = steelMap();
    const target = map.segments[0]!.id;
    const crossing = {
      ...map,
      externalLinks: [
        { source: "coal-coke", target, sourceChainId: "coal", targetChainId: map.chain.id, sourceName: "焦煤", targetName: "x" },
        { source: target, target: "auto-body", sourceChainId: map.chain.id, targetChainId: "auto", sourceName: "x", targetName: "车身" },
      ],
    };
    const links = neighbours(crossing, target, new Map([["coal", "煤化工"]]));
    expect(links.in).toContainEqual({ id: "coal-coke", name: "焦煤", chainName: "煤化工" });
    expect(links.out).toContainEqual({ id: "auto-body", name: "车身", chainName: "auto" });
  });
});
