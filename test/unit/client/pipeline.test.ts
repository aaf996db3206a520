import { describe, expect, it } from "vitest";
import type { ListEntry } from "../../../server/model/api";
import type { EntryStatus } from "../../../server/model/domain";
import {
  BOARD_STATUSES,
  countByStatus,
  groupByStatus,
  isOverdue,
  moveEntry,
  parseDropStatus,
  replaceEntry,
  sumStatusCounts,
} from "../../../client/src/model/pipeline";

function entry(id: string, status: EntryStatus, extra: Partial<ListEntry> = {}): ListEntry {
  return {
    id,
    firm: { id: `f-${id}`, name: extra.firm?.name ?? `企业${id}`, aliases: [], regionCode: "130200", capital: null, tags: [], sample: true, source: "test", asOf: null },
    region: "河北省 唐山市",
    segmentId: "steel-coke",
    segmentName: "焦炭",
    status,
    ownerTeam: "",
    notes: "",
    nextContactOn: null,
    score: null,
    reason: "",
    projectId: null,
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    version: 1,
    history: [],
    ...extra,
  };
}

describe("pipeline board", () => {
  it("has the five steps in order and 已放弃 last", () => {
    expect(BOARD_STATUSES).toEqual(["待接触", "已对接", "洽谈中", "已签约", "已落地", "已放弃"]);
  });

  it("when entries are grouped, then every status has a column, empty ones too", () => {
    const columns = groupByStatus([entry("a", "洽谈中"), entry("b", "待接触")]);
    expect(Object.keys(columns)).toEqual([...BOARD_STATUSES]);
    expect(columns.洽谈中.map((e) => e.id)).toEqual(["a"]);
    expect(columns.已落地).toEqual([]);
  });

  it("puts the soonest next contact first, undated last, then the higher score", () => {
    const columns = groupByStatus([
      entry("undated-low", "已对接", { score: 40 }),
      entry("later", "已对接", { nextContactOn: "2026-12-01" }),
      entry("undated-high", "已对接", { score: 70 }),
      entry("sooner", "已对接", { nextContactOn: "2026-11-25" }),
    ]);
    expect(columns.已对接.map((e) => e.id)).toEqual(["sooner", "later", "undated-high", "undated-low"]);
  });

  it("moves a card at once, and the server's answer replaces it", () => {
    const entries = [entry("a", "待接触"), entry("b", "待接触")];
    const moved = moveEntry(entries, "a", "已签约");
    expect(moved.map((e) => e.status)).toEqual(["已签约", "待接触"]);
    expect(entries[0]!.status).toBe("待接触");
    const answer = entry("a", "已签约", { version: 2, projectId: "p-a" });
    expect(replaceEntry(moved, answer)[0]).toBe(answer);
  });

  it("counts entries per status, and sums lists for the report", () => {
    const counts = countByStatus([entry("a", "已签约"), entry("b", "已签约"), entry("c", "已放弃")]);
    expect(counts).toMatchObject({ 已签约: 2, 已放弃: 1, 待接触: 0 });
    expect(sumStatusCounts([{ statusCounts: counts }, { statusCounts: counts }]).已签约).toBe(4);
  });

  it("says a next contact date before today is overdue", () => {
    expect(isOverdue("2026-11-21", "2026-11-22")).toBe(true);
    expect(isOverdue("2026-11-22", "2026-11-22")).toBe(false);
    expect(isOverdue(null, "2026-11-22")).toBe(false);
  });

  it("accepts a drop only on a known status", () => {
    expect(parseDropStatus("已签约")).toBe("已签约");
    expect(parseDropStatus("signed")).toBeNull();
    expect(parseDropStatus(null)).toBeNull();
  });
});
