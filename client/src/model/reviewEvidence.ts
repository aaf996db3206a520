/**
 * A suggestion's evidence as the review queue shows it: the parts the classifier gives
 * ("行业：板材（申万三级）；主营产品：冷轧板卷"), one a line, and beside them only the firm's
 * facts that no part already cites — so the scope, the products or the industry appear
 * once, as evidence when they were evidence, as a fact when they were not.
 */

export interface EvidencePart {
  /** 行业, 主营产品, 企业名称, 经营范围, or "" for a note without a label. */
  label: string;
  text: string;
}

export function evidenceParts(evidence: string): EvidencePart[] {
  return evidence
    .split("；")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf("：");
      return colon > 0 && colon <= 6 ? { label: part.slice(0, colon), text: part.slice(colon + 1) } : { label: "", text: part };
    });
}

/** The firm facts the review shows, by the evidence label that cites them. */
const FACTS: [fact: string, citedAs: string][] = [
  ["主营产品", "主营产品"],
  ["经营范围", "经营范围"],
  ["国标行业", "行业"],
  ["所属行业", "行业"],
];

/** The facts to show beside the evidence: present, and not cited by any of its parts. */
export function uncitedFacts(attributes: Readonly<Record<string, string>>, parts: readonly EvidencePart[]): [string, string][] {
  const cited = new Set(parts.map((p) => p.label));
  return FACTS.filter(([fact, citedAs]) => attributes[fact] && !cited.has(citedAs) && !cited.has(fact)).map(([fact]) => [fact, attributes[fact]!]);
}
