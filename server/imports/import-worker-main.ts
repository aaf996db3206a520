/** Inside an import worker: prepares the batches of rows the main thread sends, in order. */
import { parentPort } from "node:worker_threads";
import { packRows, transferables } from "./packed-rows.js";
import { prepareRow, type RowContext } from "./prepare-row.js";
import type { WorkerReply, WorkerRequest } from "./import-workers.js";

let context: RowContext | null = null;
const port = parentPort!;
port.on("message", (message: WorkerRequest) => {
  if (message.type === "context") {
    context = message.context;
    return;
  }
  let reply: WorkerReply;
  try {
    if (!context) throw new Error("rows before the import's context");
    const rowContext = context;
    reply = { id: message.id, packed: packRows(message.rows.map((raw) => prepareRow(raw, rowContext))) };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).stack ?? String(error) };
  }
  port.postMessage(reply, "packed" in reply ? transferables(reply.packed) : []);
});
