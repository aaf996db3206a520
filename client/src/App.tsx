/** Routes, language and theme. Every screen has its own URL (see model/paths.ts). */
import { App as AntApp, ConfigProvider, Result, Button } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { Route, Routes, useNavigate } from "react-router";
import { useI18n } from "./i18n/I18nProvider";
import { ROUTES, paths } from "./model/paths";
import { FONT_FAMILY } from "./model/palette";
import { ChainMapPage } from "./features/ChainMap/ChainMapPage";
import { FirmPage } from "./features/Firm/FirmPage";
import { OverviewPage } from "./features/Overview/OverviewPage";
import { PrintPage } from "./features/Print/PrintPage";
import { AppShell } from "./features/Shell/AppShell";

export function App() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === "en" ? enUS : zhCN}
      theme={{ token: { colorPrimary: "#1f4e8c", fontFamily: FONT_FAMILY, fontSize: 15, borderRadius: 6 } }}
    >
      <AntApp>
        <Routes>
          <Route element={<AppShell />}>
            <Route path={ROUTES.overview} element={<OverviewPage />} />
            <Route path={ROUTES.map} element={<ChainMapPage />} />
            <Route path={ROUTES.firm} element={<FirmPage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
          {/* Outside the shell: the print view is the page itself. */}
          <Route path={ROUTES.print} element={<PrintPage />} />
        </Routes>
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
