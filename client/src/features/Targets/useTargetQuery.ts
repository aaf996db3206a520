/** The ranking filters live in the URL; this hook reads them and writes changes back. */
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { TargetQuery } from "../../model/targetQuery";
import { parseTargetQuery, writeTargetQuery } from "../../model/targetQuery";

const KNOWN = new Set(["segment", "group", "regions", "tags", "minCapital", "profile", "limit", "area", "order"]);

export function useTargetQuery(): [TargetQuery, (change: Partial<TargetQuery>) => void] {
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => parseTargetQuery(search), [search]);
  const update = useCallback(
    (change: Partial<TargetQuery>) =>
      setSearch(
        (current) => {
          const next = writeTargetQuery({ ...parseTargetQuery(current), ...change });
          for (const [key, value] of current) if (!KNOWN.has(key)) next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return [query, update];
}
