/**
 * Segment links keep their texts apart (LINK_TEXTS, docs/decisions/033-segment-link-texts-apart.md).
 * A graph written before — the sample, with every link's texts on OPERATES_IN — opens moved
 * to the new layout, and a backup made before restores into it: every answer that shows a
 * link's texts is the one the new layout gives for the same data, on a real store.
 */
import kuzu from "kuzu";
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import type { GraphStore, Row } from "../../server/graph/store.js";
import { restoreBackup, writeBackup } from "../../server/services/backup.js";
import { deleteFirmSegment, putFirmSegment } from "../../server/services/editing/firm-segments.js";
import { getFirm } from "../../server/services/firms.js";
import { getChainMap } from "../../server/services/maps.js";
import { loadSample } from "../../seed/load-sample.js";
import { openTestStore, type TestStore } from "../support/store.js";

const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * The answers that read a segment link's texts: every firm's segments (its card's rows), its
 * ranking rows, its landing and its branches' in each chain it is in; every zone's map rows,
 * map and candidates; and, for a sample of firms and links, the whole firm card and the link
 * as an edit reads it.
 */
async function answers(store: GraphStore): Promise<Record<string, unknown>> {
  const links: Row[] = [];
  for await (const row of store.scan("OPERATES_IN")) links.push(row);
  links.sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
  const firms = [...new Set(links.map((l) => String(l.from)))];
  const parents: string[] = [];
  for await (const row of store.scan("BELONGS_TO")) if (row.kind === "branch") parents.push(String(row.to));
  const zones: string[] = [];
  for await (const row of store.scan("Zone")) zones.push(String(row.id));
  const chains: string[] = [];
  for await (const row of store.scan("Chain")) chains.push(String(row.id));
  const out: Record<string, unknown> = {};
  for (const [i, id] of firms.entries()) {
    const segments = await store.read("firms/firm-segments", { id });
    out[`firm-segments ${id}`] = segments;
    out[`firm-links ${id}`] = sorted(await store.read("targets/firm-links", { id }));
    for (const chainId of new Set(segments.map((s) => String(s.chainId)))) out[`landing ${id} ${chainId}`] = await store.read("simulation/landing-links", { firmId: id, chainId });
    if (i % 10 === 0) out[`card ${id}`] = (await getFirm(store, id)).segments;
  }
  for (const id of new Set(parents)) for (const chainId of chains) out[`branches ${id} ${chainId}`] = await store.read("simulation/branch-links", { firmId: id, chainId });
  for (const link of links.filter((_, i) => i % 10 === 0)) out[`link ${link.from} ${link.to}`] = await store.read("firms/get-segment-link", { firmId: link.from, segmentId: link.to });
  const segmentIds = [...new Set(links.map((l) => String(l.to)))];
  for (const zoneId of zones) {
    out[`local ${zoneId}`] = await store.read("maps/local-firms", { zoneId });
    out[`candidates ${zoneId}`] = await store.read("targets/candidates", { zoneId, segmentIds, prefixes: [""], minCapital: null });
    for (const chainId of chains) out[`map ${zoneId} ${chainId}`] = await getChainMap(store, zoneId, chainId);
  }
  return out;
}

/**
 * Turns a graph of today's layout back into the one written before: OPERATES_IN made again
 * with its texts (the columns and their order as they were), LINK_TEXTS dropped.
 */
async function writtenBefore(file: string): Promise<void> {
  const database = new kuzu.Database(file, 256 * 1024 * 1024);
  const connection = new kuzu.Connection(database);
  const run = async (text: string) => {
    const result = await connection.query(text);
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  };
  await run("CREATE REL TABLE OLD_OPERATES_IN(FROM Firm TO Segment, products STRING, capacity STRING, confidence DOUBLE, source STRING, evidence STRING, version INT64)");
  await run(`COPY OLD_OPERATES_IN FROM (
    MATCH (f:Firm)-[o:OPERATES_IN]->(s:Segment) OPTIONAL MATCH (f)-[t:LINK_TEXTS]->(f) WHERE t.segmentId = s.id
    RETURN f.id AS a, s.id AS b, t.products AS products, t.capacity AS capacity, o.confidence AS confidence, t.source AS source, t.evidence AS evidence, o.version AS version)`);
  await run("DROP TABLE OPERATES_IN");
  await run("DROP TABLE LINK_TEXTS");
  await run("ALTER TABLE OLD_OPERATES_IN RENAME TO OPERATES_IN");
  await run("CHECKPOINT");
  await connection.close();
  await database.close();
}

/**
 * A backup as it was written before: each OPERATES_IN row with its texts (in the columns'
 * order of then), no LINK_TEXTS rows, the counts and checksum of that file.
 */
function backupWrittenBefore(from: string, to: string): number {
  const lines = readFileSync(from, "utf8").trim().split("\n");
  const texts = new Map<string, Record<string, unknown>>();
  for (const line of lines.slice(1, -1)) {
    const { table, row } = JSON.parse(line) as { table: string; row: Record<string, unknown> };
    if (table === "LINK_TEXTS") texts.set(`${row.from} ${row.segmentId}`, row);
  }
  const body: string[] = [lines[0]!];
  let moved = 0;
  for (const line of lines.slice(1, -1)) {
    const { table, row } = JSON.parse(line) as { table: string; row: Record<string, unknown> };
    if (table === "LINK_TEXTS") continue;
    if (table !== "OPERATES_IN") {
      body.push(line);
      continue;
    }
    const t = texts.get(`${row.from} ${row.to}`);
    if (t) moved++;
    body.push(JSON.stringify({ table, row: { from: row.from, to: row.to, products: t?.products ?? null, capacity: t?.capacity ?? null, confidence: row.confidence, source: t?.source ?? null, evidence: t?.evidence ?? null, version: row.version } }));
  }
  const end = JSON.parse(lines.at(-1)!) as { counts: Record<string, number> };
  const { LINK_TEXTS: _, ...counts } = end.counts;
  const text = body.map((l) => l + "\n").join("");
  writeFileSync(to, text + JSON.stringify({ end: true, counts, sha256: createHash("sha256").update(text).digest("hex") }) + "\n");
  return moved;
}

describe.skipIf(Boolean(process.env.NEO4J_URI))("segment links' texts kept apart", () => {
  let source: TestStore;
  let reference: TestStore;
  /** Today's backup of the sample, and the answers of the graph it restores into. */
  let backup: string;
  let expected: Record<string, unknown>;
  beforeAll(async () => {
    source = await openTestStore();
    await loadSample(source.store);
    // A branch (分公司) with segment links of its own: its parent's landing reads its texts.
    const firms: string[] = [];
    for await (const row of source.store.scan("OPERATES_IN")) if (!firms.includes(String(row.from))) firms.push(String(row.from));
    await source.store.write([{ query: "firms/link-parent", rows: [{ from: firms[0], to: firms[1], kind: "branch", source: "测试" }] }]);
    backup = path.join(source.dataDir, "today.jsonl");
    await writeBackup(source.store, backup);
    // Compared after a restore on both sides: a restore gives empty lists for missing ones (backup.ts).
    reference = await openTestStore();
    await restoreBackup(reference.store, backup);
    expected = await answers(reference.store);
  }, 600_000);
  afterAll(async () => {
    await source.close();
    await reference.close();
  });

  it("gives every link of the sample its texts, and its firm card, map and ranking rows show them", () => {
    const cards = Object.entries(expected).filter(([k]) => k.startsWith("firm-segments "));
    expect(cards.length).toBeGreaterThan(300);
    expect(Object.entries(expected).filter(([k, rows]) => k.startsWith("branches ") && (rows as Row[]).some((r) => r.products)).length).toBeGreaterThan(0);
    // The sample's links name their products and sources: the answers hold them.
    const shown = cards.flatMap(([, segments]) => segments as { products: string; source: string }[]);
    expect(shown.filter((s) => s.products).length).toBeGreaterThan(shown.length / 2);
    expect(shown.filter((s) => s.source).length).toBeGreaterThan(shown.length / 2);
  });

  it("opens a graph written before, moves its links' texts once, says so, and every answer stays the same", async () => {
    const copy = await openTestStore();
    try {
      await restoreBackup(copy.store, backup);
      await copy.store.close();
      const file = path.join(copy.dataDir, "graph.kuzu");
      await writtenBefore(file);

      const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
      const store = await KuzuStore.open(file, { bufferPoolMiB: 256 });
      try {
        // Really written before: the texts are on OPERATES_IN, and today's queries cannot read them.
        await expect(store.read("firms/firm-segments", { id: "xuyang-coking" })).rejects.toThrow(/LINK_TEXTS/);
        await store.ensureSchema();
        expect(log.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^Upgraded .*graph\.kuzu: the texts of \d+ segment links moved from OPERATES_IN to LINK_TEXTS in [\d.]+ s\.$/)]);
        await store.ensureSchema(); // every start runs it again: nothing more to move
        expect(log).toHaveBeenCalledTimes(1);
        expect(await store.count("OPERATES_IN")).toBe(await reference.store.count("OPERATES_IN"));
        expect(await store.count("LINK_TEXTS")).toBe(await store.count("OPERATES_IN"));
        expect(await answers(store)).toEqual(expected);

        // Edits go on in the new layout: a link's texts change and read back with its version
        // moved on; a link deleted takes its texts with it, and a new one has its own.
        const [link] = await store.read("firms/firm-segments", { id: "xuyang-coking" });
        const segmentId = String(link!.segmentId);
        const texts = { products: "焦炭、焦炉煤气", capacity: "300万吨", confidence: 0.9, source: "走访", evidence: "实地" };
        await putFirmSegment(store, "xuyang-coking", segmentId, { ...texts, version: Number(link!.version) }, "测试");
        expect(await store.read("firms/get-segment-link", { firmId: "xuyang-coking", segmentId })).toEqual([{ firmId: "xuyang-coking", segmentId, ...texts, version: Number(link!.version) + 1 }]);
        await deleteFirmSegment(store, "xuyang-coking", segmentId, Number(link!.version) + 1, "测试");
        expect(await store.read("firms/get-segment-link", { firmId: "xuyang-coking", segmentId })).toEqual([]);
        expect(await store.count("LINK_TEXTS")).toBe(await store.count("OPERATES_IN"));
        await putFirmSegment(store, "xuyang-coking", segmentId, { ...texts, products: "焦炭" }, "测试");
        expect(await store.read("firms/get-segment-link", { firmId: "xuyang-coking", segmentId })).toEqual([{ firmId: "xuyang-coking", segmentId, ...texts, products: "焦炭", version: 1 }]);
        expect(await store.count("LINK_TEXTS")).toBe(await store.count("OPERATES_IN"));
      } finally {
        log.mockRestore();
        await store.close();
      }
    } finally {
      await copy.close().catch(() => undefined);
    }
  }, 600_000);

  it("restores a backup written before into the new layout, every answer the same", async () => {
    const counts = (JSON.parse(readFileSync(backup, "utf8").trim().split("\n").at(-1)!) as { counts: Record<string, number> }).counts;
    expect(counts.LINK_TEXTS).toBe(counts.OPERATES_IN);
    const old = path.join(source.dataDir, "written-before.jsonl");
    expect(backupWrittenBefore(backup, old)).toBe(counts.OPERATES_IN);
    expect(readFileSync(old, "utf8")).not.toContain('"LINK_TEXTS"');

    const target = await openTestStore();
    try {
      const restored = await restoreBackup(target.store, old);
      expect(restored.LINK_TEXTS).toBe(counts.OPERATES_IN);
      expect(await answers(target.store)).toEqual(expected);
    } finally {
      await target.close();
    }
  }, 600_000);
});
