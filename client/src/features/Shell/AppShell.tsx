/** The frame around every desk screen: title, the screens' menu, search, the user, language. */
import { App, Button, Layout } from "antd";
import { Suspense } from "react";
import { Link, NavLink, Outlet, useMatch, useNavigate } from "react-router";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";
import { paths, ROUTES } from "../../model/paths";
import { PageLoading } from "../common/PageLoading";
import { SearchBox } from "../Search/SearchBox";
import type { SearchHit } from "../Search/SearchBox";
import { UserMenu } from "./UserMenu";

const MENU: { to: string; label: MessageKey; end?: boolean; testId: string }[] = [
  { to: paths.overview(), label: "nav.overview", end: true, testId: "nav-overview" },
  { to: paths.cockpit(), label: "nav.cockpit", testId: "nav-cockpit" },
  { to: paths.projects(), label: "nav.projects", testId: "nav-projects" },
  { to: paths.lists(), label: "nav.lists", testId: "nav-lists" },
  { to: paths.profiles(), label: "nav.profiles", testId: "nav-profiles" },
  { to: paths.imports(), label: "nav.imports", testId: "nav-imports" },
  { to: paths.review(), label: "nav.review", testId: "nav-review" },
];

export function AppShell() {
  const { t, locale, setLocale } = useI18n();
  const onMap = useMatch(ROUTES.map);
  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Link to={paths.overview()} className="app-title" data-testid="home-link">
          <span className="app-logo" aria-hidden="true" />
          <span className="app-title-text">{t("app.title")}</span>
        </Link>
        <nav className="app-menu" aria-label={t("nav.menu")}>
          {MENU.map((item) => (
            <NavLink key={item.to} to={item.to} end={item.end ?? false} className={({ isActive }) => (isActive ? "active" : undefined)} data-testid={item.testId}>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
        <span className="toolbar-spacer" />
        {/* The map has its own search, which centres on the hit; elsewhere search navigates. */}
        {!onMap && <GlobalSearch />}
        <UserMenu />
        <Button
          type="text"
          className="language-switch header-button"
          onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
          aria-label={t("app.languageLabel")}
          data-testid="language-switch"
        >
          {t("app.language")}
        </Button>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

function GlobalSearch() {
  const navigate = useNavigate();
  const zones = useApi(api.zones());
  const { t } = useI18n();
  const { message } = App.useApp();
  const firstZoneLeading = (chainId: string) =>
    zones.status === "ready" ? zones.data.find((z) => z.chains.some((c) => c.id === chainId))?.id : undefined;

  const pick = (hit: SearchHit) => {
    if (hit.kind === "firm") return navigate(paths.firm(hit.id));
    const chainId = hit.kind === "chain" ? hit.id : hit.chainId;
    const zoneId = firstZoneLeading(chainId);
    if (!zoneId) return void message.info(t("overview.notLeading"));
    navigate(hit.kind === "segment" ? paths.map(zoneId, chainId, { selected: hit.id, focus: [hit.id] }) : paths.map(zoneId, chainId));
  };
  return <SearchBox onPick={pick} className="header-search" />;
}
