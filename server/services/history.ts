/**
 * History: each zone × chain's figures as they stood at the end of each day, kept in the
 * graph (ChainSnapshot), so "what has changed since?" has an answer. A snapshot is taken
 * after each write that changed a zone × chain's figures — at most one per zone × chain
 * per day, replaced in place (docs/decisions/017-history-snapshots-after-writes.md). The
 * figures are the same ones every screen shows: the gap figures from chainFigures (through
 * getChainGaps), the projects from projectTotals, the pipeline from the list entries.
 */
import { z } from "zod";
import type { GraphStore, Row } from "../graph/store.js";
import { ENTRY_STATUSES, FILLING_STATUSES, PROJECT_STATUSES, type EntryStatus, type ProjectStatus } from "../model/domain.js";
import type { ChainGaps } from "../model/api.js";
import type { SegmentStatus } from "../model/domain.js";
import {
  ChainSnapshot,
  SINCE_CHANGES,
  type ChainChanges,
  type ChainHistory,
  type RegisterProject,
  type SinceChange,
  type SegmentSince,
  type SinceSummary,
  type SnapshotFigures,
  type TrendPoint,
} from "../model/progress.js";
import { chinaDay } from "./editing/projects.js";
import { urgency } from "./gap-rules.js";
import { getChainGaps } from "./gaps.js";
import { graphVersion } from "./read-cache.js";
import { inScope, listPipelineEntries, projectTotals, readProjects, signedOn, type PipelineEntry, type ProjectRecord } from "./projects.js";
import { parseRows } from "./rows.js";
import { during } from "../request-timing.js";
import { reachOf, reaches } from "./write-reach.js";

/** The setting holding the graph version the latest snapshots were taken at. */
const HISTORY_VERSION = "history-version";

/** How far back a completeness trend reaches. */
const TREND_DAYS = 180;

const SnapshotRow = z.object({ zoneId: z.string(), chainId: z.string(), day: z.string(), takenAt: z.string(), figures: z.string() });
const ZoneChainRow = z.object({ zoneId: z.string(), chainId: z.string() });

export interface ChainState {
  gaps: ChainGaps;
  figures: SnapshotFigures;
}

/** A zone × chain's figures now, as a snapshot keeps them. */
export function snapshotFigures(gaps: ChainGaps, projects: readonly RegisterProject[], entries: readonly PipelineEntry[]): SnapshotFigures {
  const zoneId = gaps.zone.id;
  const chainId = gaps.chain.id;
  const here = projects.filter((p) => inScope(p, zoneId, chainId));
  const pipeline = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, 0])) as Record<EntryStatus, number>;
  for (const e of entries) if (e.zoneId === zoneId && e.chainId === chainId) pipeline[e.status] += 1;
  return {
    completeness: gaps.figures.completeness,
    segments: gaps.figures.segments,
    covered: gaps.figures.covered,
    byStatus: gaps.figures.byStatus,
    coveredSegmentIds: gaps.segments.filter((s) => s.localFirmCount > 0).map((s) => s.segmentId),
    localFirms: new Set(gaps.segments.flatMap((s) => s.localFirms.map((f) => f.id))).size,
    projects: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, here.filter((p) => p.status === s).length])) as Record<ProjectStatus, number>,
    projectInvestment: projectTotals(here).investment,
    pipeline,
    segmentStatuses: Object.fromEntries(gaps.segments.map((s) => [s.segmentId, s.status])),
  };
}

/** The projects and list entries a state is made from, when the caller has read them already. */
export interface Progress {
  projects: ProjectRecord[];
  entries: PipelineEntry[];
}

export async function readProgress(store: GraphStore): Promise<Progress> {
  const entries = await listPipelineEntries(store);
  return { projects: await readProjects(store, null, entries), entries };
}

/** Which zone × chains to diagnose: all of them, or those a write reached (see reachedBetween). */
export type PairFilter = (zoneId: string, chainId: string) => boolean;

