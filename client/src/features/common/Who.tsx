/**
 * Who makes a change ("by" in the API). Until there are accounts, a person types their
 * name once; the browser remembers it. A change that needs a name and has none asks first.
 */
import { Button, Form, Input, Modal } from "antd";
import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/I18nProvider";

const STORAGE_KEY = "chainatlas.who";
const MAX_LENGTH = 100;

interface WhoContext {
  who: string | null;
  setWho(name: string | null): void;
  /** The remembered name, or asks for one (null when the person cancels). */
  requireWho(): Promise<string | null>;
  /** Opens the dialog to change the name. */
  editWho(): void;
}

const Context = createContext<WhoContext | null>(null);

function readStored(): string | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)?.trim();
    return value ? value.slice(0, MAX_LENGTH) : null;
  } catch {
    return null;
  }
}

export function WhoProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [who, setWhoState] = useState<string | null>(readStored);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState("");
  const pending = useRef<((name: string | null) => void)[]>([]);

  const setWho = useCallback((name: string | null) => {
    const value = name?.trim().slice(0, MAX_LENGTH) || null;
    try {
      if (value) window.localStorage.setItem(STORAGE_KEY, value);
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Private windows may refuse storage; the name still holds for this visit.
    }
    setWhoState(value);
  }, []);

  const ask = useCallback(() => {
    setDraft(readStored() ?? "");
    setOpen(true);
  }, []);

  const settle = (name: string | null) => {
    const waiting = pending.current;
    pending.current = [];
    waiting.forEach((resolve) => resolve(name));
    setOpen(false);
  };

  const value = useMemo<WhoContext>(
    () => ({
      who,
      setWho,
      editWho: ask,
      requireWho: () => {
        const current = readStored() ?? who;
        if (current) return Promise.resolve(current);
        return new Promise<string | null>((resolve) => {
          pending.current.push(resolve);
          ask();
        });
      },
    }),
    [who, setWho, ask],
  );

  const confirm = () => {
    const name = draft.trim();
    if (!name) return;
    setWho(name);
    settle(name);
  };

  return (
    <Context.Provider value={value}>
      {children}
      <Modal
        open={open}
        title={t("who.title")}
        onCancel={() => settle(null)}
        footer={[
          <Button key="cancel" onClick={() => settle(null)}>
            {t("common.cancel")}
          </Button>,
          <Button key="ok" type="primary" onClick={confirm} disabled={!draft.trim()} data-testid="who-save">
            {t("common.ok")}
          </Button>,
        ]}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={confirm}>
          <Form.Item label={t("who.label")} extra={t("who.help")}>
            <Input
              autoFocus
              value={draft}
              maxLength={MAX_LENGTH}
              onChange={(e) => setDraft(e.target.value)}
              onPressEnter={confirm}
              placeholder={t("who.placeholder")}
              data-testid="who-input"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Context.Provider>
  );
}

export function useWho(): WhoContext {
  const context = useContext(Context);
  if (!context) throw new Error("useWho needs a <WhoProvider> above it");
  return context;
}
