/**
 * Words that say what kind of business a firm is in only in general: every second 经营范围
 * holds them (技术服务, 设备销售, 新材料科技), so on their own they place no firm in a chain
 * segment. A segment keyword must be more specific (工业机器人, not 智能; 钢材物流, not 物流);
 * the sample check refuses these as keywords, and the classifier does not take them as
 * evidence. Kept in one place so both read the same list.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  // what a firm does
  "生产", "制造", "加工", "深加工", "精加工", "销售", "批发", "零售", "贸易", "经营", "开发", "研发", "研究",
  "设计", "安装", "维修", "施工", "运营", "运维", "服务", "咨询", "管理", "投资", "租赁", "配送", "电商",
  "物流", "仓储", "回收", "再利用", "提纯", "提取", "分拣", "破碎", "粉碎", "烘干", "开采", "采选", "选矿",
  "浮选", "精炼", "养殖", "种植", "酿造", "包装", "检测", "应用", "集成", "推广",
  // what a firm makes, said in general
  "产品", "制品", "材料", "新材料", "原料", "辅料", "助剂", "废料", "配件", "零件", "部件", "零部件", "组件",
  "构件", "结构件", "器件", "元件", "设备", "装备", "器材", "用品", "机械", "仪器", "仪表", "工具", "系统",
  "工程", "技术", "科技", "软件", "硬件", "食品", "化工", "电子", "电器", "电气", "能源", "新能源", "环保",
  "节能", "低碳", "智能", "智慧", "数字", "信息", "网络", "控制", "自动化", "复合材料", "合金材料",
  "电池材料", "原矿", "精密件", "紧固件", "整机", "整车", "项目",
  // how a firm is named
  "工业", "产业", "实业", "发展", "集团", "有限公司", "股份", "公司", "企业", "科技园", "产业园",
  // phrases made only of the above
  "智能制造", "智能装备", "系统集成", "软件开发", "人工智能", "控制系统", "技术服务", "仓储物流", "循环经济",
  "资源化", "智能化设备", "智能控制", "智慧能源", "仪器仪表", "精密加工", "机加工", "售后服务", "配件销售",
]);

/** True when `word` (trimmed) is one of the generic words. */
export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word.trim());
}
