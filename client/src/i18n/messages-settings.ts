/**
 * Interface text of the settings screen (the gap thresholds). Merged into messages.ts.
 */
export const settingsZhCN = {
  "nav.settings": "设置",

  "settings.title": "设置",
  "settings.subtitle": "全系统通用的设置，对所有开发区和产业链生效。",
  "settings.back": "返回",
  "settings.gapThresholds": "弱链阈值",
  "settings.gapThresholdsHelp": "已覆盖的环节（本地至少有 1 家企业）低于下面任一标准即为弱链。保存后，所有图谱、缺口诊断、总览和招商目标都按新标准判断。",
  "settings.minFirms": "最少本地企业数",
  "settings.minFirmsHelp": "已覆盖的环节，本地企业少于这个数即为弱链。",
  "settings.minFirmsRequired": "请填写最少本地企业数",
  "settings.minCapital": "最低注册资本合计",
  "settings.minCapitalHelp": "已覆盖的环节，本地企业注册资本合计低于这个数即为弱链（仅在每家企业的注册资本都已知时比较）。",
  "settings.minCapitalRequired": "请填写最低注册资本合计",
  "settings.firmsUnit": "家",
  "settings.save": "保存",
  "settings.reset": "撤销修改",
  "settings.saved": "已保存弱链阈值：本地企业少于 {minFirms} 家，或注册资本合计低于 {minCapital}，即为弱链",
  "settings.invalid": "有数值不符合要求，请按提示修改",
  "gap.editThresholds": "修改阈值",
} as const;

export type SettingsMessageKey = keyof typeof settingsZhCN;

export const settingsEn: Record<SettingsMessageKey, string> = {
  "nav.settings": "Settings",

  "settings.title": "Settings",
  "settings.subtitle": "Settings for the whole app, for every zone and chain.",
  "settings.back": "Back",
  "settings.gapThresholds": "Weak-link thresholds",
  "settings.gapThresholdsHelp": "A covered segment (at least one local firm) below either threshold is weak. Once saved, every map, gap diagnosis, the overview and the targets judge by the new values.",
  "settings.minFirms": "Fewest local firms",
  "settings.minFirmsHelp": "A covered segment with fewer local firms than this is weak.",
  "settings.minFirmsRequired": "Enter the fewest local firms",
  "settings.minCapital": "Least total registered capital",
  "settings.minCapitalHelp": "A covered segment whose local firms' registered capital adds up to less than this is weak (compared only when every firm's capital is known).",
  "settings.minCapitalRequired": "Enter the least total registered capital",
  "settings.firmsUnit": "firms",
  "settings.save": "Save",
  "settings.reset": "Undo changes",
  "settings.saved": "Saved: fewer than {minFirms} local firms, or less than {minCapital} registered capital in total, is weak",
  "settings.invalid": "Some values are not accepted; see the notes at the fields",
  "gap.editThresholds": "Change",
};
