/**
 * Editing firms. A firm's identity is its 统一社会信用代码 when known: the code must pass
 * the GB 32100-2015 check and no two firms may hold it (409 duplicate_uscc naming the
 * other firm, checked again inside the write). Each firm has a version; a stale change or
 * delete gets 409 with the firm as it is now. A firm that projects or list entries point
 * at is not deleted (409 firm_in_use); its own links (segments, zone, chains it leads,
 * supply ties) go with it and are kept in the audit entry.
 */
import { z } from "zod";
import { codeHolder, codeSteps } from "../../graph/firm-codes.js";
import type { GraphStore, WriteStep } from "../../graph/store.js";
import { AppError, NotFound, ValidationError } from "../../errors.js";
import { auditStep } from "../../audit/audit.js";
import { importedFirmId } from "../../imports/import-firms.js";
import { isValidUscc, standingOf } from "../../imports/values.js";
import { STANDING_LABELS, type Standing } from "../../model/standing.js";
import type { FirmChange, FirmDetail, NewFirm } from "../../model/api.js";
import { findRegion } from "../../regions/divisions.js";
import { getFirm, readFirm, type FirmRecord } from "../firms.js";
import { parseRows } from "../rows.js";
import { searchKeys } from "../search-keys.js";
import { findZone } from "../chain-facts.js";
import { capitalIn, givenCapital } from "../money.js";
import { getExchangeRates } from "../settings.js";
import { enteredBy, given, guardedWrite, sameRecord, stale } from "./guarded.js";

type Holder = { id: string; name: string };
const Usage = z.object({ projects: z.number().int(), entries: z.number().int() });

/** Another firm holding the code, looked up in the key table (docs/decisions/024). */
async function usccHolder(store: GraphStore, uscc: string | null, except: string | null): Promise<Holder | undefined> {
  if (!uscc) return undefined;
  const id = await codeHolder(store, uscc);
  if (id === undefined || id === except) return undefined;
  return { id, name: (await readFirm(store, id))?.name ?? id };
}

function duplicateUscc(uscc: string, holder: Holder): AppError {
  return new AppError("duplicate_uscc", 409, `统一社会信用代码 ${uscc} 已属于「${holder.name}」（${holder.id}）`, { field: "body.uscc", uscc, firm: holder });
}

/** What zod cannot see: the check character, and that the region and zone exist. */
async function checkFacts(store: GraphStore, firm: Pick<FirmRecord, "uscc" | "regionCode" | "zoneId">): Promise<void> {
  const problems: { field: string; message: string }[] = [];
  if (firm.uscc && !isValidUscc(firm.uscc)) problems.push({ field: "body.uscc", message: "统一社会信用代码校验位错误（GB 32100-2015），请核对" });
  if (!findRegion(firm.regionCode)) problems.push({ field: "body.regionCode", message: `没有代码为 ${firm.regionCode} 的行政区划` });
  if (firm.zoneId && !(await findZone(store, firm.zoneId))) problems.push({ field: "body.zoneId", message: `没有编号为 ${firm.zoneId} 的开发区` });
  if (problems.length) throw new ValidationError(`请求内容有误：${problems.map((p) => p.message).join("；")}`, problems);
}

/**
 * A capital figure carries its own source and year. One changed by hand without them is
 * the editor's, as of this year; one that goes away takes them along.
 */
export function withCapitalProvenance(before: Pick<FirmRecord, "capital" | "capitalSource" | "capitalAsOf">, next: FirmRecord, change: Partial<FirmChange>, actor: string, now: Date): FirmRecord {
  if (next.capital === null) return { ...next, capitalSource: null, capitalAsOf: null };
  if (next.capital === before.capital || change.capitalSource !== undefined) return next;
  return { ...next, capitalSource: enteredBy(actor), capitalAsOf: change.capitalAsOf ?? now.getFullYear() };
}

/**
 * The standing an edit gives the firm, learnt today; null when the edit leaves it as it was.
 * Text without a standing is read as an import reads it (吊销 is closed); a standing without
 * text is written under its own name.
 */
function standingChange(current: Pick<FirmRecord, "standing" | "standingText"> | null, standing: Standing | null | undefined, text: string | null | undefined, now: Date): Pick<FirmRecord, "standing" | "standingText" | "standingOn"> | null {
  if (standing === undefined && text === undefined) return null;
  const nextStanding = standing !== undefined ? standing : text ? standingOf(text) : null;
  if (text && standing === undefined && nextStanding === null)
    throw new ValidationError(`无法识别登记状态“${text}”`, [{ field: "body.standingText", message: "请选择存续、停业或注销，或写明如“存续”“吊销，未注销”" }]);
  const nextText = nextStanding === null ? null : text !== undefined && text !== null ? text : standing !== undefined && current?.standing === nextStanding && current.standingText ? current.standingText : STANDING_LABELS[nextStanding];
  if (current && current.standing === nextStanding && current.standingText === nextText) return null;
  return { standing: nextStanding, standingText: nextText, standingOn: nextStanding === null ? null : now.toISOString().slice(0, 10) };
}

const standingStep = (id: string, s: Pick<FirmRecord, "standing" | "standingText" | "standingOn">): WriteStep => ({ query: "firms/set-standing", rows: [{ id, ...s }], mustMatch: true });

const rowOf = (f: FirmRecord) => ({ ...f, attributes: JSON.stringify(f.attributes), searchText: searchKeys([f.name, ...f.aliases]) });

