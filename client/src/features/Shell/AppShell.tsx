/** The frame around every desk screen: title, search, language switch. */
import { App, Button, Layout } from "antd";
import { Link, Outlet, useMatch, useNavigate } from "react-router";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { paths, ROUTES } from "../../model/paths";
import { SearchBox } from "../Search/SearchBox";
import type { SearchHit } from "../Search/SearchBox";

export function AppShell() {
  const { t, locale, setLocale } = useI18n();
  const onMap = useMatch(ROUTES.map);
  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Link to={paths.overview()} className="app-title" data-testid="home-link">
          <span className="app-logo" aria-hidden="true" />
          {t("app.title")}
        </Link>
        <span className="toolbar-spacer" />
        {/* The map has its own search, which centres on the hit; elsewhere search navigates. */}
        {!onMap && <GlobalSearch />}
        <Button
          type="text"
          className="language-switch"
          onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
          aria-label={t("app.languageLabel")}
          data-testid="language-switch"
        >
          {t("app.language")}
        </Button>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Outlet />
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
