/** What each export holds: the ranking, a target list, and the gap summary beside them. */
import type { ChainFigures, ChainGaps, LandingEffect, ListEntry, TargetResult } from "../model/api.js";
import { CURRENCY_NAMES, SCORE_COMPONENTS, SCORE_COMPONENT_LABELS, STAGE_LABELS } from "../model/domain.js";
import type { GapKind, SegmentStatus } from "../model/domain.js";
import type { Column, Table } from "./tables.js";
import { WAN } from "./tables.js";

export const STATUS_LABELS: Record<SegmentStatus, string> = { strong: "强链", weak: "弱链", missing: "缺链", bottleneck: "卡点" };
const KIND_LABELS: Record<GapKind, string> = { missing: "无本地企业", weak: "本地偏弱", bottleneck: "卡点", "leader-dependency": "链主外采" };
/** Unknown is not zero: a cell with no figure says so. */
export const UNKNOWN = "未知";

/** A bottleneck without local firms is missing as well, and the sheet says so as the map shows it. */
export function statusLabel(status: SegmentStatus, localFirmCount: number): string {
  return status === "bottleneck" && localFirmCount === 0 ? "卡点·缺链" : STATUS_LABELS[status];
}

const bestSegment = (t: TargetResult) => [...t.segments].sort((a, b) => b.confidence - a.confidence)[0]!;

/** Sources as people read them (documents by title, 公开资料); as stored when not given. */
type SourceLabel = (source: string) => string;
const asStored: SourceLabel = (source) => source;

/** A ranked candidate, with its 补链效果 when the ranking was asked for as the targets page shows it. */
type RankedRow = TargetResult & { effect?: LandingEffect };

/** 补链效果 as the targets page shows it: the gaps a candidate alone would close, and the completeness it leaves. */
function effectColumns(completenessBefore: number): Column<RankedRow>[] {
  const percent = (x: number) => `${Math.round(x * 100)}%`;
  return [
    { header: "补链效果(补上缺口数)", width: 12, value: (t) => t.effect?.closedGaps.length ?? null },
    { header: "补上的缺口", width: 40, value: (t) => t.effect?.closedGaps.map((g) => `${g.name}·${KIND_LABELS[g.kind]}`).join("、") ?? null },
    { header: "落地后完整度", width: 14, value: (t) => (t.effect ? `${percent(completenessBefore)} → ${percent(t.effect.completenessAfter)}` : null) },
  ];
}

/**
 * The ranking, one row per candidate in the order given. With `effects` (the ranking as the
 * targets page shows it) each row also carries its 补链效果, after its score.
 */
export function rankingTable(results: RankedRow[], source: SourceLabel = asStored, effects?: { completenessBefore: number }): Table<RankedRow> {
  const columns: Column<RankedRow>[] = [
    { header: "排名", width: 6, value: (t) => t.rank },
    { header: "企业名称", width: 32, value: (t) => t.firm.name },
    { header: "统一社会信用代码", width: 22, value: (t) => t.firm.uscc },
    { header: "所在地区", width: 22, value: (t) => t.region },
    { header: "距离(公里)", width: 10, value: (t) => t.distanceKm },
    { header: "注册资本(万元)", width: 14, numFmt: WAN, value: (t) => t.firm.capital ?? UNKNOWN },
    { header: "注册资本(原币)", width: 16, value: (t) => (t.firm.capitalCurrency ? `${t.firm.capitalAmount}万${CURRENCY_NAMES[t.firm.capitalCurrency]}` : null) },
    { header: "资质标签", width: 22, value: (t) => t.firm.tags.join("、") },
    { header: "匹配环节", width: 18, value: (t) => t.segments.map((s) => s.name).join("、") },
    { header: "环节状态", width: 10, value: (t) => STATUS_LABELS[bestSegment(t).status] },
    { header: "总分", width: 8, numFmt: "0.0", value: (t) => t.total },
    // A component left out for want of data says so; it is not a 0.
    ...SCORE_COMPONENTS.map((c) => ({ header: `${SCORE_COMPONENT_LABELS[c]}(分)`, width: 10, numFmt: "0.0", value: (t: TargetResult) => t.contributions[c] ?? "不计" })),
    ...(effects ? effectColumns(effects.completenessBefore) : []),
    { header: "数据不全", width: 40, value: (t) => t.dataNote },
    { header: "为何推荐", width: 60, value: (t) => t.reason },
    { header: "经分支机构", width: 30, value: (t) => t.via.map((b) => `${b.name}（${b.region}）`).join("、") },
    { header: "能否决策", width: 10, value: (t) => (t.decisionMaker ? "是" : "否（分支机构，总部不明）") },
    { header: "数据来源", width: 30, value: (t) => source(t.firm.source) },
    { header: "匹配置信度", width: 10, numFmt: "0.00", value: (t) => bestSegment(t).confidence },
    { header: "数据日期", width: 12, value: (t) => t.firm.asOf },
    { header: "示例数据", width: 8, value: (t) => (t.firm.sample ? "是" : "否") },
  ];
  return { sheet: "目标企业清单", columns, rows: results };
}

