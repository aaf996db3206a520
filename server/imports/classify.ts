/**
 * Which chain segments a firm works in, from what an export says about it: the GB/T 4754
 * industry (a code or a name), its 经营范围 and 主营产品, and its name. Deterministic and
 * explainable: each assignment carries the text that led to it.
 *
 * How the evidence is weighed, and why:
 * - Keywords come from the segments themselves (their keywords and the parts of their
 *   names). A keyword that many segments share, or that sits inside other segments'
 *   keywords (钛 in 钛白粉, 销售 in 汽车销售), says little and weighs little.
 * - Overlapping matches keep only the longest: 钛白粉 is not evidence for 海绵钛's 钛.
 * - 主营产品 weighs most, the name next, 经营范围 least: a scope lists everything a firm
 *   may do, and long catch-all scopes list far more than it does. Items a scope only
 *   trades (…销售, 批发) or excludes (不含…, 除…外) weigh less again.
 * - The industry code narrows: an exact code adds confidence in proportion to how few
 *   segments share it; a code in another 大类 discounts keyword evidence.
 * - Independent pieces of evidence combine as 1 − Π(1 − pᵢ), so several agreeing
 *   keywords raise confidence without ever reaching 1.
 */
import { industryCodes } from "./industry-classes.js";
import { WordTrie } from "./word-trie.js";

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
  /** The text that led here: "主营产品：海绵钛；经营范围：…四氯化钛生产…；行业：C3219". */
  evidence: string;
}

/** Assignments at or above this are links; below it they wait for a person to review. */
export const REVIEW_THRESHOLD = 0.6;
/** Below this an assignment is not worth a reviewer's time and is not returned. */
export const MIN_CONFIDENCE = 0.4;
/** At most this many assignments per firm, best first. */
export const MAX_ASSIGNMENTS = 6;

type Field = "products" | "name" | "scope";
/** Names often carry a generic trade word (橡胶制品, 医疗器械), so they weigh little more than the scope. */
const FIELD_WEIGHT: Record<Field, number> = { products: 1, name: 0.6, scope: 0.55 };
const FIELD_LABEL: Record<Field, string> = { products: "主营产品", name: "企业名称", scope: "经营范围" };

/** How strongly evidence of strength s turns into probability: one solid product keyword ≈ 0.73. */
const KEYWORD_GAIN = 1.3;
/** Confidence an exact industry code alone gives when no other segment has that code. */
const EXACT_CODE = 0.55;
const SAME_GROUP_CODE = 0.2;
const OTHER_DIVISION_DISCOUNT = 0.6;
const TRADE_ONLY = 0.4;
/** Two matches that cross (电子级玻纤|纱 vs 玻纤纱) are each only half a reading of the text. */
const CROSSING = 0.5;
const MODIFIER = 0.5;
/** The same keyword again in another field is mostly the same evidence. */
const REPEATED = 0.3;
/** A segment whose keyword the scope excludes (不含废钢) keeps this share of its confidence. */
const EXCLUDED = 0.5;

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
  /** Exact code → how many segments list it. */
  codeShare: Map<string, number>;
  /** 大类 (first three characters, C31) → the segments with a code in it. */
  byDivision: Map<string, Set<string>>;
  /** Segment id → its place in `segments`, which fixes the order of ties. */
  order: Map<string, number>;
}

const vocabularies = new WeakMap<readonly SegmentProfile[], Vocabulary>();

/** 钛锭及钛合金熔炼 → 钛锭, 钛合金熔炼; 焦炭/焦化 → 焦炭, 焦化. */
function nameParts(name: string): string[] {
  return name
    .split(/[/（）()、及和与]+/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 2 && !/^(其他|相关|配套|应用|产品|制品)$/.test(part));
}

const isAscii = (text: string) => /^[\x00-\x7f]+$/.test(text);
const fold = (text: string) => text.toLowerCase();

