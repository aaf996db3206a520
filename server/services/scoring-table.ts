/**
 * The scoring facts' firms laid out for the garbage collector (scoring-facts.ts keeps one
 * table per store): a million firms held as their ids and a few dozen objects instead of
 * ten million (docs/decisions/035-compact-scoring-facts.md).
 *
 * Each firm takes a slot, in the order put; the numbers are in typed arrays by slot —
 * capital, staff and revenue (with a bit for null), region, data date and tag combination as
 * indexes into values held once, the branch bit — and its segment links are a run of one
 * pool of parallel typed arrays (segment index, confidence). Names are held as long strings
 * of many names each. Only the ids stay strings of their own, as the keys firms are found by.
 *
 * Read as a `ReadonlyMap<string, ScoringFirm>`: each firm asked for is built from its slot,
 * a new object every time, equal to the one put (the same values, its links in the order
 * put). It is never changed once given. Firms are iterated in the order a Map would give:
 * a firm put again (after `delete`, or replacing the one held) moves to the end.
 * A firm put again leaves its old slot unused; the unused slots are dropped (`compact`) once
 * they are a quarter of all, keeping the order.
 */
import type { Row } from "../graph/store.js";
import type { FirmTag } from "../model/domain.js";
import { isBranchName } from "./branch-name.js";
import { asStanding, type Standing } from "../model/standing.js";
import { SlotTexts } from "./slot-texts.js";

export interface ScoringLink {
  segmentId: string;
  confidence: number;
}

export interface ScoringFirm {
  id: string;
  name: string;
  regionCode: string;
  capital: number | null;
  staff: number | null;
  revenue: number | null;
  tags: FirmTag[];
  asOf: string | null;
  /** Its name says it is a branch (分公司…): a ranking names its parent instead. */
  branch: boolean;
  /** Its 登记状态 (model/standing.ts): a closed firm is no candidate; null when never said. */
  standing: Standing | null;
  links: ScoringLink[];
}

/** Unused slots dropped once they are more than this and a quarter of all. */
export const SCORING_TABLE = { compactAfter: 1024 };

const NO_CAPITAL = 1;
const NO_STAFF = 2;
const NO_REVENUE = 4;
const BRANCH = 8;
const GONE = 16;
/** The standing, one bit each (none: never said). */
const STANDING_BITS: Record<Standing, number> = { active: 32, suspended: 64, closed: 128 };
const STANDING_MASK = 32 | 64 | 128;

function standingBits(value: unknown): number {
  const standing = asStanding(value);
  return standing ? STANDING_BITS[standing] : 0;
}

function standingOfBits(flags: number): Standing | null {
  const bits = flags & STANDING_MASK;
  return bits === 0 ? null : ((Object.keys(STANDING_BITS) as Standing[]).find((s) => STANDING_BITS[s] === bits) ?? null);
}

/** Values held once, each by its index. */
class Interned<T> {
  readonly values: T[] = [];
  private readonly byKey = new Map<string, number>();
  indexOf(key: string, value: T): number {
    let i = this.byKey.get(key);
    if (i === undefined) this.byKey.set(key, (i = this.values.push(value) - 1));
    return i;
  }
  find(key: string): number | undefined {
    return this.byKey.get(key);
  }
}

type Typed = Float64Array | Int32Array | Uint32Array | Uint8Array;

/** `a` with room for `n` elements (doubled, copied), or `a` itself when it has it. */
function room<T extends Typed>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (length: number) => T)(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}

export class ScoringTable implements ReadonlyMap<string, ScoringFirm> {
  /** The slot of each firm held. */
  private slotOf = new Map<string, number>();
  /** Each slot's firm id ("" once the slot is unused). */
  private ids: string[] = [];
  private names = new SlotTexts();
  private flags = new Uint8Array(0);
  /** capital, staff, revenue: three per slot. */
  private numbers = new Float64Array(0);
  private region = new Int32Array(0);
  private tagList = new Int32Array(0);
  /** The data date's index, -1 for none. */
  private asOf = new Int32Array(0);
  private linkStart = new Uint32Array(0);
  private linkCount = new Uint32Array(0);
  private linkSegment = new Int32Array(0);
  private linkConfidence = new Float64Array(0);
  private slots = 0;
  private pooled = 0;
  private unused = 0;
  private unusedLinks = 0;
  private regions = new Interned<string>();
  private dates = new Interned<string>();
  private tagLists = new Interned<FirmTag[]>();
  private segments = new Interned<string>();
  /** How many times unused slots were dropped. */
  compactions = 0;

