/**
 * 用户管理 (admins): every account with its role and state; add a user with a role, change
 * a role, disable or enable, reset a password. A password the server makes up is shown
 * once, right then, and never again.
 */
import { Alert, App, Button, Popconfirm, Select, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import type { User, UserWithPassword } from "../../../../server/model/accounts";
import type { UserChange } from "../../api/actions";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import { conflictCurrent } from "../../model/conflict";
import { formatDateTime } from "../../model/format";
import { ROLES } from "../../model/roles";
import type { Role } from "../../model/roles";
import { PageHeading } from "../common/PageHeading";
import { RequestState } from "../common/RequestState";
import { useSession } from "../Session/SessionProvider";
import { NewUserDialog } from "./NewUserDialog";
import { PasswordOnce } from "./PasswordOnce";

export function UsersPage() {
  const { t } = useI18n();
  const { message, notification } = App.useApp();
  const { user: me } = useSession();
  const users = useApi(api.users());
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);

  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));

  const change = async (user: User, body: Omit<UserChange, "version">, done: string) => {
    setBusy(user.username);
    try {
      const answer = await actions.changeUser(user.username, { ...body, version: user.version });
      void message.success(done);
      if (answer.password) setShown({ username: answer.user.username, password: answer.password });
      users.refresh();
    } catch (error) {
      const current = conflictCurrent(error) as Partial<User> | null;
      if (current) {
        // Someone else changed this user meanwhile: say what it is now, and show it.
        notification.warning({
          title: t("users.conflictTitle"),
          description: t("users.conflict", {
            name: user.username,
            role: current.role ? t(`role.${current.role}`) : "—",
            state: current.disabled ? t("users.disabled") : t("users.enabled"),
          }),
          key: "user-conflict",
          props: { "data-testid": "user-conflict" } as object,
        });
        users.refresh();
      } else void message.error(t("action.failed", { reason: error instanceof ApiError ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  const created = (answer: UserWithPassword) => {
    setAdding(false);
    void message.success(t("users.added", { name: answer.user.username }));
    if (answer.password) setShown({ username: answer.user.username, password: answer.password });
    users.refresh();
  };

  const columns: TableColumnsType<User> = [
    {
      key: "username",
      title: t("users.username"),
      render: (_, u) => (
        <span className="firm-name">
          {u.username}
          {u.username === me?.username && <Tag className="self-tag">{t("users.you")}</Tag>}
        </span>
      ),
    },
    {
      key: "role",
      title: t("users.role"),
      width: 170,
      render: (_, u) => (
        <Select<Role>
          value={u.role}
          options={roleOptions}
          // An admin cannot lower their own role (the server refuses too): no lock-out.
          disabled={u.username === me?.username || busy === u.username}
          onChange={(role) => void change(u, { role }, t("users.roleChanged", { name: u.username, role: t(`role.${role}`) }))}
          style={{ width: 140 }}
          aria-label={t("users.roleOf", { name: u.username })}
          data-testid={`user-role-${u.username}`}
        />
      ),
    },
    {
      key: "state",
      title: t("users.state"),
      width: 110,
      render: (_, u) => (
        <Tag color={u.disabled ? "default" : "green"} data-testid={`user-state-${u.username}`}>
          {u.disabled ? t("users.disabled") : t("users.enabled")}
        </Tag>
      ),
    },
    { key: "created", title: t("users.created"), width: 170, render: (_, u) => <span className="nowrap">{formatDateTime(u.createdAt)}</span> },
    { key: "updated", title: t("users.updated"), width: 170, render: (_, u) => <span className="nowrap">{formatDateTime(u.updatedAt)}</span> },
    {
      key: "actions",
      title: t("common.actions"),
      width: 230,
      render: (_, u) => {
        const self = u.username === me?.username;
        return (
          <Space size="small">
            <Popconfirm
              title={u.disabled ? t("users.enableConfirm", { name: u.username }) : t("users.disableConfirm", { name: u.username })}
              onConfirm={() => change(u, { disabled: !u.disabled }, u.disabled ? t("users.enabledDone", { name: u.username }) : t("users.disabledDone", { name: u.username }))}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
              disabled={self}
            >
              <Button size="small" danger={!u.disabled} disabled={self} loading={busy === u.username} data-testid={`user-toggle-${u.username}`}>
                {u.disabled ? t("users.enable") : t("users.disable")}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t("users.resetConfirm", { name: u.username })}
              onConfirm={() => change(u, { resetPassword: true }, t("users.resetDone", { name: u.username }))}
              okText={t("common.ok")}
              cancelText={t("common.cancel")}
            >
              <Button size="small" disabled={busy === u.username} data-testid={`user-reset-${u.username}`}>
                {t("users.reset")}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <div className="users-page page">
      <PageHeading
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        actions={
          <Button type="primary" onClick={() => setAdding(true)} data-testid="user-add">
            {t("users.add")}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t("users.roles")} className="roles-help" />
      <RequestState state={users}>
        {(list) => (
          <Table<User>
            rowKey="username"
            columns={columns}
            dataSource={list}
            pagination={false}
            size="middle"
            rowClassName={(u) => (u.disabled ? "row-disabled" : "")}
            data-testid="users-table"
            onRow={(u) => ({ "data-testid": `user-row-${u.username}` }) as object}
          />
        )}
      </RequestState>
      <NewUserDialog open={adding} onClose={() => setAdding(false)} onCreated={created} />
      <PasswordOnce shown={shown} onClose={() => setShown(null)} />
    </div>
  );
}
