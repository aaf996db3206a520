/**
 * Several instances sharing one graph: an instance starting up must not fail the import
 * another instance is running, only one whose instance has gone silent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABANDONED_AFTER_MS, failInterruptedJobs, getImportJob } from "../../server/imports/jobs.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(() => t.close());

const now = new Date("2026-11-29T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const job = (id: string, heartbeatAt: string | null) => ({
  id,
  fileName: `${id}.csv`,
  mode: "commit",
  source: "test",
  zoneId: null,
  status: "running",
  rowsDone: 10,
  rowsTotal: 100,
  createdAt: ago(10 * 60_000),
  finishedAt: null,
  report: null,
  error: null,
  heartbeatAt,
});

describe("import jobs on a shared graph", () => {
  it("fails only the jobs whose instance has been silent; at a single server's start, every unfinished one", async () => {
    const alive = "imp-00000000-0000-0000-0000-00000000000a";
    const silent = "imp-00000000-0000-0000-0000-00000000000b";
    const older = "imp-00000000-0000-0000-0000-00000000000c";
    await t.store.write([{ query: "imports/save-job", rows: [job(alive, ago(5_000)), job(silent, ago(ABANDONED_AFTER_MS + 1_000)), job(older, null)] }]);

    expect(await failInterruptedJobs(t.store, { now, othersMayRun: true })).toBe(2);
    expect((await getImportJob(t.store, alive)).status).toBe("running");
    expect((await getImportJob(t.store, silent)).status).toBe("failed");
    // A job recorded before heartbeats counts from its creation, ten minutes ago.
    expect((await getImportJob(t.store, older)).status).toBe("failed");

    expect(await failInterruptedJobs(t.store, { now })).toBe(1);
    expect((await getImportJob(t.store, alive))).toMatchObject({ status: "failed", error: expect.stringContaining("wrote nothing") });
  });
});