/**
 * How a caller diagnoses several zone × chains: all at once (someone waits for the answer),
 * or one after another (a run in the background: it holds the read connections and the
 * event loop for one diagnosis at a time, so the people browsing meanwhile wait at most
 * for that, not for every zone × chain of the graph at once).
 */
export type Pace = "together" | "one at a time";

/** Every zone × chain's state now (zone ids and chain ids as the zones lead them), or those `only` names. */
export async function currentStates(store: GraphStore, zoneId: string | null = null, progress?: Progress, only?: PairFilter, pace: Pace = "together"): Promise<ChainState[]> {
  const [pairs, { projects, entries }] = await Promise.all([
    store.read("zones/list-zone-chains", { zoneId }).then((rows) => parseRows(ZoneChainRow, rows)),
    progress ?? readProgress(store),
  ]);
  const stateOf = async ({ zoneId, chainId }: { zoneId: string; chainId: string }): Promise<ChainState> => {
    const gaps = await getChainGaps(store, zoneId, chainId);
    return { gaps, figures: snapshotFigures(gaps, projects, entries) };
  };
  const chosen = pairs.filter((p) => !only || only(p.zoneId, p.chainId));
  if (pace === "together") return Promise.all(chosen.map(stateOf));
  const states: ChainState[] = [];
  for (const pair of chosen) states.push(await stateOf(pair));
  return states;
}

export async function listSnapshots(store: GraphStore, zoneId: string | null, chainId: string | null): Promise<ChainSnapshot[]> {
  return readSnapshots(await store.read("history/list-snapshots", { zoneId, chainId }));
}

/** The latest snapshot of each zone × chain: what a new one is compared with. */
export async function latestSnapshots(store: GraphStore): Promise<ChainSnapshot[]> {
  return readSnapshots(await store.read("history/list-latest-snapshots", {}));
}

