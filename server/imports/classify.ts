/**
 * Which chain segments a firm works in, from what an export says about it: its industry
 * (a GB/T 4754 code or name, or a platform's name such as 申万 板材), its name, 经营范围
 * and 主营产品. Deterministic and explainable: each placement carries the evidence that
 * led to it. docs/decisions/015-classifier-words-and-industries.md explains the design;
 * every weight is in classify-weights.ts.
 *
 * - The industry is evidence of its own. A platform name the names file maps to segments
 *   (锂电池 → 动力电池, 储能电池) places the firm unless its words point elsewhere in the
 *   chain; a GB/T class that one segment of a chain lists needs any word of the firm to
 *   confirm it; a class several segments share leaves the choice to the words.
 * - Words are words: text is cut by a segmenter (words.ts) and a keyword counts only where
 *   it stands as whole words (智能交通 in 楚天智能交通 is one; 工程 in 工程机械轮胎 is not).
 *   Generic words (generic-words.ts: 工程, 系统, 智能 …) are no keywords at all.
 * - Fields weigh differently: 主营产品 most, the industry's words, the name's business
 *   words (place and legal form removed), 经营范围 least, less again for items a scope only
 *   trades (…销售) or excludes (不含…).
 * - When the industry is understood and points away from a chain, that chain's words
 *   count for little: an expressway operator called 楚天智能交通 makes no traffic signals.
 * - Independent evidence combines as 1 − Π(1 − pᵢ).
 */
import { businessRange, nameText } from "./firm-name.js";
import { isGenericWord } from "./generic-words.js";
import { platformIndustryNames, readIndustry, type IndustryReading } from "./industry-names.js";
import { WordTrie } from "./word-trie.js";
import { addWords, prepareBounds, wordBounds } from "./words.js";
import {
  DEFAULT_GIVES_WAY,
  EXCLUDED,
  FIELD_WEIGHT,
  INDUSTRY,
  INDUSTRY_DISAGREES,
  MAX_ASSIGNMENTS,
  MIN_CONFIDENCE,
  OCCURRENCE,
  TERM,
  WORD_GAIN,
} from "./classify-weights.js";

export { MAX_ASSIGNMENTS, MIN_CONFIDENCE, REVIEW_THRESHOLD } from "./classify-weights.js";

export interface SegmentProfile {
  id: string;
  chainId: string;
  name: string;
  industryCodes: string[];
  keywords: string[];
}

export interface FirmText {
  name: string;
  industry?: string | null;
  scope?: string | null;
  products?: string | null;
}

export interface SegmentAssignment {
  segmentId: string;
  /** 0–1. */
  confidence: number;
  /** The evidence, as a person reads it: "行业：板材（申万三级）；主营产品：热轧卷板". */
  evidence: string;
}

type Field = keyof typeof FIELD_WEIGHT;
const FIELDS: Field[] = ["products", "industry", "name", "scope"];
const FIELD_LABEL: Record<Field, string> = { products: "主营产品", industry: "行业", name: "企业名称", scope: "经营范围" };

interface Term {
  text: string;
  segments: string[];
  weight: number;
  ascii: boolean;
  /** Its place in the vocabulary, which fixes the order of matches at one position. */
  index: number;
}

interface Vocabulary {
  /** Terms matched as written (Chinese, and short Latin ones such as PA). */
  exact: WordTrie<Term>;
  /** Latin terms of three letters or more, matched in lower case. */
  folded: WordTrie<Term>;
  segments: SegmentProfile[];
  /** Segment id → its place in `segments`, which fixes the order of ties. */
  order: Map<string, number>;
  /** A GB/T code at any level (C3130, C313, C31, C) → the segments listing a class under it. */
  underCode: Map<string, SegmentProfile[]>;
}

const vocabularies = new WeakMap<readonly SegmentProfile[], Vocabulary>();

