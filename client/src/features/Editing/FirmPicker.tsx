/**
 * Finds a firm the graph knows (by name or pinyin) and keeps the one picked. Typing again
 * drops the pick, so the firm kept is always the one the box names.
 */
import { AutoComplete, Input } from "antd";
import { useCallback, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { useDebouncedSearch } from "../Search/useDebouncedSearch";

export interface PickedFirm {
  id: string;
  name: string;
}

/** The picker's state, held by the form around it: it reads the pick and the typed text, and resets both. */
export function useFirmPicker() {
  const search = useDebouncedSearch();
  const [firm, setFirm] = useState<PickedFirm | null>(null);
  const { setText } = search;
  const reset = useCallback(() => {
    setText("");
    setFirm(null);
  }, [setText]);
  return { search, firm, setFirm, text: search.text, reset };
}

interface Props {
  picker: ReturnType<typeof useFirmPicker>;
  /** Prefix of the test ids: `<testId>-search`, `<testId>-option-<firm id>`. */
  testId: string;
  /** Firms listed but not offered, with the reason shown beside each. */
  unavailable?: { ids: ReadonlySet<string>; note: string };
}

export function FirmPicker({ picker, testId, unavailable }: Props) {
  const { t } = useI18n();
  const { search, setFirm } = picker;
  const firms = search.results.data?.firms ?? [];
  const options = firms.map((f) => {
    const taken = unavailable?.ids.has(f.id) ?? false;
    return {
      value: f.id,
      disabled: taken,
      label: (
        <span data-testid={`${testId}-option-${f.id}`}>
          {f.name}
          {taken && <span className="search-context"> · {unavailable?.note}</span>}
        </span>
      ),
    };
  });

  return (
    <AutoComplete
      value={search.text}
      onChange={(value: string) => {
        search.setText(value);
        setFirm(null);
      }}
      onSelect={(id: string) => {
        const hit = firms.find((f) => f.id === id);
        if (hit) {
          setFirm({ id: hit.id, name: hit.name });
          search.setText(hit.name);
        }
      }}
      options={options}
      notFoundContent={search.answered ? t("search.none") : null}
    >
      <Input.Search placeholder={t("addEntry.search")} loading={search.searching} data-testid={`${testId}-search`} />
    </AutoComplete>
  );
}