  get size(): number {
    return this.slotOf.size;
  }

  /** The segment links held, in all. */
  get links(): number {
    return this.pooled - this.unusedLinks;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  get(id: string): ScoringFirm | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.firmAt(slot);
  }

  /** Forgets a firm; false when it was not held. */
  delete(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.ids[slot] = "";
    this.flags[slot]! |= GONE;
    this.unused++;
    this.unusedLinks += this.linkCount[slot]!;
    return true;
  }

  /**
   * Puts the firms of `firmRows` (scoring-firms.kuzu.cypher's columns), each replacing the one
   * held under its id, with their links from `linkRows` (firmId, segmentId, confidence) in
   * the order given; a link of a firm not in `firmRows` is left out. Synchronous: a reader
   * sees every firm of the rows as it was or as it is, never half.
   */
  put(firmRows: readonly Row[], linkRows: readonly Row[]): void {
    const first = this.slots;
    for (const row of firmRows) this.append(row);
    const placed = new Int32Array(linkRows.length);
    const counts = new Uint32Array(this.slots - first + 1);
    for (let k = 0; k < linkRows.length; k++) {
      const slot = this.slotOf.get(linkRows[k]!.firmId as string);
      placed[k] = slot === undefined || slot < first ? -1 : slot;
      if (placed[k]! >= 0) counts[slot! - first]!++;
    }
    let at = this.pooled;
    for (let slot = first; slot < this.slots; slot++) {
      this.linkStart[slot] = at;
      at += counts[slot - first]!;
    }
    this.linkSegment = room(this.linkSegment, at);
    this.linkConfidence = room(this.linkConfidence, at);
    for (let k = 0; k < linkRows.length; k++) {
      const slot = placed[k]!;
      if (slot < 0) continue;
      const row = linkRows[k]!;
      const to = this.linkStart[slot]! + this.linkCount[slot]!++;
      const segmentId = row.segmentId as string;
      this.linkSegment[to] = this.segments.indexOf(segmentId, segmentId);
      this.linkConfidence[to] = Number(row.confidence);
    }
    this.pooled = at;
    if (this.unused > SCORING_TABLE.compactAfter && this.unused * 4 > this.slots) this.compact();
  }

  /** The next slot, with room for it in every per-slot array. */
  private newSlot(): number {
    const slot = this.slots++;
    const n = this.slots;
    this.flags = room(this.flags, n);
    this.numbers = room(this.numbers, 3 * n);
    this.region = room(this.region, n);
    this.tagList = room(this.tagList, n);
    this.asOf = room(this.asOf, n);
    this.linkStart = room(this.linkStart, n);
    this.linkCount = room(this.linkCount, n);
    return slot;
  }

  private append(row: Row): void {
    const id = row.id as string;
    this.delete(id);
    const slot = this.newSlot();
    const name = (row.name as string | null) ?? "";
    const capital = (row.capital as number | null) ?? null;
    const staff = (row.staff as number | null) ?? null;
    const revenue = (row.revenue as number | null) ?? null;
    this.flags[slot] = (capital === null ? NO_CAPITAL : 0) | (staff === null ? NO_STAFF : 0) | (revenue === null ? NO_REVENUE : 0) | (isBranchName(name) ? BRANCH : 0) | standingBits(row.standing);
    this.numbers[3 * slot] = capital ?? 0;
    this.numbers[3 * slot + 1] = staff ?? 0;
    this.numbers[3 * slot + 2] = revenue ?? 0;
    const regionCode = row.regionCode as string;
    this.region[slot] = this.regions.indexOf(regionCode, regionCode);
    const tags = ((row.tags as string[] | null) ?? []) as FirmTag[];
    this.tagList[slot] = this.tagLists.indexOf(tags.join("|"), tags);
    const asOf = (row.asOf as string | null) ?? null;
    this.asOf[slot] = asOf === null ? -1 : this.dates.indexOf(asOf, asOf);
    this.linkStart[slot] = this.pooled;
    this.linkCount[slot] = 0;
    this.ids[slot] = id;
    this.names.push(name);
    this.slotOf.set(id, slot);
  }

