/** The audit log's words for kinds of record and actions, shared by every screen that shows the log. */
import { isMessageKey } from "../../i18n/I18nProvider";
import type { Translate } from "../../i18n/I18nProvider";

/** "firm" → 企业; a kind the interface does not know keeps its own name. */
export function entityLabel(t: Translate, entity: string): string {
  const key = `audit.entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

/** "firm.update" → 修改; an unknown verb keeps its own name. */
export function actionLabel(t: Translate, action: string): string {
  const verb = action.includes(".") ? action.slice(action.indexOf(".") + 1) : action;
  const key = `audit.verb.${verb}`;
  return isMessageKey(key) ? t(key) : verb;
}