/** 钛锭及钛合金熔炼 → 钛锭, 钛合金熔炼; 其他橡胶制品 → 橡胶制品. */
function nameParts(name: string): string[] {
  return name
    .split(/[/／（）()、，,及和与]+/)
    .map((part) => part.trim().replace(/^(其他|相关|配套|通用)/, ""))
    .filter(Boolean);
}

const isAscii = (text: string) => /^[\x00-\x7f]+$/.test(text);
const fold = (text: string) => text.toLowerCase();
/** A keyword that can place a firm: not a generic word, not one Chinese character. */
const usable = (text: string) => text.length >= 2 && !isGenericWord(text);

function buildVocabulary(segments: readonly SegmentProfile[]): Vocabulary {
  const segmentsOf = new Map<string, Set<string>>();
  for (const segment of segments) {
    for (const raw of [...segment.keywords, ...nameParts(segment.name)]) {
      const text = raw.trim();
      if (!usable(text)) continue;
      const key = isAscii(text) && text.length > 2 ? fold(text) : text;
      if (!segmentsOf.has(key)) segmentsOf.set(key, new Set());
      segmentsOf.get(key)!.add(segment.id);
    }
  }
  const texts = [...segmentsOf.keys()];
  // The segmenter keeps keywords, segment names and platform industry names whole.
  addWords([...texts.filter((t) => !isAscii(t)), ...segments.map((s) => s.name), ...platformIndustryNames()]);

  const terms: Term[] = texts.map((text, index) => {
    const own = segmentsOf.get(text)!;
    const ascii = isAscii(text);
    const letters = ascii ? text.replace(/[^a-z]/gi, "").length : text.length;
    const lengthFactor = ascii ? (letters <= 2 ? TERM.latinShort : TERM.latinLong) : text.length === 2 ? TERM.twoCharacters : 1;
    const weight = lengthFactor / Math.sqrt(own.size);
    return { text, segments: [...own], weight, ascii, index };
  });
  const exact = new WordTrie<Term>();
  const folded = new WordTrie<Term>();
  for (const term of terms) (term.ascii && term.text.length > 2 ? folded : exact).add(term.text, term);

  const underCode = new Map<string, SegmentProfile[]>();
  for (const segment of segments)
    for (const code of new Set(segment.industryCodes))
      for (let length = code.length; length >= 1; length--) {
        const prefix = code.slice(0, length);
        const list = underCode.get(prefix) ?? [];
        if (!list.includes(segment)) list.push(segment);
        underCode.set(prefix, list);
      }
  return { exact, folded, segments: [...segments], order: new Map(segments.map((s, i) => [s.id, i])), underCode };
}

function vocabularyOf(segments: readonly SegmentProfile[]): Vocabulary {
  let vocabulary = vocabularies.get(segments);
  if (!vocabulary) {
    vocabulary = buildVocabulary(segments);
    vocabularies.set(segments, vocabulary);
  }
  return vocabulary;
}

interface Match {
  term: Term;
  start: number;
  end: number;
  /** Overlaps another match without either containing the other. */
  crossing?: boolean;
  /** Directly followed by another segment's term at least as specific: 啤酒|麦芽. */
  modifier?: boolean;
}

const isLatin = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const byIndex = (a: Term, b: Term) => a.index - b.index;
/** Where a text's clauses end: the segmenter never joins words across these. */
const CLAUSE_BREAKS = new Set([..."，,、；;。：:（）()【】[]《》 \t\n\r\u3000/|"].map((c) => c.charCodeAt(0)));
const breaksClause = (text: string, i: number) => CLAUSE_BREAKS.has(text.charCodeAt(i));

/**
 * Word boundaries of `text` as one array, cut clause by clause (the segmenter never joins
 * words across punctuation, and a clause repeats across rows where the whole text does
 * not). Only clauses holding a candidate are cut; elsewhere only punctuation is a boundary.
 */
