/**
 * Every number the classifier (classify.ts) weighs evidence by, in one place. They were
 * set on the tuning half of test/fixtures/classification (`npm run eval:classify` prints
 * both halves); change one here, run the evaluation, and keep the change only if the
 * held-out half stays above its targets (docs/decisions/015-classifier-words-and-industries.md).
 *
 * Confidence is meant as a probability that the placement is right: at REVIEW_THRESHOLD
 * and above, placements land without review and were right at least 90 % of the time at
 * chain level on the labelled firms.
 */

/** Placements at or above this become segment links; below it they wait for review. */
export const REVIEW_THRESHOLD = 0.6;
/** Below this a placement is not worth a reviewer's time and is not returned. */
export const MIN_CONFIDENCE = 0.4;
/** At most this many placements per firm, best first. */
export const MAX_ASSIGNMENTS = 6;

/** How much each kind of industry evidence alone is worth. */
export const INDUSTRY = {
  /**
   * A platform industry name whose row in industry-names.csv names the segment (板材 →
   * 热轧板带): the platform's analysts placed the firm by its main business.
   */
  named: 0.75,
  /**
   * A GB/T class that exactly one segment of the chain lists: alone it waits for review;
   * any word of the firm for that segment confirms it (1 − 0.5 × (1 − w) ≥ 0.6 from w = 0.2).
   */
  onlyClassInChain: 0.5,
  /** The same, shared by k segments of the chain: divided by k, so the words decide between them. */
  sharedClassInChain: 0.5,
  /** The firm's code is a 中类 or 大类 holding the segment's class (C384 for C3841): divided by the segments it holds in the chain. */
  broaderCode: 0.3,
} as const;

/** Where a word is found, and how much that place says about what the firm does. */
export const FIELD_WEIGHT = {
  /** 主营产品: what the firm makes. */
  products: 1,
  /** The industry cell's own words (风电整机 is a keyword too). */
  industry: 0.8,
  /** The name's business words (without place and legal form). */
  name: 0.7,
  /** 经营范围: lists everything a firm may do, most of which it does not. */
  scope: 0.55,
} as const;

/** Evidence of strength s becomes probability 1 − e^(−GAIN·s): one three-character product keyword ≈ 0.73. */
export const WORD_GAIN = 1.3;

/** How a keyword's own weight is set. */
export const TERM = {
  /** Two-character keywords (焦化, 轧辊) say less than longer ones. */
  twoCharacters: 0.75,
  /** Latin keywords: two letters (PA) say little, three or more (PCB, GaAs) nearly as much as Chinese. */
  latinShort: 0.5,
  latinLong: 0.9,
  // A keyword several segments share counts 1/√n for each.
} as const;

/** Discounts on a single occurrence. */
export const OCCURRENCE = {
  /** Followed by another segment's keyword it only describes (啤酒|麦芽, 轮胎|模具). */
  modifier: 0.5,
  /** In a scope clause that only trades (…销售, 批发), with no making verb. */
  tradeOnly: 0.4,
  /** The same keyword again in another field: mostly the same evidence. */
  repeated: 0.3,
  /** A scope longer than this many items lists more than the firm does. */
  longScopeItems: 12,
  longScope: 0.75,
  /** Each scope item after the third loses this share (items come in order of importance). */
  lateItem: 0.12,
} as const;

/**
 * When the industry cell is understood and points away from a chain (an expressway
 * operator named 楚天智能交通, a paper maker named 松炀再生资源), the words for that chain's
 * segments keep this share: what the firm is registered as outweighs a word in its name.
 * Less when the industry is another 门类 altogether (transport, not manufacturing) than
 * when it is another branch of the same (航天装备 and 无人机 are both 制造业); more for
 * 主营产品, which a firm states for itself, than for its name or catch-all scope.
 */
export const INDUSTRY_DISAGREES = {
  sameSection: { products: 0.85, industry: 0.65, name: 0.65, scope: 0.65 },
  otherSection: { products: 0.5, industry: 0.35, name: 0.35, scope: 0.35 },
} as const;

/** A segment whose keyword the scope excludes (不含废钢) keeps this share. */
export const EXCLUDED = 0.5;

/**
 * A default segment of a platform name (特钢 → 精密棒线材) gives way when the firm's own
 * words point to another segment of the same chain at least this much more strongly.
 */
export const DEFAULT_GIVES_WAY = 0.25;
