/**
 * The compact firm keys (server/imports/known-firms.ts) find what the Maps of entry objects
 * they replaced found: the same firm for every row, by id, code and name, the same keys
 * and the same description — after random runs of firms added, replaced and removed, with
 * shared codes and names, empty and missing codes, places out of order, and across the
 * long strings of texts, the growth of the hash tables and the compaction of unused slots.
 */
import { describe, expect, it } from "vitest";
import { KNOWN_FIRMS, KnownFirms, nameKey, regionContains, type KnownFirm } from "../../../server/imports/known-firms.js";
import { SLOT_TEXTS } from "../../../server/services/slot-texts.js";

type Entry = KnownFirm & { key: string };
type Held = Entry | Entry[];

/** The layout it replaced: an entry object per firm in three Maps. */
class MapKnownFirms {
  readonly byUscc = new Map<string, Held>();
  readonly ids = new Map<string, Entry>();
  readonly byName = new Map<string, Held>();
  add(name: string, firm: KnownFirm): void {
    this.remove(firm.id);
    const entry: Entry = { ...firm, key: nameKey(name) };
    this.ids.set(firm.id, entry);
    if (entry.uscc) this.byUscc.set(entry.uscc, withFirm(this.byUscc.get(entry.uscc), entry));
    this.byName.set(entry.key, withFirm(this.byName.get(entry.key), entry));
  }
  remove(id: string): void {
    const firm = this.ids.get(id);
    if (!firm) return;
    this.ids.delete(id);
    if (firm.uscc) set(this.byUscc, firm.uscc, withoutFirm(this.byUscc.get(firm.uscc), firm));
    set(this.byName, firm.key, withoutFirm(this.byName.get(firm.key), firm));
  }
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
  describe() {
    const ids = (held: Held) => (Array.isArray(held) ? held : [held]).map((f) => f.id).join(" ");
    return {
      firms: [...this.ids.values()].map((f) => [f.id, f.key, f.uscc ?? "-", f.regionCode, f.place].join(" ")).sort(),
      codes: [...this.byUscc].map(([code, held]) => `${code}: ${ids(held)}`).sort(),
      names: [...this.byName].map(([key, held]) => `${key}: ${ids(held)}`).sort(),
    };
  }
}
function withFirm(held: Held | undefined, firm: Entry): Held {
  if (held === undefined) return firm;
  const list = Array.isArray(held) ? held : [held];
  let at = list.length;
  while (at > 0 && list[at - 1]!.place > firm.place) at--;
  list.splice(at, 0, firm);
  return list;
}
function withoutFirm(held: Held | undefined, firm: Entry): Held | undefined {
  if (held === undefined || held === firm) return undefined;
  if (!Array.isArray(held)) return held;
  const list = held.filter((f) => f !== firm);
  return list.length === 0 ? undefined : list.length === 1 ? list[0] : list;
}
function set(map: Map<string, Held>, key: string, held: Held | undefined): void {
  if (held === undefined) map.delete(key);
  else map.set(key, held);
}

/** A firm as found, without the name key the Maps' entries carry. */
const found = (f: KnownFirm | undefined) => f && { id: f.id, uscc: f.uscc, regionCode: f.regionCode, place: f.place };

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const REGIONS = ["330000", "330200", "330206", "330203", "110000", "110101", "130102", "130203", "130000", ""];
const NAMES = ["华东机械有限公司", "华东机械（上海）有限公司", "华东机械(上海)有限公司", "宁波 拓普集团", "ＡＢＣ　钢铁", "ABC钢铁", "长城机械", "", "Ω"];