function boundsAround(text: string, clauses: [number, number][]): Uint8Array {
  const bounds = new Uint8Array(text.length + 1);
  bounds[0] = 1;
  bounds[text.length] = 1;
  for (let i = 0; i < text.length; i++) if (breaksClause(text, i)) bounds[i] = bounds[i + 1] = 1;
  for (const [start, end] of clauses) {
    const own = wordBounds(text.slice(start, end));
    for (let j = 0; j < own.length; j++) if (own[j]) bounds[start + j] = 1;
  }
  return bounds;
}

/**
 * The terms found at one position (candidatesIn), and what collects them. Kept outside the
 * function: a function made per call costs more than the walk (tsx names every one).
 */
const here: Term[] = [];
function collect(term: Term): void {
  here.push(term);
}

/** Every term occurrence in `text`, whether or not it stands as whole words. */
function candidatesIn(text: string, vocabulary: Vocabulary): Match[] {
  const found: Match[] = [];
  let lower: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const latin = isLatin(code);
    // Most characters start no keyword: one lookup, then on.
    if (!latin && !vocabulary.exact.startsWith(code)) continue;
    here.length = 0;
    vocabulary.exact.forEachAt(text, i, collect);
    const asWritten = here.length;
    // Folded terms are Latin words of three letters or more: they start at a letter.
    if (latin) vocabulary.folded.forEachAt((lower ??= fold(text)), i, collect);
    if (here.length === 0) continue;
    // Matches in vocabulary order; where lower case differs, terms starting with the
    // character as written come before those starting with its lower case.
    if (here.length > 1 && asWritten === here.length) here.sort(byIndex);
    else if (here.length > 1) {
      const written = here.slice(0, asWritten).sort(byIndex);
      const folded = here.slice(asWritten).sort(byIndex);
      const inOrder = code >= 97 || !isLatin(code) ? [...written, ...folded].sort(byIndex) : [...written, ...folded];
      here.length = 0;
      here.push(...inOrder);
    }
    for (const term of here) found.push({ term, start: i, end: i + term.text.length });
  }
  return found;
}

/** The clauses [start, end) of `text` that hold a Chinese candidate, in order. */
function clausesWithCandidates(text: string, found: Match[]): [number, number][] {
  const starts = found.filter((m) => !m.term.ascii).map((m) => m.start);
  const clauses: [number, number][] = [];
  if (starts.length === 0) return clauses;
  let next = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !breaksClause(text, i)) continue;
    while (next < starts.length && starts[next]! < start) next++;
    if (next < starts.length && starts[next]! < i) clauses.push([start, i]);
    start = i + 1;
  }
  return clauses;
}

/**
 * Of the candidates, those that stand as whole words (`bounds`, see wordBounds), then only
 * those not inside a longer one, each marked where it crosses another or describes the next.
 */
