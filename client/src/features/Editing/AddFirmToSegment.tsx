/**
 * 添加企业 to a segment from the map: link a firm the graph knows (found by name or
 * pinyin), or enter a new one — by default a local firm of the zone — and link it.
 */
import { Alert, App, AutoComplete, Button, Form, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";
import { useI18n } from "../../i18n/I18nProvider";
import type { FirmEdit } from "./FirmEditor";
import { FirmEditor } from "./FirmEditor";

interface Props {
  zone: { id: string; countyCode: string };
  segment: { id: string; name: string };
  /** Firms already in the segment. */
  present: ReadonlySet<string>;
  onChanged(): void;
}

export function AddFirmToSegment({ zone, segment, present, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [firm, setFirm] = useState<{ id: string; name: string } | null>(null);
  const [products, setProducts] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [creating, setCreating] = useState<FirmEdit | null>(null);
  const results = useApi(query ? api.search(query) : null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);

  const reset = () => {
    setText("");
    setFirm(null);
    setProducts("");
    setProblem(null);
  };

  const link = async (target: { id: string; name: string }) => {
    setBusy(true);
    setProblem(null);
    try {
      await actions.linkFirm(target.id, segment.id, products.trim() ? { products: products.trim() } : {});
      void message.success(t("firmLink.linked", { firm: target.name, segment: segment.name }));
      setOpen(false);
      reset();
      onChanged();
    } catch (error) {
      const text = error instanceof ApiError ? (error.status === 409 ? t("firmLink.already", { firm: target.name }) : error.message) : String(error);
      // After creating a firm the dialog is closed: say it where it is seen.
      if (open) setProblem(text);
      else void message.error(t("action.failed", { reason: text }));
    } finally {
      setBusy(false);
    }
  };

  const options = (results.data?.firms ?? []).map((f) => ({
    value: f.id,
    disabled: present.has(f.id),
    label: (
      <span data-testid={`link-firm-option-${f.id}`}>
        {f.name}
        {present.has(f.id) && <span className="search-context"> · {t("firmLink.alreadyShort")}</span>}
      </span>
    ),
  }));

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="segment-add-firm">
        + {t("firmLink.addFirm")}
      </Button>
      <Modal
        open={open}
        title={t("firmLink.addFirmTitle", { segment: segment.name })}
        onCancel={() => setOpen(false)}
        onOk={() => firm && void link(firm)}
        okText={t("firmLink.link")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        okButtonProps={{ disabled: !firm, "data-testid": "link-firm-confirm" }}
        afterClose={reset}
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Form layout="vertical">
          <Form.Item label={t("firmLink.firm")} help={firm ? t("addEntry.picked", { name: firm.name }) : t("firmLink.firmHelp")}>
            <AutoComplete
              value={text}
              onChange={(value: string) => {
                setText(value);
                setFirm(null);
              }}
              onSelect={(id: string) => {
                const hit = results.data?.firms.find((f) => f.id === id);
                if (hit) {
                  setFirm({ id: hit.id, name: hit.name });
                  setText(hit.name);
                }
              }}
              options={options}
              notFoundContent={query && results.status === "ready" ? t("search.none") : null}
            >
              <Input.Search placeholder={t("addEntry.search")} loading={Boolean(query) && results.status === "loading"} data-testid="link-firm-search" />
            </AutoComplete>
          </Form.Item>
          <Form.Item label={t("panel.products")}>
            <Input value={products} onChange={(e) => setProducts(e.target.value)} maxLength={500} placeholder={t("firmLink.productsHint")} data-testid="link-firm-products" />
          </Form.Item>
        </Form>
        <Button
          type="dashed"
          block
          onClick={() => {
            setOpen(false);
            setCreating({ kind: "create", defaults: { zoneId: zone.id, regionCode: zone.countyCode, name: firm ? "" : text.trim() } });
          }}
          data-testid="link-firm-new"
        >
          {t("firmLink.newFirm")}
        </Button>
      </Modal>
      <FirmEditor
        edit={creating}
        onClose={() => setCreating(null)}
        onSaved={(created) => {
          setCreating(null);
          void message.success(t("firmEdit.created", { name: created.name }));
          void link(created);
        }}
      />
    </>
  );
}
