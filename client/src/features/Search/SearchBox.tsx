/**
 * Search over firms, segments and chains through the API (which also matches pinyin and
 * initials: "lg" finds 凌钢). What a pick does depends on the screen, so it is a prop.
 */
import { AutoComplete, Input } from "antd";
import { useMemo } from "react";
import type { SearchResults } from "../../../../server/model/api";
import type { Standing } from "../../../../server/model/standing";
import { useI18n } from "../../i18n/I18nProvider";
import { SEARCH_MAX_LENGTH, useDebouncedSearch } from "./useDebouncedSearch";

export type SearchHit =
  | { kind: "firm"; id: string; name: string; zoneId: string | null; standing?: Standing | null }
  | { kind: "segment"; id: string; name: string; chainId: string; chainName: string }
  | { kind: "chain"; id: string; name: string };

export function SearchBox({ onPick, className }: { onPick(hit: SearchHit): void; className?: string }) {
  const { t } = useI18n();
  const { text, setText, results, clear, searching, answered, atLimit, tooLong, refusal } = useDebouncedSearch();
  // Said in the box itself: a search that is refused never fails without a word.
  const notice = tooLong || refusal ? (refusal ?? t("search.tooLong", { max: SEARCH_MAX_LENGTH })) : atLimit ? t("search.atLimit", { max: SEARCH_MAX_LENGTH }) : null;
  const hits = useMemo(() => (results.data ? toHits(results.data) : []), [results.data]);

  const group = (label: string, kind: SearchHit["kind"]) => {
    const items = hits.filter((h) => h.kind === kind);
    return items.length
      ? [
          {
            label: <span className="search-group">{label}</span>,
            options: items.map((hit) => ({
              value: `${hit.kind}:${hit.kind === "segment" ? `${hit.chainId}:` : ""}${hit.id}`,
              label: (
                <span data-testid={`search-option-${hit.kind}-${hit.id}`}>
                  {hit.name}
                  {hit.kind === "segment" && <span className="search-context"> · {hit.chainName}</span>}
                  {hit.kind === "firm" && (hit.standing === "closed" || hit.standing === "suspended") && <span className="search-context"> · {t(`firm.standing.${hit.standing}`)}</span>}
                </span>
              ),
            })),
          },
        ]
      : [];
  };
  // Firms before segments: a team searching "lg" is after 凌钢 more often than 炼钢.
  const options = [...group(t("search.chains"), "chain"), ...group(t("search.firms"), "firm"), ...group(t("search.segments"), "segment")];

  return (
    <AutoComplete
      className={className}
      value={text}
      options={options}
      onChange={setText}
      onSelect={(value: string) => {
        const hit = hits.find((h) => `${h.kind}:${h.kind === "segment" ? `${h.chainId}:` : ""}${h.id}` === value);
        clear();
        if (hit) onPick(hit);
      }}
      notFoundContent={
        notice ? (
          <span className="search-notice" role="status" data-testid="search-notice">
            {notice}
          </span>
        ) : answered ? (
          t("search.none")
        ) : null
      }
      popupRender={(menu) =>
        notice && options.length > 0 ? (
          <>
            <div className="search-notice" role="status" data-testid="search-notice">
              {notice}
            </div>
            {menu}
          </>
        ) : (
          menu
        )
      }
      popupMatchSelectWidth={360}
    >
      <Input.Search
        placeholder={t("search.placeholder")}
        aria-label={t("search.label")}
        allowClear
        loading={searching}
        maxLength={SEARCH_MAX_LENGTH}
        status={notice && (tooLong || refusal) ? "error" : notice ? "warning" : undefined}
        data-testid="search-input"
      />
    </AutoComplete>
  );
}

function toHits(results: SearchResults): SearchHit[] {
  return [
    ...results.chains.map((c): SearchHit => ({ kind: "chain", id: c.id, name: c.name })),
    ...results.segments.map((s): SearchHit => ({ kind: "segment", id: s.id, name: s.name, chainId: s.chainId, chainName: s.chainName })),
    ...results.firms.map((f): SearchHit => ({ kind: "firm", id: f.id, name: f.name, zoneId: f.zoneId, standing: f.standing ?? null })),
  ];
}