function wordsAmong(text: string, found: Match[], bounds: Uint8Array): Match[] {
  const words = found.filter((m) =>
    // Latin terms: not inside a longer Latin word (PA in PAM). Chinese: on word boundaries.
    m.term.ascii ? !isLatin(text.charCodeAt(m.start - 1)) && !isLatin(text.charCodeAt(m.end)) : bounds[m.start] === 1 && bounds[m.end] === 1,
  );
  const kept = words.filter((m) => !words.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  for (const m of kept) {
    m.crossing = kept.some((o) => o !== m && o.start < m.end && m.start < o.end && (o.start < m.start ? o.end < m.end : o.start > m.start));
    // A Chinese compound names its kind last; what comes before describes it (啤酒|麦芽).
    m.modifier = kept.some((o) => o.start === m.end && o.term.weight >= m.term.weight && !o.term.segments.every((s) => m.term.segments.includes(s)));
  }
  return kept;
}

const TRADE_WORDS = /销售|批发|零售|贸易|经销|代理|进出口|代购|配送|电商/;
const MAKE_WORDS = /生产|制造|加工|研发|研制|冶炼|开采|采选|选矿|养殖|种植|饲养|提纯|回收|处理|设计|运营|施工|建设|治理|发电|供热|培育|孵化|屠宰|酿造|组装|集成/;
const ITEM_BREAK = /[；;。，,、]/;
const ITEM_BREAKS = new Set([..."；;。，,、"].map((c) => c.charCodeAt(0)));
/** How many items a scope lists (scopeFactor), counted once per scope rather than per match. */
const itemsIn = (scope: string) => scope.split(ITEM_BREAK).filter((s) => s.trim()).length;

/**
 * How much a scope match counts where it stands: excluded (不含…, 除…外) not at all; an
 * item only traded less; items late in a long list less than the first few.
 */
function scopeFactor(scope: string, match: Match, items: number): { factor: number; item: string; excluded?: true } {
  const before = scope.slice(0, match.start);
  const open = Math.max(before.lastIndexOf("（"), before.lastIndexOf("("));
  const close = Math.max(before.lastIndexOf("）"), before.lastIndexOf(")"));
  if (open > close && /^[（(]\s*(不含|除|不得|不包括|不从事|禁止|未经)/.test(scope.slice(open))) return { factor: 0, item: match.term.text, excluded: true };

  const itemStart = Math.max(...["；", ";", "。", "，", ",", "、", "：", ":"].map((d) => before.lastIndexOf(d))) + 1;
  const rest = scope.slice(match.end);
  const itemEndOffset = rest.search(ITEM_BREAK);
  const item = scope.slice(itemStart, itemEndOffset < 0 ? scope.length : match.end + itemEndOffset);
  const clauseStart = Math.max(before.lastIndexOf("；"), before.lastIndexOf(";"), before.lastIndexOf("。")) + 1;
  const clauseBefore = scope.slice(clauseStart, match.start);
  const clauseAfterEnd = rest.search(/[；;。]/);
  const clauseAfter = rest.slice(0, clauseAfterEnd < 0 ? rest.length : clauseAfterEnd);
  if (/不含|不包括|不得|不从事|禁止/.test(clauseBefore) || (/除/.test(clauseBefore) && /外/.test(clauseAfter))) return { factor: 0, item: match.term.text, excluded: true };

  let factor = 1;
  // A list shares its verb: "日用百货、五金产品、化肥销售" trades every item.
  const clauseText = scope.slice(clauseStart, match.end + (clauseAfterEnd < 0 ? rest.length : clauseAfterEnd));
  if (!TRADE_WORDS.test(match.term.text) && TRADE_WORDS.test(clauseText) && !MAKE_WORDS.test(clauseText)) factor *= OCCURRENCE.tradeOnly;
  let itemIndex = 0;
  for (let i = 0; i < itemStart; i++) if (ITEM_BREAKS.has(scope.charCodeAt(i))) itemIndex++;
  if (itemIndex >= 3) factor *= 1 / (1 + OCCURRENCE.lateItem * (itemIndex - 2));
  if (items > OCCURRENCE.longScopeItems) factor *= OCCURRENCE.longScope;
  return { factor, item };
}

/** The boilerplate every scope ends with says nothing about the firm. */
function stripBoilerplate(scope: string): string {
  return scope
    .replace(/[（(]?(?:依法须经批准的项目|除依法须经批准的项目外|除许可业务外|许可项目以相关部门批准文件或许可证件为准)[^）)]*[）)]?/g, "")
    .replace(/[（(]凭[^）)]*[）)]/g, "");
}

interface WordEvidence {
  /** Term → its weight in each field where it was found. */
  terms: Map<Term, { field: Field; weight: number }[]>;
  snippets: Map<Field, Set<string>>;
  excluded: Set<string>;
}

/** All the words' evidence for a segment as one strength, each field's share scaled by `scale`. */
const strengthOf = (evidence: WordEvidence, scale: (field: Field) => number = () => 1) =>
  [...evidence.terms.values()].reduce((sum, found) => {
    const sorted = found.map(({ field, weight }) => weight * scale(field)).sort((a, b) => b - a);
    return sum + sorted[0]! + OCCURRENCE.repeated * sorted.slice(1).reduce((a, b) => a + b, 0);
  }, 0);

