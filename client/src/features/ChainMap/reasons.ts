import type { Translate } from "../../i18n/I18nProvider";
import type { StatusReason } from "../../model/status";

export function reasonText(t: Translate, reason: StatusReason, locale: string): string {
  switch (reason.code) {
    case "feedsLeader":
      return t("reason.feedsLeader", { names: reason.leaderSegmentNames.join(locale === "en" ? ", " : "、") });
    case "severalLocalFirms":
      return t("reason.severalLocalFirms", { count: reason.count });
    default:
      return t(`reason.${reason.code}`);
  }
}
