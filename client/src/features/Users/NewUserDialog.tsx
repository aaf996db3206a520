/**
 * 新增用户: a name, a role, and a password — or none, and the server makes one up (shown
 * once afterwards). The server's field messages show at their fields.
 */
import { Alert, Form, Input, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import type { UserWithPassword } from "../../../../server/model/accounts";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import { splitFieldErrors } from "../../model/fieldErrors";
import { ROLES } from "../../model/roles";
import type { Role } from "../../model/roles";

interface Props {
  open: boolean;
  onClose(): void;
  onCreated(answer: UserWithPassword): void;
}

interface Values {
  username: string;
  role: Role;
  password: string;
}

const FIELDS = new Set(["username", "role", "password"]);

export function NewUserDialog({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string[]>([]);

  useEffect(() => {
    if (!open) return;
    setGeneral([]);
    form.resetFields();
  }, [open]);

  const submit = async (values: Values) => {
    setBusy(true);
    setGeneral([]);
    try {
      const password = values.password ?? "";
      const answer = await actions.createUser({ username: values.username.trim().toLowerCase(), role: values.role, ...(password ? { password } : {}) });
      onCreated(answer);
    } catch (error) {
      if (!(error instanceof ApiError)) return setGeneral([String(error)]);
      if (error.status === 409) {
        form.setFields([{ name: "username", errors: [t("users.exists")] }]);
        return;
      }
      const { byField, general: rest } = splitFieldErrors(error.details, FIELDS);
      form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof Values, errors })));
      setGeneral(rest.length || byField.size ? rest : [error.message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("users.addTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("users.addSave")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "user-add-save" }}
      forceRender
    >
      {general.length > 0 && <Alert type="error" showIcon title={general.join("；")} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ username: "", role: "viewer", password: "" }}>
        <Form.Item
          name="username"
          label={t("users.username")}
          extra={t("users.usernameHelp")}
          rules={[
            { required: true, whitespace: true, message: t("users.usernameRequired") },
            { pattern: /^\s*[a-zA-Z0-9][a-zA-Z0-9._-]{1,31}\s*$/, message: t("users.usernameHelp") },
          ]}
        >
          <Input maxLength={32} autoComplete="off" autoCapitalize="none" spellCheck={false} data-testid="user-add-username" />
        </Form.Item>
        <Form.Item name="role" label={t("users.role")} rules={[{ required: true }]}>
          <Select<Role> options={ROLES.map((role) => ({ value: role, label: `${t(`role.${role}`)} · ${t(`role.${role}.help`)}` }))} data-testid="user-add-role" />
        </Form.Item>
        <Form.Item name="password" label={t("users.password")} extra={t("users.passwordHelp")} rules={[{ min: 10, message: t("users.passwordShort") }]}>
          <Input.Password maxLength={200} autoComplete="new-password" data-testid="user-add-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
