/**
 * Reads the Chaoyang sample (seed/chaoyang/*.json), validates every file against its
 * schema and every cross-reference, and returns the flat records the store loads.
 * Problems are collected, not thrown one at a time, so a data author sees them all.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import type { z } from "zod";
import type { Chain, Feeds, Firm, GraphRecords, Leads, OperatesIn, Segment, Zone, ZoneChain } from "../server/model/domain.js";
import { STAGES } from "../server/model/domain.js";
import { findRegion } from "../server/regions/divisions.js";
import { isGenericWord } from "../server/imports/generic-words.js";
import { SampleFiles, type ChainEntry } from "./sample-schema.js";

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
  const addFirms = (entries: Files["firms-local.json"], sample: boolean) => {
    for (const { segments: links, ...firm } of entries) {
      firms.push({ ...firm, sample });
      for (const link of links) operatesIn.push({ ...link, firmId: firm.id, source: firm.source, evidence: "" });
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
    projects: files["projects.json"],
  };
  checkReferences(graph, problems);
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

  const uscc = g.firms.flatMap((f) => (f.uscc ? [f.uscc] : []));
  for (const code of duplicates(uscc)) report(`统一社会信用代码 ${code}`, "given to more than one firm");

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
    projects: g.projects.length,
    regionGroups: g.regionGroups.length,
  };
}
