import { describe, expect, it } from "vitest";
import { zhCN, en } from "../../../client/src/i18n/messages";
import { sinceSentence } from "../../../client/src/model/since";
import type { SinceSummary } from "../../../server/model/progress";

const translate = (messages: Record<string, string>) => (key: string, params: Record<string, string | number> = {}) =>
  messages[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

const summary = (extra: Partial<SinceSummary> = {}): SinceSummary => ({
  since: "2026-10-01",
  baselineDay: "2026-09-30",
  completenessThen: 0.18,
  completenessNow: 0.29,
  filledSegments: [{ id: "a", name: "甲" }, { id: "b", name: "乙" }],
  lostSegments: [],
  newlySigned: { count: 3, investment: 42000, withInvestment: 3 },
  localFirmsThen: 3,
  localFirmsNow: 5,
  ...extra,
});

describe("what changed since a day, in words", () => {
  it("says the segments filled, the completeness then and now, and the projects signed with their investment", () => {
    expect(sinceSentence(summary(), translate(zhCN), "zh-CN")).toBe("自 2026-10-01 以来：补齐 2 个环节，完整度 18% → 29%，新签约 3 个项目，4.2 亿元");
    expect(sinceSentence(summary(), translate(en), "en")).toBe("Since 2026-10-01: 2 segments filled, completeness 18% → 29%, 3 projects signed, CNY 420 m");
  });

  it("leaves out what did not change, and says when nothing did", () => {
    const still = summary({ completenessThen: 0.29, filledSegments: [], newlySigned: { count: 0, investment: 0, withInvestment: 0 } });
    expect(sinceSentence(still, translate(zhCN), "zh-CN")).toBe("自 2026-10-01 以来：没有变化");
  });

  it("with no figures from before the day, says so rather than comparing with nothing", () => {
    const fresh = summary({ baselineDay: null, completenessThen: null, filledSegments: [], newlySigned: { count: 1, investment: 0, withInvestment: 0 } });
    expect(sinceSentence(fresh, translate(zhCN), "zh-CN")).toBe("自 2026-10-01 以来：完整度 29%（此前无记录），新签约 1 个项目");
  });

  it("when only some projects signed have an investment, then the sum says how many are unknown, as the cockpit and the register do", () => {
    const partly = summary({ newlySigned: { count: 3, investment: 42000, withInvestment: 1 } });
    expect(sinceSentence(partly, translate(zhCN), "zh-CN")).toBe("自 2026-10-01 以来：补齐 2 个环节，完整度 18% → 29%，新签约 3 个项目，4.2 亿元（2 个未知）");
    expect(sinceSentence(partly, translate(en), "en")).toBe("Since 2026-10-01: 2 segments filled, completeness 18% → 29%, 3 projects signed, CNY 420 m (2 unknown)");
  });
});