function buildVocabulary(segments: readonly SegmentProfile[]): Vocabulary {
  const segmentsOf = new Map<string, Set<string>>();
  for (const segment of segments) {
    for (const raw of [...segment.keywords, ...nameParts(segment.name)]) {
      const text = raw.trim();
      if (!text) continue;
      const key = isAscii(text) && text.length > 2 ? fold(text) : text;
      if (!segmentsOf.has(key)) segmentsOf.set(key, new Set());
      segmentsOf.get(key)!.add(segment.id);
    }
  }
  const texts = [...segmentsOf.keys()];
  // Segments whose longer terms contain a term: there it is only part of another word.
  const all = new WordTrie<string>();
  for (const text of texts) all.add(text, text);
  const inside = new Map<string, Set<string>>(texts.map((text) => [text, new Set()]));
  for (const other of texts) {
    for (const [text] of all.findAll(other)) {
      if (text === other) continue;
      const own = segmentsOf.get(text)!;
      for (const s of segmentsOf.get(other)!) if (!own.has(s)) inside.get(text)!.add(s);
    }
  }
  const terms: Term[] = texts.map((text, index) => {
    const own = segmentsOf.get(text)!;
    const ascii = isAscii(text);
    const length = ascii ? text.replace(/[^a-z]/gi, "").length : text.length;
    const lengthFactor = ascii ? (length <= 2 ? 0.5 : 0.9) : length === 1 ? 0.3 : length === 2 ? 0.75 : 1;
    const weight = lengthFactor / Math.sqrt(own.size) / (1 + 0.35 * inside.get(text)!.size);
    return { text, segments: [...own], weight, ascii, index };
  });
  const exact = new WordTrie<Term>();
  const folded = new WordTrie<Term>();
  for (const term of terms) (term.ascii && term.text.length > 2 ? folded : exact).add(term.text, term);
  const codeShare = new Map<string, number>();
  for (const segment of segments) for (const code of new Set(segment.industryCodes)) codeShare.set(code, (codeShare.get(code) ?? 0) + 1);
  const byDivision = new Map<string, Set<string>>();
  for (const segment of segments)
    for (const code of segment.industryCodes) {
      const division = code.slice(0, 3);
      if (!byDivision.has(division)) byDivision.set(division, new Set());
      byDivision.get(division)!.add(segment.id);
    }
  return { exact, folded, segments: [...segments], codeShare, byDivision, order: new Map(segments.map((s, i) => [s.id, i])) };
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
  /** Directly followed by another segment's term at least as specific: 连铸|保护渣, 啤酒|麦芽. */
  modifier?: boolean;
}

const isLatin = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const byIndex = (a: Term, b: Term) => a.index - b.index;

/** Every term occurrence, then only those not inside a longer one. */
function findTerms(text: string, vocabulary: Vocabulary): Match[] {
  const lower = fold(text);
  const found: Match[] = [];
  let here: Term[] = [];
  const collect = (term: Term) => here.push(term);
  for (let i = 0; i < text.length; i++) {
    here = [];
    vocabulary.exact.forEachAt(text, i, collect);
    const asWritten = here.length;
    vocabulary.folded.forEachAt(lower, i, collect);
    if (here.length === 0) continue;
    // Matches in vocabulary order; where lower case differs, terms starting with the
    // character as written come before those starting with its lower case.
    if (lower[i] === text[i]) here.sort(byIndex);
    else here = [...here.slice(0, asWritten).sort(byIndex), ...here.slice(asWritten).sort(byIndex)];
    for (const term of here) {
      const end = i + term.text.length;
      // PA must not match inside PAM, nor SiC inside SiCl4-like words.
      if (term.ascii && (isLatin(text.charCodeAt(i - 1)) || isLatin(text.charCodeAt(end)))) continue;
      found.push({ term, start: i, end });
    }
  }
  const kept = found.filter((m) => !found.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start));
  for (const m of kept) {
    m.crossing = kept.some((o) => o !== m && o.start < m.end && m.start < o.end && (o.start < m.start ? o.end < m.end : o.start > m.start));
    // A Chinese compound names its kind last; what comes before describes it.
    m.modifier = kept.some((o) => o.start === m.end && o.term.weight >= m.term.weight && !o.term.segments.every((s) => m.term.segments.includes(s)));
  }
  return kept;
}

const TRADE_WORDS = /销售|批发|零售|贸易|经销|代理|进出口|代购|配送|电商/;
/** A bare trade word (销售, 配送) says nothing about what is traded, in any field. */
const PURE_TRADE_WORD = /^(?:销售|批发|零售|贸易|经销|代理|配送|电商|进出口)$/;
const MAKE_WORDS = /生产|制造|加工|研发|研制|冶炼|开采|采选|选矿|养殖|种植|饲养|提纯|回收|处理|设计|运营|施工|建设|治理|发电|供热|培育|孵化|屠宰|酿造|组装|集成/;