function readSnapshots(raw: Row[]): ChainSnapshot[] {
  const rows = parseRows(SnapshotRow, raw);
  // A snapshot that no longer reads (written by another version) is left out, not an error.
  return rows.flatMap((r) => {
    const parsed = ChainSnapshot.safeParse({ ...r, figures: safeJson(r.figures) });
    return parsed.success ? [parsed.data] : [];
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const key = (zoneId: string, chainId: string) => `${zoneId}|${chainId}`;

/**
 * Keeps today's figures of every zone × chain (or of those `only` names) whose figures
 * differ from its latest snapshot. Returns how many snapshots were written.
 */
export async function takeSnapshots(store: GraphStore, now = new Date(), only?: PairFilter, seenVersion?: string): Promise<number> {
  // In the background, after writes: one zone × chain at a time (a start that finds the
  // snapshots behind diagnoses every one of them).
  const [states, snapshots] = await Promise.all([currentStates(store, null, undefined, only, "one at a time"), latestSnapshots(store)]);
  const latest = new Map(snapshots.map((s) => [key(s.zoneId, s.chainId), s]));
  const day = chinaDay(now);
  const rows = states
    .filter(({ gaps, figures }) => JSON.stringify(latest.get(key(gaps.zone.id, gaps.chain.id))?.figures) !== JSON.stringify(figures))
    .map(({ gaps, figures }) => ({
      id: `${key(gaps.zone.id, gaps.chain.id)}|${day}`,
      zoneId: gaps.zone.id,
      chainId: gaps.chain.id,
      day,
      takenAt: now.toISOString(),
      completeness: figures.completeness,
      figures: JSON.stringify(figures),
    }));
  // Snapshots change no answer a cache keeps (history is read fresh), so caches stay valid.
  // With them, the graph version they were taken at: a start that finds the graph still
  // there knows the snapshots are current (see primeSnapshots).
  const seen = seenVersion === undefined ? [] : [{ query: "settings/put-setting", rows: [{ key: HISTORY_VERSION, value: JSON.stringify(seenVersion) }] }];
  if (rows.length) await store.write([{ query: "history/put-snapshot", rows }, ...seen], { keepsCaches: true });
  return rows.length;
}

/**
 * The zone × chains whose figures the writes from version `from` to `to` may have changed:
 * a snapshot's figures are a gap diagnosis and the zone's projects and list entries, all
 * of one zone × chain, so a write reaches them as it reaches that zone × chain's kept gaps
 * (write-reach.ts). Null when this process's log cannot tell (a write from elsewhere, a
 * log that no longer reaches back): then every zone × chain.
 */
export async function reachedBetween(store: GraphStore, from: string, to: string): Promise<PairFilter | null> {
  const commits = store.commits.between(from, to);
  if (!commits) return null;
  const reached = await Promise.all(commits.map((c) => reachOf(store, c)));
  return (zoneId, chainId) => reached.some((r) => reaches(r, { zoneId, chainId, candidates: false }));
}

/**
 * How long a run waits after the write that asked for it: a burst of edits (an editor
 * working through a list, an import's batches) makes one run, not one per write, and
 * the diagnosis does not compete with the writes for the graph.
 */
const SETTLE_MS = 5_000;

interface Queue {
  running: Promise<void> | null;
  /** The run has not read the graph yet: it will see the write that asks now. */
  waiting: boolean;
  again: boolean;
  /** Imports under way: a run then waits for them (each schedules one when it ends). */
  imports: number;
  /** The graph's version token when the last run read it: a write that changed nothing cached (a session, a job's progress) leaves it, and needs no run. */
  seen: string | null;
  /** Ends the wait at once; `cancel` true: and takes no snapshot (the store is closing). */
  wake: ((cancel: boolean) => void) | null;
  /** The snapshots are those of version `seen`: a run needs diagnose only the zone × chains the writes since reached. */
  upToDate: boolean;
  lastRun: SnapshotRun | null;
}

/** What a run did: which it was (1, 2, … since the store opened), the zone × chains it diagnosed (`zone|chain`), and how many snapshots it wrote. */
export interface SnapshotRun {
  run: number;
  diagnosed: string[];
  written: number;
}
const queues = new WeakMap<GraphStore, Queue>();

function queueOf(store: GraphStore): Queue {
  let queue = queues.get(store);
  if (!queue) queues.set(store, (queue = { running: null, waiting: false, again: false, imports: 0, seen: null, wake: null, upToDate: false, lastRun: null }));
  return queue;
}

/**
 * Notes the graph's version as the app starts: a first write that changes nothing a figure
 * stands on (an import job starting) then needs no run either. When the latest snapshots
 * were taken at that version, runs diagnose only what later writes reach; otherwise (data
 * loaded while the server was stopped) the first run diagnoses every zone × chain.
 */
export async function primeSnapshots(store: GraphStore): Promise<void> {
  const q = queueOf(store);
  const [version, [taken]] = await Promise.all([graphVersion(store), store.read("settings/get-setting", { key: HISTORY_VERSION })]);
  if (q.seen !== null || q.running) return;
  q.seen = version;
  q.upToDate = typeof taken?.value === "string" && safeJson(taken.value) === version;
}

/**
 * Takes snapshots soon, one run at a time: writes that come while a run waits are in it;
 * those that come while it reads make one more run after it, however many they are.
 */
export function scheduleSnapshots(store: GraphStore, log: (error: unknown) => void = console.error, settleMs = SETTLE_MS): Promise<void> {
  const q = queueOf(store);
  if (q.running) {
    if (!q.waiting) q.again = true;
    return q.running;
  }
  const run = async (): Promise<void> => {
    do {
      q.again = false;
      q.waiting = true;
      const cancelled = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), settleMs);
        q.wake = (cancel) => {
          clearTimeout(timer);
          resolve(cancel);
        };
      });
      q.waiting = false;
      q.wake = null;
      if (cancelled) break;
      // Not while an import runs: its end schedules a run that sees its rows and every edit meanwhile.
      if (q.imports > 0) continue;
      try {
        const version = await graphVersion(store);
        if (version !== q.seen) {
          const reached = q.seen !== null && q.upToDate ? await reachedBetween(store, q.seen, version) : null;
          const diagnosed: string[] = [];
          const only: PairFilter = (zoneId, chainId) => {
            const yes = !reached || reached(zoneId, chainId);
            if (yes) diagnosed.push(key(zoneId, chainId));
            return yes;
          };
          const written = await during("snapshot", () => takeSnapshots(store, new Date(), only, version));
          q.seen = version;
          q.upToDate = true;
          q.lastRun = { run: (q.lastRun?.run ?? 0) + 1, diagnosed, written };
        }
      } catch (error) {
        log(error);
      }
    } while (q.again);
    q.running = null;
  };
  q.running = run();
  return q.running;
}

