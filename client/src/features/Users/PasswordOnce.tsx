/** A password the server just made up: shown once, to copy and pass on, then gone. */
import { Alert, Modal, Typography } from "antd";
import { useI18n } from "../../i18n/I18nProvider";

export function PasswordOnce({ shown, onClose }: { shown: { username: string; password: string } | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={shown !== null}
      title={t("users.passwordTitle", { name: shown?.username ?? "" })}
      onOk={onClose}
      onCancel={onClose}
      okText={t("users.passwordNoted")}
      cancelButtonProps={{ style: { display: "none" } }}
      okButtonProps={{ "data-testid": "password-noted" }}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t("users.passwordOnce")} style={{ marginBottom: 12 }} />
      <Typography.Paragraph className="one-time-password">
        <Typography.Text code copyable={{ text: shown?.password ?? "", tooltips: [t("users.copy"), t("users.copied")] }} data-testid="new-password">
          {shown?.password}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