/**
 * How much a scope match counts where it stands: excluded (不含…, 除…外) barely; an item
 * only traded less; items late in a long list less than the first few.
 */
function scopeFactor(scope: string, match: Match): { factor: number; item: string; excluded?: true } {
  const before = scope.slice(0, match.start);
  const open = Math.max(before.lastIndexOf("（"), before.lastIndexOf("("));
  const close = Math.max(before.lastIndexOf("）"), before.lastIndexOf(")"));
  if (open > close && /^[（(]\s*(不含|除|不得|不包括|不从事|禁止|未经)/.test(scope.slice(open))) return { factor: 0, item: match.term.text, excluded: true };

  const itemStart = Math.max(...["；", ";", "。", "，", ",", "、", "：", ":"].map((d) => before.lastIndexOf(d))) + 1;
  const rest = scope.slice(match.end);
  const itemEndOffset = rest.search(/[；;。，,、]/);
  const item = scope.slice(itemStart, itemEndOffset < 0 ? scope.length : match.end + itemEndOffset);
  const clauseStart = Math.max(before.lastIndexOf("；"), before.lastIndexOf(";"), before.lastIndexOf("。")) + 1;
  const clauseBefore = scope.slice(clauseStart, match.start);
  const clauseAfterEnd = rest.search(/[；;。]/);
  const clauseAfter = rest.slice(0, clauseAfterEnd < 0 ? rest.length : clauseAfterEnd);
  if (/不含|不包括|不得|不从事|禁止/.test(clauseBefore) || (/除/.test(clauseBefore) && /外/.test(clauseAfter))) return { factor: 0, item: match.term.text, excluded: true };

  let factor = 1;
  // A list shares its verb: "日用百货、五金产品、化肥销售" trades every item.
  const clauseText = scope.slice(clauseStart, match.end + (clauseAfterEnd < 0 ? rest.length : clauseAfterEnd));
  if (!TRADE_WORDS.test(match.term.text) && TRADE_WORDS.test(clauseText) && !MAKE_WORDS.test(clauseText)) factor *= TRADE_ONLY;
  const itemIndex = scope.slice(0, itemStart).split(/[；;。，,、]/).length - 1;
  if (itemIndex >= 3) factor *= 1 / (1 + 0.12 * (itemIndex - 2));
  const items = scope.split(/[；;。，,、]/).filter((s) => s.trim()).length;
  if (items > 12) factor *= 0.75;
  return { factor, item };
}

/** The boilerplate every scope ends with says nothing about the firm. */
function stripBoilerplate(scope: string): string {
  return scope
    .replace(/[（(]?(?:依法须经批准的项目|除依法须经批准的项目外|除许可业务外|许可项目以相关部门批准文件或许可证件为准)[^）)]*[）)]?/g, "")
    .replace(/[（(]凭[^）)]*[）)]/g, "");
}

interface Evidence {
  /** Term → its weight in each field where it was found. */
  terms: Map<Term, number[]>;
  snippets: Map<Field, Set<string>>;
  excluded: Set<string>;
}

const evidenceStrength = (evidence: Evidence) =>
  [...evidence.terms.values()].reduce((sum, weights) => {
    const sorted = [...weights].sort((a, b) => b - a);
    return sum + sorted[0]! + REPEATED * sorted.slice(1).reduce((a, b) => a + b, 0);
  }, 0);

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The segments a firm works in, best first, each with a confidence 0–1 and the evidence.
 * Assignments under {@link REVIEW_THRESHOLD} are suggestions for review; under
 * {@link MIN_CONFIDENCE} they are left out.
 */
