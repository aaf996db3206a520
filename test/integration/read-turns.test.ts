/**
 * The embedded store's read connections go to requests in turn: a request that sends many
 * reads at once (a ranking reads its shown firms side by side) does not put a request
 * that comes after it behind all of them.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { asRequest } from "../../server/request-timing.js";

let dir: string;
let store: KuzuStore;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-turns-"));
  store = await KuzuStore.open(path.join(dir, "graph.kuzu"), { bufferPoolMiB: 128, readConnections: 1 });
  await store.ensureSchema();
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(!process.env.NEO4J_URI)("read connections shared by requests", () => {
  it("serves a request with one read before the rest of another's twenty", async () => {
    const done: string[] = [];
    const read = (name: string) => store.read("settings/get-setting", { key: "graph-version" }).then(() => done.push(name));
    // One connection: the first of the twenty takes it, the rest wait; then the single read comes.
    const many = asRequest(() => Promise.all(Array.from({ length: 20 }, (_, i) => read(`many-${i}`))));
    const one = asRequest(() => read("one"));
    await Promise.all([many, one]);
    expect(done).toHaveLength(21);
    expect(done.indexOf("one")).toBeLessThanOrEqual(2);
  });
});
