/** Routes, language and theme. Every screen has its own URL (see model/paths.ts). */
import { App as AntApp, ConfigProvider, Result, Button } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { Suspense, lazy } from "react";
import { Route, Routes, useNavigate } from "react-router";
import { useI18n } from "./i18n/I18nProvider";
import { ROUTES, paths } from "./model/paths";
import { FONT_FAMILY } from "./model/palette";
import { FirmPage } from "./features/Firm/FirmPage";
import { OverviewPage } from "./features/Overview/OverviewPage";
import { AppShell } from "./features/Shell/AppShell";
import { PageLoading } from "./features/common/PageLoading";
import { LoginPage } from "./features/Session/LoginPage";
import { RequireRole, RequireSession } from "./features/Session/RequireSession";
import { SessionProvider } from "./features/Session/SessionProvider";

// Screens load when first opened: the landing page does not wait for Cytoscape or the
// work screens, and each later screen is a small download.
const ChainMapPage = lazy(() => import("./features/ChainMap/ChainMapPage").then((m) => ({ default: m.ChainMapPage })));
const PrintPage = lazy(() => import("./features/Print/PrintPage").then((m) => ({ default: m.PrintPage })));
const TargetsPage = lazy(() => import("./features/Targets/TargetsPage").then((m) => ({ default: m.TargetsPage })));
const SimulationPage = lazy(() => import("./features/Simulation/SimulationPage").then((m) => ({ default: m.SimulationPage })));
const ListsPage = lazy(() => import("./features/Lists/ListsPage").then((m) => ({ default: m.ListsPage })));
const ListPage = lazy(() => import("./features/Lists/ListPage").then((m) => ({ default: m.ListPage })));
const ProjectsPage = lazy(() => import("./features/Projects/ProjectsPage").then((m) => ({ default: m.ProjectsPage })));
const CockpitPage = lazy(() => import("./features/Cockpit/CockpitPage").then((m) => ({ default: m.CockpitPage })));
const ProfilesPage = lazy(() => import("./features/Profiles/ProfilesPage").then((m) => ({ default: m.ProfilesPage })));
const ReportPage = lazy(() => import("./features/Report/ReportPage").then((m) => ({ default: m.ReportPage })));
const ImportsPage = lazy(() => import("./features/Imports/ImportsPage").then((m) => ({ default: m.ImportsPage })));
const ImportJobPage = lazy(() => import("./features/Imports/ImportJobPage").then((m) => ({ default: m.ImportJobPage })));
const ReviewPage = lazy(() => import("./features/Review/ReviewPage").then((m) => ({ default: m.ReviewPage })));
const UsersPage = lazy(() => import("./features/Users/UsersPage").then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import("./features/Audit/AuditPage").then((m) => ({ default: m.AuditPage })));
const SettingsPage = lazy(() => import("./features/Settings/SettingsPage").then((m) => ({ default: m.SettingsPage })));

export function App() {
  const { locale } = useI18n();
  // Date pickers name months and weekdays in the interface language.
  dayjs.locale(locale === "en" ? "en" : "zh-cn");
  return (
    <ConfigProvider
      locale={locale === "en" ? enUS : zhCN}
      theme={{ token: { colorPrimary: "#1f4e8c", fontFamily: FONT_FAMILY, fontSize: 15, borderRadius: 6 } }}
      // "打印", not "打 印": antd spaces out two-character Chinese labels by default.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider>
          <Routes>
            <Route path={ROUTES.login} element={<LoginPage />} />
            <Route element={<RequireSession />}>
              <Route element={<AppShell />}>
                <Route path={ROUTES.overview} element={<OverviewPage />} />
                <Route path={ROUTES.map} element={<ChainMapPage />} />
                <Route path={ROUTES.firm} element={<FirmPage />} />
                <Route path={ROUTES.targets} element={<TargetsPage />} />
                <Route path={ROUTES.simulation} element={<SimulationPage />} />
                <Route path={ROUTES.lists} element={<ListsPage />} />
                <Route path={ROUTES.list} element={<ListPage />} />
                <Route path={ROUTES.projects} element={<ProjectsPage />} />
                <Route path={ROUTES.cockpit} element={<CockpitPage />} />
                <Route path={ROUTES.profiles} element={<ProfilesPage />} />
                <Route path={ROUTES.profile} element={<ProfilesPage />} />
                <Route path={ROUTES.imports} element={<ImportsPage />} />
                <Route path={ROUTES.importJob} element={<ImportJobPage />} />
                <Route path={ROUTES.review} element={<ReviewPage />} />
                <Route
                  path={ROUTES.users}
                  element={
                    <RequireRole role="admin">
                      <UsersPage />
                    </RequireRole>
                  }
                />
                <Route
                  path={ROUTES.audit}
                  element={
                    <RequireRole role="admin">
                      <AuditPage />
                    </RequireRole>
                  }
                />
                <Route
                  path={ROUTES.settings}
                  element={
                    <RequireRole role="admin">
                      <SettingsPage />
                    </RequireRole>
                  }
                />
                <Route path="*" element={<NotFound />} />
              </Route>
              {/* Outside the shell: the print view and the report are the page itself. */}
              <Route
                path={ROUTES.print}
                element={
                  <Suspense fallback={<PageLoading />}>
                    <PrintPage />
                  </Suspense>
                }
              />
              <Route
                path={ROUTES.report}
                element={
                  <Suspense fallback={<PageLoading />}>
                    <ReportPage />
                  </Suspense>
                }
              />
            </Route>
          </Routes>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      extra={
        <Button type="primary" onClick={() => navigate(paths.overview())}>
          {t("notFound.back")}
        </Button>
      }
    />
  );
}