export function classify(firm: FirmText, segments: readonly SegmentProfile[]): SegmentAssignment[] {
  const vocabulary = vocabularyOf(segments);
  const evidence = new Map<string, Evidence>();
  const fields: [Field, string][] = [
    ["products", firm.products ?? ""],
    ["name", firm.name ?? ""],
    ["scope", stripBoilerplate(firm.scope ?? "")],
  ];
  const entryOf = (segmentId: string) => {
    let entry = evidence.get(segmentId);
    if (!entry) evidence.set(segmentId, (entry = { terms: new Map(), snippets: new Map(), excluded: new Set() }));
    return entry;
  };
  for (const [field, text] of fields) {
    if (!text.trim()) continue;
    // The strongest occurrence of each term in this field counts once.
    const best = new Map<Term, { weight: number; snippet: string }>();
    for (const match of findTerms(text, vocabulary)) {
      let weight = FIELD_WEIGHT[field] * match.term.weight * (match.crossing ? CROSSING : 1) * (match.modifier ? MODIFIER : 1);
      if (PURE_TRADE_WORD.test(match.term.text)) weight *= TRADE_ONLY;
      let snippet = match.term.text;
      if (field === "scope") {
        const { factor, item, excluded } = scopeFactor(text, match);
        if (excluded) {
          for (const segmentId of match.term.segments) entryOf(segmentId).excluded.add(match.term.text);
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
        const entry = entryOf(segmentId);
        entry.terms.set(term, [...(entry.terms.get(term) ?? []), weight]);
        if (!entry.snippets.has(field)) entry.snippets.set(field, new Set());
        entry.snippets.get(field)!.add(snippet.length > 40 ? `${snippet.slice(0, 40)}…` : snippet);
      }
    }
  }

  const codes = industryCodes(firm.industry ?? "");
  const results: SegmentAssignment[] = [];
  // Only segments with keyword evidence or a code in the firm's 大类 can score: with
  // thousands of segments, looking at no others keeps classification fast.
  const candidates = new Set(evidence.keys());
  for (const code of codes) for (const id of vocabulary.byDivision.get(code.slice(0, 3)) ?? []) candidates.add(id);
  const inOrder = [...candidates].sort((a, b) => vocabulary.order.get(a)! - vocabulary.order.get(b)!);
  for (const segment of inOrder.map((id) => vocabulary.segments[vocabulary.order.get(id)!]!)) {
    const keyword = evidence.get(segment.id);
    const code = codeEvidence(codes, segment, vocabulary);
    if (!keyword && code.confidence === 0) continue;
    let keywordConfidence = keyword ? 1 - Math.exp(-KEYWORD_GAIN * evidenceStrength(keyword)) : 0;
    if (code.otherDivision) keywordConfidence *= OTHER_DIVISION_DISCOUNT;
    let confidence = 1 - (1 - keywordConfidence) * (1 - code.confidence);
    if (keyword?.excluded.size) confidence *= EXCLUDED;
    if (confidence < MIN_CONFIDENCE) continue;
    const parts: string[] = [];
    for (const field of ["products", "name", "scope"] as const) {
      const snippets = keyword?.snippets.get(field);
      if (snippets?.size) parts.push(`${FIELD_LABEL[field]}：${[...snippets].join("、")}`);
    }
    if (code.text) parts.push(`国标行业：${code.text}`);
    if (keyword?.excluded.size) parts.push(`经营范围排除：${[...keyword.excluded].join("、")}`);
    results.push({ segmentId: segment.id, confidence: round(confidence), evidence: parts.join("；") });
  }
  return results.sort((a, b) => b.confidence - a.confidence || a.segmentId.localeCompare(b.segmentId)).slice(0, MAX_ASSIGNMENTS);
}

/** What the firm's industry codes say about one segment. */
function codeEvidence(codes: string[], segment: SegmentProfile, vocabulary: Vocabulary): { confidence: number; otherDivision: boolean; text: string | null } {
  if (codes.length === 0) return { confidence: 0, otherDivision: false, text: null };
  let confidence = 0;
  let text: string | null = null;
  let sameDivision = false;
  for (const code of codes) {
    for (const own of segment.industryCodes) {
      if (code.slice(0, 3) === own.slice(0, 3)) sameDivision = true;
      let value = 0;
      if (code === own) value = EXACT_CODE / Math.sqrt(vocabulary.codeShare.get(own) ?? 1);
      // Only a 中类 given (C313): the segment's 小类 may be it. A different 小类 is no evidence.
      else if (code.length === 4 && own.startsWith(code)) value = SAME_GROUP_CODE / Math.sqrt(vocabulary.codeShare.get(own) ?? 1);
      if (value > confidence) {
        confidence = value;
        text = code;
      }
    }
  }
  return { confidence, otherDivision: !sameDivision, text };
}
