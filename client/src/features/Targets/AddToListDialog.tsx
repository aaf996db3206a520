/**
 * 加入已有清单: the picked rows go into one of the zone × chain's existing lists, each for
 * the segment it fits best. One request per firm; a firm already on the list is counted,
 * not an error, and one refused firm does not stop the rest. The summary stays in the
 * dialog with a way to open the list.
 */
import { Alert, Button, Form, Modal, Progress, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { actions } from "../../api/actions";
import { getJson } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import type { BatchPick, BatchSummary } from "../../model/listBatch";
import { addToList } from "../../model/listBatch";
import { paths } from "../../model/paths";
import type { listFilters } from "../../model/targetQuery";

interface Props {
  open: boolean;
  onClose(): void;
  zone: { id: string; shortName: string };
  chain: { id: string; name: string };
  /** The picked firms, in ranking order. */
  picks: BatchPick[];
  /** The ranking they were picked from (its filters and profile): each entry keeps the score and reason it gives. */
  ranking: ReturnType<typeof listFilters>;
}

export function AddToListDialog({ open, onClose, zone, chain, picks, ranking }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  // Read when the dialog opens (any change made here clears the cache, so a list saved a moment ago is offered).
  const lists = useApi(open ? api.lists({ zoneId: zone.id, chainId: chain.id }) : null);
  const [listId, setListId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<BatchSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setSummary(null);
    setError(null);
    setProgress(null);
  }, [open]);

  const options = lists.data ?? [];
  // The newest list first is the likely one; keep a choice that is still offered.
  useEffect(() => {
    if (!open || !lists.data) return;
    if (!listId || !lists.data.some((l) => l.id === listId)) setListId(lists.data[0]?.id ?? null);
  }, [open, lists.data]);
  const list = options.find((l) => l.id === listId) ?? null;

  const submit = async () => {
    if (!list || busy) return;
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      // The list as it is now (not a cached copy): who is on it already needs no request.
      const detail = await getJson(api.list(list.id));
      const onList = new Set(detail.entries.map((e) => e.firm.id));
      setProgress({ done: 0, total: picks.filter((p) => !onList.has(p.firmId)).length });
      const result = await addToList(
        picks,
        onList,
        (pick) => actions.addEntry(list.id, pick.segmentId ? { firmId: pick.firmId, segmentId: pick.segmentId, ranking } : { firmId: pick.firmId, ranking }),
        (done, total) => setProgress({ done, total }),
      );
      setSummary(result);
      lists.refresh();
    } catch (reason) {
      setError(t("addToList.loadFailed", { reason: (reason as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const footer = summary
    ? [
        <Button key="close" onClick={onClose} data-testid="add-to-list-close">
          {t("addToList.close")}
        </Button>,
        <Button key="open" type="primary" onClick={() => list && navigate(paths.list(list.id))} data-testid="add-to-list-open">
          {t("addToList.open")}
        </Button>,
      ]
    : undefined;

  return (
    <Modal
      open={open}
      title={t("addToList.title")}
      onCancel={() => !busy && onClose()}
      onOk={() => void submit()}
      okText={t("addToList.confirm")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      okButtonProps={{ disabled: !list || picks.length === 0, "data-testid": "add-to-list-confirm" }}
      footer={footer}
      closable={!busy}
      mask={{ closable: !busy }}
    >
      <Typography.Paragraph>{t("addToList.intro", { count: picks.length, zone: zone.shortName, chain: chain.name })}</Typography.Paragraph>
      {lists.status === "ready" && options.length === 0 ? (
        <Alert type="info" showIcon title={t("addToList.none")} data-testid="add-to-list-none" />
      ) : (
        <Form layout="vertical">
          <Form.Item label={t("addToList.list")}>
            <Select
              value={listId ?? undefined}
              onChange={(id: string) => {
                setListId(id);
                setSummary(null);
              }}
              placeholder={t("addToList.pick")}
              loading={lists.status === "loading"}
              status={lists.status === "error" ? "error" : undefined}
              disabled={busy}
              showSearch={{ optionFilterProp: "label" }}
              options={options.map((l) => ({
                value: l.id,
                label: t("addToList.option", { name: l.name, count: l.entryCount, by: l.createdBy, date: l.createdAt.slice(0, 10) }),
              }))}
              data-testid="add-to-list-select"
            />
          </Form.Item>
        </Form>
      )}
      {busy && progress && progress.total > 0 && (
        <div data-testid="add-to-list-progress">
          <Progress percent={Math.round((progress.done / progress.total) * 100)} size="small" />
          <Typography.Text type="secondary">{t("addToList.progress", progress)}</Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {summary && list && (
        <Alert
          type={summary.failed.length ? "warning" : "success"}
          showIcon
          data-testid="add-to-list-summary"
          title={t("addToList.summary", { added: summary.added.length, already: summary.already.length, name: list.name })}
          description={
            summary.failed.length > 0 && (
              <>
                {t("addToList.failedCount", { count: summary.failed.length })}
                <ul className="compact-list">
                  {summary.failed.map(({ pick, reason }) => (
                    <li key={pick.firmId}>{t("addToList.failedOne", { firm: pick.name, reason })}</li>
                  ))}
                </ul>
              </>
            )
          }
        />
      )}
    </Modal>
  );
}
