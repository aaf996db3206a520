/**
 * Leaves the graph at <graph file> as Kùzu 0.11.3 leaves it after a crash that its own
 * replay cannot survive: a COPY commits while a read transaction keeps the checkpoint
 * that must follow from running (so the copied rows never reach the file), one of the
 * copied rows is changed, and the process dies. Opening the graph then crashes Kùzu.
 * Straight on Kùzu, on purpose: the store never lets a copy's checkpoint fail like this.
 *
 *   node --import tsx test/support/unreplayable-log.ts <graph file> <staging dir>
 */
import kuzu from "kuzu";
import path from "node:path";
import { StagingWriter } from "../../server/graph/bulk.js";

const [file, stagingDir] = process.argv.slice(2) as [string, string];
const database = new kuzu.Database(file, 256 * 2 ** 20);
const writer = new kuzu.Connection(database);
const reader = new kuzu.Connection(database);
const run = async (connection: InstanceType<typeof kuzu.Connection>, text: string) => {
  const result = await connection.query(text);
  for (const r of Array.isArray(result) ? result : [result]) r.close();
};

const firms = new StagingWriter("Firm", path.join(stagingDir, "firms.csv"));
for (let i = 0; i < 200; i++)
  await firms.write({ id: `lost-${i}`, uscc: null, name: `未落盘企业${i}`, aliases: [], regionCode: "211382", capital: null, foundedOn: null, staff: null, revenue: null, tags: [], sample: false, source: "test", asOf: null, attributes: "{}", searchText: "", version: 1 });
const staged = await firms.close();

await run(writer, "BEGIN TRANSACTION");
await run(writer, `COPY Firm FROM '${staged.path}' (HEADER=true, DELIM=',', QUOTE='"', ESCAPE='"', AUTO_DETECT=false)`);
await run(reader, "BEGIN TRANSACTION READ ONLY");
await run(writer, "COMMIT").catch(() => undefined); // committed; its checkpoint gave up on the reader
await run(reader, "COMMIT");
await run(writer, "MATCH (f:Firm {id: 'lost-1'}) SET f.name = '已改'");
process.stdout.write("ready\n", () => process.kill(process.pid, "SIGKILL"));
