/**
 * A ranking a planner can defend in front of a leader, on the Chaoyang sample: for every
 * zone × chain, each target's points add up to the total beside them as the screen and the
 * sheet print them (to the tenth), firms showing the same total are ordered by the stated
 * rule (capital, unknown last, then id), the sheet and a target list show the ranking's own
 * numbers, and an entry added from the ranking to an existing list keeps the score and
 * reason the ranking gave it — as one saved from the ranking does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TargetListDetail, TargetRanking, type ChainReport, type ZoneSummary } from "../../server/model/api.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
let cells: [string, string][];
beforeAll(async () => {
  app = await startSampleApp();
  cells = (await app.json<ZoneSummary[]>("/api/zones")).flatMap((z) => z.chains.map((c) => [z.id, c.id] as [string, string]));
});
afterAll(() => app.close());

/** What the screen prints for a number of points (formatPoints): to the tenth. */
const shown = (points: number) => Math.round(points * 10) / 10;
const ranking = async (zoneId: string, chainId: string, query = "limit=500") => TargetRanking.parse(await app.json(`/api/zones/${zoneId}/chains/${chainId}/targets?${query}`));

describe("a ranking explained by what the screen shows", () => {
  it("every target's points, as printed, add up to its total as printed, in every zone × chain, anywhere and in 江浙沪", async () => {
    let rows = 0;
    const off: string[] = [];
    for (const [zoneId, chainId] of cells)
      for (const query of ["limit=500", "limit=500&regionGroup=jiangzhehu"])
        for (const t of (await ranking(zoneId, chainId, query)).results) {
          const parts = Object.values(t.contributions).filter((x): x is number => x !== null);
          if (shown(parts.map(shown).reduce((a, b) => a + b, 0)) !== shown(t.total) || shown(t.total) !== t.total) off.push(`${zoneId}/${chainId} #${t.rank} ${t.firm.name}: ${parts.join(" + ")} ≠ ${t.total}`);
          rows += 1;
        }
    expect(rows).toBeGreaterThan(500);
    expect(off).toEqual([]);
  });

  it("orders by the total as shown; firms showing the same total by capital (unknown last), then id", async () => {
    let ties = 0;
    for (const [zoneId, chainId] of cells) {
      const results = (await ranking(zoneId, chainId)).results;
      for (let i = 1; i < results.length; i++) {
        const [a, b] = [results[i - 1]!, results[i]!];
        if (a.decisionMaker !== b.decisionMaker) continue;
        expect(shown(a.total), `${zoneId}/${chainId} #${a.rank}, #${b.rank}`).toBeGreaterThanOrEqual(shown(b.total));
        if (shown(a.total) !== shown(b.total)) continue;
        ties += 1;
        const [x, y] = [a.firm.capital ?? -1, b.firm.capital ?? -1];
        expect(x > y || (x === y && a.firm.id < b.firm.id), `${zoneId}/${chainId} tie at ${shown(a.total)}: ${a.firm.id} before ${b.firm.id}`).toBe(true);
      }
    }
    // The sample has firms that read the same total: the rule is exercised.
    expect(ties).toBeGreaterThan(0);
  });

  it("the ranking sheet prints the screen's total and points", async () => {
    const rankingShown = await ranking("lingyuan", "steel", "limit=50&regionGroup=jingjinji");
    const res = await app.fetch("/api/zones/lingyuan/chains/steel/targets/export?format=csv&limit=50&regionGroup=jingjinji");
    const [header, ...lines] = (await res.text()).slice(1).split("\r\n").filter(Boolean);
    const columns = header!.split(",");
    const at = (name: string) => columns.indexOf(name);
    expect(lines).toHaveLength(rankingShown.results.length);
    lines.forEach((line, i) => {
      const cells = line.split(",");
      const t = rankingShown.results[i]!;
      expect(Number(cells[at("总分")])).toBe(t.total);
      expect(Number(cells[at("环节匹配(分)")])).toBe(t.contributions.segmentFit);
    });
  });

  it("a firm added to an existing list from the ranking keeps the ranking's score and reason; one added by hand has none", async () => {
    const editor = await app.as("editor");
    const post = (path: string, body: unknown) => editor(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const filters = { regionGroup: "jingjinji" };
    const picked = await ranking("lingyuan", "steel", "limit=50&regionGroup=jingjinji");
    const saved = TargetListDetail.parse(await (await post("/api/lists", { name: "凌源钢铁 京津冀", zoneId: "lingyuan", chainId: "steel", filters, top: 1 })).json());
    expect(saved.entries[0]!.score).toBe(picked.results[0]!.total);

    const second = picked.results[1]!;
    const added = await post(`/api/lists/${saved.id}/entries`, { firmId: second.firm.id, ranking: filters });
    expect(added.status).toBe(201);
    const entry = TargetListDetail.parse(await added.json()).entries.find((e) => e.firm.id === second.firm.id)!;
    expect(entry.score).toBe(second.total);
    expect(entry.reason).toBe(second.reason);
    expect(entry.segmentId).toBe([...second.segments].sort((a, b) => b.confidence - a.confidence)[0]!.segmentId);

    const third = picked.results[2]!;
    const byHand = TargetListDetail.parse(await (await post(`/api/lists/${saved.id}/entries`, { firmId: third.firm.id })).json()).entries.find((e) => e.firm.id === third.firm.id)!;
    expect([byHand.score, byHand.reason]).toEqual([null, "手工添加"]);

    // A firm the named ranking does not hold is refused, saying how to add it by hand.
    const outside = picked.results.length ? (await ranking("lingyuan", "steel", "limit=500&regionGroup=jiangzhehu")).results.find((r) => !picked.results.some((p) => p.firm.id === r.firm.id)) : undefined;
    const refused = await post(`/api/lists/${saved.id}/entries`, { firmId: outside!.firm.id, ranking: filters });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("ranking");
  });

  it("the report names the region group its top targets come from: 京津冀 by default, another when asked", async () => {
    const report = (query: string) => app.json<ChainReport>(`/api/zones/lingyuan/chains/steel/report${query}`);
    expect((await report("")).targets.filters.regionGroupName).toBe("京津冀");
    const other = await report("?regionGroup=jiangzhehu");
    expect(other.targets.filters.regionGroupName).toBe("江浙沪");
    // The same firms, ranks and scores as the targets page with that group.
    const page = await ranking("lingyuan", "steel", "limit=10&regionGroup=jiangzhehu");
    expect(other.targets.results.map((r) => [r.firm.id, r.rank, r.total])).toEqual(page.results.map((r) => [r.firm.id, r.rank, r.total]));
    // Regions asked for replace the default group: 河北 alone, no firm of 北京 or 天津.
    const hebei = await report("?regions=130000");
    expect(hebei.targets.filters.regionGroupName).toBeNull();
    expect(hebei.targets.results.length).toBeGreaterThan(0);
    expect(hebei.targets.results.every((r) => r.firm.regionCode.startsWith("13"))).toBe(true);
  });
});