/** A random run over `ids` firm ids; each step adds (new or again), replaces or removes a firm, and compares. */
function run(seed: number, steps: number, ids: number, compareEvery: number, { shared = 0.5, removals = 0.25 } = {}) {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const compact = new KnownFirms();
  const maps = new MapKnownFirms();
  const code = () => pick([null, null, "", `91330000MA${String(Math.floor(rnd() * 40)).padStart(8, "0")}`, `91330000MA${String(Math.floor(rnd() * ids)).padStart(8, "0")}`, `9133000${pick(["0", "İ", "k"])}Ma0000000${Math.floor(rnd() * 10)}`]);
  // An import's firm with a code has the id "u-" and the code in lower case: held without an id of its own.
  const idOf = (uscc: string | null) => (uscc && rnd() < 0.7 ? `u-${uscc.toLowerCase()}` : `f-${Math.floor(rnd() * ids)}`);
  const name = () => (rnd() < shared ? pick(NAMES) : `${pick(NAMES)}${Math.floor(rnd() * ids)}`);
  const row = () => ({ uscc: rnd() < 0.3 ? null : code(), name: name(), regionCode: pick(REGIONS) });
  let place = 0;
  const compare = () => {
    expect(compact.firms).toBe(maps.ids.size);
    expect(compact.size).toBe(maps.byUscc.size + maps.byName.size);
    expect(new Set(compact.keys())).toEqual(new Set([...maps.byUscc.keys(), ...maps.byName.keys()]));
    expect(compact.describe()).toEqual(maps.describe());
  };
  for (let step = 0; step < steps; step++) {
    // Room made ahead now and then, as a read of every firm makes it.
    if (rnd() < 0.002) compact.reserve(Math.floor(rnd() * 3000));
    const uscc = code();
    const id = idOf(rnd() < 0.9 ? uscc : code());
    if (rnd() < removals) {
      compact.remove(id);
      maps.remove(id);
    } else {
      // Mostly placed past every other, as a bulk load adds them; sometimes before (a firm read again by id).
      const firm: KnownFirm = { id, uscc, regionCode: pick(REGIONS), place: rnd() < 0.8 ? place++ : Math.floor(rnd() * (place + 1)) };
      const n = name();
      compact.add(n, firm);
      maps.add(n, firm);
    }
    const asked = rnd() < 0.5 ? row() : (() => {
      const held = maps.ids.get(idOf(code()));
      return held ? { uscc: rnd() < 0.5 ? held.uscc : null, name: held.key, regionCode: rnd() < 0.5 ? held.regionCode : pick(REGIONS) } : row();
    })();
    expect(compact.find(asked)).toEqual(found(maps.find(asked)));
    expect(compact.byId(id)).toEqual(found(maps.ids.get(id)));
    for (const key of [asked.uscc ?? "", nameKey(asked.name)]) expect(compact.has(key)).toBe(maps.byUscc.has(key) || maps.byName.has(key));
    if (step % compareEvery === compareEvery - 1) compare();
  }
  compare();
  return { compact, maps };
}

describe("the compact firm keys", () => {
  it("find what the Maps of entries found, after random runs of additions, replacements and removals", () => {
    for (let seed = 1; seed <= 20; seed++) run(seed, 3000, 300, 500);
  });

  it("keep finding them through the compaction of unused slots", () => {
    const before = KNOWN_FIRMS.compactAfter;
    KNOWN_FIRMS.compactAfter = 8;
    try {
      for (let seed = 21; seed <= 40; seed++) run(seed, 2000, 60, 50);
    } finally {
      KNOWN_FIRMS.compactAfter = before;
    }
  });

  it("hold texts longer than a bound apart, and find them as the others", () => {
    const before = SLOT_TEXTS.apartOver;
    SLOT_TEXTS.apartOver = 12;
    try {
      for (let seed = 41; seed <= 50; seed++) run(seed, 2000, 200, 400);
    } finally {
      SLOT_TEXTS.apartOver = before;
    }
  });

  it("hold 65,536 names of 8,200 characters, more than one string of them all could be", () => {
    const known = new KnownFirms();
    const long = "钢".repeat(8_200);
    for (let i = 0; i <= 65_536; i++) known.add(long, { id: `f-${i}`, uscc: null, regionCode: "130200", place: i });
    expect(known.find({ uscc: null, name: long, regionCode: "130200" })?.id).toBe("f-0");
    expect(known.has(long)).toBe(true);
  });

  it("keep finding them past the first long string of each text and the tables' growth", () => {
    const { compact, maps } = run(99, 80_000, 1_000_000, 40_000, { shared: 0.001, removals: 0.05 });
    // ≈ 76,000 additions, each taking a slot: past the first long string of each text (65,536).
    expect(compact.firms).toBeGreaterThan(50_000);
    for (const entry of [...maps.ids.values()].slice(0, 2000)) {
      const asked = { uscc: entry.uscc, name: entry.key, regionCode: entry.regionCode };
      expect(compact.find(asked)).toEqual(found(maps.find(asked)));
    }
  });
});
