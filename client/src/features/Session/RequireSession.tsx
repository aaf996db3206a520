/**
 * The gate in front of every screen but the login page: while the session is checked a
 * loading state, without one the login page (remembering where the person was going).
 */
import { Result } from "antd";
import type { ReactNode } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { useI18n } from "../../i18n/I18nProvider";
import { currentLocation, loginPath } from "../../model/loginRedirect";
import { allows } from "../../model/roles";
import type { Role } from "../../model/roles";
import { ButtonLink } from "../common/ButtonLink";
import { PageLoading } from "../common/PageLoading";
import { RequestError } from "../common/RequestState";
import { useSession } from "./SessionProvider";

export function RequireSession({ children }: { children?: ReactNode }) {
  const { state, recheck } = useSession();
  const location = useLocation();
  if (state.status === "loading") return <PageLoading />;
  if (state.status === "error") return <RequestError error={state.error} onRetry={recheck} />;
  if (state.status === "anonymous") return <Navigate to={loginPath(currentLocation(location))} replace />;
  return <>{children ?? <Outlet />}</>;
}

/** A screen for `role` and above; others are told they lack the permission. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { user } = useSession();
  if (allows(user?.role, role)) return <>{children}</>;
  return <Forbidden role={role} />;
}

export function Forbidden({ role }: { role: Role }) {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t("auth.forbiddenTitle")}
      subTitle={t("auth.forbidden", { role: t(`role.${role}`) })}
      extra={
        <ButtonLink type="primary" to="/">
          {t("notFound.back")}
        </ButtonLink>
      }
      data-testid="forbidden"
    />
  );
}
