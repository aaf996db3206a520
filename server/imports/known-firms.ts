/**
 * The firms the graph already holds, as an import matches its rows to them: by
 * 统一社会信用代码, else by name in a compatible region. A list of listed companies gives
 * the province (浙江省) where the graph knows the county (宁波市北仑区): the same name in a
 * region that contains the other is the same firm, updated rather than added twice.
 */
import { halfWidth } from "./values.js";

export interface KnownFirm {
  id: string;
  uscc: string | null;
  regionCode: string;
  /**
   * Its place in the graph's firm table (Kùzu's node offset; 0 where the engine has none):
   * of several firms holding one code or one name, the order they are compared in.
   */
  place: number;
}

/** What nameKey changes: a full-width form or space, any other space. */
const NOT_A_KEY = /[\uff01-\uff5e\u3000\s]/;

/** A name as compared: half-width, without spaces (（中国） and (中国) are one). */
export const nameKey = (name: string) => (NOT_A_KEY.test(name) ? halfWidth(name).replace(/\s+/g, "") : name);

/** Whether region `outer` is `inner` or contains it (codes: 330000 province, 330200 city, 330206 county). */
export function regionContains(outer: string, inner: string): boolean {
  if (outer.endsWith("0000")) return inner.startsWith(outer.slice(0, 2));
  if (outer.endsWith("00")) return inner.startsWith(outer.slice(0, 4));
  return inner === outer;
}

/** Of two compatible regions, the one that says more (the county rather than its province). */
export const narrowerRegion = (a: string, b: string) => (regionContains(a, b) ? b : a);

/** A firm as held, with the name key it is held under. */
type Entry = KnownFirm & { key: string };

/** Held under one key: one firm, or several in the order of their places. */
type Held = Entry | Entry[];

/** `held` with `firm` put after every firm placed before it or at its place. */
function withFirm(held: Held | undefined, firm: Entry): Held {
  if (held === undefined) return firm;
  const list = Array.isArray(held) ? held : [held];
  let at = list.length;
  while (at > 0 && list[at - 1]!.place > firm.place) at--;
  list.splice(at, 0, firm);
  return list;
}

/** `held` without `firm`; undefined when nothing is left. */
function withoutFirm(held: Held | undefined, firm: Entry): Held | undefined {
  if (held === undefined || held === firm) return undefined;
  if (!Array.isArray(held)) return held;
  const list = held.filter((f) => f !== firm);
  return list.length === 0 ? undefined : list.length === 1 ? list[0] : list;
}

/**
 * The graph's firms by their keys. Built once from every firm, or kept and changed firm by
 * firm (firm-keys.ts): either way it holds the same firms in the same order (by place), so
 * it finds the same firm for every row.
 */
export class KnownFirms {
  /** By 统一社会信用代码; a code several old firms share (made before the key table) as an array. */
  private readonly byUscc = new Map<string, Held>();
  private readonly ids = new Map<string, Entry>();
  /** By nameKey; several firms of one name (in different regions) as an array. */
  private readonly byName = new Map<string, Held>();

  /** Adds a firm, or replaces the one of its id. */
  add(name: string, firm: KnownFirm): void {
    this.remove(firm.id);
    const entry: Entry = { id: firm.id, uscc: firm.uscc, regionCode: firm.regionCode, place: firm.place, key: nameKey(name) };
    this.ids.set(firm.id, entry);
    if (entry.uscc) this.byUscc.set(entry.uscc, withFirm(this.byUscc.get(entry.uscc), entry));
    this.byName.set(entry.key, withFirm(this.byName.get(entry.key), entry));
  }

  /** Forgets the firm of that id (if held). */
  remove(id: string): void {
    const firm = this.ids.get(id);
    if (!firm) return;
    this.ids.delete(id);
    if (firm.uscc) set(this.byUscc, firm.uscc, withoutFirm(this.byUscc.get(firm.uscc), firm));
    set(this.byName, firm.key, withoutFirm(this.byName.get(firm.key), firm));
  }

  /**
   * The firm a row names: the one with its code (of several, the one placed last); else the
   * one of its name in its region, or the only one of its name in a region that contains it
   * or that it contains. Never a firm whose code differs from the row's.
   */
  find(row: { uscc: string | null; name: string; regionCode: string }): KnownFirm | undefined {
    if (row.uscc) {
      const byCode = this.byUscc.get(row.uscc);
      if (byCode) return Array.isArray(byCode) ? byCode.at(-1) : byCode;
    }
    const held = this.byName.get(nameKey(row.name));
    if (!held) return undefined;
    const named = (Array.isArray(held) ? held : [held]).filter((f) => !(row.uscc && f.uscc && f.uscc !== row.uscc));
    const exact = named.find((f) => f.regionCode === row.regionCode);
    if (exact) return exact;
    const compatible = named.filter((f) => regionContains(f.regionCode, row.regionCode) || regionContains(row.regionCode, f.regionCode));
    return compatible.length === 1 ? compatible[0] : undefined;
  }

  byId(id: string): KnownFirm | undefined {
    return this.ids.get(id);
  }

  /** Whether a row may be found by this key (a code or a name key). */
  has(key: string): boolean {
    return this.byUscc.has(key) || this.byName.has(key);
  }

  /** The keys a row may be found by (codes and name keys), for the workers' filter. */
  *keys(): Iterable<string> {
    yield* this.byUscc.keys();
    yield* this.byName.keys();
  }

  get size(): number {
    return this.byUscc.size + this.byName.size;
  }

  /** How many firms it holds. */
  get firms(): number {
    return this.ids.size;
  }

  /**
   * Everything it holds, in a canonical order: each firm (id, name key, code, region, place),
   * and under each code and name key the ids in the order they are compared. Two of them
   * find the same firm for every row when these are equal.
   */
  describe(): { firms: string[]; codes: string[]; names: string[] } {
    const ids = (held: Held) => (Array.isArray(held) ? held : [held]).map((f) => f.id).join(" ");
    return {
      firms: [...this.ids.values()].map((f) => [f.id, f.key, f.uscc ?? "-", f.regionCode, f.place].join(" ")).sort(),
      codes: [...this.byUscc].map(([code, held]) => `${code}: ${ids(held)}`).sort(),
      names: [...this.byName].map(([key, held]) => `${key}: ${ids(held)}`).sort(),
    };
  }
}

function set(map: Map<string, Held>, key: string, held: Held | undefined): void {
  if (held === undefined) map.delete(key);
  else map.set(key, held);
}
