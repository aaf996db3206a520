/**
 * When the embedded store checkpoints (docs/decisions/011): a checkpoint holds every read
 * while it runs, so one made due by the log's size waits until no one has read for a
 * while; past the log's bound it follows the write at once, reads or not. Real Kùzu, with
 * small thresholds so that a single write makes a checkpoint due.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createUser, logIn, sessionUser } from "../../server/accounts/accounts.js";
import { KuzuStore } from "../../server/graph/kuzu-store.js";

const IDLE_MS = 1_000;
let dirs: string[] = [];
let stores: KuzuStore[] = [];
afterEach(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
  stores = [];
});

async function openStore(maxLogBytes: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "chainatlas-checkpoint-"));
  dirs.push(dir);
  const file = path.join(dir, "graph.kuzu");
  const store = await KuzuStore.open(file, { bufferPoolMiB: 128, checkpointLogBytes: 1, maxLogBytes, idleMs: IDLE_MS });
  stores.push(store);
  await store.ensureSchema();
  const logBytes = () => statSync(`${file}.wal`, { throwIfNoEntry: false })?.size ?? 0;
  return { store, logBytes };
}

/** Someone reading without pause until stopped. */
function keepReading(store: KuzuStore) {
  let reading = true;
  const done = (async () => {
    while (reading) await store.read("settings/get-setting", { key: "graph-version" });
  })();
  return async () => {
    reading = false;
    await done;
  };
}

const write = (store: KuzuStore, value: string) => store.write([{ query: "settings/put-setting", rows: [{ key: "checkpoint-test", value }] }]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(!process.env.NEO4J_URI)("the embedded store's checkpoints", () => {
  it("waits with a due checkpoint while people read, and runs it once they have stopped", async () => {
    const { store, logBytes } = await openStore(1024 * 1024 * 1024);
    const stop = keepReading(store);
    await write(store, "1");
    await write(store, "2");
    // Reads went on for three idle periods: no checkpoint held them.
    await sleep(3 * IDLE_MS);
    expect(store.checkpoints).toBe(0);
    expect(logBytes()).toBeGreaterThan(0);
    await stop();
    await vi.waitFor(() => expect(store.checkpoints).toBe(1), { timeout: 20 * IDLE_MS, interval: 100 });
    expect(logBytes()).toBe(0);
    // Both writes are in the graph, read back from its file.
    expect(await store.read("settings/get-setting", { key: "checkpoint-test" })).toEqual([{ value: "2" }]);
  });

  it("counts people answered from memory (a session kept) as reading: the due checkpoint waits for them too", async () => {
    const { store } = await openStore(1024 * 1024 * 1024);
    await createUser(store, { username: "reader", role: "viewer", password: "reader-password" }, "system");
    const { token } = (await logIn(store, "reader", "reader-password"))!;
    expect(await sessionUser(store, token)).toMatchObject({ username: "reader" });
    let asking = true;
    const done = (async () => {
      while (asking) {
        expect(await sessionUser(store, token)).toMatchObject({ username: "reader" });
        await sleep(50);
      }
    })();
    await write(store, "1");
    await sleep(3 * IDLE_MS);
    expect(store.checkpoints).toBe(0);
    asking = false;
    await done;
    await vi.waitFor(() => expect(store.checkpoints).toBe(1), { timeout: 20 * IDLE_MS, interval: 100 });
  });

  it("checkpoints right after a write that leaves the log past its bound, reads or not", async () => {
    const { store, logBytes } = await openStore(1);
    const stop = keepReading(store);
    await write(store, "1");
    expect(store.checkpoints).toBe(1);
    expect(logBytes()).toBe(0);
    await stop();
  });
});
