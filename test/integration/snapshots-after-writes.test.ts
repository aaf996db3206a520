/**
 * History snapshots after writes (docs/decisions/017): a burst of writes makes one run; a
 * run diagnoses only the zone × chains those writes reached, and keeps the figures a full
 * diagnosis gives; a start that finds the graph as the last snapshots saw it goes on that
 * way, and one that finds it changed (data loaded while stopped) diagnoses everything once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import type { GraphStore } from "../../server/graph/store.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { updateProject } from "../../server/services/editing/projects.js";
import { getProject } from "../../server/services/projects.js";
import { flagBottleneck } from "../../server/services/gaps.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { currentStates, lastSnapshotRun, latestSnapshots, primeSnapshots, scheduleSnapshots, snapshotsSettled, stopSnapshots } from "../../server/services/history.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";

let dataDir: string;
const open = () => openStore(readEnv({ ...process.env, DATA_DIR: dataDir, KUZU_BUFFER_POOL_MIB: "256" }));
const fail = (error: unknown) => {
  throw error;
};
/** Asks for a run after a write, as the app does; it waits until the test settles it. */
const afterWrite = (store: GraphStore) => void scheduleSnapshots(store, fail, 60_000);

/** Each zone × chain's latest snapshot figures, and the figures a full diagnosis gives now. */
async function keptAndDirect(store: GraphStore) {
  const kept = Object.fromEntries((await latestSnapshots(store)).map((s) => [`${s.zoneId}|${s.chainId}`, s.figures]));
  const direct = Object.fromEntries((await currentStates(store)).map((s) => [`${s.gaps.zone.id}|${s.gaps.chain.id}`, s.figures]));
  return { kept, direct };
}

async function touchProject(store: GraphStore, status: "在建" | "投产") {
  const project = await getProject(store, "p-strip");
  await updateProject(store, project.id, { version: project.version, status }, "editor");
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "chainatlas-snapshots-"));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.runIf(!process.env.NEO4J_URI)("snapshots after writes", () => {
  it("diagnoses once per burst, only the zone × chains the writes reached, with the figures a full diagnosis gives", async () => {
    const store = await open();
    const graph = withCandidates(miniGraph());
    // Lingyuan leads two chains; Beipiao one.
    graph.zoneChains.push({ zoneId: "lingyuan", chainId: "coal", rank: 2 });
    await store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
    await primeSnapshots(store);

    // A new graph has no snapshots yet: the first run diagnoses every zone × chain.
    await touchProject(store, "投产");
    afterWrite(store);
    await snapshotsSettled(store);
    expect(lastSnapshotRun(store)).toMatchObject({ run: 1, written: 3 });
    expect(lastSnapshotRun(store)!.diagnosed.sort()).toEqual(["beipiao|coal", "lingyuan|coal", "lingyuan|steel"]);

    // A burst in Lingyuan: a project's status back and forth, a flag on a steel segment.
    await touchProject(store, "在建");
    afterWrite(store);
    await flagBottleneck(store, { zoneId: "lingyuan", segmentId: "steel-strip", note: "冷轧产能不足" }, "editor");
    afterWrite(store);
    await touchProject(store, "投产");
    afterWrite(store);
    await touchProject(store, "在建");
    afterWrite(store);
    await snapshotsSettled(store);
    const run = lastSnapshotRun(store)!;
    expect(run.run).toBe(2);
    expect(run.diagnosed.sort()).toEqual(["lingyuan|coal", "lingyuan|steel"]);
    expect(run.written).toBeGreaterThan(0);

    const { kept, direct } = await keptAndDirect(store);
    expect(kept).toEqual(direct);
    await stopSnapshots(store);
    await store.close();
  });

  it("after a restart, goes on diagnosing what writes reach; after data changed while stopped, everything once", async () => {
    let store = await open();
    await primeSnapshots(store);
    await touchProject(store, "投产");
    afterWrite(store);
    await snapshotsSettled(store);
    expect(lastSnapshotRun(store)!.diagnosed.sort()).toEqual(["lingyuan|coal", "lingyuan|steel"]);
    await store.close();

    // Changed while no server ran (a command-line tool): the next start cannot know what.
    store = await open();
    await touchProject(store, "在建");
    await store.close();
    store = await open();
    await primeSnapshots(store);
    await flagBottleneck(store, { zoneId: "beipiao", segmentId: "coal-coke", note: "焦炭外购" }, "editor");
    afterWrite(store);
    await snapshotsSettled(store);
    expect(lastSnapshotRun(store)!.diagnosed.sort()).toEqual(["beipiao|coal", "lingyuan|coal", "lingyuan|steel"]);
    const { kept, direct } = await keptAndDirect(store);
    expect(kept).toEqual(direct);
    await store.close();
  });
});
