/**
 * The text of a search box and the API search behind it. The request waits until typing
 * pauses, so a name typed in pinyin asks once rather than once per letter.
 */
import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/endpoints";
import { useApi } from "../../api/useApi";

const DEBOUNCE_MS = 200;

export function useDebouncedSearch() {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
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
  };
}
