/**
 * Adding several ranked targets to an existing list, one entry request per firm. A firm
 * already on the list is no failure: it is counted apart, whether the list showed it
 * beforehand or the server answered 409 because someone added it meanwhile. One firm
 * that cannot be added does not stop the others.
 */

/** One firm to add, with the segment it would fill (the ranking's best fit). */
export interface BatchPick {
  firmId: string;
  name: string;
  segmentId?: string;
}

/** A ranked target as far as picking needs it. */
interface RankedFirm {
  firm: { id: string; name: string };
  segments: readonly { segmentId: string; confidence: number }[];
}

/**
 * The picked rows in ranking order, each for the segment it fits with the most confidence
 * (as a list saved from the ranking does). Ids no longer in the ranking are left out.
 */
export function picksOf(results: readonly RankedFirm[], selected: readonly string[]): BatchPick[] {
  const wanted = new Set(selected);
  return results
    .filter((r) => wanted.has(r.firm.id))
    .map((r) => {
      const best = [...r.segments].sort((a, b) => b.confidence - a.confidence)[0];
      return best ? { firmId: r.firm.id, name: r.firm.name, segmentId: best.segmentId } : { firmId: r.firm.id, name: r.firm.name };
    });
}

export type BatchOutcome =
  | { pick: BatchPick; result: "added" }
  | { pick: BatchPick; result: "already" }
  | { pick: BatchPick; result: "failed"; reason: string };

export interface BatchSummary {
  added: BatchPick[];
  already: BatchPick[];
  failed: { pick: BatchPick; reason: string }[];
}

/** What the API client throws, as far as this needs to know. */
interface ErrorLike {
  status?: number | null;
  code?: string | null;
  message?: string;
}

/** The server refuses a firm that is already on the list with 409 "conflict". */
export function isAlreadyOnList(error: unknown): boolean {
  const e = error as ErrorLike | null;
  return typeof e === "object" && e !== null && e.status === 409 && e.code === "conflict";
}

/** Splits the picks (each firm once, in the order given) into those to send and those the list already has. */
export function planBatch(picks: readonly BatchPick[], onList: ReadonlySet<string>): { send: BatchPick[]; already: BatchPick[] } {
  const seen = new Set<string>();
  const send: BatchPick[] = [];
  const already: BatchPick[] = [];
  for (const pick of picks) {
    if (seen.has(pick.firmId)) continue;
    seen.add(pick.firmId);
    (onList.has(pick.firmId) ? already : send).push(pick);
  }
  return { send, already };
}

export function summarizeBatch(outcomes: readonly BatchOutcome[]): BatchSummary {
  const summary: BatchSummary = { added: [], already: [], failed: [] };
  for (const outcome of outcomes) {
    if (outcome.result === "added") summary.added.push(outcome.pick);
    else if (outcome.result === "already") summary.already.push(outcome.pick);
    else summary.failed.push({ pick: outcome.pick, reason: outcome.reason });
  }
  return summary;
}

/**
 * Sends one request per firm not yet on the list, one after the other (each is a write
 * of the graph), and sums up what happened. `progress` is told after every firm.
 */
export async function addToList(
  picks: readonly BatchPick[],
  onList: ReadonlySet<string>,
  add: (pick: BatchPick) => Promise<unknown>,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<BatchSummary> {
  const { send, already } = planBatch(picks, onList);
  const outcomes: BatchOutcome[] = already.map((pick) => ({ pick, result: "already" }));
  let done = 0;
  for (const pick of send) {
    try {
      await add(pick);
      outcomes.push({ pick, result: "added" });
    } catch (error) {
      if (isAlreadyOnList(error)) outcomes.push({ pick, result: "already" });
      else outcomes.push({ pick, result: "failed", reason: (error as ErrorLike | null)?.message || String(error) });
    }
    progress(++done, send.length);
  }
  return summarizeBatch(outcomes);
}