/**
 * An import committing in the background: runs wait until it ends (it reads and writes
 * the graph hard meanwhile), then one is taken whether it landed or not.
 */
export function snapshotsAfterImport(store: GraphStore, done: Promise<unknown>, log: (error: unknown) => void = console.error): void {
  const q = queueOf(store);
  q.imports += 1;
  void done
    .catch(() => undefined)
    .finally(() => {
      q.imports -= 1;
      void scheduleSnapshots(store, log);
    });
}

/** The last run that diagnosed anything (tests). */
export function lastSnapshotRun(store: GraphStore): SnapshotRun | null {
  return queues.get(store)?.lastRun ?? null;
}

/** Resolves once the snapshots asked for are taken (tests, before they look). */
export async function snapshotsSettled(store: GraphStore): Promise<void> {
  for (let q = queues.get(store); q?.running; ) {
    q.wake?.(false);
    await q.running;
  }
}

/** Before the store closes: a run still waiting is dropped, one under way is let finish. */
export async function stopSnapshots(store: GraphStore): Promise<void> {
  const q = queues.get(store);
  if (!q?.running) return;
  q.again = false;
  q.wake?.(true);
  await q.running;
}

/** The completeness of each day with a snapshot, and today's as it is now. */
export function completenessTrend(snapshots: readonly ChainSnapshot[], now: SnapshotFigures, today: string): TrendPoint[] {
  const earliest = chinaDay(new Date(Date.parse(`${today}T12:00:00+08:00`) - TREND_DAYS * 86_400_000));
  const points = snapshots.filter((s) => s.day >= earliest && s.day < today).map((s) => ({ day: s.day, completeness: s.figures.completeness }));
  return [...points, { day: today, completeness: now.completeness }];
}

/** The snapshot a comparison since a day starts from: the last one before the day (the state as it began). */
function baselineOf(snapshots: readonly ChainSnapshot[], since: string): ChainSnapshot | null {
  return snapshots.filter((s) => s.day < since).at(-1) ?? null;
}

/** A segment as a comparison sees it: its status (null: not recorded) and whether it has a local firm. */
export interface SegmentState {
  status: SegmentStatus | null;
  covered: boolean;
}

/**
 * How a segment changed (see SinceChange): `then` null when there is no snapshot from
 * before the day, its status "absent" when the snapshot kept statuses and the segment was
 * not among them (not in the chain then). Coverage first — it is what 补齐 and 完整度 count —
 * then the status's urgency as the gap rules order it.
 */
export function segmentChange(then: { status: SegmentStatus | null | "absent"; covered: boolean } | null, now: { status: SegmentStatus; covered: boolean }): SinceChange {
  if (!then) return "unrecorded";
  if (!then.covered && now.covered) return "filled";
  if (then.covered && !now.covered) return "worse";
  if (then.status === "absent") return "added";
  if (then.status === null) return "unrecorded";
  const step = urgency(now.status) - urgency(then.status);
  return step > 0 ? "worse" : step < 0 ? "improved" : "unchanged";
}

