/** The header's user menu: who is logged in and as what, the admin screens, 退出登录. */
import { App, Button, Dropdown } from "antd";
import type { MenuProps } from "antd";
import { useNavigate } from "react-router";
import { useI18n } from "../../i18n/I18nProvider";
import { paths } from "../../model/paths";
import { useSession } from "../Session/SessionProvider";

export function UserMenu() {
  const { t } = useI18n();
  const { user, can, logOut } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!user) return null;

  const items: MenuProps["items"] = [
    {
      key: "who",
      disabled: true,
      label: <span data-testid="user-menu-role">{t("user.signedInAs", { name: user.username, role: t(`role.${user.role}`) })}</span>,
    },
    { type: "divider" },
    ...(can.admin
      ? [
          { key: "users", label: <span data-testid="menu-users">{t("nav.users")}</span>, onClick: () => navigate(paths.users()) },
          { key: "audit", label: <span data-testid="menu-audit">{t("nav.audit")}</span>, onClick: () => navigate(paths.audit()) },
          { key: "settings", label: <span data-testid="menu-settings">{t("nav.settings")}</span>, onClick: () => navigate(paths.settings()) },
          { type: "divider" as const },
        ]
      : []),
    {
      key: "logout",
      label: <span data-testid="logout">{t("user.logOut")}</span>,
      onClick: () => void logOut().catch((error: unknown) => message.error(t("action.failed", { reason: (error as Error).message }))),
    },
  ];

  return (
    <Dropdown menu={{ items }} trigger={["click"]} placement="bottomRight">
      <Button type="text" className="header-button user-button" data-testid="user-menu" aria-label={t("user.menu")}>
        <span className="user-name" data-testid="user-name">
          {user.username}
        </span>
        <span className="user-role">{t(`role.${user.role}`)}</span> ▾
      </Button>
    </Dropdown>
  );
}
