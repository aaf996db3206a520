/**
 * No two firms hold one 统一社会信用代码, whichever way a firm is written: an edit, a new
 * firm, an import, a restore — also two edits at once. The key table (FirmCode) that
 * checks it by one lookup follows every code that changes or goes, and a graph made before
 * it (or restored from a backup without it) gets it filled when opened.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "../../server/env.js";
import { openStore } from "../../server/graph/open-store.js";
import type { GraphStore } from "../../server/graph/store.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { usccCheckCharacter } from "../../server/imports/values.js";
import { NewFirm } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { restoreBackup, writeBackup } from "../../server/services/backup.js";
import { createFirm, deleteFirm, updateFirm } from "../../server/services/editing/firms.js";
import { readFirm } from "../../server/services/firms.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

const uscc = (serial: number) => {
  const first17 = `91211382MA0K${String(serial).padStart(5, "0")}`;
  return first17 + usccCheckCharacter(first17)!;
};
const firm = (id: string, code: string | null) => NewFirm.parse({ id, uscc: code, name: `代码测试${id}有限公司`, regionCode: "211382", source: "test" });
const keyOf = async (store: GraphStore, code: string) => (await store.read("firms/find-by-uscc", { uscc: code }))[0]?.id ?? null;
const keyCount = async (store: GraphStore) => Number((await store.read("firms/count-codes"))[0]!.keys);
const kuzu = !process.env.NEO4J_URI;

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(miniGraph())]);
});
afterAll(() => t?.close());

describe("one firm per 统一社会信用代码", () => {
  it("refuses a code another firm holds to a new firm and to an edit, naming the holder", async () => {
    await createFirm(t.store, firm("holder-a", uscc(1)), "test");
    await expect(createFirm(t.store, firm("taker-a", uscc(1)), "test")).rejects.toMatchObject({ code: "duplicate_uscc", details: { firm: { id: "holder-a" } } });
    expect(await readFirm(t.store, "taker-a")).toBeUndefined();

    await createFirm(t.store, firm("taker-b", null), "test");
    const taker = (await readFirm(t.store, "taker-b"))!;
    await expect(updateFirm(t.store, "taker-b", { version: taker.version, uscc: uscc(1) }, "test")).rejects.toMatchObject({ code: "duplicate_uscc", details: { firm: { id: "holder-a", name: "代码测试holder-a有限公司" } } });
    expect((await readFirm(t.store, "taker-b"))!.uscc).toBeNull();
  });

  it("gives one new code to only one of two firms edited at once", async () => {
    await createFirm(t.store, firm("race-a", null), "test");
    await createFirm(t.store, firm("race-b", null), "test");
    const [a, b] = [(await readFirm(t.store, "race-a"))!, (await readFirm(t.store, "race-b"))!];
    const results = await Promise.allSettled([
      updateFirm(t.store, "race-a", { version: a.version, uscc: uscc(2) }, "test"),
      updateFirm(t.store, "race-b", { version: b.version, uscc: uscc(2) }, "test"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "duplicate_uscc" } });
    const holders = [(await readFirm(t.store, "race-a"))!, (await readFirm(t.store, "race-b"))!].filter((f) => f.uscc === uscc(2));
    expect(holders).toHaveLength(1);
    expect(await keyOf(t.store, uscc(2))).toBe(holders[0]!.id);
    // The refused write leaves nothing behind that fails the next one.
    const loser = holders[0]!.id === "race-a" ? "race-b" : "race-a";
    const after = await updateFirm(t.store, loser, { version: (await readFirm(t.store, loser))!.version, capital: 77 }, "test");
    expect(after.capital).toBe(77);
  });

  it("frees a code that changes or whose firm is deleted, for another firm to take", async () => {
    await createFirm(t.store, firm("mover", uscc(3)), "test");
    await createFirm(t.store, firm("waiter", null), "test");
    const mover = (await readFirm(t.store, "mover"))!;
    await updateFirm(t.store, "mover", { version: mover.version, uscc: uscc(4) }, "test");
    expect(await keyOf(t.store, uscc(3))).toBeNull();
    expect(await keyOf(t.store, uscc(4))).toBe("mover");

    let waiter = (await readFirm(t.store, "waiter"))!;
    await updateFirm(t.store, "waiter", { version: waiter.version, uscc: uscc(3) }, "test");
    expect((await readFirm(t.store, "waiter"))!.uscc).toBe(uscc(3));

    await deleteFirm(t.store, "mover", (await readFirm(t.store, "mover"))!.version, "test");
    expect(await keyOf(t.store, uscc(4))).toBeNull();
    waiter = (await readFirm(t.store, "waiter"))!;
    await updateFirm(t.store, "waiter", { version: waiter.version, uscc: uscc(4) }, "test");
    expect(await keyOf(t.store, uscc(4))).toBe("waiter");
    expect(await keyOf(t.store, uscc(3))).toBeNull();
  });

  it("keys the codes of imported firms, so no edit can take them", async () => {
    const file = path.join(t.dataDir, "codes.csv");
    writeFileSync(file, `企业名称,统一社会信用代码,所属省份,所属城市,所属区县\n导入代码有限公司,${uscc(5)},辽宁省,朝阳市,凌源市\n`);
    const report = await importFirms(t.store, { importId: "imp-codes", path: file, fileName: "codes.csv", mode: "commit", actor: "test" });
    expect(report.counts.new).toBe(1);
    expect(await keyOf(t.store, uscc(5))).toBe(`u-${uscc(5).toLowerCase()}`);
    await expect(createFirm(t.store, firm("after-import", uscc(5)), "test")).rejects.toMatchObject({ code: "duplicate_uscc" });

    // A known firm the file gives a code takes it in the key table too.
    await createFirm(t.store, NewFirm.parse({ id: "named-only", name: "凌源仅名有限公司", regionCode: "211382", source: "test" }), "test");
    writeFileSync(file, `企业名称,统一社会信用代码,所属省份,所属城市,所属区县\n凌源仅名有限公司,${uscc(6)},辽宁省,朝阳市,凌源市\n`);
    const named = await importFirms(t.store, { importId: "imp-codes-2", path: file, fileName: "codes.csv", mode: "commit", actor: "test" });
    expect(named.counts.updated).toBe(1);
    expect(await keyOf(t.store, uscc(6))).toBe("named-only");
  });

  it.runIf(kuzu)("fills the key table of a graph made before it, when opened, and of a graph restored from a backup without it", async () => {
    // Firms written as the graph held them before the key table: codes, and no keys.
    const old = await openTestStore();
    try {
      await old.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(miniGraph())]);
      await createFirm(old.store, firm("old-a", uscc(7)), "test");
      await old.store.write([{ query: "firms/release-code", rows: [{ uscc: uscc(7), id: "old-a" }] }]);
      expect(await keyCount(old.store)).toBe(0);

      // A backup made then holds no keys (nor a checksum, which came later); it restores into
      // a graph that fills them when opened.
      const backup = path.join(old.dataDir, "old.jsonl");
      await writeBackup(old.store, backup);
      const lines = readFileSync(backup, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { table?: string; end?: true; counts?: Record<string, number>; sha256?: string });
      const withoutKeys = lines
        .filter((l) => l.table !== "FirmCode")
        .map(({ sha256: _, ...l }) => (l.end ? { ...l, counts: Object.fromEntries(Object.entries(l.counts!).filter(([name]) => name !== "FirmCode")) } : l));
      writeFileSync(backup, withoutKeys.map((l) => JSON.stringify(l)).join("\n") + "\n");

      // Opened again, a graph holds the key, and a second firm cannot take the code.
      const expectKeyedWhenOpened = async (dataDir: string, secondId: string) => {
        const opened = await openStore(readEnv({ ...process.env, DATA_DIR: dataDir, KUZU_BUFFER_POOL_MIB: "256" }));
        try {
          expect(await keyOf(opened, uscc(7))).toBe("old-a");
          await expect(createFirm(opened, firm(secondId, uscc(7)), "test")).rejects.toMatchObject({ code: "duplicate_uscc" });
        } finally {
          await opened.close();
        }
      };
      await old.store.close();
      await expectKeyedWhenOpened(old.dataDir, "old-b");

      const target = await openTestStore();
      await restoreBackup(target.store, backup);
      await target.store.close();
      try {
        await expectKeyedWhenOpened(target.dataDir, "restored-b");
      } finally {
        await target.close().catch(() => undefined);
      }
    } finally {
      await old.close().catch(() => undefined);
    }
  });

  it("restores the keys a backup holds with its firms", async () => {
    const file = path.join(t.dataDir, "keys.jsonl");
    const counts = await writeBackup(t.store, file);
    expect(counts.FirmCode).toBe(await keyCount(t.store));
    if (!kuzu) return; // one Neo4j database: the restore needs it empty
    const target = await openTestStore();
    try {
      await restoreBackup(target.store, file);
      expect(await keyOf(target.store, uscc(1))).toBe("holder-a");
      await expect(createFirm(target.store, firm("restored-taker", uscc(1)), "test")).rejects.toMatchObject({ code: "duplicate_uscc" });
    } finally {
      await target.close();
    }
  });
});
