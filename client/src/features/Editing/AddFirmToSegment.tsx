/**
 * 添加企业 to a segment from the map: link a firm the graph knows (found by name or
 * pinyin), or enter a new one — by default a local firm of the zone — and link it.
 */
import { Alert, App, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { actions } from "../../api/actions";
import { ApiError } from "../../api/client";
import { useI18n } from "../../i18n/I18nProvider";
import type { FirmEdit } from "./FirmEditor";
import { FirmEditor } from "./FirmEditor";
import type { PickedFirm } from "./FirmPicker";
import { FirmPicker, useFirmPicker } from "./FirmPicker";

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
  const picker = useFirmPicker();
  const { firm } = picker;
  const [products, setProducts] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [creating, setCreating] = useState<FirmEdit | null>(null);

  const reset = () => {
    picker.reset();
    setProducts("");
    setProblem(null);
  };

  const link = async (target: PickedFirm) => {
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
            <FirmPicker picker={picker} testId="link-firm" unavailable={{ ids: present, note: t("firmLink.alreadyShort") }} />
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
            setCreating({ kind: "create", defaults: { zoneId: zone.id, regionCode: zone.countyCode, name: firm ? "" : picker.text.trim() } });
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
