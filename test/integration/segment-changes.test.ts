/**
 * What changed since a day, segment by segment, across a sequence of edits on fixed
 * clocks: a segment filled, another emptied, a threshold that weakens a third. The
 * comparison names exactly those segments, its summary is the one the cockpit and the
 * report show, and a snapshot from before statuses were kept says what it cannot tell.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FirmSegmentInput, NewSegment } from "../../server/model/api.js";
import { createSegment } from "../../server/services/editing/segments.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { deleteFirmSegment, putFirmSegment, readFirmSegment } from "../../server/services/editing/firm-segments.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { currentStates, getChainChanges, getChainHistory, latestSnapshots, listSnapshots, takeSnapshots } from "../../server/services/history.js";
import { getCockpit } from "../../server/services/cockpit.js";
import { flagBottleneck, unflagBottleneck } from "../../server/services/gaps.js";
import type { SinceChange } from "../../server/model/progress.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let test: TestStore;
beforeAll(async () => {
  test = await openTestStore();
  await test.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(withCandidates(miniGraph()))]);
});
afterAll(() => test.close());

/** Noon in China on a day. */
const at = (day: string) => new Date(`${day}T12:00:00+08:00`);

/** Each segment's change, by id. */
const changesOf = async (since: string) => {
  const changes = await getChainChanges(test.store, "lingyuan", "steel", since);
  return { changes, byId: Object.fromEntries(changes.segments.map((s) => [s.id, s.change])) as Record<string, SinceChange> };
};