  private firmAt(slot: number): ScoringFirm {
    const flags = this.flags[slot]!;
    const links: ScoringLink[] = [];
    for (let k = this.linkStart[slot]!, end = k + this.linkCount[slot]!; k < end; k++) {
      links.push({ segmentId: this.segments.values[this.linkSegment[k]!]!, confidence: this.linkConfidence[k]! });
    }
    const asOf = this.asOf[slot]!;
    return {
      id: this.ids[slot]!,
      name: this.names.get(slot),
      regionCode: this.regions.values[this.region[slot]!]!,
      capital: flags & NO_CAPITAL ? null : this.numbers[3 * slot]!,
      staff: flags & NO_STAFF ? null : this.numbers[3 * slot + 1]!,
      revenue: flags & NO_REVENUE ? null : this.numbers[3 * slot + 2]!,
      tags: this.tagLists.values[this.tagList[slot]!]!,
      asOf: asOf < 0 ? null : this.dates.values[asOf]!,
      branch: (flags & BRANCH) !== 0,
      standing: standingOfBits(flags),
      links,
    };
  }

  /**
   * The firms with a link into one of `segmentIds`, in the table's order (every other firm
   * is left out without being built).
   */
  *linkedTo(segmentIds: ReadonlySet<string>): IterableIterator<ScoringFirm> {
    const wanted = new Uint8Array(this.segments.values.length);
    let any = false;
    for (const id of segmentIds) {
      const i = this.segments.find(id);
      if (i !== undefined) (wanted[i] = 1), (any = true);
    }
    if (!any) return;
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.flags[slot]! & GONE) continue;
      for (let k = this.linkStart[slot]!, end = k + this.linkCount[slot]!; k < end; k++) {
        if (wanted[this.linkSegment[k]!]) {
          yield this.firmAt(slot);
          break;
        }
      }
    }
  }

  *keys(): MapIterator<string> {
    for (let slot = 0; slot < this.slots; slot++) if (!(this.flags[slot]! & GONE)) yield this.ids[slot]!;
  }

  *values(): MapIterator<ScoringFirm> {
    for (let slot = 0; slot < this.slots; slot++) if (!(this.flags[slot]! & GONE)) yield this.firmAt(slot);
  }

  *entries(): MapIterator<[string, ScoringFirm]> {
    for (let slot = 0; slot < this.slots; slot++) if (!(this.flags[slot]! & GONE)) yield [this.ids[slot]!, this.firmAt(slot)];
  }

  [Symbol.iterator](): MapIterator<[string, ScoringFirm]> {
    return this.entries();
  }

  forEach(callback: (value: ScoringFirm, key: string, map: ReadonlyMap<string, ScoringFirm>) => void, thisArg?: unknown): void {
    for (const [id, firm] of this.entries()) callback.call(thisArg, firm, id, this);
  }

  /** Drops the unused slots and links, keeping the order (one synchronous step). */
  private compact(): void {
    const fresh = new ScoringTable();
    fresh.regions = this.regions;
    fresh.dates = this.dates;
    fresh.tagLists = this.tagLists;
    fresh.segments = this.segments;
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.flags[slot]! & GONE) continue;
      const to = fresh.newSlot();
      fresh.flags[to] = this.flags[slot]!;
      fresh.numbers.set(this.numbers.subarray(3 * slot, 3 * slot + 3), 3 * to);
      fresh.region[to] = this.region[slot]!;
      fresh.tagList[to] = this.tagList[slot]!;
      fresh.asOf[to] = this.asOf[slot]!;
      const start = this.linkStart[slot]!;
      const count = this.linkCount[slot]!;
      fresh.linkSegment = room(fresh.linkSegment, fresh.pooled + count);
      fresh.linkConfidence = room(fresh.linkConfidence, fresh.pooled + count);
      fresh.linkSegment.set(this.linkSegment.subarray(start, start + count), fresh.pooled);
      fresh.linkConfidence.set(this.linkConfidence.subarray(start, start + count), fresh.pooled);
      fresh.linkStart[to] = fresh.pooled;
      fresh.linkCount[to] = count;
      fresh.pooled += count;
      fresh.ids[to] = this.ids[slot]!;
      fresh.names.push(this.names.get(slot));
      fresh.slotOf.set(this.ids[slot]!, to);
    }
    Object.assign(this, fresh, { compactions: this.compactions + 1 });
  }
}