export function listTable(entries: ListEntry[], source: SourceLabel = asStored): Table<ListEntry> {
  const columns: Column<ListEntry>[] = [
    { header: "企业名称", width: 32, value: (e) => e.firm.name },
    { header: "所在地区", width: 22, value: (e) => e.region },
    { header: "注册资本(万元)", width: 14, numFmt: WAN, value: (e) => e.firm.capital ?? UNKNOWN },
    { header: "资质标签", width: 22, value: (e) => e.firm.tags.join("、") },
    { header: "目标环节", width: 16, value: (e) => e.segmentName },
    { header: "进展", width: 10, value: (e) => e.status },
    { header: "负责小组", width: 14, value: (e) => e.ownerTeam },
    { header: "下次联系", width: 12, value: (e) => e.nextContactOn },
    { header: "推荐得分(加入时)", width: 12, numFmt: "0.0", value: (e) => e.score },
    { header: "为何推荐", width: 60, value: (e) => e.reason },
    { header: "备注", width: 40, value: (e) => e.notes },
    { header: "最近变更", width: 30, value: (e) => { const last = e.history.at(-1); return last ? `${last.at.slice(0, 10)} ${last.by}：${last.from ?? "—"}→${last.to}` : null; } },
    { header: "数据来源", width: 30, value: (e) => source(e.firm.source) },
    { header: "数据日期", width: 12, value: (e) => e.firm.asOf },
  ];
  return { sheet: "招商清单", columns, rows: entries };
}

type GapRow = ChainGaps["segments"][number];

/** Every segment of the chain, once, with its status: counted by 状态 they give the segments by status. */
export function gapTable(gaps: ChainGaps): Table<GapRow> {
  const columns: Column<GapRow>[] = [
    { header: "环节", width: 18, value: (s) => s.name },
    { header: "阶段", width: 8, value: (s) => STAGE_LABELS[s.stage] },
    { header: "状态", width: 10, value: (s) => statusLabel(s.status, s.localFirmCount) },
    { header: "缺口类型", width: 18, value: (s) => [...new Set(s.gaps.map((g) => KIND_LABELS[g.kind]))].join("、") },
    { header: "本地企业数", width: 10, value: (s) => s.localFirmCount },
    { header: "本地企业", width: 30, value: (s) => s.localFirms.map((f) => `${f.leaderId ? "★" : ""}${f.name}`).join("、") },
    // Only the known capital is summed; with none known the sum is unknown, not 0.
    { header: "本地注册资本(万元)", width: 16, numFmt: WAN, value: (s) => (s.localFirmCount > 0 && s.unknownCapitalCount === s.localFirmCount ? UNKNOWN : s.localCapital) },
    { header: "注册资本未知(家)", width: 14, value: (s) => s.unknownCapitalCount },
    { header: "在建补链项目", width: 24, value: (s) => s.filling.map((p) => `${p.name}(${p.status})`).join("、") },
    { header: "本地覆盖", width: 50, value: (s) => s.coverage },
    { header: "原因", width: 80, value: (s) => s.gaps.map((g) => g.reason).join(" ") },
  ];
  return { sheet: "缺口汇总", columns, rows: gaps.segments };
}

type FigureRow = { figure: string; item: string; value: number | string };

/** The chain's figures, each named with the figure it belongs to, as the screens show them. */
export function figuresTable(figures: ChainFigures): Table<FigureRow> {
  const byStatus = "环节状态（每个环节计一次）";
  const byKind = "缺口类型（一个环节可有多项，不相加）";
  const rows: FigureRow[] = [
    { figure: "完整度", item: "有本地企业的环节 / 全部环节", value: `${figures.covered}/${figures.segments}（${Math.round(figures.completeness * 100)}%）` },
    ...(["strong", "weak", "missing", "bottleneck"] as const).map((s) => ({ figure: byStatus, item: STATUS_LABELS[s], value: figures.byStatus[s] })),
    { figure: byStatus, item: "合计（全部环节）", value: figures.segments },
    { figure: byStatus, item: "缺口环节（弱链+缺链+卡点）", value: figures.gapSegments },
    { figure: byStatus, item: "卡点中无本地企业（卡点·缺链）", value: figures.bottleneckWithoutFirms },
    { figure: byStatus, item: "缺口环节中补链中", value: figures.filling },
    { figure: byStatus, item: "强链中链主自有", value: figures.leaderOwn },
    { figure: byKind, item: KIND_LABELS.missing, value: figures.byKind.missing },
    { figure: byKind, item: KIND_LABELS.weak, value: figures.byKind.weak },
    { figure: byKind, item: KIND_LABELS.bottleneck, value: figures.byKind.bottleneck },
    { figure: byKind, item: KIND_LABELS["leader-dependency"], value: figures.byKind.leaderDependency },
  ];
  const columns: Column<FigureRow>[] = [
    { header: "口径", width: 36, value: (r) => r.figure },
    { header: "项目", width: 32, value: (r) => r.item },
    { header: "数量", width: 16, value: (r) => r.value },
  ];
  return { sheet: "缺口统计", columns, rows };
}