function entryOf(evidence: Map<string, WordEvidence>, segmentId: string): WordEvidence {
  let entry = evidence.get(segmentId);
  if (!entry) evidence.set(segmentId, (entry = { terms: new Map(), snippets: new Map(), excluded: new Set() }));
  return entry;
}

/**
 * What the firm's words say, per segment. The industry cell's words count only when the
 * cell was not understood as an industry: a 印制电路板 that reads as 申万's industry is
 * already evidence, and its words would count it twice.
 */
function wordEvidence(firm: FirmText, vocabulary: Vocabulary, industryUnderstood: boolean): Map<string, WordEvidence> {
  const evidence = new Map<string, WordEvidence>();
  const name = nameText(firm.name ?? "");
  const texts: Record<Field, string> = {
    products: firm.products ?? "",
    industry: industryUnderstood ? "" : (firm.industry ?? ""),
    // The whole name is cut as one; its matches count only in its business part.
    name,
    scope: stripBoilerplate(firm.scope ?? ""),
  };
  // Every occurrence first, then one call of the segmenter for everything it must cut.
  const found = {} as Record<Field, Match[]>;
  const clauses = {} as Record<Field, [number, number][]>;
  const toCut: string[] = [];
  for (const field of FIELDS) {
    found[field] = texts[field] ? candidatesIn(texts[field], vocabulary) : [];
    if (field === "name") continue;
    clauses[field] = clausesWithCandidates(texts[field], found[field]);
    for (const [start, end] of clauses[field]) toCut.push(texts[field].slice(start, end));
  }
  // Clauses repeat across rows and are remembered; a name is this firm's alone.
  prepareBounds(toCut, found.name.length ? [name] : []);
  if (found.name.length) {
    const business = businessRange(firm.name ?? "");
    found.name = found.name.filter((m) => m.start >= business.start && m.end <= business.end);
  }
  for (const field of FIELDS) {
    const text = texts[field];
    if (found[field].length === 0) continue;
    const matches = wordsAmong(text, found[field], field === "name" ? wordBounds(text) : boundsAround(text, clauses[field]));
    const items = field === "scope" ? itemsIn(text) : 0;
    // The strongest occurrence of each term in this field counts once.
    const best = new Map<Term, { weight: number; snippet: string }>();
    for (const match of matches) {
      let weight = FIELD_WEIGHT[field] * match.term.weight * (match.crossing ? 0.5 : 1) * (match.modifier ? OCCURRENCE.modifier : 1);
      let snippet = match.term.text;
      if (field === "scope") {
        const { factor, item, excluded } = scopeFactor(text, match, items);
        if (excluded) {
          for (const segmentId of match.term.segments) entryOf(evidence, segmentId).excluded.add(match.term.text);
          continue;
        }
        weight *= factor;
        snippet = item.trim() || match.term.text;
      }
      const previous = best.get(match.term);
      if (!previous || previous.weight < weight) best.set(match.term, { weight, snippet });
    }
    for (const [term, { weight, snippet }] of best) {
      for (const segmentId of term.segments) {
        const entry = entryOf(evidence, segmentId);
        const seen = entry.terms.get(term);
        if (seen) seen.push({ field, weight });
        else entry.terms.set(term, [{ field, weight }]);
        if (!entry.snippets.has(field)) entry.snippets.set(field, new Set());
        entry.snippets.get(field)!.add(snippet.length > 40 ? `${snippet.slice(0, 40)}…` : snippet);
      }
    }
  }
  return evidence;
}

interface IndustrySupport {
  value: number;
  /** The platform name's own segment (a default the words may overrule). */
  named: boolean;
}

function raise(support: Map<string, IndustrySupport>, segmentId: string, value: number, named = false): void {
  const current = support.get(segmentId);
  if (!current || current.value < value) support.set(segmentId, { value, named: named || (current?.named ?? false) });
  else if (named) current.named = true;
}

