/**
 * Every API answer says where its time went (Server-Timing): its own waits for a read
 * connection, a checkpoint and the graph, and the competing work meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseServerTiming, requestTiming } from "../../server/request-timing.js";
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
    expect(Object.keys(timing).sort()).toEqual(["checkpoint", "db", "gc", "held", "loop", "pool", "snapshot", "total", "write"]);
    // The zones are read from the graph: time in it.
    expect(timing.db).toBeGreaterThan(0);
    expect(timing.total).toBeGreaterThan(0);
  });

  it("names the time the event loop stood still while an answer was under way (loop)", async () => {
    const timing = requestTiming();
    // Something else holds the event loop for 200 ms while the answer waits (a long synchronous walk).
    let requests = 0;
    const server = createServer((req, res) =>
      timing(req, res, () => {
        if (requests++ === 0)
          setTimeout(() => {
            const until = performance.now() + 200;
            while (performance.now() < until);
          }, 20);
        setTimeout(() => res.writeHead(200).end("ok"), 100);
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const t = parseServerTiming(res.headers.get("server-timing"));
      expect(t.loop).toBeGreaterThanOrEqual(180);
      expect(t.loop).toBeLessThanOrEqual(t.total!);
      // A quiet answer: the loop never stood still for long.
      const quiet = parseServerTiming((await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).headers.get("server-timing"));
      expect(quiet.loop).toBeLessThan(100);
    } finally {
      server.close();
    }
  });
});
