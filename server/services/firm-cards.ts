/**
 * A few facts of single firms — name, aliases, region, the segments they operate in — kept
 * in memory on the embedded graph once read, for answers that name firms scattered over the
 * whole firm table: a chain leader's suppliers outside the zone (chain-facts.ts). Kùzu 0.11.3
 * reads the columns of such firms at ≈ 0.2–0.5 ms a firm at a million firms (a leader's 80
 * suppliers: 40–130 ms, measured), and a map computed afresh after any write of its zone
 * would read the same firms again.
 *
 * Contract — `firmCards(store, ids)` answers as of the graph's version token it read:
 * - A card is read by key the first time it is asked for, and kept until a write names its
 *   firm: the writes the scoring facts follow (scoring-facts.ts FIRM_WRITES: a firm's own
 *   columns and its segment links), caught up through the store's CommitLog.
 * - A write that cannot be placed (another process, too large for the log, a query that
 *   rewrites many firms) drops every card.
 * - A card read while a write lands is kept with the version the call began at, so the next
 *   call past that write drops it if the write named its firm.
 * - At most FIRM_CARDS.max are kept: past it the longest held go first.
 * A firm the graph does not hold has no card. Neo4j may be written by other instances:
 * there the callers read these facts with Cypher, and this module is not used.
 * Why cards, and not every firm's facts: docs/decisions/029-firm-cards-and-ties-from-memory.md.
 */
import type { GraphStore } from "../graph/store.js";
import { keptInMemory } from "./kept-in-memory.js";
import { changedFirms } from "./scoring-facts.js";

export interface FirmCard {
  name: string;
  aliases: string[];
  regionCode: string;
  /** Every segment the firm operates in. */
  segmentIds: string[];
}

/** Cards kept at most (a few hundred bytes each): far more than the firms a day's answers name. */
export const FIRM_CARDS = { max: 100_000 };

interface Cards {
  version: string;
  cards: Map<string, FirmCard>;
}

const current = keptInMemory<Cards>(async (store, old, version) => {
  const change = old ? changedFirms(store, old.version, version) : "all";
  if (change === "all") return { version, cards: new Map() };
  const cards = new Map(old!.cards);
  for (const id of change.ids) cards.delete(id);
  return { version, cards };
});

/** The cards of the given firms (those the graph holds), as of the graph's current version (Kùzu only). */
export async function firmCards(store: GraphStore, ids: Iterable<string>): Promise<Map<string, FirmCard>> {
  const state = await current(store);
  const wanted = [...new Set(ids)];
  const missing = wanted.filter((id) => !state.cards.has(id));
  const read = await Promise.all(missing.map((id) => readCard(store, id)));
  missing.forEach((id, i) => {
    const card = read[i];
    if (card) state.cards.set(id, card);
  });
  const found = new Map<string, FirmCard>();
  for (const id of wanted) {
    const card = state.cards.get(id);
    if (card) found.set(id, card);
  }
  for (const id of state.cards.keys()) {
    if (state.cards.size <= FIRM_CARDS.max) break;
    state.cards.delete(id);
  }
  return found;
}

async function readCard(store: GraphStore, id: string): Promise<FirmCard | undefined> {
  const [[row], segments] = await Promise.all([store.read("links/firm-card", { id }), store.read("links/firm-segment-ids", { id })]);
  if (!row) return undefined;
  return { name: String(row.name), aliases: ((row.aliases as string[] | null) ?? []).map(String), regionCode: String(row.regionCode), segmentIds: segments.map((s) => String(s.segmentId)) };
}
