/**
 * Reads the Chaoyang sample (seed/chaoyang/*.json), validates every file against its
 * schema and every cross-reference, and returns the flat records the store loads.
 * Problems are collected, not thrown one at a time, so a data author sees them all.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { z } from "zod";
import type { Chain, Feeds, Firm, GraphRecords, Leads, OperatesIn, BelongsTo, Segment, Zone, ZoneChain } from "../server/model/domain.js";
import { STAGES } from "../server/model/domain.js";
import { findRegion } from "../server/regions/divisions.js";
import { isGenericWord } from "../server/imports/generic-words.js";
import { coreName } from "./firm-names.js";
import { SampleFiles, type ChainEntry, type DocumentMentions } from "./sample-schema.js";

export const SAMPLE_DIR = fileURLToPath(new URL("./chaoyang/", import.meta.url));

export type SampleGraph = GraphRecords;

export class SampleDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`The sample data has ${problems.length} problem(s):\n- ${problems.join("\n- ")}`);
    this.name = "SampleDataError";
  }
}

type Files = { [K in keyof typeof SampleFiles]: z.infer<(typeof SampleFiles)[K]> };

function readFiles(dir: string, problems: string[]): Files | null {
  const files: Partial<Record<string, unknown>> = {};
  for (const [name, schema] of Object.entries(SampleFiles)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
    } catch (error) {
      problems.push(`${name}: cannot be read as JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) files[name] = parsed.data;
    else
      for (const issue of parsed.error.issues)
        problems.push(`${name} at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return problems.length ? null : (files as Files);
}

export function readSample(dir: string = SAMPLE_DIR): SampleGraph {
  const problems: string[] = [];
  const files = readFiles(dir, problems);
  if (!files) throw new SampleDataError(problems);

  const chains: Chain[] = [];
  const segments: Segment[] = [];
  const feeds: Feeds[] = [];
  checkChainEntries(files["chains.json"], problems);
  for (const { segments: entries, feeds: links, scope: _scope, ...chain } of files["chains.json"]) {
    chains.push(chain);
    for (const stage of STAGES) {
      entries
        .filter((s) => s.stage === stage)
        .forEach((s, position) =>
          segments.push({ ...s, chainId: chain.id, position, source: s.source ?? chain.source }),
        );
    }
    for (const [from, to] of links) feeds.push({ from, to, source: chain.source });
  }

  const zones: Zone[] = [];
  const zoneChains: ZoneChain[] = [];
  const leads: Leads[] = [];
  for (const { chains: chainIds, leaders, ...zone } of files["zones.json"]) {
    zones.push(zone);
    chainIds.forEach((chainId, i) => zoneChains.push({ zoneId: zone.id, chainId, rank: i + 1 }));
    for (const leader of leaders) leads.push({ ...leader, zoneId: zone.id });
  }

  const firms: Firm[] = [];
  const operatesIn: OperatesIn[] = [];
  const belongsTo: BelongsTo[] = [];
  const addFirms = (entries: Files["firms-local.json"], sample: boolean) => {
    for (const { segments: links, parent, ...firm } of entries) {
      firms.push({ ...firm, sample });
      if (parent) belongsTo.push({ from: firm.id, to: parent.firmId, kind: parent.kind, source: parent.source });
      for (const link of links) operatesIn.push({ ...link, firmId: firm.id, source: link.source ?? firm.source, evidence: "" });
    }
  };
  addFirms(files["firms-local.json"], false);
  addFirms(files["firms-pool.json"], true);

  const graph: SampleGraph = {
    regionGroups: files["region-groups.json"],
    chains,
    segments,
    feeds,
    zones,
    zoneChains,
    leads,
    firms,
    operatesIn,
    supplies: files["supplies.json"],
    belongsTo,
    projects: files["projects.json"],
  };
  checkReferences(graph, problems);
  checkMentions(dir, files["document-mentions.json"], graph, problems);
  if (problems.length) throw new SampleDataError(problems);
  return graph;
}

/** GB/T 4754-2017 小类 (4-digit classes) by code, with their 门类 letter; see seed/reference/README.md. */
let industryClasses: Map<string, { section: string; name: string }> | undefined;
export function industryClass(code: string): { section: string; name: string } | undefined {
  if (!industryClasses) {
    const csv = readFileSync(fileURLToPath(new URL("./reference/gbt4754-2017.csv", import.meta.url)), "utf8");
    industryClasses = new Map();
    for (const line of csv.trim().split("\n").slice(1)) {
      const [digits, level, section, name] = line.split(",");
      if (level === "class") industryClasses.set(digits!, { section: section!, name: name! });
    }
  }
  const digits = /^[A-T](\d{4})$/.exec(code)?.[1];
  return digits ? industryClasses.get(digits) : undefined;
}

