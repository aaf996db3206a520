/**
 * An edit that keeps a firm's 统一社会信用代码 does not look for another holder of it: it
 * cannot give the code to a second firm. A new code is still checked, before the write and
 * inside it (the key table, firm-codes.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { usccCheckCharacter } from "../../server/imports/values.js";
import { createFirm, updateFirm } from "../../server/services/editing/firms.js";
import { readFirm } from "../../server/services/firms.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { NewFirm } from "../../server/model/api.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { openTestStore, type TestStore } from "../support/store.js";

const uscc = (first17: string) => first17 + usccCheckCharacter(first17)!;
const code = uscc("91211382MA0TE7T02");
let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
  const graph = miniGraph();
  await t.store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
  // Two firms holding one code, as data written before the check would have it.
  await createFirm(t.store, NewFirm.parse({ id: "dup-a", uscc: code, name: "重复代码甲有限公司", regionCode: "211382", source: "test" }), "test");
  await t.store.write([{ query: "firms/upsert-firm", rows: [{ ...(await readFirm(t.store, "dup-a"))!, id: "dup-b", name: "重复代码乙有限公司", attributes: "{}", searchText: "" }] }]);
});
afterAll(() => t?.close());

describe("edits of a firm's facts and of its code", () => {
  it("changes the facts of a firm that keeps its code, even where another firm holds it too", async () => {
    const firm = (await readFirm(t.store, "dup-b"))!;
    expect(firm.uscc).toBe(code);
    await updateFirm(t.store, "dup-b", { version: firm.version, capital: 1234 }, "test");
    expect(await readFirm(t.store, "dup-b")).toMatchObject({ capital: 1234, version: firm.version + 1, uscc: code });
  });

  it("refuses a new code another firm holds, and a stale version", async () => {
    const other = uscc("91211382MA0TE7T03");
    await createFirm(t.store, NewFirm.parse({ id: "holder", uscc: other, name: "代码持有有限公司", regionCode: "211382", source: "test" }), "test");
    const firm = (await readFirm(t.store, "dup-a"))!;
    await expect(updateFirm(t.store, "dup-a", { version: firm.version, uscc: other }, "test")).rejects.toMatchObject({ code: "duplicate_uscc" });
    await expect(updateFirm(t.store, "dup-a", { version: firm.version + 5, capital: 1 }, "test")).rejects.toThrow();
    expect((await readFirm(t.store, "dup-a"))!.version).toBe(firm.version);
  });
});
