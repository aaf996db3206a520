/**
 * 链主: the firm that anchors a chain in a zone (LEADS, with the zone on the link). Set or
 * unset, nothing to edit in between. A chain leader is a local firm of the zone, and the
 * chain one of the zone's leading chains.
 */
import { z } from "zod";
import type { GraphStore } from "../../graph/store.js";
import { lockStep, PreconditionFailed } from "../../graph/store.js";
import { Conflict, NotFound, ValidationError } from "../../errors.js";
import { auditStep } from "../../audit/audit.js";
import { ChainLeader } from "../../model/api.js";
import { getZoneRecord } from "../chain-facts.js";
import { listChains } from "../chains.js";
import { readFirm } from "../firms.js";
import { parseRows } from "../rows.js";
import { enteredBy, guardedWrite } from "./guarded.js";

const ZoneChainRow = z.object({ chainId: z.string() });

async function readLeader(store: GraphStore, zoneId: string, chainId: string, firmId: string): Promise<ChainLeader | undefined> {
  return parseRows(ChainLeader, await store.read("firms/get-lead", { zoneId, chainId, firmId }))[0];
}

async function parties(store: GraphStore, zoneId: string, chainId: string, firmId: string) {
  const [zone, [chain], firm] = await Promise.all([getZoneRecord(store, zoneId), listChains(store, chainId), readFirm(store, firmId)]);
  if (!chain) throw new NotFound("chain", chainId);
  if (!firm) throw new NotFound("firm", firmId);
  return { zone, chain, firm };
}

export async function setLeader(store: GraphStore, zoneId: string, chainId: string, firmId: string, actor: string): Promise<{ leader: ChainLeader; created: boolean }> {
  const { zone, chain, firm } = await parties(store, zoneId, chainId, firmId);
  const existing = await readLeader(store, zoneId, chainId, firmId);
  if (existing) return { leader: existing, created: false };

  const zoneChains = parseRows(ZoneChainRow, await store.read("zones/list-zone-chains", { zoneId }));
  const problems: { field: string; message: string }[] = [];
  if (!zoneChains.some((c) => c.chainId === chainId)) problems.push({ field: "params.chainId", message: `「${chain.name}」不是${zone.shortName}的主导产业链` });
  if (firm.zoneId !== zoneId) problems.push({ field: "params.firmId", message: `链主须为${zone.shortName}的本地企业，「${firm.name}」不在该区` });
  if (problems.length) throw new ValidationError(problems.map((p) => p.message).join("；"), problems);

  const leader: ChainLeader = { firmId, chainId, zoneId, source: enteredBy(actor) };
  try {
    await store.write([
      lockStep(`leaders:${zoneId}`),
      { query: "firms/create-leads", rows: [leader], mustMatch: true },
      auditStep(actor, { action: "chain-leader.set", entity: "chain-leader", entityId: `${zoneId}|${chainId}|${firmId}`, summary: `${zone.shortName}${chain.name}：设「${firm.name}」为链主`, before: null, after: leader }),
    ]);
  } catch (error) {
    if (!(error instanceof PreconditionFailed)) throw error;
    await parties(store, zoneId, chainId, firmId);
    // Set by someone else meanwhile: the answer a repeat gets.
    const setMeanwhile = await readLeader(store, zoneId, chainId, firmId);
    if (!setMeanwhile) throw new Conflict("链主刚被他人修改，请刷新后再试");
    return { leader: setMeanwhile, created: false };
  }
  return { leader: (await readLeader(store, zoneId, chainId, firmId))!, created: true };
}

export async function unsetLeader(store: GraphStore, zoneId: string, chainId: string, firmId: string, actor: string): Promise<void> {
  const { zone, chain, firm } = await parties(store, zoneId, chainId, firmId);
  const entityId = `${zoneId}|${chainId}|${firmId}`;
  const existing = await readLeader(store, zoneId, chainId, firmId);
  if (!existing) throw new NotFound("chain leader", entityId);
  await guardedWrite(
    store,
    [
      lockStep(`leaders:${zoneId}`),
      { query: "firms/unlink-leads", rows: [{ zoneId, chainId, firmId }], mustMatch: true },
      auditStep(actor, { action: "chain-leader.unset", entity: "chain-leader", entityId, summary: `${zone.shortName}${chain.name}：取消「${firm.name}」的链主`, before: existing, after: null }),
    ],
    async () => {
      throw new NotFound("chain leader", entityId);
    },
  );
}
