/**
 * History across a sequence of edits on fixed clocks: a snapshot per zone × chain per day
 * when its figures changed, replaced in place within the day, and what changed since a
 * day, compared with the last snapshot before it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FirmSegmentInput } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { putFirmSegment } from "../../server/services/editing/firm-segments.js";
import { createProject, updateProject } from "../../server/services/editing/projects.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { getChainHistory, listSnapshots, takeSnapshots } from "../../server/services/history.js";
import { getCockpit } from "../../server/services/cockpit.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

let test: TestStore;
beforeAll(async () => {
  test = await openTestStore();
  await test.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(withCandidates(miniGraph()))]);
});
afterAll(() => test.close());

/** Noon in China on a day. */
const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+08:00`);

describe("history of a zone × chain's figures", () => {
  it("keeps one snapshot per zone × chain on the first day, and none when nothing changed", async () => {
    expect(await takeSnapshots(test.store, at("2026-09-30"))).toBe(2);
    expect(await takeSnapshots(test.store, at("2026-10-01"))).toBe(0);
    const steel = await listSnapshots(test.store, "lingyuan", "steel");
    expect(steel.map((s) => s.day)).toEqual(["2026-09-30"]);
    // 5 segments: ore, iron, steel covered; scrap by ore-two (candidates); strip not.
    expect(steel[0]!.figures).toMatchObject({ segments: 5, covered: 4, localFirms: 3, projects: { 在建: 1 }, projectInvestment: 52000.5 });
  });

  it("takes a snapshot after an edit changes the figures, one a day, replaced in place", async () => {
    // 2026-10-02: a local firm starts making cold-rolled strip; the chain is complete.
    await putFirmSegment(test.store, "lingang", "steel-strip", FirmSegmentInput.parse({ products: "冷轧板" }), "editor");
    expect(await takeSnapshots(test.store, at("2026-10-02", 9))).toBe(1);
    // Later that day: a project is signed. Same day: the snapshot is replaced, not added.
    const project = await createProject(test.store, { name: "废钢新项目", firmId: "bj-scrap", zoneId: "lingyuan", segmentIds: ["steel-scrap"], investment: 42000, status: "签约", statusOn: "2026-10-02", description: "" }, "editor", at("2026-10-02", 15));
    expect(await takeSnapshots(test.store, at("2026-10-02", 16))).toBe(1);
    const steel = await listSnapshots(test.store, "lingyuan", "steel");
    expect(steel.map((s) => s.day)).toEqual(["2026-09-30", "2026-10-02"]);
    expect(steel[1]!.figures).toMatchObject({ covered: 5, completeness: 1, projects: { 签约: 1, 在建: 1 } });
    // The other zone's chain did not change: no snapshot for it.
    expect((await listSnapshots(test.store, "beipiao", "coal")).map((s) => s.day)).toEqual(["2026-09-30"]);

    // 2026-10-05: the project starts construction.
    await updateProject(test.store, project.id, { version: project.version, status: "在建", statusOn: "2026-10-05" }, "editor", at("2026-10-05"));
    expect(await takeSnapshots(test.store, at("2026-10-05"))).toBe(1);
  });

  it("says what changed since a day, against the figures when that day began", async () => {
    const history = await getChainHistory(test.store, "lingyuan", "steel", "2026-10-01", at("2026-10-06"));
    expect(history.since).toMatchObject({
      since: "2026-10-01",
      baselineDay: "2026-09-30",
      completenessThen: 0.8,
      completenessNow: 1,
      filledSegments: [{ id: "steel-strip", name: "冷轧带钢" }],
      lostSegments: [],
      newlySigned: { count: 1, investment: 42000, withInvestment: 1 },
      localFirmsThen: 3,
      localFirmsNow: 3,
    });
    expect(history.trend).toEqual([
      { day: "2026-09-30", completeness: 0.8 },
      { day: "2026-10-02", completeness: 1 },
      { day: "2026-10-05", completeness: 1 },
      { day: "2026-10-06", completeness: 1 },
    ]);
    // Since a day after the signing: nothing new signed, nothing filled.
    const later = await getChainHistory(test.store, "lingyuan", "steel", "2026-10-03", at("2026-10-06"));
    expect(later.since).toMatchObject({ baselineDay: "2026-10-02", completenessThen: 1, filledSegments: [], newlySigned: { count: 0 } });
    // Before history began: no baseline, said so, and no made-up comparison.
    const early = await getChainHistory(test.store, "lingyuan", "steel", "2026-09-01", at("2026-10-06"));
    expect(early.since).toMatchObject({ baselineDay: null, completenessThen: null, filledSegments: [] });
  });

  it("the cockpit shows the same trend and comparison for each chain", async () => {
    const cockpit = await getCockpit(test.store, null, "2026-10-01", at("2026-10-06"));
    const steel = cockpit.chains.find((c) => c.chain.id === "steel")!;
    const history = await getChainHistory(test.store, "lingyuan", "steel", "2026-10-01", at("2026-10-06"));
    expect(steel.trend).toEqual(history.trend);
    expect(steel.since).toEqual(history.since);
    expect(cockpit.newProjects.items.map((p) => p.name)).toEqual(["废钢新项目"]);
  });

  it("diagnoses one zone × chain at a time when it takes snapshots, so people browsing wait for one diagnosis at most", async () => {
    // The real store, watched: how many zone × chains' rows are being read at once. (Kept
    // answers are kept per store, so each watcher's diagnoses are made afresh.)
    const watch = () => {
      const seen = { reading: 0, most: 0 };
      const store = new Proxy(test.store, {
        get(target, name) {
          if (name === "read")
            return async (query: string, params?: Record<string, unknown>) => {
              const rows = query === "maps/zone-projects";
              if (rows) seen.most = Math.max(seen.most, ++seen.reading);
              try {
                return await target.read(query, params as never);
              } finally {
                if (rows) seen.reading--;
              }
            };
          const value = Reflect.get(target, name, target) as unknown;
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      return { store, seen };
    };
    const snapshots = watch();
    await takeSnapshots(snapshots.store, at("2026-10-07"));
    expect(snapshots.seen.most).toBe(1);
    // Someone waiting for them (the cockpit) still has them all read at once.
    const cockpit = watch();
    await getCockpit(cockpit.store, null, "2026-10-01", at("2026-10-07"));
    expect(cockpit.seen.most).toBe(2);
  });
});
