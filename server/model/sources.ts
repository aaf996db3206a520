/**
 * How a fact's source reads to people: a document by its title (facts cite it by file
 * name, 001_642bc7a68ccb0aa6.txt), "public information" as 公开资料 and an editor's entry
 * as “王五 录入” in Chinese. Works on any source text, so imported and edited sources
 * that name a known document resolve too.
 */
import type { SourceDocument } from "./domain.js";

const FILE_NAME = /[\w-]+\.(?:txt|pdf|docx?|html?)/g;

export function sourceLabel(source: string, documents: readonly Pick<SourceDocument, "fileName" | "title">[], locale: "zh-CN" | "en" = "zh-CN"): string {
  const titles = new Map(documents.map((d) => [d.fileName, d.title]));
  const text = source.replace(FILE_NAME, (file) => (titles.has(file) ? `《${titles.get(file)}》` : file));
  if (locale === "en") return text;
  return text.replace(/public information/gi, "公开资料").replace(/^entered by (.+)$/i, "$1 录入");
}