/** What a chain's segments must be to hold up for an analyst and for the classifier. */
function checkChainEntries(chains: ChainEntry[], problems: string[]): void {
  for (const chain of chains)
    for (const segment of chain.segments) {
      const where = `chain ${chain.id} segment ${segment.id}`;
      if (segment.industryCodes.length === 0) problems.push(`${where}: has no GB/T 4754-2017 industry code`);
      for (const code of segment.industryCodes) {
        const known = industryClass(code);
        if (!known) problems.push(`${where}: industry code ${code} is not a GB/T 4754-2017 class (门类 letter + 4 digits, e.g. C3130)`);
        else if (known.section !== code[0]) problems.push(`${where}: industry code ${code} belongs to 门类 ${known.section} (${known.section}${code.slice(1)} ${known.name})`);
      }
      for (const keyword of segment.keywords) {
        if (isGenericWord(keyword)) problems.push(`${where}: keyword "${keyword}" is a generic word (server/imports/generic-words.ts); name what the segment makes, e.g. 钢材物流 rather than 物流`);
        else if ([...keyword.trim()].length < 2) problems.push(`${where}: keyword "${keyword}" is a single character, which matches inside unrelated words`);
      }
    }
}

/**
 * One record per real firm: two records with the same 统一社会信用代码, the same core name
 * (firm-names.ts) or a name or alias in common are the same firm, unless one is recorded
 * as the other's subsidiary or branch (a local unit may carry its group's name).
 */
function checkSameFirms(g: SampleGraph, report: (where: string, what: string) => void): void {
  const related = new Set(g.belongsTo.flatMap((p) => [`${p.from}|${p.to}`, `${p.to}|${p.from}`]));
  const seen = new Set<string>();
  const byKey = new Map<string, string[]>();
  const add = (key: string, id: string) => byKey.set(key, [...(byKey.get(key) ?? []), id]);
  for (const f of g.firms) {
    if (f.uscc) add(`统一社会信用代码 ${f.uscc}`, f.id);
    // A core of two characters is mostly the trade itself (唐山钢铁 and 凌源钢铁 both leave 钢铁).
    const core = coreName(f.name);
    if ([...core].length >= 3) add(`core name ${core}`, f.id);
    for (const alias of new Set([f.name, ...f.aliases])) add(`name or alias ${alias}`, f.id);
  }
  for (const [key, ids] of byKey) {
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i++)
      for (let j = i + 1; j < unique.length; j++) {
        const [a, b] = [unique[i]!, unique[j]!];
        if (related.has(`${a}|${b}`) || seen.has(`${a}|${b}`)) continue;
        seen.add(`${a}|${b}`);
        report(`firms ${a} and ${b}`, `share the ${key}: one firm recorded twice? Merge them, or record one as the other's subsidiary or branch (parent)`);
      }
  }
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => seen.has(id) || !seen.add(id));
}

