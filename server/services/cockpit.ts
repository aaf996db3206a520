/**
 * The cockpit (驾驶舱): the screen a leader opens first, for the city or one zone. Every
 * figure on it comes from the function other screens use: the chains' completeness and
 * gaps from the zone figures (chainFigures), projects from projectTotals, history from
 * the snapshots; the follow-up reminders and the funnel from the list entries.
 */
import type { GraphStore } from "../graph/store.js";
import { NotFound } from "../errors.js";
import { listAudit } from "../audit/audit-log.js";
import { ENTRY_STATUSES, type EntryStatus } from "../model/domain.js";
import { displayName } from "../model/format.js";
import type { Cockpit, FunnelStep, OwnerReminders, RegisterProject } from "../model/progress.js";
import { chinaDay } from "./editing/projects.js";
import { completenessTrend, currentStates, listSnapshots, readProgress, sinceSummary } from "./history.js";
import { inScope, projectStatusTotals, projectTotals, type PipelineEntry } from "./projects.js";
import { groupBy } from "./rows.js";
import { listZones } from "./zones.js";

/** Entries no one follows up any more. */
const CLOSED: readonly EntryStatus[] = ["已落地", "已放弃"];
/** Changes to records of the map and the pipeline; logins and accounts are not a leader's news. */
const NEWS_ENTITIES = new Set(["segment", "feeds", "firm", "firm-segment", "chain-leader", "flag", "list", "list-entry", "project", "review", "import", "setting"]);
const CHANGES_SHOWN = 8;

/** The last day of the week `today` is in (weeks run Monday to Sunday). */
export function weekEnd(today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  const daysToSunday = (7 - day.getUTCDay()) % 7;
  return new Date(day.getTime() + daysToSunday * 86_400_000).toISOString().slice(0, 10);
}

/** Entries per pipeline status, with the investment of the projects signed ones became. */
export function pipelineFunnel(entries: readonly PipelineEntry[], projects: readonly Pick<RegisterProject, "id" | "investment">[]): FunnelStep[] {
  const investmentOf = new Map(projects.map((p) => [p.id, p.investment]));
  return ENTRY_STATUSES.map((status) => {
    const here = entries.filter((e) => e.status === status).map((e) => ({ investment: e.projectId ? (investmentOf.get(e.projectId) ?? null) : null }));
    return { status, ...projectTotals(here) };
  });
}

/** Open entries whose next contact is past or falls this week, per owner; the owner with the most urgent first. */
export function followUps(entries: readonly PipelineEntry[], today: string): OwnerReminders[] {
  const end = weekEnd(today);
  const due = entries
    .filter((e) => !CLOSED.includes(e.status) && e.nextContactOn !== null && e.nextContactOn <= end)
    .sort((a, b) => a.nextContactOn!.localeCompare(b.nextContactOn!) || a.id.localeCompare(b.id));
  const byOwner = groupBy(due, (e) => e.ownerTeam.trim());
  return [...byOwner]
    .sort(([a, x], [b, y]) => x[0]!.nextContactOn!.localeCompare(y[0]!.nextContactOn!) || a.localeCompare(b, "zh-CN"))
    .map(([owner, group]) => ({
      owner,
      reminders: group.map((e) => ({
        entryId: e.id,
        listId: e.listId,
        listName: e.listName,
        zoneId: e.zoneId,
        firm: { id: e.firmId, name: displayName(e.firmName, e.firmAliases) },
        segmentName: e.segmentName,
        status: e.status,
        nextContactOn: e.nextContactOn!,
        overdue: e.nextContactOn! < today,
      })),
    }));
}

/** The first day a project is known in the register: made there, or its earliest status day. */
function firstDay(p: RegisterProject): string | null {
  const days = [p.createdAt ? chinaDay(new Date(p.createdAt)) : null, ...Object.values(p.dates)].filter((d): d is string => !!d);
  return days.length ? days.sort()[0]! : null;
}

export async function getCockpit(store: GraphStore, zoneId: string | null, since: string, now = new Date()): Promise<Cockpit> {
  const today = chinaDay(now);
  const zones = await listZones(store, zoneId);
  if (zoneId && zones.length === 0) throw new NotFound("zone", zoneId);
  const progress = await readProgress(store);
  const { projects, entries } = progress;
  const [states, snapshots, audit] = await Promise.all([currentStates(store, zoneId, progress), listSnapshots(store, zoneId, null), listAudit(store, { limit: 100 })]);
  const zoneName = new Map(zones.map((z) => [z.id, z.shortName]));
  const chains = zones.flatMap((zone) =>
    zone.chains.map((chain) => {
      const state = states.find((s) => s.gaps.zone.id === zone.id && s.gaps.chain.id === chain.id)!;
      const own = snapshots.filter((s) => s.zoneId === zone.id && s.chainId === chain.id);
      return {
        zone: { id: zone.id, name: zone.shortName },
        chain: { id: chain.id, name: chain.name },
        rank: chain.rank,
        figures: chain.figures,
        trend: completenessTrend(own, state.figures, today),
        since: sinceSummary(state, own, projects, since),
      };
    }),
  );
  const here = projects.filter((p) => inScope(p, zoneId, null)).map(({ history: _, ...p }) => p);
  const fresh = here.filter((p) => (firstDay(p) ?? "") >= since).sort((a, b) => (firstDay(b) ?? "").localeCompare(firstDay(a) ?? ""));
  const pipeline = entries.filter((e) => zoneId === null || e.zoneId === zoneId);
  return {
    zone: zoneId ? { id: zoneId, name: zoneName.get(zoneId) ?? zoneId } : null,
    since,
    today,
    chains,
    funnel: pipelineFunnel(pipeline, here),
    projects: { totals: projectTotals(here), byStatus: projectStatusTotals(here) },
    newProjects: { totals: projectTotals(fresh), items: fresh },
    reminders: followUps(pipeline, today),
    changes: audit.items
      .filter((a) => NEWS_ENTITIES.has(a.entity))
      .slice(0, CHANGES_SHOWN)
      .map((a) => ({ at: a.at, actor: a.actor, action: a.action, summary: a.summary })),
  };
}
