/**
 * Picks a segment: those of this chain at once, and — as the person types (汉字 or pinyin)
 * — segments of other chains too, since supply links and a firm's segments may cross chains.
 */
import { Select } from "antd";
import { useMemo, useState } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import { useDebouncedSearch } from "../Search/useDebouncedSearch";

export interface PickableSegment {
  id: string;
  name: string;
  chainId: string;
  chainName: string;
}

interface Props {
  /** The chain whose segments are offered first (none: search only). */
  local: PickableSegment[];
  /** Ids not to offer (the segment itself, links that exist). */
  exclude?: ReadonlySet<string>;
  value: string | null;
  onChange(segment: PickableSegment | null): void;
  placeholder?: string;
  testId?: string;
}

export function SegmentPicker({ local, exclude, value, onChange, placeholder, testId }: Props) {
  const { t } = useI18n();
  const { text, setText, results, searching } = useDebouncedSearch();
  // The picked segment stays an option after the search text is gone.
  const [picked, setPicked] = useState<PickableSegment | null>(null);

  const { pickable, options } = useMemo(() => {
    const ok = (s: PickableSegment) => !exclude?.has(s.id);
    const needle = text.trim().toLowerCase();
    const localIds = new Set(local.map((s) => s.id));
    const mine = local.filter(ok).filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.id.includes(needle));
    const found = (results.data?.segments ?? []).filter((s) => !localIds.has(s.id)).filter(ok);
    // Pinyin hits of this chain come back from the search too.
    const pinyinLocal = (results.data?.segments ?? []).filter((s) => localIds.has(s.id) && ok(s) && !mine.some((m) => m.id === s.id));
    const shownIds = new Set([...mine, ...pinyinLocal, ...found].map((s) => s.id));
    const keep = picked && picked.id === value && !shownIds.has(picked.id) ? [picked] : [];
    const all = [...mine, ...pinyinLocal, ...found, ...keep];
    const option = (s: PickableSegment) => ({
      value: s.id,
      label: (
        <span data-testid={`segment-option-${s.id}`}>
          {s.name}
          {!localIds.has(s.id) && <span className="search-context"> · {s.chainName}</span>}
        </span>
      ),
    });
    return {
      pickable: new Map(all.map((s) => [s.id, s])),
      options: [
        ...(mine.length + pinyinLocal.length ? [{ label: t("feeds.thisChain"), options: [...mine, ...pinyinLocal].map(option) }] : []),
        ...(found.length + keep.length ? [{ label: t("feeds.otherChains"), options: [...found, ...keep].map(option) }] : []),
      ],
    };
  }, [local, exclude, text, results.data, t, picked, value]);

  return (
    <Select<string>
      showSearch
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      filterOption={false}
      searchValue={text}
      onSearch={setText}
      onChange={(id?: string) => {
        const segment = id ? (pickable.get(id) ?? null) : null;
        setPicked(segment);
        setText("");
        onChange(segment);
      }}
      options={options}
      loading={searching}
      notFoundContent={t("search.none")}
      className="segment-picker"
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