/** What the firm's industry says about each segment it touches. */
function industrySupport(reading: IndustryReading, vocabulary: Vocabulary): Map<string, IndustrySupport> {
  const support = new Map<string, IndustrySupport>();
  // "-" in the names file: the name is known to fit no segment its classes would suggest.
  if (reading.segments?.length === 0) return support;
  for (const code of reading.codes) {
    const under = vocabulary.underCode.get(code) ?? [];
    const byChain = new Map<string, SegmentProfile[]>();
    for (const segment of under) byChain.set(segment.chainId, [...(byChain.get(segment.chainId) ?? []), segment]);
    for (const inChain of byChain.values())
      for (const segment of inChain) {
        const exact = segment.industryCodes.includes(code);
        const value = exact ? (inChain.length === 1 ? INDUSTRY.onlyClassInChain : INDUSTRY.sharedClassInChain / inChain.length) : INDUSTRY.broaderCode / inChain.length;
        raise(support, segment.id, value);
      }
  }
  for (const id of reading.segments ?? []) if (vocabulary.order.has(id)) raise(support, id, INDUSTRY.named, true);
  return support;
}

/**
 * How far the industry stands from a segment's chain: "agrees" when a segment of the chain
 * lists one of the firm's classes (or a class under a broader code it gives), or is a
 * segment the industry names; otherwise "sameSection" (both in 制造业, say) or
 * "otherSection" (an expressway operator and a traffic-signal maker). A platform name the
 * names file marks "-" is known not to be the segments its classes suggest: those count as
 * another 门类 altogether. Null when the industry says nothing that could be checked.
 */
