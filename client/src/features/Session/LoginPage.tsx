/**
 * 登录: name and password, then back to the screen the person wanted (`next`). A wrong
 * password and too many attempts are said in words; the form keeps the name.
 */
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import { safeNext } from "../../model/loginRedirect";
import { useSession } from "./SessionProvider";

interface Values {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { state, logIn } = useSession();
  const [search] = useSearchParams();
  const next = search.get("next");
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Already logged in (a bookmark, the back button): straight on.
  if (state.status === "ready") return <Navigate to={safeNext(next)} replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      await logIn(values.username, values.password, next);
    } catch (error) {
      form.setFieldValue("password", "");
      setProblem(loginProblem(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <Card className="login-card">
        <div className="login-head">
          <span className="app-logo" aria-hidden="true" />
          <Typography.Title level={2} className="login-title">
            {t("app.title")}
          </Typography.Title>
        </div>
        <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>
        {problem && <Alert type="error" showIcon title={problem} className="login-problem" data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item name="username" label={t("login.username")} rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}>
            <Input autoFocus autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={64} data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")} rules={[{ required: true, message: t("login.passwordRequired") }]}>
            <Input.Password autoComplete="current-password" maxLength={200} data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
            {t("login.submit")}
          </Button>
        </Form>
        <div className="login-foot">
          <Typography.Text type="secondary">{t("login.help")}</Typography.Text>
          <Button type="link" size="small" onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")} data-testid="language-switch">
            {t("app.language")}
          </Button>
        </div>
      </Card>
    </div>
  );
}

/** The reason a login failed, in the interface language. */
function loginProblem(error: unknown, t: ReturnType<typeof useI18n>["t"]): string {
  if (!(error instanceof ApiError)) return t("request.network");
  if (error.code === "invalid_credentials") return t("login.invalid");
  if (error.code === "too_many_attempts") {
    const seconds = retryAfterSeconds(error.details);
    return seconds ? t("login.tooManyWait", { minutes: Math.max(1, Math.ceil(seconds / 60)) }) : t("login.tooMany");
  }
  if (error.kind === "network") return t("request.network");
  if (error.status === 400) return t("login.invalid");
  return t("request.server");
}

function retryAfterSeconds(details: unknown): number | null {
  if (typeof details !== "object" || details === null) return null;
  const value = (details as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof value === "number" && value > 0 ? value : null;
}
