/**
 * Every action the audit log records, as `<record>.<verb>`: the one list the audit screen's
 * filter offers and the audit sheet labels (in Chinese). A new kind of write adds its action here.
 */
export const AUDIT_ACTIONS = [
  "segment.create",
  "segment.update",
  "segment.delete",
  "feeds.create",
  "feeds.delete",
  "firm.create",
  "firm.update",
  "firm.delete",
  "firm-segment.create",
  "firm-segment.update",
  "firm-segment.delete",
  "chain-leader.set",
  "chain-leader.unset",
  "flag.set",
  "flag.unset",
  "project.create",
  "project.update",
  "project.move",
  "list.create",
  "list.delete",
  "list-entry.add",
  "list-entry.move",
  "list-entry.update",
  "list-entry.delete",
  "profile.create",
  "profile.update",
  "profile.delete",
  "scenario.create",
  "scenario.delete",
  "setting.update",
  "review.accept",
  "review.reject",
  "import.commit",
  "user.create",
  "user.update",
  "session.login",
  "session.logout",
] as const;

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  segment: "环节",
  feeds: "供给关系",
  firm: "企业",
  "firm-segment": "企业环节归属",
  "chain-leader": "链主",
  flag: "卡点标记",
  project: "项目",
  list: "目标清单",
  "list-entry": "清单条目",
  profile: "权重方案",
  scenario: "补链模拟方案",
  setting: "系统设置",
  review: "审核",
  import: "数据导入",
  user: "用户",
  session: "登录",
};

export const AUDIT_VERB_LABELS: Record<string, string> = {
  create: "新增",
  update: "修改",
  delete: "删除",
  move: "移动",
  set: "设置",
  unset: "取消",
  accept: "确认",
  reject: "驳回",
  add: "加入",
  commit: "提交",
  login: "登录",
  logout: "退出登录",
};

/** "firm.update" → 企业 · 修改; a record or verb not listed keeps its own word. */
export function auditActionLabel(action: string, entity = action.split(".")[0] ?? action): string {
  const verb = action.includes(".") ? action.slice(action.indexOf(".") + 1) : action;
  return `${AUDIT_ENTITY_LABELS[entity] ?? entity} · ${AUDIT_VERB_LABELS[verb] ?? verb}`;
}
