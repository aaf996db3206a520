/**
 * Every API answer says where its time went (Server-Timing): its own waits for a read
 * connection, a checkpoint and the graph, and the competing work meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerTiming } from "../../server/request-timing.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app.close());

describe("Server-Timing", () => {
  it("names the time an answer spent in the graph, waiting, and beside competing work", async () => {
    const res = await app.fetch("/api/zones");
    expect(res.ok).toBe(true);
    const timing = parseServerTiming(res.headers.get("server-timing"));
    expect(Object.keys(timing).sort()).toEqual(["checkpoint", "db", "gc", "held", "pool", "snapshot", "total", "write"]);
    // The zones are read from the graph: time in it.
    expect(timing.db).toBeGreaterThan(0);
    expect(timing.total).toBeGreaterThan(0);
  });
});
