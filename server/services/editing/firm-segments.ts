/**
 * A firm's place in a segment (OPERATES_IN: products, capacity, confidence). The link has
 * a version like the records it joins. PUT without a version creates it and must find no
 * link there (409 with the current one when someone made it meanwhile); PUT with a
 * version changes it only if it is still at that version.
 */
import type { GraphStore } from "../../graph/store.js";
import { Conflict, NotFound } from "../../errors.js";
import { auditStep } from "../../audit/audit.js";
import { FirmSegmentLink, type FirmSegmentInput } from "../../model/api.js";
import { readFirm } from "../firms.js";
import { parseRows } from "../rows.js";
import { enteredBy, guardedWrite, sameRecord, stale } from "./guarded.js";
import { readSegment } from "./segments.js";

export async function readFirmSegment(store: GraphStore, firmId: string, segmentId: string): Promise<FirmSegmentLink | undefined> {
  return parseRows(FirmSegmentLink, await store.read("firms/get-segment-link", { firmId, segmentId }))[0];
}

async function ends(store: GraphStore, firmId: string, segmentId: string) {
  const [firm, segment] = await Promise.all([readFirm(store, firmId), readSegment(store, segmentId)]);
  if (!firm) throw new NotFound("firm", firmId);
  if (!segment) throw new NotFound("segment", segmentId);
  return { firm, segment };
}

/** Creates or changes the link; `created` tells which. */
export async function putFirmSegment(
  store: GraphStore,
  firmId: string,
  segmentId: string,
  input: FirmSegmentInput,
  actor: string,
): Promise<{ link: FirmSegmentLink; created: boolean }> {
  const { firm, segment } = await ends(store, firmId, segmentId);
  const current = await readFirmSegment(store, firmId, segmentId);
  const what = `「${firm.name}」在「${segment.name}」的环节关系`;
  const entityId = `${firmId}|${segmentId}`;
  const explain = async () => {
    await ends(store, firmId, segmentId);
    const now = await readFirmSegment(store, firmId, segmentId);
    if (!now) throw new NotFound("firm segment link", entityId);
    throw stale(what, now);
  };

  if (!current) {
    if (input.version !== undefined) throw new NotFound("firm segment link", entityId);
    const link: FirmSegmentLink = { firmId, segmentId, products: input.products, capacity: input.capacity, confidence: input.confidence, source: input.source ?? enteredBy(actor), evidence: input.evidence, version: 1 };
    await guardedWrite(
      store,
      [
        { query: "firms/create-segment-link", rows: [link], mustMatch: true },
        auditStep(actor, { action: "firm-segment.create", entity: "firm-segment", entityId, summary: `「${firm.name}」加入环节「${segment.name}」`, before: null, after: link }),
      ],
      async () => {
        await ends(store, firmId, segmentId);
        const now = await readFirmSegment(store, firmId, segmentId);
        if (now) throw new Conflict(`${what}刚被他人建立，请查看后再保存`, { current: now });
      },
    );
    return { link: (await readFirmSegment(store, firmId, segmentId))!, created: true };
  }

  if (input.version === undefined) throw new Conflict(`${what}已存在，请带上版本号（version）修改它`, { current });
  if (input.version !== current.version) throw stale(what, current);
  const next: FirmSegmentLink = { ...current, products: input.products, capacity: input.capacity, confidence: input.confidence, source: input.source ?? current.source, evidence: input.evidence, version: current.version + 1 };
  if (sameRecord({ ...next, version: current.version }, current)) return { link: current, created: false };
  await guardedWrite(
    store,
    [
      { query: "firms/update-segment-link", rows: [{ ...next, version: current.version }], mustMatch: true },
      auditStep(actor, { action: "firm-segment.update", entity: "firm-segment", entityId, summary: `修改${what}`, before: current, after: next }),
    ],
    explain,
  );
  return { link: (await readFirmSegment(store, firmId, segmentId))!, created: false };
}

export async function deleteFirmSegment(store: GraphStore, firmId: string, segmentId: string, version: number, actor: string): Promise<void> {
  const { firm, segment } = await ends(store, firmId, segmentId);
  const entityId = `${firmId}|${segmentId}`;
  const current = await readFirmSegment(store, firmId, segmentId);
  if (!current) throw new NotFound("firm segment link", entityId);
  const what = `「${firm.name}」在「${segment.name}」的环节关系`;
  if (current.version !== version) throw stale(what, current);
  await guardedWrite(
    store,
    [
      { query: "firms/delete-segment-link", rows: [{ firmId, segmentId, version }], mustMatch: true },
      auditStep(actor, { action: "firm-segment.delete", entity: "firm-segment", entityId, summary: `「${firm.name}」移出环节「${segment.name}」`, before: current, after: null }),
    ],
    async () => {
      const now = await readFirmSegment(store, firmId, segmentId);
      if (!now) throw new NotFound("firm segment link", entityId);
      throw stale(what, now);
    },
  );
}
