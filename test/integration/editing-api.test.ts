import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry, AuditPage, ChainDetail, ChainLeader, ChainMap, FeedsRecord, FirmDetail, FirmSegmentLink, SearchResults, SegmentRecord, ZoneList } from "../../server/model/api.js";
import { usccCheckCharacter } from "../../server/imports/values.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph } from "../fixtures/mini-graph.js";
import { startApp, type ApiFetch, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
let editor: ApiFetch;
beforeAll(async () => {
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS.filter((r) => r.code.startsWith("21"))), ...recordSteps(miniGraph())]));
  editor = await app.as("editor");
});
afterAll(() => app.close());

/** Calls the API as the editor (or as `as`), JSON in and out. */
const call = async (path: string, method = "GET", body?: unknown, as: ApiFetch = editor) => {
  const res = await as(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
/** The audit entries about one record, newest first, each opened for its records before and after (read as the admin). */
const auditOf = async (entity: string, entityId: string) =>
  Promise.all(
    AuditPage.parse((await call(`/api/audit?entity=${entity}&entityId=${encodeURIComponent(entityId)}`, "GET", undefined, app.fetch)).body).items.map(async (e) =>
      AuditEntry.parse((await call(`/api/audit/${encodeURIComponent(e.id)}`, "GET", undefined, app.fetch)).body),
    ),
  );
const auditCount = async () => {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page = AuditPage.parse((await call(`/api/audit?limit=500${cursor ? `&cursor=${cursor}` : ""}`, "GET", undefined, app.fetch)).body);
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
};
const uscc = (first17: string) => first17 + usccCheckCharacter(first17)!;

describe("editing segments", () => {
  it("creates a segment at version 1 after the stage's last one, findable by pinyin, and audits it with the session user", async () => {
    const created = await call("/api/chains/steel/segments", "POST", { name: "型钢及钢结构", stage: "downstream", keywords: ["H型钢"] });
    expect(created.status).toBe(201);
    const segment = SegmentRecord.parse(created.body);
    expect(segment).toMatchObject({ id: "steel-xinggangjigangjiegou", chainId: "steel", stage: "downstream", position: 1, version: 1, source: "entered by editor" });
    const chain = ChainDetail.parse((await call("/api/chains/steel")).body);
    expect(chain.segments.map((s) => s.id)).toContain(segment.id);
    const hits = SearchResults.parse((await call("/api/search?q=xinggang")).body);
    expect(hits.segments.map((s) => s.id)).toContain(segment.id);

    const [entry] = await auditOf("segment", segment.id);
    expect(entry).toMatchObject({ actor: "editor", action: "segment.create", before: null, after: { id: segment.id, name: "型钢及钢结构", version: 1 } });
    expect(entry!.summary).toContain("型钢及钢结构");
  });

  it("changes a segment at the version the person saw; a stale version gets 409 with the current segment and changes nothing", async () => {
    const before = SegmentRecord.parse((await call("/api/segments/steel-strip")).body);
    expect(before.version).toBe(1);
    const changed = await call("/api/segments/steel-strip", "PATCH", { version: 1, name: "冷轧带钢及镀层", keywords: ["冷轧", "镀锌"] });
    expect(changed.status).toBe(200);
    expect(SegmentRecord.parse(changed.body)).toMatchObject({ name: "冷轧带钢及镀层", keywords: ["冷轧", "镀锌"], stage: "downstream", version: 2 });
    expect(SearchResults.parse((await call("/api/search?q=dxx")).body).segments.map((s) => s.id)).not.toContain("steel-strip");
    expect(SearchResults.parse((await call("/api/search?q=duxin")).body).segments.map((s) => s.id)).toContain("steel-strip");

    const entriesBefore = await auditCount();
    const stale = await call("/api/segments/steel-strip", "PATCH", { version: 1, name: "别的名字" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", details: { current: { id: "steel-strip", name: "冷轧带钢及镀层", version: 2 } } });
    expect(SegmentRecord.parse((await call("/api/segments/steel-strip")).body).name).toBe("冷轧带钢及镀层");
    expect(await auditCount()).toBe(entriesBefore);

    const [entry] = await auditOf("segment", "steel-strip");
    expect(entry).toMatchObject({ actor: "editor", action: "segment.update", before: { name: "冷轧带钢", version: 1 }, after: { name: "冷轧带钢及镀层", version: 2 } });
  });

  it("when two people save the same version at once, then one change lands and the other gets 409", async () => {
    const before = SegmentRecord.parse((await call("/api/segments/steel-iron")).body);
    const entries = (await auditOf("segment", "steel-iron")).length;
    const results = await Promise.all(["高炉炼铁", "直接还原铁"].map((name) => call("/api/segments/steel-iron", "PATCH", { version: before.version, name })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    const loser = results.find((r) => r.status === 409)!.body;
    expect(loser.error.details.current).toMatchObject({ name: winner.name, version: before.version + 1 });
    expect(SegmentRecord.parse((await call("/api/segments/steel-iron")).body)).toMatchObject({ name: winner.name, version: before.version + 1 });
    expect(await auditOf("segment", "steel-iron")).toHaveLength(entries + 1);
  });

  it("refuses malformed input with the field at fault, unknown segments and chains with 404", async () => {
    const bad = await call("/api/chains/steel/segments", "POST", { name: "x", stage: "sideways" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain("body.stage");
    expect((await call("/api/segments/steel-strip", "PATCH", { name: "无版本" })).body.error.details[0].field).toBe("body.version");
    expect((await call("/api/chains/nowhere/segments", "POST", { name: "x", stage: "upstream" })).status).toBe(404);
    expect((await call("/api/segments/nowhere", "PATCH", { version: 1, name: "x" })).status).toBe(404);
    expect((await call("/api/segments/nowhere?version=1", "DELETE")).status).toBe(404);
    const taken = await call("/api/chains/steel/segments", "POST", { id: "steel-ore", name: "重复", stage: "upstream" });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("id_taken");
  });

  it("deletes a segment only at its version and only when no firm, project or list entry points at it; its links go with it", async () => {
    expect((await call("/api/segments/steel-scrap", "DELETE")).status).toBe(400);
    const inUse = await call("/api/segments/steel-ore?version=1", "DELETE");
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: "segment_in_use", details: { firms: 2, projects: 0, entries: 0 } });

    const segment = SegmentRecord.parse((await call("/api/chains/steel/segments", "POST", { id: "steel-slag", name: "钢渣处理", stage: "downstream" })).body);
    FeedsRecord.parse((await call("/api/feeds", "POST", { from: "steel-steel", to: "steel-slag" })).body);
    const stale = await call("/api/segments/steel-slag?version=2", "DELETE");
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: "steel-slag", version: 1 });

    expect((await call(`/api/segments/${segment.id}?version=1`, "DELETE")).status).toBe(204);
    expect((await call(`/api/segments/${segment.id}`)).status).toBe(404);
    expect(ChainDetail.parse((await call("/api/chains/steel")).body).links.some((l) => l.target === "steel-slag")).toBe(false);
    const [entry] = await auditOf("segment", "steel-slag");
    expect(entry).toMatchObject({ action: "segment.delete", after: null, before: { id: "steel-slag", feeds: [{ from: "steel-steel", to: "steel-slag" }] } });
  });
});

describe("editing FEEDS links", () => {
  it("refuses a link that closes a cycle, naming the cycle, until it is confirmed", async () => {
    // 废钢 → 炼钢 → 冷轧带钢 exists; 冷轧带钢 → 废钢 (offcuts back to scrap) closes a loop.
    const refused = await call("/api/feeds", "POST", { from: "steel-strip", to: "steel-scrap" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("feeds_cycle");
    expect(refused.body.error.details.cycle.map((s: { id: string }) => s.id)).toEqual(["steel-strip", "steel-scrap", "steel-steel", "steel-strip"]);
    expect(refused.body.error.message).toContain("废钢");
    expect(ChainDetail.parse((await call("/api/chains/steel")).body).links.some((l) => l.source === "steel-strip" && l.target === "steel-scrap")).toBe(false);

    const confirmed = await call("/api/feeds", "POST", { from: "steel-strip", to: "steel-scrap", confirmCycle: true });
    expect(confirmed.status).toBe(201);
    expect(FeedsRecord.parse(confirmed.body)).toEqual({ from: "steel-strip", to: "steel-scrap", source: "entered by editor" });
    expect(ChainDetail.parse((await call("/api/chains/steel")).body).links.some((l) => l.source === "steel-strip" && l.target === "steel-scrap")).toBe(true);
    const [entry] = await auditOf("feeds", "steel-strip>steel-scrap");
    expect(entry).toMatchObject({ action: "feeds.create", actor: "editor", before: null, after: { from: "steel-strip", to: "steel-scrap", cycle: ["steel-strip", "steel-scrap", "steel-steel", "steel-strip"] } });
  });

  it("adds a plain link at once, refuses a duplicate with the existing link, and deletes it", async () => {
    expect((await call("/api/feeds", "POST", { from: "coal-coke", to: "steel-steel" })).status).toBe(201);
    const duplicate = await call("/api/feeds", "POST", { from: "coal-coke", to: "steel-steel" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: "conflict", details: { current: { from: "coal-coke", to: "steel-steel" } } });
    expect((await call("/api/feeds/coal-coke/steel-steel", "DELETE")).status).toBe(204);
    expect((await call("/api/feeds/coal-coke/steel-steel", "DELETE")).status).toBe(404);
    expect((await auditOf("feeds", "coal-coke>steel-steel")).map((e) => e.action)).toEqual(["feeds.delete", "feeds.create"]);
  });

  it("refuses a segment feeding itself, and unknown segments", async () => {
    expect((await call("/api/feeds", "POST", { from: "steel-ore", to: "steel-ore" })).status).toBe(400);
    expect((await call("/api/feeds", "POST", { from: "steel-ore", to: "nowhere" })).status).toBe(404);
  });
});

describe("editing firms", () => {
  const code = uscc("91211382MA0TE7T01");

  it("creates a firm at version 1 with its zone, keyed by its 统一社会信用代码, and audits it", async () => {
    const created = await call("/api/firms", "POST", { uscc: code, name: "凌源冷轧板材有限公司", aliases: ["凌源冷轧"], regionCode: "211382", zoneId: "lingyuan", capital: 8000, tags: ["专精特新"] });
    expect(created.status).toBe(201);
    const firm = FirmDetail.parse(created.body);
    expect(firm).toMatchObject({ id: `u-${code.toLowerCase()}`, uscc: code, version: 1, zone: { id: "lingyuan" }, sample: false, source: "entered by editor" });
    expect(firm.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(SearchResults.parse((await call(`/api/search?q=${encodeURIComponent("凌源冷轧")}`)).body).firms.map((f) => f.id)).toContain(firm.id);
    const [entry] = await auditOf("firm", firm.id);
    expect(entry).toMatchObject({ action: "firm.create", actor: "editor", before: null, after: { uscc: code, zoneId: "lingyuan", version: 1 } });
  });

  it("refuses a second firm with the same code, naming the firm that holds it; and a code whose check character is wrong", async () => {
    const duplicate = await call("/api/firms", "POST", { uscc: code, name: "另一家公司", regionCode: "211382" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: "duplicate_uscc", details: { firm: { id: `u-${code.toLowerCase()}`, name: "凌源冷轧板材有限公司" } } });
    expect(duplicate.body.error.message).toContain("凌源冷轧板材有限公司");

    const wrongCheck = code.slice(0, 17) + (code[17] === "0" ? "1" : "0");
    const bad = await call("/api/firms", "POST", { uscc: wrongCheck, name: "校验错误公司", regionCode: "211382" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: "body.uscc" })]);
    expect((await call("/api/firms", "POST", { uscc: "12345", name: "短代码", regionCode: "211382" })).body.error.details[0].field).toBe("body.uscc");
    expect((await call("/api/firms", "POST", { name: "无地区", regionCode: "999999" })).body.error.details[0].field).toBe("body.regionCode");
  });

  it("changes a firm at its version: a stale write gets 409 with the current firm; taking another firm's code gets 409", async () => {
    const id = `u-${code.toLowerCase()}`;
    const moved = await call(`/api/firms/${id}`, "PATCH", { version: 1, name: "凌源精密冷轧有限公司", zoneId: null, capital: 9000 });
    expect(moved.status).toBe(200);
    expect(FirmDetail.parse(moved.body)).toMatchObject({ name: "凌源精密冷轧有限公司", zone: null, capital: 9000, version: 2, aliases: ["凌源冷轧"] });

    const stale = await call(`/api/firms/${id}`, "PATCH", { version: 1, capital: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", details: { current: { id, version: 2, capital: 9000 } } });
    FirmDetail.parse(stale.body.error.details.current);

    const other = FirmDetail.parse((await call("/api/firms/ore-one")).body);
    const taking = await call("/api/firms/ore-one", "PATCH", { version: other.version, uscc: code });
    expect(taking.status).toBe(409);
    expect(taking.body.error).toMatchObject({ code: "duplicate_uscc", details: { firm: { id } } });

    const [entry] = await auditOf("firm", id);
    expect(entry).toMatchObject({ action: "firm.update", before: { name: "凌源冷轧板材有限公司", zoneId: "lingyuan", version: 1 }, after: { name: "凌源精密冷轧有限公司", zoneId: null, version: 2 } });
  });

  it("keeps a capital figure's own source and year while the capital stays; a capital changed by hand is the editor's, this year; no capital, no source", async () => {
    const patch = async (change: object) => {
      const { version } = FirmDetail.parse((await call("/api/firms/ore-two")).body);
      const res = await call("/api/firms/ore-two", "PATCH", { version, ...change });
      expect(res.status).toBe(200);
      return FirmDetail.parse(res.body);
    };
    expect(await patch({ capital: 800, capitalSource: "凌源矿业有限公司2023年年度报告", capitalAsOf: 2023 })).toMatchObject({ capital: 800, capitalSource: "凌源矿业有限公司2023年年度报告", capitalAsOf: 2023 });
    expect(await patch({ aliases: ["凌源矿业"], capital: 800 })).toMatchObject({ capitalSource: "凌源矿业有限公司2023年年度报告", capitalAsOf: 2023 });
    expect(await patch({ capital: 900 })).toMatchObject({ capital: 900, capitalSource: "entered by editor", capitalAsOf: new Date().getFullYear() });
    expect(await patch({ capital: null })).toMatchObject({ capital: null, capitalSource: null, capitalAsOf: null });
  });

  it("deletes a firm at its version unless projects or list entries point at it", async () => {
    const id = `u-${code.toLowerCase()}`;
    const lingang = FirmDetail.parse((await call("/api/firms/lingang")).body);
    const inUse = await call(`/api/firms/lingang?version=${lingang.version}`, "DELETE");
    expect(inUse.status).toBe(409);
    expect(inUse.body.error).toMatchObject({ code: "firm_in_use", details: { projects: 1 } });
    expect((await call(`/api/firms/${id}?version=1`, "DELETE")).status).toBe(409);
    expect((await call(`/api/firms/${id}?version=2`, "DELETE")).status).toBe(204);
    expect((await call(`/api/firms/${id}`)).status).toBe(404);
    expect((await auditOf("firm", id))[0]).toMatchObject({ action: "firm.delete", after: null, before: { id, version: 2 } });
  });
});

describe("editing a firm's segments", () => {
  it("puts a firm into a segment (201, version 1), changes it at its version, and removes it; the map follows", async () => {
    const created = await call("/api/firms/ore-two/segments/steel-strip", "PUT", { products: "冷轧板", confidence: 0.7 });
    expect(created.status).toBe(201);
    expect(FirmSegmentLink.parse(created.body)).toMatchObject({ firmId: "ore-two", segmentId: "steel-strip", products: "冷轧板", confidence: 0.7, version: 1 });
    const map = ChainMap.parse((await call("/api/zones/lingyuan/chains/steel/map")).body);
    expect(map.segments.find((s) => s.id === "steel-strip")!.localFirmCount).toBe(1);

    const again = await call("/api/firms/ore-two/segments/steel-strip", "PUT", { products: "别的" });
    expect(again.status).toBe(409);
    expect(again.body.error.details.current).toMatchObject({ products: "冷轧板", version: 1 });

    const changed = await call("/api/firms/ore-two/segments/steel-strip", "PUT", { version: 1, products: "冷轧板、镀锌板", capacity: "10万吨/年", confidence: 0.8 });
    expect(changed.status).toBe(200);
    expect(FirmSegmentLink.parse(changed.body)).toMatchObject({ products: "冷轧板、镀锌板", capacity: "10万吨/年", version: 2 });
    const stale = await call("/api/firms/ore-two/segments/steel-strip", "PUT", { version: 1, products: "旧" });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: "conflict", details: { current: { version: 2, products: "冷轧板、镀锌板" } } });

    // The firm page and the map carry the link's version, for the next change or removal.
    const firm = FirmDetail.parse((await call("/api/firms/ore-two")).body);
    expect(firm.segments.find((s) => s.segmentId === "steel-strip")!.version).toBe(2);
    const onMap = ChainMap.parse((await call("/api/zones/lingyuan/chains/steel/map")).body).firms.find((f) => f.id === "ore-two")!;
    expect(onMap.segments.find((s) => s.segmentId === "steel-strip")!.version).toBe(2);

    expect((await call("/api/firms/ore-two/segments/steel-strip?version=1", "DELETE")).status).toBe(409);
    expect((await call("/api/firms/ore-two/segments/steel-strip?version=2", "DELETE")).status).toBe(204);
    expect(ChainMap.parse((await call("/api/zones/lingyuan/chains/steel/map")).body).segments.find((s) => s.id === "steel-strip")!.localFirmCount).toBe(0);
    expect((await auditOf("firm-segment", "ore-two|steel-strip")).map((e) => e.action)).toEqual(["firm-segment.delete", "firm-segment.update", "firm-segment.create"]);
  });

  it("answers 404 for an unknown firm, segment or link", async () => {
    expect((await call("/api/firms/nobody/segments/steel-strip", "PUT", {})).status).toBe(404);
    expect((await call("/api/firms/ore-two/segments/nowhere", "PUT", {})).status).toBe(404);
    expect((await call("/api/firms/ore-two/segments/steel-strip", "PUT", { version: 3 })).status).toBe(404);
    expect((await call("/api/firms/ore-two/segments/steel-strip?version=1", "DELETE")).status).toBe(404);
  });
});

describe("editing chain leaders", () => {
  const leaders = async () => ZoneList.parse((await call("/api/zones")).body).find((z) => z.id === "lingyuan")!.chains[0]!.leaders.map((l) => l.id);

  it("sets a local firm as the chain's leader in the zone, once, and unsets it", async () => {
    const set = await call("/api/zones/lingyuan/chains/steel/leaders/ore-one", "PUT");
    expect(set.status).toBe(201);
    expect(ChainLeader.parse(set.body)).toMatchObject({ firmId: "ore-one", chainId: "steel", zoneId: "lingyuan" });
    expect(await leaders()).toEqual(["lingang", "ore-one"]);
    expect((await call("/api/zones/lingyuan/chains/steel/leaders/ore-one", "PUT")).status).toBe(200);
    expect((await call("/api/zones/lingyuan/chains/steel/leaders/ore-one", "DELETE")).status).toBe(204);
    expect(await leaders()).toEqual(["lingang"]);
    expect((await call("/api/zones/lingyuan/chains/steel/leaders/ore-one", "DELETE")).status).toBe(404);
    expect((await auditOf("chain-leader", "lingyuan|steel|ore-one")).map((e) => [e.action, e.actor])).toEqual([
      ["chain-leader.unset", "editor"],
      ["chain-leader.set", "editor"],
    ]);
  });

  it("refuses a firm outside the zone, or a chain that is not one of the zone's", async () => {
    const outside = await call("/api/zones/lingyuan/chains/steel/leaders/tangsteel", "PUT");
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0].field).toBe("params.firmId");
    expect((await call("/api/zones/lingyuan/chains/coal/leaders/ore-one", "PUT")).body.error.details[0].field).toBe("params.chainId");
    expect((await call("/api/zones/lingyuan/chains/steel/leaders/nobody", "PUT")).status).toBe(404);
  });
});

describe("who may edit", () => {
  it("a viewer may read but not edit; nothing changes", async () => {
    const viewer = await app.as("viewer");
    expect((await call("/api/segments/steel-ore", "GET", undefined, viewer)).status).toBe(200);
    expect((await call("/api/segments/steel-ore", "PATCH", { version: 1, name: "x" }, viewer)).status).toBe(403);
    expect((await call("/api/firms", "POST", { name: "x", regionCode: "211382" }, viewer)).status).toBe(403);
    expect(SegmentRecord.parse((await call("/api/segments/steel-ore")).body).name).toBe("铁精粉");
  });
});
