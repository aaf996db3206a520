import { describe, expect, it } from "vitest";
import { followUps, pipelineFunnel, weekEnd } from "../../server/services/cockpit.js";
import { keyDates, signedOn, sortProjects } from "../../server/services/projects.js";
import type { PipelineEntry } from "../../server/services/projects.js";
import type { RegisterProject } from "../../server/model/progress.js";
import { EMPTY_PROJECT_FILTER, projectApiQuery, readProjectFilter, writeProjectFilter } from "../../client/src/model/projectQuery.js";

const entry = (id: string, extra: Partial<PipelineEntry>): PipelineEntry => ({
  id, status: "待接触", ownerTeam: "", nextContactOn: null, projectId: null, updatedAt: "", listId: "l-1", listName: "清单", zoneId: "z", chainId: "c",
  firmId: `f-${id}`, firmName: `企业${id}`, firmAliases: [], segmentId: "s", segmentName: "环节", ...extra,
});

describe("follow-ups and the funnel", () => {
  it("a week runs Monday to Sunday", () => {
    expect(weekEnd("2026-12-02")).toBe("2026-12-06"); // a Wednesday
    expect(weekEnd("2026-12-06")).toBe("2026-12-06"); // Sunday itself
    expect(weekEnd("2026-12-07")).toBe("2026-12-13"); // Monday
  });

  it("lists open entries due by Sunday, overdue first, per owner; closed and later ones are left out", () => {
    const due = followUps(
      [
        entry("a", { ownerTeam: "二组", nextContactOn: "2026-12-04" }),
        entry("b", { ownerTeam: "一组", nextContactOn: "2026-12-06" }),
        entry("c", { ownerTeam: "二组", nextContactOn: "2026-11-30" }),
        entry("d", { ownerTeam: "一组", nextContactOn: "2026-12-07" }),
        entry("e", { ownerTeam: "一组", nextContactOn: "2026-11-01", status: "已放弃" }),
        entry("f", { nextContactOn: "2026-12-05" }),
      ],
      "2026-12-02",
    );
    expect(due.map((o) => [o.owner, o.reminders.map((r) => [r.entryId, r.overdue])])).toEqual([
      ["二组", [["c", true], ["a", false]]],
      ["", [["f", false]]],
      ["一组", [["b", false]]],
    ]);
  });

  it("counts entries per status and sums the investment of the projects signed ones became, where known", () => {
    const funnel = pipelineFunnel(
      [entry("a", { status: "已签约", projectId: "p-a" }), entry("b", { status: "已签约", projectId: "p-b" }), entry("c", {})],
      [{ id: "p-a", investment: 1000 }, { id: "p-b", investment: null }],
    );
    expect(funnel.find((f) => f.status === "已签约")).toEqual({ status: "已签约", count: 2, investment: 1000, withInvestment: 1 });
    expect(funnel.find((f) => f.status === "待接触")).toEqual({ status: "待接触", count: 1, investment: 0, withInvestment: 0 });
    expect(funnel.map((f) => f.status)).toEqual(["待接触", "已对接", "洽谈中", "已签约", "已落地", "已放弃"]);
  });
});

describe("project dates and order", () => {
  const history = [
    { from: null, to: "洽谈" as const, on: "2026-01-05", by: "a", at: "", note: "" },
    { from: "洽谈" as const, to: "签约" as const, on: "2026-03-01", by: "a", at: "", note: "" },
    { from: "签约" as const, to: "在建" as const, on: null, by: "a", at: "", note: "" },
  ];

  it("dates each status from the changes, the current one from the project's own date", () => {
    const dates = keyDates("在建", "2026-06-01", history);
    expect(dates).toEqual({ 洽谈: "2026-01-05", 签约: "2026-03-01", 在建: "2026-06-01" });
    expect(signedOn({ status: "在建", dates })).toBe("2026-03-01");
    expect(signedOn({ status: "洽谈", dates: { 洽谈: "2026-01-05" } })).toBeNull();
  });

  it("sorts unknown investments and dates last, whichever way", () => {
    const p = (id: string, investment: number | null, statusOn: string | null) => ({ id, investment, statusOn, name: id, status: "签约", zone: { id: "z", name: "z" } }) as RegisterProject;
    const all = [p("a", null, "2026-01-01"), p("b", 5, null), p("c", 9, "2026-02-01")];
    expect(sortProjects(all, "investment", "desc").map((x) => x.id)).toEqual(["c", "b", "a"]);
    expect(sortProjects(all, "investment", "asc").map((x) => x.id)).toEqual(["b", "c", "a"]);
    expect(sortProjects(all, "statusOn", "desc").map((x) => x.id)).toEqual(["c", "a", "b"]);
  });
});

describe("the register's filter in the URL", () => {
  it("round-trips, drops what it cannot read, and speaks the API's names", () => {
    const filter = { ...EMPTY_PROJECT_FILTER, zoneId: "lingyuan", statuses: ["签约", "在建"] as const, minInvestment: 1000, from: "2026-01-01", sort: "investment" as const, order: "asc" as const };
    const url = writeProjectFilter({ ...filter, statuses: [...filter.statuses] });
    expect(readProjectFilter(url)).toEqual({ ...filter, statuses: ["签约", "在建"] });
    expect(readProjectFilter(new URLSearchParams("zone=Bad Zone&status=开工,签约&min=-3&from=2026-13"))).toEqual({ ...EMPTY_PROJECT_FILTER, statuses: ["签约"] });
    expect(projectApiQuery({ ...filter, statuses: [...filter.statuses] })).toBe("zoneId=lingyuan&status=%E7%AD%BE%E7%BA%A6%2C%E5%9C%A8%E5%BB%BA&minInvestment=1000&from=2026-01-01&sort=investment&order=asc");
  });
});
