// Brings a Kùzu graph left with a write-ahead log (the last process did not close it) to a
// clean state, in a process of its own: opening replays the log up to its last commit, a
// checkpoint writes that into the database file, and closing leaves no log. Run by
// KuzuStore.open (kuzu-store.ts), which reads the outcome from the exit code: 0 done,
// 3 the graph is held by another process, 1 another failure (on stderr). Death by a signal
// means Kùzu itself crashed replaying the log.
//
//   node server/graph/kuzu-recover.mjs <graph file> <buffer pool bytes>
import kuzu from "kuzu";

const [file, bufferBytes] = process.argv.slice(2);
try {
  const database = new kuzu.Database(file, Number(bufferBytes), true, false, 0, false);
  await database.init();
  const connection = new kuzu.Connection(database);
  await connection.init();
  const result = await connection.query("CHECKPOINT");
  for (const r of Array.isArray(result) ? result : [result]) r.close();
  await connection.close();
  await database.close();
} catch (error) {
  process.stderr.write(error.message);
  process.exit(/lock/i.test(error.message) ? 3 : 1);
}
