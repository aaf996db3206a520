import { describe, expect, it } from "vitest";
import { filterProblems, isFinished, problemFacets, progressPercent } from "../../../client/src/model/importReport";

const problem = (row: number, column: string, message: string) => ({ row, column, value: "x", message, fix: "" });

describe("import progress", () => {
  it("when the row total is known, then progress is the share done, 100 only when finished", () => {
    expect(progressPercent({ status: "running", rowsDone: 50, rowsTotal: 200 })).toBe(25);
    expect(progressPercent({ status: "running", rowsDone: 200, rowsTotal: 200 })).toBe(99);
    expect(progressPercent({ status: "done", rowsDone: 200, rowsTotal: 200 })).toBe(100);
  });

  it("has no percentage while only the rows done are known (XLSX)", () => {
    expect(progressPercent({ status: "running", rowsDone: 1200, rowsTotal: null })).toBeNull();
    expect(progressPercent({ status: "queued", rowsDone: 0, rowsTotal: null })).toBe(0);
  });

  it("is finished when done or failed", () => {
    expect(isFinished({ status: "failed" })).toBe(true);
    expect(isFinished({ status: "running" })).toBe(false);
  });
});

describe("import problems", () => {
  const problems = [
    problem(3, "统一社会信用代码", "校验位不对"),
    problem(4, "注册资本", "看不懂的金额"),
    problem(5, "统一社会信用代码", "校验位不对"),
    problem(6, "成立日期", "日期格式不对"),
  ];

  it("offers each column and message once, the most frequent first", () => {
    expect(problemFacets(problems, "column")).toEqual([
      { value: "统一社会信用代码", count: 2 },
      { value: "成立日期", count: 1 },
      { value: "注册资本", count: 1 },
    ]);
  });

  it("when nothing is chosen, then every problem shows; else those matching any chosen column and any chosen message", () => {
    expect(filterProblems(problems, { columns: [], messages: [] })).toHaveLength(4);
    expect(filterProblems(problems, { columns: ["统一社会信用代码", "注册资本"], messages: [] }).map((p) => p.row)).toEqual([3, 4, 5]);
    expect(filterProblems(problems, { columns: ["统一社会信用代码"], messages: ["看不懂的金额"] })).toEqual([]);
  });
});
