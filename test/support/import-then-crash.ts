/**
 * A process that imports a file into the graph at <dataDir> while others read (they
 * start once the rows are staged, so they are under way when the import commits), saves
 * an edit to one imported firm if it can see it, and dies by SIGKILL without closing the
 * graph. It prints one JSON line first: what the import said, and whether the edit was
 * saved. crash-consistency.test.ts reopens the graph and checks that both hold.
 *
 *   node --import tsx test/support/import-then-crash.ts <dataDir> <file.csv> <rows> <firmId>
 */
import path from "node:path";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { importFirms } from "../../server/imports/import-firms.js";
import { searchKeys } from "../../server/services/search-keys.js";

const [dataDir, file, rowsText, firmId] = process.argv.slice(2) as [string, string, string, string];
const store = await KuzuStore.open(path.join(dataDir, "graph.kuzu"), { bufferPoolMiB: 512 });
let reading = false;
let stop = false;
const readers = Array.from({ length: 3 }, async () => {
  while (!stop) {
    if (reading) await store.read("zones/list-zones", { zoneId: null }).catch(() => undefined);
    else await new Promise((resolve) => setTimeout(resolve, 5));
  }
});

let imported: string;
try {
  await importFirms(store, {
    importId: "imp-crash",
    path: file,
    fileName: path.basename(file),
    mode: "commit",
    actor: "test",
    workers: 0,
    onProgress: (rows) => {
      if (rows === Number(rowsText)) setTimeout(() => (reading = true), 100);
    },
  });
  imported = "done";
} catch (error) {
  imported = `failed: ${(error as Error).message}`;
}

// An edit of an imported firm, as anyone who can see it might make.
let edited = false;
const [firm] = await store.read("firms/get-firm", { id: firmId });
if (firm) {
  const attributes = typeof firm.attributes === "string" ? firm.attributes : "{}";
  await store.write([{ query: "firms/update-firm", rows: [{ ...firm, aliases: firm.aliases ?? [], tags: firm.tags ?? [], name: `${String(firm.name)}（已核实）`, attributes, searchText: searchKeys([String(firm.name)]) }], mustMatch: true }]);
  edited = true;
}
stop = true;
await Promise.all(readers);
process.stdout.write(JSON.stringify({ imported, edited }) + "\n", () => process.kill(process.pid, "SIGKILL"));