function checkReferences(g: SampleGraph, problems: string[]): void {
  const chainIds = new Set(g.chains.map((c) => c.id));
  const segmentIds = new Set(g.segments.map((s) => s.id));
  const zoneIds = new Set(g.zones.map((z) => z.id));
  const firmIds = new Set(g.firms.map((f) => f.id));
  const report = (where: string, what: string) => problems.push(`${where}: ${what}`);

  for (const [kind, ids] of [
    ["chain", g.chains.map((c) => c.id)],
    ["segment", g.segments.map((s) => s.id)],
    ["zone", g.zones.map((z) => z.id)],
    ["firm", g.firms.map((f) => f.id)],
    ["project", g.projects.map((p) => p.id)],
    ["region group", g.regionGroups.map((r) => r.id)],
  ] as const)
    for (const id of duplicates(ids)) report(`${kind} ${id}`, "id used more than once");

  checkSameFirms(g, report);

  for (const f of g.feeds) {
    if (!segmentIds.has(f.from)) report(`FEEDS ${f.from} → ${f.to}`, `unknown segment ${f.from}`);
    if (!segmentIds.has(f.to)) report(`FEEDS ${f.from} → ${f.to}`, `unknown segment ${f.to}`);
  }
  for (const chain of g.chains) {
    const own = g.segments.filter((s) => s.chainId === chain.id);
    if (own.length < 12) report(`chain ${chain.id}`, `has ${own.length} segments; the sample promises at least 12`);
    for (const stage of STAGES)
      if (!own.some((s) => s.stage === stage)) report(`chain ${chain.id}`, `has no ${stage} segment`);
    const linked = new Set(g.feeds.flatMap((f) => [f.from, f.to]));
    for (const s of own) if (!linked.has(s.id)) report(`segment ${s.id}`, "is not connected by any FEEDS link");
  }
  for (const zc of g.zoneChains)
    if (!chainIds.has(zc.chainId)) report(`zone ${zc.zoneId}`, `unknown chain ${zc.chainId}`);
  for (const l of g.leads) {
    if (!firmIds.has(l.firmId)) report(`zone ${l.zoneId} leader`, `unknown firm ${l.firmId}`);
    if (!g.zoneChains.some((zc) => zc.zoneId === l.zoneId && zc.chainId === l.chainId))
      report(`zone ${l.zoneId} leader ${l.firmId}`, `chain ${l.chainId} is not one of the zone's leading chains`);
    const firm = g.firms.find((f) => f.id === l.firmId);
    if (firm && firm.zoneId !== l.zoneId) report(`zone ${l.zoneId} leader ${l.firmId}`, "the firm is not in this zone");
  }
  for (const z of g.zones) if (!findRegion(z.countyCode)) report(`zone ${z.id}`, `unknown region code ${z.countyCode}`);
  for (const f of g.firms) {
    if (!findRegion(f.regionCode)) report(`firm ${f.id}`, `unknown region code ${f.regionCode}`);
    if (f.zoneId && !zoneIds.has(f.zoneId)) report(`firm ${f.id}`, `unknown zone ${f.zoneId}`);
  }
  for (const link of g.operatesIn)
    if (!segmentIds.has(link.segmentId)) report(`firm ${link.firmId}`, `unknown segment ${link.segmentId}`);
  for (const s of g.supplies) {
    if (!firmIds.has(s.from)) report(`supply ${s.from} → ${s.to}`, `unknown firm ${s.from}`);
    if (!firmIds.has(s.to)) report(`supply ${s.from} → ${s.to}`, `unknown firm ${s.to}`);
  }
  const parentOf = new Map(g.belongsTo.map((p) => [p.from, p.to]));
  for (const p of g.belongsTo) {
    if (!firmIds.has(p.to)) report(`firm ${p.from}`, `its parent ${p.to} is not a firm of the sample`);
    const seen = new Set([p.from]);
    for (let up = parentOf.get(p.from); up; up = parentOf.get(up)) {
      if (seen.has(up)) {
        report(`firm ${p.from}`, `is its own parent through ${[...seen].join(" → ")}`);
        break;
      }
      seen.add(up);
    }
  }
  for (const p of g.projects) {
    if (!firmIds.has(p.firmId)) report(`project ${p.id}`, `unknown firm ${p.firmId}`);
    if (!zoneIds.has(p.zoneId)) report(`project ${p.id}`, `unknown zone ${p.zoneId}`);
    for (const s of p.segmentIds) if (!segmentIds.has(s)) report(`project ${p.id}`, `unknown segment ${s}`);
  }
  for (const rg of g.regionGroups) {
    for (const code of rg.regionCodes) if (!findRegion(code)) report(`region group ${rg.id}`, `unknown region code ${code}`);
    for (const c of rg.chainIds) if (!chainIds.has(c)) report(`region group ${rg.id}`, `unknown chain ${c}`);
  }
}

/**
 * Every name a document gives is in its text and resolves to a record in the right zone;
 * and every firm, project and leader the sample takes from a document is among that
 * document's mentions, so the list and the data cannot drift apart.
 */
