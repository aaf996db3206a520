/**
 * The smallest sequence found after which Kùzu 0.11.3 crashes the process (SIGSEGV) at
 * the next read of a relationship table, straight on Kùzu, on purpose: links on file, a
 * checkpoint, firms added after it, a link to one of them made and deleted again, a
 * checkpoint. With `reopen`, the graph is closed and opened again after that checkpoint
 * instead, and reads right (what the store does, docs/decisions/032-reopen-after-checkpointing-deleted-links.md).
 * Prints the links read, as JSON.
 *
 *   node --import tsx test/support/kuzu-link-delete-crash.ts <graph file> [reopen]
 */
import kuzu from "kuzu";

const [file, mode] = process.argv.slice(2) as [string, string | undefined];
const open = async () => {
  const database = new kuzu.Database(file, 64 * 2 ** 20, true, false, 0, false);
  await database.init();
  const connection = new kuzu.Connection(database);
  await connection.init();
  return { database, connection };
};
let { database, connection } = await open();
const run = async (text: string) => {
  const result = await connection.query(text);
  const results = Array.isArray(result) ? result : [result];
  const rows = results.at(-1)!.getAllSync();
  for (const r of results) r.close();
  return rows;
};

await run("CREATE NODE TABLE Firm(id STRING PRIMARY KEY)");
await run("CREATE REL TABLE BELONGS_TO(FROM Firm TO Firm, kind STRING)");
for (let i = 0; i < 4; i++) await run(`CREATE (:Firm {id: 'old-${i}'})`);
await run("MATCH (a:Firm {id: 'old-0'}), (b:Firm {id: 'old-1'}) CREATE (a)-[:BELONGS_TO {kind: 'branch'}]->(b)");
await run("CHECKPOINT");
for (let i = 0; i < 4; i++) await run(`CREATE (:Firm {id: 'new-${i}'})`);
await run("MATCH (a:Firm {id: 'new-0'}), (b:Firm {id: 'new-1'}) CREATE (a)-[:BELONGS_TO {kind: 'branch'}]->(b)");
await run("MATCH (:Firm {id: 'new-0'})-[r:BELONGS_TO]->(:Firm {id: 'new-1'}) DELETE r");
await run("CHECKPOINT");
if (mode === "reopen") {
  await connection.close();
  await database.close();
  ({ database, connection } = await open());
}
const links = await run("MATCH (p:Firm)<-[r:BELONGS_TO]-(f:Firm) RETURN f.id AS firm, p.id AS parent ORDER BY firm");
process.stdout.write(JSON.stringify(links) + "\n");
await connection.close();
await database.close();
