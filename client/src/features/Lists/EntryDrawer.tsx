/**
 * One target on a list: edit its owner team, next contact date, notes and status (with
 * a note for the history), and see every status change with who and when. When someone
 * changed the entry meanwhile, the drawer shows it as it is now with the person's own
 * edits kept on top, to check and save again.
 */
import { Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Popconfirm, Select, Space, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import type { Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import type { ListEntry } from "../../../../server/model/api";
import type { EntryStatus } from "../../../../server/model/domain";
import type { EntryChange } from "../../api/actions";
import { useI18n } from "../../i18n/I18nProvider";
import { formatDateTime, formatMoney } from "../../model/format";
import { paths } from "../../model/paths";
import { BOARD_STATUSES, SIGNED_STATUSES } from "../../model/pipeline";
import { rebaseEdits } from "../../model/conflict";
import { formatPoints } from "../../model/scoreBar";
import { ConflictNotice } from "../Editing/ConflictNotice";
import type { EditConflict } from "../Editing/useVersionedEdit";
import { useSession } from "../Session/SessionProvider";
import { ENTRY_STATUS_COLORS } from "./entryStatus";

interface Values {
  status: EntryStatus;
  note: string;
  ownerTeam: string;
  nextContactOn: Dayjs | null;
  notes: string;
  investment: number | null;
}

interface Props {
  entry: ListEntry | null;
  onClose(): void;
  /** Resolves true when saved (the drawer then closes), "conflict" when the entry was stale. */
  onSave(entry: ListEntry, change: Omit<EntryChange, "version">): Promise<boolean | "conflict">;
  onDelete(entry: ListEntry): Promise<void>;
}

/** Dates as users write them: 2026-11-22, whatever the browser's locale. */
const DATE_FORMAT = "YYYY-MM-DD";

/** The fields of an entry a stale save compares: what the person changed is kept. */
interface EntryFields {
  status: EntryStatus;
  ownerTeam: string;
  nextContactOn: string | null;
  notes: string;
}
const ENTRY_FIELDS = ["status", "ownerTeam", "nextContactOn", "notes"] as const;

const fieldsOf = (entry: ListEntry): EntryFields => ({ status: entry.status, ownerTeam: entry.ownerTeam, nextContactOn: entry.nextContactOn, notes: entry.notes });
const fieldsFrom = (values: Values): EntryFields => ({
  status: values.status,
  ownerTeam: values.ownerTeam ?? "",
  nextContactOn: values.nextContactOn ? values.nextContactOn.format(DATE_FORMAT) : null,
  notes: values.notes ?? "",
});

export function EntryDrawer({ entry, onClose, onSave, onDelete }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const status = Form.useWatch("status", form);
  // A save that met a newer version: the edits wait for the reloaded entry.
  const stale = useRef<{ entryId: string; version: number; base: EntryFields; edited: Values } | null>(null);
  const [conflict, setConflict] = useState<EditConflict<EntryFields> | null>(null);

  useEffect(() => {
    if (!entry) return;
    const waiting = stale.current;
    if (waiting && waiting.entryId === entry.id && entry.version !== waiting.version) {
      stale.current = null;
      const current = fieldsOf(entry);
      const rebased = rebaseEdits(waiting.base, fieldsFrom(waiting.edited), current, ENTRY_FIELDS);
      setConflict({ ...rebased, current, version: entry.version });
      const { draft } = rebased;
      form.setFieldsValue({ ...waiting.edited, ...draft, nextContactOn: draft.nextContactOn ? dayjs(draft.nextContactOn) : null });
      return;
    }
    if (waiting?.entryId !== entry.id) stale.current = null;
    setConflict(null);
    form.setFieldsValue({ status: entry.status, note: "", ownerTeam: entry.ownerTeam, nextContactOn: entry.nextContactOn ? dayjs(entry.nextContactOn) : null, notes: entry.notes, investment: null });
  }, [entry, form]);

  const submit = async (values: Values) => {
    if (!entry) return;
    const change: Omit<EntryChange, "version"> = {};
    if (values.status !== entry.status) {
      change.status = values.status;
      change.note = values.note?.trim() ?? "";
    }
    if ((values.ownerTeam ?? "") !== entry.ownerTeam) change.ownerTeam = values.ownerTeam ?? "";
    const next = values.nextContactOn ? values.nextContactOn.format(DATE_FORMAT) : null;
    if (next !== entry.nextContactOn) change.nextContactOn = next;
    if ((values.notes ?? "") !== entry.notes) change.notes = values.notes ?? "";
    if (values.investment != null && SIGNED_STATUSES.includes(values.status)) change.investment = values.investment;
    if (Object.keys(change).length === 0) return onClose();
    setBusy(true);
    try {
      const saved = await onSave(entry, change);
      if (saved === "conflict") stale.current = { entryId: entry.id, version: entry.version, base: fieldsOf(entry), edited: values };
      else if (saved) {
        setConflict(null);
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size={520}
      title={entry?.firm.name}
      destroyOnHidden={false}
      forceRender
      data-testid="entry-drawer"
      extra={
        entry &&
        can.edit && (
          <Popconfirm title={t("entry.deleteConfirm", { firm: entry.firm.name })} onConfirm={() => onDelete(entry)} okText={t("common.ok")} cancelText={t("common.cancel")}>
            <Button danger size="small" data-testid="entry-delete">
              {t("entry.delete")}
            </Button>
          </Popconfirm>
        )
      }
    >
      {entry && (
        <>
          <Descriptions size="small" column={1} className="entry-facts-table">
            <Descriptions.Item label={t("entry.firm")}>
              <Link to={paths.firm(entry.firm.id)}>{entry.firm.name}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={t("entry.segment")}>{entry.segmentName}</Descriptions.Item>
            <Descriptions.Item label={t("entry.region")}>{entry.region}</Descriptions.Item>
            <Descriptions.Item label={t("entry.capital")}>{formatMoney(entry.firm.capital, locale)}</Descriptions.Item>
            {entry.firm.tags.length > 0 && (
              <Descriptions.Item label={t("entry.tags")}>
                {entry.firm.tags.map((tag) => (
                  <Tag key={tag} color="blue">
                    {tag}
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("entry.score")}>
              {entry.score != null ? formatPoints(entry.score) : t("entry.noScore")}
              {entry.reason ? ` · ${entry.reason}` : ""}
            </Descriptions.Item>
            {entry.projectId && <Descriptions.Item label={t("entry.project")}>{t("entry.projectMade")}</Descriptions.Item>}
          </Descriptions>

          {conflict && (
            <ConflictNotice
              conflict={conflict}
              labels={{ status: t("entry.status"), ownerTeam: t("entry.ownerTeam"), nextContactOn: t("entry.nextContactOn"), notes: t("entry.notes") }}
              format={(field, value) => (field === "status" && typeof value === "string" ? t(`entry.${value as EntryStatus}`) : value == null || value === "" ? "—" : String(value))}
            />
          )}
          <Form form={form} layout="vertical" onFinish={submit} className="entry-form" disabled={!can.edit}>
            <Space align="start" wrap>
              <Form.Item name="status" label={t("entry.status")}>
                <Select
                  style={{ width: 140 }}
                  options={BOARD_STATUSES.map((s) => ({ value: s, label: t(`entry.${s}`) }))}
                  data-testid="drawer-status"
                />
              </Form.Item>
              {status && status !== entry.status && (
                <Form.Item name="note" label={t("entry.changeNote")} style={{ width: 300 }}>
                  <Input maxLength={500} placeholder={t("entry.changeNoteHint")} data-testid="drawer-note" />
                </Form.Item>
              )}
            </Space>
            {status && SIGNED_STATUSES.includes(status) && (
              <Form.Item name="investment" label={t("entry.investment")} extra={t("entry.investmentHelp")}>
                <InputNumber min={0} step={1000} suffix={t("unit.wan")} style={{ width: 200 }} />
              </Form.Item>
            )}
            <Space align="start" wrap>
              <Form.Item name="ownerTeam" label={t("entry.ownerTeam")}>
                <Input maxLength={100} style={{ width: 220 }} placeholder={t("entry.ownerTeamHint")} data-testid="drawer-owner" />
              </Form.Item>
              <Form.Item name="nextContactOn" label={t("entry.nextContactOn")}>
                <DatePicker format={DATE_FORMAT} style={{ width: 180 }} placeholder={DATE_FORMAT} data-testid="drawer-next" />
              </Form.Item>
            </Space>
            <Form.Item name="notes" label={t("entry.notes")}>
              <Input.TextArea rows={4} maxLength={5000} data-testid="drawer-notes" />
            </Form.Item>
            {can.edit && (
              <Space>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="drawer-save">
                  {t("common.save")}
                </Button>
                <Button onClick={onClose}>{t("common.cancel")}</Button>
              </Space>
            )}
          </Form>

          <Typography.Title level={5} className="history-title">
            {t("entry.history")}
          </Typography.Title>
          <Timeline
            data-testid="entry-history"
            items={[...entry.history]
              .sort((a, b) => b.at.localeCompare(a.at))
              .map((change) => ({
                color: ENTRY_STATUS_COLORS[change.to],
                content: (
                  <div>
                    <div>
                      {change.from ? `${t(`entry.${change.from}`)} → ` : ""}
                      <b>{t(`entry.${change.to}`)}</b>
                    </div>
                    <div className="firm-meta">
                      {change.by} · {formatDateTime(change.at)}
                    </div>
                    {change.note && <div>{change.note}</div>}
                  </div>
                ),
              }))}
          />
        </>
      )}
    </Drawer>
  );
}
