import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { ReadPool } from "../../server/graph/read-pool.js";
import { inBackground, requestsQuiet, requestTiming } from "../../server/request-timing.js";

/** Whether a promise has settled by the next turn of the microtask queue. */
async function settled<T>(p: Promise<T>): Promise<{ value: T } | null> {
  let out: { value: T } | null = null;
  void p.then((value) => (out = { value }));
  await new Promise((r) => setImmediate(r));
  return out;
}

describe("the read pool", () => {
  it("leaves a request a connection while the background reads", async () => {
    const pool = new ReadPool(["a", "b"], 2);
    const first = await pool.acquire(true);
    // A second background read waits: one connection stays free for requests.
    const second = pool.acquire(true);
    expect(await settled(second)).toBeNull();
    expect(await pool.acquire(false)).toBe("a");
    pool.release(first);
    expect(await second).toBe("b");
  });

  it("serves reads waiting for a request before those of the background", async () => {
    const pool = new ReadPool(["a", "b", "c"], 3);
    const held = [await pool.acquire(false), await pool.acquire(false), await pool.acquire(false)];
    const behind = pool.acquire(true);
    const request = pool.acquire(false);
    pool.release(held[0]!);
    expect((await settled(request))?.value).toBe("c");
    expect(await settled(behind)).toBeNull();
    pool.release(held[1]!);
    expect((await settled(behind))?.value).toBe("b");
  });

  it("lets the background read alone in a pool of one connection, and gives every connection back", async () => {
    const pool = new ReadPool(["a"], 1);
    const c = await pool.acquire(true);
    const request = pool.acquire(false);
    expect(pool.release(c)).toBe(true);
    expect(await request).toBe("a");
    expect(pool.release("a")).toBe(false);
    expect(pool.idle).toEqual(["a"]);
  });

  it("knows the background by its async context", async () => {
    expect(inBackground()).toBe(false);
    expect(await inBackground(async () => (await Promise.resolve(), inBackground()))).toBe(true);
    expect(inBackground()).toBe(false);
  });
});

describe("the warm-ups' wait for quiet", () => {
  /** A request through the timing middleware, ended by calling the function it gives. */
  function request(): () => void {
    const res = new EventEmitter() as EventEmitter & { writeHead: () => void; headersSent: boolean; setHeader: () => void };
    Object.assign(res, { writeHead: () => undefined, headersSent: false, setHeader: () => undefined });
    requestTiming()(null, res as never, () => undefined);
    return () => res.emit("close");
  }

  it("waits for the requests under way to end and leave the server alone for a moment", async () => {
    const end = request();
    let quiet = false;
    const waited = requestsQuiet(30, 10_000).then(() => (quiet = true));
    await new Promise((r) => setTimeout(r, 80));
    expect(quiet).toBe(false);
    end();
    await new Promise((r) => setTimeout(r, 10));
    expect(quiet).toBe(false);
    await waited;
    expect(quiet).toBe(true);
  });

  it("counts the quiet from when the server takes requests, not from before", async () => {
    requestTiming();
    const t0 = performance.now();
    await requestsQuiet(40, 10_000);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(35);
  });

  it("waits no longer than it is told, whatever the traffic", async () => {
    const end = request();
    const t0 = performance.now();
    await requestsQuiet(30, 60);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    end();
  });
});
