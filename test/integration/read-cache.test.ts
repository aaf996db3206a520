/**
 * Kept answers (server/services/read-cache.ts): one computation of an answer at a time.
 * Requests that need a newer answer while one is being computed wait for it, then share
 * one computation that sees every write before them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PreconditionFailed } from "../../server/graph/store.js";
import { cached, graphVersion } from "../../server/services/read-cache.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(() => t.close());

const edit = (value: string) => t.store.write([{ query: "settings/put-setting", rows: [{ key: "read-cache-probe", value }] }]);

/** A computation that answers the graph version it began at, once let go. */
function gatedComputation() {
  const started: string[] = [];
  const gates: Array<() => void> = [];
  const compute = async () => {
    const version = await graphVersion(t.store);
    started.push(version);
    await new Promise<void>((resolve) => gates.push(resolve));
    return version;
  };
  return { started, compute, release: () => gates.shift()!() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("kept answers", () => {
  it("computes an answer once at a time: requests after a write share the next computation, which sees it", async () => {
    await edit("0");
    const { started, compute, release } = gatedComputation();
    const first = cached(t.store, "probe:one-at-a-time", compute);
    await settle();
    expect(started).toHaveLength(1);

    // Edits land while it computes: each request after them needs a newer answer.
    await edit("1");
    const second = cached(t.store, "probe:one-at-a-time", compute);
    await edit("2");
    const third = cached(t.store, "probe:one-at-a-time", compute);
    const fourth = cached(t.store, "probe:one-at-a-time", compute);
    await settle();
    // None starts beside the one under way.
    expect(started).toHaveLength(1);

    release();
    expect(await first).toBe(started[0]);
    await settle();
    // One computation for all three, begun after the last edit they followed.
    expect(started).toHaveLength(2);
    const now = await graphVersion(t.store);
    expect(started[1]).toBe(now);
    release();
    expect(await Promise.all([second, third, fourth])).toEqual([now, now, now]);
  });

  it("starts afresh once nothing is under way, and keeps the answer while the graph stands", async () => {
    const { started, compute, release } = gatedComputation();
    const a = cached(t.store, "probe:afresh", compute);
    await settle();
    release();
    await a;
    expect(await cached(t.store, "probe:afresh", compute)).toBe(await a);
    expect(started).toHaveLength(1);
    await edit("3");
    const b = cached(t.store, "probe:afresh", compute);
    await settle();
    expect(started).toHaveLength(2);
    release();
    expect(await b).toBe(await graphVersion(t.store));
  });

  it("a failed computation is not kept: the requests queued behind it compute again", async () => {
    let calls = 0;
    let fail!: (e: Error) => void;
    const failing = cached(t.store, "probe:failure", () => {
      calls++;
      return new Promise<string>((_, reject) => (fail = reject));
    });
    failing.catch(() => undefined);
    await settle();
    await edit("4");
    const after = cached(t.store, "probe:failure", async () => {
      calls++;
      return "recomputed";
    });
    await settle();
    expect(calls).toBe(1);
    fail(new Error("the graph went away"));
    await expect(failing).rejects.toThrow("the graph went away");
    expect(await after).toBe("recomputed");
    expect(calls).toBe(2);
  });

  it("knows the graph's version without reading it when the process is its sole writer, and reads it again after a failed write", async () => {
    let versionReads = 0;
    const watched = new Proxy(t.store, {
      get(target, name) {
        if (name === "read")
          return (query: string, params?: Record<string, unknown>) => {
            if (query === "settings/get-setting" && params?.key === "graph-version") versionReads++;
            return target.read(query, params as never);
          };
        const value = Reflect.get(target, name, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const inGraph = async () => (await t.store.read("settings/get-setting", { key: "graph-version" }))[0]?.value;
    await edit("5");
    versionReads = 0;
    expect(await graphVersion(watched)).toBe(await inGraph());
    await edit("6");
    expect(await graphVersion(watched)).toBe(await inGraph());
    // Embedded, one process holds the graph: its own writes tell it the version. Neo4j may
    // be written by other instances: read each time.
    expect(versionReads).toBe(t.store.engine === "kuzu" ? 0 : 2);

    // A write that fails (rolled back here; one could also commit and then fail): read again.
    await expect(t.store.write([{ query: "settings/put-setting", rows: [{ key: "read-cache-probe", value: "7" }] }, { query: "reach/firm-reach", rows: [{ id: "no-such-firm" }], mustMatch: true }])).rejects.toBeInstanceOf(PreconditionFailed);
    versionReads = 0;
    expect(await graphVersion(watched)).toBe(await inGraph());
    expect(versionReads).toBe(1);
    expect(await graphVersion(watched)).toBe(await inGraph());
    expect(versionReads).toBe(t.store.engine === "kuzu" ? 1 : 2);
  });
});
