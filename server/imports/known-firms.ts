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
  /** factsHash of the firm as the graph holds it; null until read (only for the firms a file names). */
  hash: string | null;
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

export class KnownFirms {
  private readonly byUscc = new Map<string, KnownFirm>();
  private readonly ids = new Map<string, KnownFirm>();
  /** By nameKey; several firms of one name (in different regions) as an array. */
  private readonly byName = new Map<string, KnownFirm | KnownFirm[]>();

  add(name: string, firm: KnownFirm): void {
    this.ids.set(firm.id, firm);
    if (firm.uscc) this.byUscc.set(firm.uscc, firm);
    const key = nameKey(name);
    const held = this.byName.get(key);
    if (held === undefined) this.byName.set(key, firm);
    else if (Array.isArray(held)) held.push(firm);
    else this.byName.set(key, [held, firm]);
  }

  /**
   * The firm a row names: the one with its code; else the one of its name in its region, or
   * the only one of its name in a region that contains it or that it contains. Never a firm
   * whose code differs from the row's.
   */
  find(row: { uscc: string | null; name: string; regionCode: string }): KnownFirm | undefined {
    if (row.uscc) {
      const byCode = this.byUscc.get(row.uscc);
      if (byCode) return byCode;
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

  /** The keys a row may be found by (codes and name keys), for the workers' filter. */
  *keys(): Iterable<string> {
    yield* this.byUscc.keys();
    yield* this.byName.keys();
  }

  get size(): number {
    return this.byUscc.size + this.byName.size;
  }
}
