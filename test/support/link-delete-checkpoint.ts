/**
 * Writes, through the store, the sequence after which Kùzu 0.11.3 crashed the process at
 * the first read of a group link once the graph had checkpointed
 * (docs/decisions/032-reopen-after-checkpointing-deleted-links.md): group links on the
 * graph's file, firms added after them (an import), a link made to one of the new firms
 * and taken away again (the firm deleted) before a checkpoint, then a checkpoint (the
 * next import's). Then it reads the zone's chain rows and the firm's children. Each
 * write is reported on stdout once acknowledged, so a test can check what survived.
 *
 *   node --import tsx test/support/link-delete-checkpoint.ts <data dir> <staging dir>
 */
import path from "node:path";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { deleteFirm } from "../../server/services/editing/firms.js";
import { readFirm } from "../../server/services/firms.js";
import { getChainGaps } from "../../server/services/gaps.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { getChainMap } from "../../server/services/maps.js";
import { writeBenchExport } from "../../seed/generate/bench-data.js";
import { miniGraph } from "../fixtures/mini-graph.js";

const [dataDir, stagingDir] = process.argv.slice(2) as [string, string];
const said = (what: object) => process.stdout.write(JSON.stringify(what) + "\n");
const graph = miniGraph();
const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"), { bufferPoolMiB: 256 });
await store.ensureSchema();
// Group links, then firms added after them: the import's commit checkpoints both.
await store.write([...regionSteps(ALL_REGIONS), ...recordSteps(graph)]);
const first = path.join(stagingDir, "first.csv");
await writeBenchExport(first, { firms: 20, seed: 41, segments: graph.segments, prefix: "A" });
await importFirms(store, { importId: "imp-a", path: first, fileName: "first.csv", mode: "commit", actor: "test", workers: 0 });
const imported: string[] = [];
for await (const row of store.scan("Firm")) if (String(row.id).startsWith("u-")) imported.push(String(row.id));
imported.sort();
const [child, parent] = imported as [string, string];
said({ imported });
// A link to one of the new firms, gone again with the firm before any checkpoint.
await store.write([{ query: "firms/link-parent", rows: [{ from: child, to: parent, kind: "branch", source: "test" }] }]);
said({ linked: [child, parent] });
await deleteFirm(store, parent, (await readFirm(store, parent))!.version, "test");
said({ deleted: parent });
// The next import checkpoints before it copies, and again at its commit.
const second = path.join(stagingDir, "second.csv");
await writeBenchExport(second, { firms: 5, seed: 42, segments: graph.segments, prefix: "B" });
await importFirms(store, { importId: "imp-b", path: second, fileName: "second.csv", mode: "commit", actor: "test", workers: 0 });
said({ importedAgain: "imp-b" });
for (const [zoneId, chainId] of [["lingyuan", "steel"], ["beipiao", "coal"]] as const) {
  await getChainMap(store, zoneId, chainId);
  await getChainGaps(store, zoneId, chainId);
}
const children = await store.read("firms/firm-children", { id: graph.belongsTo[0]!.to });
said({ read: children.length });
await store.close();
said({ closed: true });
