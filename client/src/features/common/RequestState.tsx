/** Loading, error-with-retry and ready states for one request, the same on every screen. */
import { Button, Result, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { paths } from "../../model/paths";
import type { ApiState } from "../../api/useApi";
import type { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/messages";

interface Props<T> {
  state: ApiState<T>;
  /** Shown while loading; a generic skeleton by default. */
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}

export function RequestState<T>({ state, skeleton, children }: Props<T>) {
  if (state.status === "ready") return <>{children(state.data)}</>;
  if (state.status === "error") return <RequestError error={state.error} onRetry={state.retry} />;
  return (
    <div aria-busy="true" data-testid="loading">
      {skeleton ?? <Skeleton active paragraph={{ rows: 6 }} />}
    </div>
  );
}

const ERROR_TEXT: Record<ApiError["kind"], MessageKey> = {
  network: "request.network",
  "not-found": "request.notFound",
  "bad-response": "request.badResponse",
  server: "request.server",
  client: "request.server",
};

export function RequestError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status={error.kind === "not-found" ? "404" : "warning"}
      title={t("request.failed")}
      subTitle={
        <>
          {error.status === 403 ? t("request.forbidden") : t(ERROR_TEXT[error.kind])}
          {error.kind === "client" && <div className="error-detail">{error.message}</div>}
        </>
      }
      extra={[
        <Button key="retry" type="primary" onClick={onRetry} data-testid="retry">
          {t("request.retry")}
        </Button>,
        error.kind === "not-found" && (
          <Button key="home" onClick={() => navigate(paths.overview())}>
            {t("notFound.back")}
          </Button>
        ),
      ]}
      data-testid="request-error"
    />
  );
}
