/**
 * Rankings a promotion officer would act on: firms already won leave the ranking, a branch
 * gives way to the parent that decides, the leader's own segments bring only the suppliers
 * it buys from outside, and missing data is said, not scored as zero.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainReport, TargetListDetail, TargetRanking } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { startApp, type RunningApp } from "../support/sample-app.js";

const src = "test fixture";
const firm = (id: string, name: string, regionCode: string, extra: object = {}) => ({
  id, name, regionCode, uscc: null, aliases: [], zoneId: null, capital: null, capitalSource: null, capitalAsOf: null, capitalAmount: null, capitalCurrency: null, foundedOn: null, staff: null, revenue: null, tags: [], sample: true, source: src, asOf: null, attributes: {}, ...extra,
});
const link = (firmId: string, segmentId: string, products = "") => ({ firmId, segmentId, products, capacity: "", confidence: 0.9, source: src, evidence: "" });

let app: RunningApp;
beforeAll(async () => {
  const graph = withCandidates(miniGraph());
  graph.firms.push(
    // A branch of 北京废钢科技 in Tianjin, and a branch whose parent nobody recorded.
    firm("tj-scrap-branch", "北京废钢科技有限公司天津分公司", "120101"),
    firm("hb-strip-branch", "河北冷轧股份有限公司唐山分公司", "130203", { capital: 9_000_000, tags: ["上市"] }),
    // An iron maker 凌钢 buys from, and one it does not: only the first is a target in 炼铁.
    firm("ts-iron", "唐山生铁有限公司", "130203", { capital: 50_000 }),
    firm("hd-iron", "邯郸炼铁有限公司", "130402", { capital: 900_000, tags: ["上市"] }),
  );
  graph.operatesIn.push(link("tj-scrap-branch", "steel-scrap", "废钢"), link("hb-strip-branch", "steel-strip", "冷轧板"), link("ts-iron", "steel-iron", "生铁"), link("hd-iron", "steel-iron", "铁水"));
  graph.belongsTo.push({ from: "tj-scrap-branch", to: "bj-scrap", kind: "branch", source: src });
  graph.supplies.push({ from: "ts-iron", to: "lingang", product: "生铁", source: src });
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]));
});
afterAll(() => app.close());

const call = async (path: string, method = "GET", body?: unknown) => {
  const res = await app.fetch(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const rank = async (query = "") => TargetRanking.parse((await call(`/api/zones/lingyuan/chains/steel/targets${query}`)).body);
const ids = (r: TargetRanking) => r.results.map((t) => t.firm.id);

describe("rankings a promotion officer would act on", () => {
  it("in a segment the leader makes itself, ranks only the suppliers it buys from outside the zone, never its competitors", async () => {
    const r = await rank();
    const iron = r.targetSegments.find((s) => s.id === "steel-iron")!;
    expect(iron).toMatchObject({ status: "weak", leaderOwn: true });
    expect(ids(r)).toContain("ts-iron");
    expect(ids(r)).not.toContain("hd-iron");
    // Asked for by name, the leader's own 炼钢 (no outside supplier) has no targets at all.
    const steel = await rank("?segment=steel-steel");
    expect(steel.targetSegments).toEqual([expect.objectContaining({ id: "steel-steel", leaderOwn: true })]);
    expect(steel.results).toEqual([]);
    expect(ids(await rank("?segment=steel-iron"))).toEqual(["ts-iron"]);
  });

  it("ranks a branch's parent in its stead, through the branch; a branch with no known parent ranks after every firm that can decide", async () => {
    const r = await rank("?limit=100");
    expect(ids(r)).not.toContain("tj-scrap-branch");
    const parent = r.results.find((t) => t.firm.id === "bj-scrap")!;
    expect(parent.via).toEqual([{ id: "tj-scrap-branch", name: "北京废钢科技有限公司天津分公司", regionCode: "120101", region: expect.stringContaining("天津") }]);
    expect(parent.reason).toContain("经其北京废钢科技有限公司天津分公司");
    const last = r.results.at(-1)!;
    expect(last.firm.id).toBe("hb-strip-branch");
    expect(last.decisionMaker).toBe(false);
    expect(r.results.filter((t) => t.decisionMaker).every((t) => t.rank < last.rank)).toBe(true);
  });

  it("says what data is missing instead of scoring it 0", async () => {
    const r = await rank("?limit=100");
    const tsIron = r.results.find((t) => t.firm.id === "ts-iron")!;
    expect(tsIron.missing).toEqual(["freshness"]);
    expect(tsIron.components.freshness).toBeNull();
    expect(tsIron.dataNote).toContain("数据日期未知");
    const branch = r.results.find((t) => t.firm.id === "bj-scrap")!;
    expect(branch.firm.capital).toBe(800);
  });

  it("when a target signs, then it leaves the ranking and the report and is shown as won", async () => {
    const before = await rank("?limit=100");
    expect(ids(before)).toContain("js-strip");
    const list = TargetListDetail.parse((await call("/api/lists", "POST", { name: "签约测试", zoneId: "lingyuan", chainId: "steel", firmIds: ["js-strip"] })).body);
    const entry = list.entries[0]!;
    expect((await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: entry.version, status: "已签约" })).status).toBe(200);

    const after = await rank("?limit=100");
    expect(ids(after)).not.toContain("js-strip");
    expect(after.won).toEqual([expect.objectContaining({ firm: expect.objectContaining({ id: "js-strip" }), how: expect.arrayContaining(["清单「签约测试」已签约"]) })]);
    expect(after.candidateCount).toBe(before.candidateCount - 1);
    const report = ChainReport.parse((await call("/api/zones/lingyuan/chains/steel/report?regions=320000")).body);
    expect(report.targets.results.map((t) => t.firm.id)).not.toContain("js-strip");
    expect(report.targets.won.map((w) => w.firm.id)).toEqual(["js-strip"]);
  });
});