function distanceOfChains(reading: IndustryReading, vocabulary: Vocabulary): ((segment: SegmentProfile) => keyof typeof INDUSTRY_DISAGREES | "agrees") | null {
  if (reading.codes.length === 0 && reading.segments === null) return null;
  const denied = reading.segments?.length === 0;
  const agreeing = new Set<string>();
  for (const id of reading.segments ?? []) {
    const index = vocabulary.order.get(id);
    if (index !== undefined) agreeing.add(vocabulary.segments[index]!.chainId);
  }
  if (!denied) for (const code of reading.codes) for (const segment of vocabulary.underCode.get(code) ?? []) agreeing.add(segment.chainId);
  const sections = new Set(reading.codes.map((code) => code[0]));
  return (segment) => {
    if (agreeing.has(segment.chainId)) return "agrees";
    if (denied && reading.codes.some((code) => segment.industryCodes.some((own) => own.startsWith(code)))) return "otherSection";
    return segment.industryCodes.some((code) => sections.has(code[0])) ? "sameSection" : "otherSection";
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const probability = (strength: number) => 1 - Math.exp(-WORD_GAIN * strength);

/**
 * The segments a firm works in, best first, each with a confidence 0–1 and the evidence.
 * Placements under REVIEW_THRESHOLD are suggestions for review; under MIN_CONFIDENCE they
 * are left out.
 */
export function classify(firm: FirmText, segments: readonly SegmentProfile[]): SegmentAssignment[] {
  return classifyExplained(firm, segments).assignments;
}

/**
 * {@link classify}, and when it places the firm in no segment, why, in words for the import's
 * report (`nowhere`): what the row gave, and that none of it pointed to a segment of the
 * graph's chains (an industry in no chain, an industry cell no standard or platform name
 * reads, no keyword of any segment in its words) or that what did was too weak.
 */
export function classifyExplained(firm: FirmText, segments: readonly SegmentProfile[]): { assignments: SegmentAssignment[]; nowhere: string | null } {
  const vocabulary = vocabularyOf(segments);
  const reading = readIndustry(firm.industry);
  const understood = reading.codes.length > 0 || reading.segments !== null;
  const words = wordEvidence(firm, vocabulary, understood);
  const industry = industrySupport(reading, vocabulary);
  const distance = distanceOfChains(reading, vocabulary);

  const wordConfidence = new Map<string, number>();
  for (const [id, evidence] of words) wordConfidence.set(id, probability(strengthOf(evidence)));

  const results: SegmentAssignment[] = [];
  const candidates = [...new Set([...words.keys(), ...industry.keys()])].sort((a, b) => vocabulary.order.get(a)! - vocabulary.order.get(b)!);
  for (const id of candidates) {
    const segment = vocabulary.segments[vocabulary.order.get(id)!]!;
    const evidence = words.get(id);
    const own = wordConfidence.get(id) ?? 0;
    const far = distance?.(segment) ?? "agrees";
    const word = far === "agrees" || !evidence ? own : probability(strengthOf(evidence, (field) => INDUSTRY_DISAGREES[far][field]));
    const support = industry.get(id);
    let industryValue = support?.value ?? 0;
    // A named default gives way to a segment of its chain the firm's words clearly prefer
    // (特钢 → 精密棒线材, but 不锈钢无缝钢管 → 钢管). Another chain's segment is no rival: a
    // firm may well be in both.
    if (support?.named) {
      const rival = candidates.some((other) => other !== id && vocabulary.segments[vocabulary.order.get(other)!]!.chainId === segment.chainId && (wordConfidence.get(other) ?? 0) >= own + DEFAULT_GIVES_WAY);
      if (rival) industryValue = classValue(reading, segment, vocabulary);
    }
    let confidence = 1 - (1 - industryValue) * (1 - word);
    if (evidence?.excluded.size) confidence *= EXCLUDED;
    if (confidence < MIN_CONFIDENCE) continue;

    const parts: string[] = [];
    if (industryValue > 0) parts.push(`行业：${reading.label}`);
    for (const field of FIELDS) {
      const snippets = evidence?.snippets.get(field);
      if (snippets?.size) parts.push(`${FIELD_LABEL[field]}：${[...snippets].join("、")}`);
    }
    if (far !== "agrees" && evidence) parts.push(`行业“${reading.label}”不在本链，词语证据降权`);
    if (evidence?.excluded.size) parts.push(`经营范围排除：${[...evidence.excluded].join("、")}`);
    results.push({ segmentId: id, confidence: round(confidence), evidence: parts.join("；") });
  }
  if (results.length === 0) return { assignments: results, nowhere: whyNowhere(firm, reading, understood, industry.size > 0, words.size > 0) };
  return { assignments: results.sort((a, b) => b.confidence - a.confidence || vocabulary.order.get(a.segmentId)! - vocabulary.order.get(b.segmentId)!).slice(0, MAX_ASSIGNMENTS), nowhere: null };
}

/** The words of classifyExplained's `nowhere`, from what it read of the firm. */
function whyNowhere(firm: FirmText, reading: IndustryReading, understood: boolean, industryPoints: boolean, wordsPoint: boolean): string {
  const industry = (firm.industry ?? "").trim();
  const texts = [firm.scope?.trim() && "经营范围", firm.products?.trim() && "主营产品"].filter(Boolean).join("、");
  const reasons: string[] = [];
  if (!industry) reasons.push("没有行业");
  else if (!understood) reasons.push(`行业“${industry.slice(0, 40)}”不是可识别的国标行业或行业名称`);
  else if (!industryPoints) reasons.push(`行业“${reading.label}”不属于图谱中任何产业链的环节`);
  if (!texts) reasons.push("没有经营范围和主营产品");
  if (!wordsPoint) reasons.push(`企业名称${texts ? `、${texts}` : ""}中没有任何环节的关键词`);
  // Something pointed to a segment, too weakly even for review.
  if (wordsPoint || industryPoints) reasons.push("与环节相符的证据太弱，不足以建议归入");
  return reasons.join("；");
}

/** The support a segment has from the firm's classes alone (what a named default falls back to). */
function classValue(reading: IndustryReading, segment: SegmentProfile, vocabulary: Vocabulary): number {
  const withoutNames = industrySupport({ ...reading, segments: null }, vocabulary);
  return withoutNames.get(segment.id)?.value ?? 0;
}