describe("what changed on the map since a day", () => {
  it("a snapshot kept before per-segment statuses still reads, and the next run adds them", async () => {
    // 2026-09-20: a snapshot as an earlier version wrote it, without segment statuses.
    const [state] = await currentStates(test.store, "lingyuan");
    const { segmentStatuses: _, ...older } = state!.figures;
    const row = { id: "lingyuan|steel|2026-09-20", zoneId: "lingyuan", chainId: "steel", day: "2026-09-20", takenAt: at("2026-09-20").toISOString(), completeness: older.completeness, figures: JSON.stringify(older) };
    await test.store.write([{ query: "history/put-snapshot", rows: [row] }], { keepsCaches: true });
    expect((await listSnapshots(test.store, "lingyuan", "steel"))[0]!.figures.segmentStatuses).toBeUndefined();

    // 2026-09-30: nothing changed in the chain, but the snapshot now keeps the statuses: one more.
    expect(await takeSnapshots(test.store, at("2026-09-30"))).toBe(2);
    const [, kept] = await listSnapshots(test.store, "lingyuan", "steel");
    expect(kept!.figures.segmentStatuses).toEqual({ "steel-ore": "strong", "steel-scrap": "bottleneck", "steel-iron": "strong", "steel-steel": "strong", "steel-strip": "missing" });
    // Nothing changes the next day: nothing is written.
    expect(await takeSnapshots(test.store, at("2026-10-01"))).toBe(0);
  });

  it("after a segment is filled and another emptied, the comparison names exactly those", async () => {
    // 2026-10-02: the leader starts making cold-rolled strip.
    await putFirmSegment(test.store, "lingang", "steel-strip", FirmSegmentInput.parse({ products: "冷轧板" }), "editor");
    expect(await takeSnapshots(test.store, at("2026-10-02"))).toBe(1);
    // 2026-10-03: the only local scrap firm stops: still a bottleneck, now without a local firm.
    const scrap = (await readFirmSegment(test.store, "ore-two", "steel-scrap"))!;
    await deleteFirmSegment(test.store, "ore-two", "steel-scrap", scrap.version, "editor");
    expect(await takeSnapshots(test.store, at("2026-10-03"))).toBe(1);

    const { changes, byId } = await changesOf("2026-10-01");
    expect(changes.segmentRecord).toBe(true);
    expect(byId).toEqual({ "steel-ore": "unchanged", "steel-scrap": "worse", "steel-iron": "unchanged", "steel-steel": "unchanged", "steel-strip": "filled" });
    expect(changes.segments.find((s) => s.id === "steel-strip")).toMatchObject({ statusThen: "missing", coveredThen: false, coveredNow: true });
    expect(changes.segments.find((s) => s.id === "steel-scrap")).toMatchObject({ statusThen: "bottleneck", coveredThen: true, statusNow: "bottleneck", coveredNow: false });
    expect(changes.counts).toEqual({ filled: 1, improved: 0, worse: 1, unchanged: 3, added: 0, unrecorded: 0 });
    expect(changes.since).toMatchObject({ baselineDay: "2026-09-30", filledSegments: [{ id: "steel-strip", name: "冷轧带钢" }], lostSegments: [{ id: "steel-scrap", name: "废钢" }] });

    // Since the day after the filling: only the emptied segment changed.
    expect((await changesOf("2026-10-03")).byId).toMatchObject({ "steel-strip": "unchanged", "steel-scrap": "worse" });
  });

  it("a status that gets more urgent without losing a firm is worse; one that eases is improved", async () => {
    // 2026-10-05: a planner flags 铁精粉 (two local firms, strong) as a bottleneck.
    await flagBottleneck(test.store, { zoneId: "lingyuan", segmentId: "steel-ore", note: "链主唯一矿源" }, "editor", at("2026-10-05"));
    expect(await takeSnapshots(test.store, at("2026-10-05"))).toBe(1);
    const flagged = await changesOf("2026-10-04");
    expect(flagged.byId["steel-ore"]).toBe("worse");
    expect(flagged.changes.segments.find((s) => s.id === "steel-ore")).toMatchObject({ statusThen: "strong", statusNow: "bottleneck", coveredThen: true, coveredNow: true });
    // 2026-10-07: the flag is lifted; compared with 10-06, 铁精粉 eased and the rest stayed.
    await unflagBottleneck(test.store, "lingyuan", "steel-ore", "editor");
    expect(await takeSnapshots(test.store, at("2026-10-07"))).toBe(1);
    const eased = await changesOf("2026-10-06");
    expect(eased.byId).toEqual({ "steel-ore": "improved", "steel-scrap": "unchanged", "steel-iron": "unchanged", "steel-steel": "unchanged", "steel-strip": "unchanged" });
  });

  it("the summary is the one the cockpit and the report show", async () => {
    const { changes } = await changesOf("2026-10-01");
    const history = await getChainHistory(test.store, "lingyuan", "steel", "2026-10-01", at("2026-10-08"));
    const cockpit = await getCockpit(test.store, "lingyuan", "2026-10-01", at("2026-10-08"));
    expect(changes.since).toEqual(history.since);
    expect(changes.since).toEqual(cockpit.chains.find((c) => c.chain.id === "steel")!.since);
    expect(changes.since.filledSegments.map((s) => s.id)).toEqual(changes.segments.filter((s) => s.change === "filled").map((s) => s.id));
  });

  it("against a snapshot without statuses, only coverage changes are named: the rest is unrecorded", async () => {
    const { changes, byId } = await changesOf("2026-09-25");
    expect(changes.since.baselineDay).toBe("2026-09-20");
    expect(changes.segmentRecord).toBe(false);
    // Filled and emptied are known from the segments with a local firm, which it kept.
    expect(byId).toEqual({ "steel-ore": "unrecorded", "steel-scrap": "worse", "steel-iron": "unrecorded", "steel-steel": "unrecorded", "steel-strip": "filled" });
    expect(changes.segments.every((s) => s.statusThen === null)).toBe(true);
  });

  it("before history began, nothing is compared", async () => {
    const { changes } = await changesOf("2026-09-01");
    expect(changes).toMatchObject({ segmentRecord: false, since: { baselineDay: null, filledSegments: [], lostSegments: [] } });
    expect(changes.segments.every((s) => s.change === "unrecorded" && s.coveredThen === null)).toBe(true);
  });

  it("a segment added to the chain since is added, not filled, until it has a local firm", async () => {
    // 2026-10-08: a new segment, with no local firm yet.
    await createSegment(test.store, "steel", NewSegment.parse({ id: "steel-coat", name: "镀锌板", stage: "downstream" }), "editor");
    expect(await takeSnapshots(test.store, at("2026-10-08"))).toBe(1);
    const added = await changesOf("2026-10-01");
    expect(added.byId["steel-coat"]).toBe("added");
    expect(added.changes.segments.find((s) => s.id === "steel-coat")).toMatchObject({ statusThen: null, coveredThen: false, coveredNow: false });
    // Then a local firm makes it: filled, as the cockpit counts it.
    await putFirmSegment(test.store, "lingang", "steel-coat", FirmSegmentInput.parse({ products: "镀锌板" }), "editor");
    const filled = await changesOf("2026-10-01");
    expect(filled.byId["steel-coat"]).toBe("filled");
    expect(filled.changes.since.filledSegments.map((s) => s.id)).toEqual(["steel-strip", "steel-coat"]);
  });

  it("a new snapshot is compared with the latest of its zone × chain only", async () => {
    const latest = await latestSnapshots(test.store);
    expect(latest.map((s) => `${s.zoneId}|${s.chainId}|${s.day}`)).toEqual(["beipiao|coal|2026-09-30", "lingyuan|steel|2026-10-08"]);
  });
});