function checkMentions(dir: string, mentions: DocumentMentions, g: SampleGraph, problems: string[]): void {
  const firms = new Map(g.firms.map((f) => [f.id, f]));
  const projects = new Map(g.projects.map((p) => [p.id, p]));
  const chainIds = new Set(g.chains.map((c) => c.id));
  for (const [file, m] of Object.entries(mentions)) {
    const report = (what: string) => problems.push(`document-mentions.json ${file}: ${what}`);
    let text: string;
    try {
      text = readFileSync(path.join(dir, "sources", file), "utf8");
    } catch {
      report(`no source text at sources/${file}`);
      continue;
    }
    for (const kind of ["firms", "projects", "chains", "leaders", "notInSample"] as const)
      for (const mention of m[kind]) if (!text.includes(mention.text)) report(`"${mention.text}" (${kind}) does not occur in the document`);
    for (const { text: name, firmId, zoneId } of m.firms) {
      const firm = firms.get(firmId);
      if (!firm) report(`firm "${name}" resolves to ${firmId}, which is not in the sample`);
      else if (firm.zoneId !== zoneId) report(`firm "${name}" (${firmId}) is in zone ${firm.zoneId ?? "none"}, the document puts it in ${zoneId ?? "none"}`);
    }
    for (const { text: name, projectId } of m.projects)
      if (!projects.has(projectId)) report(`project "${name}" resolves to ${projectId}, which is not in the sample`);
    for (const { text: name, chainId, zoneId } of m.chains) {
      if (!chainIds.has(chainId)) report(`chain "${name}" resolves to ${chainId}, which is not in the sample`);
      else if (zoneId && !g.zoneChains.some((zc) => zc.zoneId === zoneId && zc.chainId === chainId))
        report(`chain "${name}" (${chainId}) is not a leading chain of zone ${zoneId}`);
    }
    for (const { text: name, firmId, chainId, zoneId } of m.leaders)
      if (!g.leads.some((l) => l.firmId === firmId && l.chainId === chainId && l.zoneId === zoneId))
        report(`leader "${name}" (${firmId} of ${chainId} in ${zoneId}) is not a leader in the sample`);
  }
  const mentioned = (file: string, kind: "firms" | "projects" | "leaders", match: (m: { firmId?: string; projectId?: string; chainId?: string; zoneId?: string | null }) => boolean) =>
    (mentions[file]?.[kind] as { firmId?: string; projectId?: string; chainId?: string; zoneId?: string | null }[] | undefined)?.some(match) ?? false;
  const fromDocument = (source: string) => source in mentions;
  for (const f of g.firms)
    if (fromDocument(f.source) && !mentioned(f.source, "firms", (m) => m.firmId === f.id))
      problems.push(`firm ${f.id}: its source ${f.source} is not listed as naming it in document-mentions.json`);
  for (const p of g.projects)
    if (fromDocument(p.source) && !mentioned(p.source, "projects", (m) => m.projectId === p.id))
      problems.push(`project ${p.id}: its source ${p.source} is not listed as naming it in document-mentions.json`);
  for (const l of g.leads) {
    if (!fromDocument(l.source)) problems.push(`zone ${l.zoneId} leader ${l.firmId}: a leader needs a document that calls it one (source ${l.source})`);
    else if (!mentioned(l.source, "leaders", (m) => m.firmId === l.firmId && m.chainId === l.chainId && m.zoneId === l.zoneId))
      problems.push(`zone ${l.zoneId} leader ${l.firmId}: ${l.source} is not listed as calling it the ${l.chainId} leader in document-mentions.json`);
  }
}

/** Per source document: how many of the firms, projects, chains and leaders it names are in the sample. */
export function mentionCounts(dir: string = SAMPLE_DIR) {
  const mentions = SampleFiles["document-mentions.json"].parse(JSON.parse(readFileSync(path.join(dir, "document-mentions.json"), "utf8")));
  const distinct = (ids: string[]) => new Set(ids).size;
  return Object.fromEntries(
    Object.entries(mentions).map(([file, m]) => [
      file,
      {
        firms: distinct(m.firms.map((x) => x.firmId)),
        projects: distinct(m.projects.map((x) => x.projectId)),
        chains: distinct(m.chains.map((x) => `${x.zoneId}:${x.chainId}`)),
        leaders: distinct(m.leaders.map((x) => `${x.zoneId}:${x.chainId}:${x.firmId}`)),
        notInSample: m.notInSample.length,
      },
    ]),
  );
}

/** Counts a reader can compare with the promises in the README. */
export function summarize(g: SampleGraph) {
  return {
    zones: g.zones.length,
    chains: g.chains.length,
    segments: g.segments.length,
    feeds: g.feeds.length,
    localFirms: g.firms.filter((f) => !f.sample).length,
    poolFirms: g.firms.filter((f) => f.sample).length,
    operatesIn: g.operatesIn.length,
    supplies: g.supplies.length,
    parentLinks: g.belongsTo.length,
    projects: g.projects.length,
    regionGroups: g.regionGroups.length,
  };
}
