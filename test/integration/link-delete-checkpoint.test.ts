/**
 * Kùzu 0.11.3 crashed the whole process at the first read of a group link after the graph
 * checkpointed a link made to a firm added since the links' last checkpoint and taken away
 * again before it (docs/decisions/032-reopen-after-checkpointing-deleted-links.md). The
 * sequence runs in a process of its own (test/support/link-delete-checkpoint.ts), so that
 * a crash fails this test instead of killing its worker; the graph is then opened again
 * and must hold every write the process had reported done.
 * The same sequence straight on Kùzu (test/support/kuzu-link-delete-crash.ts) shows the
 * fault is Kùzu's, and that the file it leaves is right.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { linkFacts } from "../../server/services/link-facts.js";

const embedded = !process.env.NEO4J_URI;
const work = mkdtempSync(path.join(tmpdir(), "chainatlas-link-delete-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a script of test/support in a process of its own: how it ended, and what it printed. */
async function runApart(script: string, args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", `test/support/${script}`, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
  const [code, signal] = (await once(child, "exit")) as [number | null, NodeJS.Signals | null];
  return { code, signal, out, err };
}

describe("a link made and taken away between checkpoints (embedded graph)", () => {
  // Straight on Kùzu: the fault the store works around is still there, and the file is right.
  // Once a Kùzu without it is in use, the first expectation fails and the workaround can go.
  it.runIf(embedded)("crashes Kùzu 0.11.3 at the next read after a checkpoint, while the graph opened again reads right", async () => {
    const bare = await runApart("kuzu-link-delete-crash.ts", [path.join(work, "bare.kuzu")]);
    expect(bare.signal).toBe("SIGSEGV");
    const reopened = await runApart("kuzu-link-delete-crash.ts", [path.join(work, "reopened.kuzu"), "reopen"]);
    expect({ code: reopened.code, signal: reopened.signal, links: JSON.parse(reopened.out) as unknown }).toEqual({ code: 0, signal: null, links: [{ firm: "old-0", parent: "old-1" }] });
  }, 60_000);

  it.runIf(embedded)("is read after the next checkpoint without crashing, and every acknowledged write is kept", async () => {
    const dataDir = path.join(work, "data");
    const stagingDir = path.join(work, "staging");
    mkdirSync(stagingDir, { recursive: true });
    const { code, signal, out, err } = await runApart("link-delete-checkpoint.ts", [dataDir, stagingDir]);
    const said = Object.assign({}, ...out.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as object)) as {
      imported: string[];
      linked?: [string, string];
      deleted?: string;
      importedAgain?: string;
      read?: number;
      closed?: boolean;
    };

    // What was acknowledged is in the graph, whatever became of the process.
    const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"), { bufferPoolMiB: 256 });
    try {
      const ids = new Set<string>();
      for await (const row of store.scan("Firm")) ids.add(String(row.id));
      const [firstChild, parent] = said.linked!;
      expect(said.deleted).toBe(parent);
      expect(ids.has(parent)).toBe(false);
      expect(said.imported.filter((id) => id !== parent).every((id) => ids.has(id))).toBe(true);
      const links = await linkFacts(store);
      expect(links.parentsOf.get(firstChild) ?? []).toEqual([]);
      expect((links.parentsOf.get("ore-one") ?? []).map((p) => p.parentId)).toEqual(["lingang"]);
      expect((await store.read("firms/firm-children", { id: "lingang" })).map((c) => c.id)).toEqual(["ore-one"]);
      if (said.importedAgain) expect([...ids].filter((id) => id.startsWith("u-")).length).toBeGreaterThan(said.imported.length - 1);
    } finally {
      await store.close();
    }

    // And the process lived through the reads after the checkpoint.
    expect({ code, signal, err: code === 0 ? "" : err }).toEqual({ code: 0, signal: null, err: "" });
    expect(said.read).toBe(1);
    expect(said.closed).toBe(true);
  }, 120_000);
});