export async function createFirm(store: GraphStore, input: NewFirm, actor: string, now = new Date()): Promise<FirmDetail> {
  const { id: givenId, source, asOf, capital, capitalCurrency, standing, standingText, ...facts } = input;
  const money = capitalIn(capital, capitalCurrency, await getExchangeRates(store));
  const standingNow = standingChange(null, standing, standingText, now) ?? { standing: null, standingText: null, standingOn: null };
  const firm: FirmRecord = { id: givenId ?? importedFirmId(facts), ...facts, ...money, ...standingNow, source: source ?? enteredBy(actor), asOf: asOf ?? now.toISOString().slice(0, 10), version: 1 };
  await checkFacts(store, firm);
  const explain = async () => {
    const holder = await usccHolder(store, firm.uscc, null);
    if (holder) throw duplicateUscc(firm.uscc!, holder);
    const taken = await readFirm(store, firm.id);
    if (taken) throw new AppError("id_taken", 409, `编号 ${firm.id} 已被「${taken.name}」使用${givenId ? "" : "（同名同地区的企业已存在）"}`, { field: "body.id", firm: { id: taken.id, name: taken.name } });
  };
  await explain();
  await guardedWrite(
    store,
    [
      ...codeSteps(firm.id, null, firm.uscc),
      { query: "firms/create-firm", rows: [rowOf(firm)], mustMatch: true },
      ...(firm.zoneId ? [{ query: "firms/set-zone", rows: [{ id: firm.id, zoneId: firm.zoneId }] }] : []),
      ...(firm.standing ? [standingStep(firm.id, firm)] : []),
      auditStep(actor, { action: "firm.create", entity: "firm", entityId: firm.id, summary: `新增企业「${firm.name}」`, before: null, after: firm }),
    ],
    explain,
  );
  return getFirm(store, firm.id);
}

export async function updateFirm(store: GraphStore, id: string, change: FirmChange, actor: string, now = new Date()): Promise<FirmDetail> {
  const current = await readFirm(store, id);
  if (!current) throw new NotFound("firm", id);
  if (current.version !== change.version) throw stale(`企业「${current.name}」`, await getFirm(store, id));
  const { version: _, capital, capitalCurrency, standing, standingText, ...fields } = given(change);
  const standingNow = standingChange(current, standing, standingText, now);
  // The capital as given: a new amount, a new currency, or both; the rest as the firm had it.
  const was = givenCapital(current);
  const money = capital === undefined && capitalCurrency === undefined ? {} : capitalIn(capital === undefined ? was.amount : capital, capitalCurrency ?? was.currency, await getExchangeRates(store));
  const next = withCapitalProvenance(current, { ...current, ...fields, ...money, ...standingNow, version: current.version + 1 }, fields, actor, now);
  if (sameRecord({ ...next, version: current.version }, current)) return getFirm(store, id);
  await checkFacts(store, next);
  // A firm keeping its code cannot clash: only a new code is checked, here and inside the write.
  const keepsCode = next.uscc === current.uscc;
  const holder = keepsCode ? undefined : await usccHolder(store, next.uscc, id);
  if (holder) throw duplicateUscc(next.uscc!, holder);

  const steps: WriteStep[] = [...codeSteps(id, current.uscc, next.uscc), { query: "firms/update-firm", rows: [{ ...rowOf(next), version: current.version }], mustMatch: true }];
  // Set apart from the firm's other facts, as an import sets it: the version moves on once more.
  if (standingNow) steps.push(standingStep(id, standingNow));
  if (next.zoneId !== current.zoneId) {
    steps.push({ query: "firms/unset-zone", rows: [{ id }] });
    if (next.zoneId) steps.push({ query: "firms/set-zone", rows: [{ id, zoneId: next.zoneId }] });
  }
  steps.push(auditStep(actor, { action: "firm.update", entity: "firm", entityId: id, summary: `修改企业「${next.name}」`, before: current, after: next }));
  await guardedWrite(store, steps, async () => {
    const now = await readFirm(store, id);
    if (!now) throw new NotFound("firm", id);
    if (now.version !== current.version) throw stale(`企业「${now.name}」`, await getFirm(store, id));
    const clash = keepsCode ? undefined : await usccHolder(store, next.uscc, id);
    if (clash) throw duplicateUscc(next.uscc!, clash);
  });
  return getFirm(store, id);
}

async function inUse(store: GraphStore, firm: FirmRecord): Promise<AppError | null> {
  const [usage] = parseRows(Usage, await store.read("firms/firm-usage", { id: firm.id }));
  if (!usage || usage.projects + usage.entries === 0) return null;
  const parts = [usage.projects && `${usage.projects} 个项目`, usage.entries && `${usage.entries} 条招商清单记录`].filter(Boolean);
  return new AppError("firm_in_use", 409, `企业「${firm.name}」仍有${parts.join("、")}：请先处理它们再删除`, { firmId: firm.id, ...usage });
}

export async function deleteFirm(store: GraphStore, id: string, version: number, actor: string): Promise<void> {
  const current = await readFirm(store, id);
  if (!current) throw new NotFound("firm", id);
  const detail = await getFirm(store, id);
  if (current.version !== version) throw stale(`企业「${current.name}」`, detail);
  const refusal = await inUse(store, current);
  if (refusal) throw refusal;
  await guardedWrite(
    store,
    [
      { query: "firms/delete-firm", rows: [{ id, version }], mustMatch: true },
      ...codeSteps(id, current.uscc, null),
      auditStep(actor, { action: "firm.delete", entity: "firm", entityId: id, summary: `删除企业「${current.name}」`, before: detail, after: null }),
    ],
    async () => {
      const now = await readFirm(store, id);
      if (!now) throw new NotFound("firm", id);
      if (now.version !== version) throw stale(`企业「${now.name}」`, await getFirm(store, id));
      const refusal = await inUse(store, now);
      if (refusal) throw refusal;
    },
  );
}