/** Each segment of the chain now against the snapshot a comparison starts from. */
export function segmentChanges(state: ChainState, before: ChainSnapshot | null): SegmentSince[] {
  const coveredThen = new Set(before?.figures.coveredSegmentIds ?? []);
  const statusesThen = before?.figures.segmentStatuses;
  return state.gaps.segments.map((s) => {
    const then = before && { covered: coveredThen.has(s.segmentId), status: statusesThen ? (statusesThen[s.segmentId] ?? ("absent" as const)) : null };
    const now = { status: s.status, covered: s.localFirmCount > 0 };
    return {
      id: s.segmentId,
      name: s.name,
      statusThen: then && then.status !== "absent" ? then.status : null,
      coveredThen: then ? then.covered : null,
      statusNow: now.status,
      coveredNow: now.covered,
      change: segmentChange(then, now),
    };
  });
}

/**
 * What changed since a day: the figures now against the snapshot of the last day before
 * it (the state when that day began); projects won on or after it from their own dates.
 * The segments filled and lost are those segmentChanges finds, so the map marks the same ones.
 */
export function sinceSummary(state: ChainState, snapshots: readonly ChainSnapshot[], projects: readonly RegisterProject[], since: string): SinceSummary {
  const before = baselineOf(snapshots, since);
  const changes = segmentChanges(state, before);
  const named = (keep: (s: SegmentSince) => boolean) => changes.filter(keep).map(({ id, name }) => ({ id, name }));
  const won = projects.filter((p) => inScope(p, state.gaps.zone.id, state.gaps.chain.id) && FILLING_STATUSES.includes(p.status) && (signedOn(p) ?? "") >= since);
  return {
    since,
    baselineDay: before?.day ?? null,
    completenessThen: before?.figures.completeness ?? null,
    completenessNow: state.figures.completeness,
    filledSegments: named((s) => s.change === "filled"),
    lostSegments: named((s) => s.coveredThen === true && !s.coveredNow),
    newlySigned: projectTotals(won),
    localFirmsThen: before?.figures.localFirms ?? null,
    localFirmsNow: state.figures.localFirms,
  };
}

/** One zone × chain now, its snapshots and the projects, as the comparisons read them. */
async function readChainHistory(store: GraphStore, zoneId: string, chainId: string) {
  const [gaps, { projects, entries }, snapshots] = await Promise.all([getChainGaps(store, zoneId, chainId), readProgress(store), listSnapshots(store, zoneId, chainId)]);
  return { state: { gaps, figures: snapshotFigures(gaps, projects, entries) }, projects, snapshots };
}

/** One zone × chain's trend and what changed since a day. */
export async function getChainHistory(store: GraphStore, zoneId: string, chainId: string, since: string, now = new Date()): Promise<ChainHistory> {
  const { state, projects, snapshots } = await readChainHistory(store, zoneId, chainId);
  return { zoneId, chainId, trend: completenessTrend(snapshots, state.figures, chinaDay(now)), since: sinceSummary(state, snapshots, projects, since) };
}

/** What changed since a day segment by segment, with the summary the cockpit and the report show. */
export async function getChainChanges(store: GraphStore, zoneId: string, chainId: string, since: string): Promise<ChainChanges> {
  const { state, projects, snapshots } = await readChainHistory(store, zoneId, chainId);
  const before = baselineOf(snapshots, since);
  const segments = segmentChanges(state, before);
  const counts = Object.fromEntries(SINCE_CHANGES.map((c) => [c, segments.filter((s) => s.change === c).length])) as Record<SinceChange, number>;
  return { zoneId, chainId, since: sinceSummary(state, snapshots, projects, since), segmentRecord: !!before?.figures.segmentStatuses, segments, counts };
}

/** The day a comparison starts from when none is asked for: 30 days ago. */
export function defaultSince(now: Date): string {
  return chinaDay(new Date(now.getTime() - 30 * 86_400_000));
}
