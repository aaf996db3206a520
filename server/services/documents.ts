/** The source documents facts cite, read from the graph, and their sources in words. */
import type { GraphStore } from "../graph/store.js";
import { SourceDocument } from "../model/domain.js";
import { sourceLabel } from "../model/sources.js";
import { cached } from "./read-cache.js";
import { parseRows } from "./rows.js";

export function listDocuments(store: GraphStore): Promise<SourceDocument[]> {
  return cached(store, "documents", async () => parseRows(SourceDocument, await store.read("documents/list-documents")));
}

/** A function that says a source in Chinese words: documents by title, 公开资料. */
export async function sourceLabeler(store: GraphStore): Promise<(source: string) => string> {
  const documents = await listDocuments(store);
  return (source) => sourceLabel(source, documents);
}
