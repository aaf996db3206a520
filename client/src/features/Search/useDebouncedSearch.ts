/**
 * The text of a search box and the API search behind it. The request waits until typing
 * pauses, so a name typed in pinyin asks once rather than once per letter. Text longer
 * than the API takes is not sent: the box says so (`tooLong`) instead of failing quietly.
 */
import { useCallback, useEffect, useState } from "react";
import { SEARCH_MAX_LENGTH } from "../../../../server/model/api";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";

export { SEARCH_MAX_LENGTH };

const DEBOUNCE_MS = 200;

export function useDebouncedSearch() {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const trimmed = text.trim();
  const tooLong = trimmed.length > SEARCH_MAX_LENGTH;
  useEffect(() => {
    const timer = setTimeout(() => setQuery(tooLong ? "" : trimmed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed, tooLong]);
  const results = useApi(query ? api.search(query) : null);

  /** Empties the box and drops the results at once, without waiting for the pause. */
  const clear = useCallback(() => {
    setText("");
    setQuery("");
  }, []);

  return {
    text,
    setText,
    /** The text searched for (trimmed); empty while nothing is asked. */
    query,
    results,
    clear,
    /** Waiting for the answer to a query (an empty box waits for nothing). */
    searching: Boolean(query) && results.status === "loading",
    /** The answer came and matched nothing: the place for "no results". */
    answered: Boolean(query) && results.status === "ready",
    /** At (or, pasted past the box's limit, beyond) the longest text the API takes. */
    atLimit: trimmed.length >= SEARCH_MAX_LENGTH,
    tooLong,
    /** Why the search was refused, in the server's words. */
    refusal: results.status === "error" ? (results.error instanceof ApiError ? results.error.message : String(results.error)) : null,
  };
}
