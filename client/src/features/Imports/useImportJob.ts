/**
 * Follows an import job: asks for it at once, then again every POLL_MS until it has
 * finished (done or failed). Never cached: each answer is the job as it stands.
 */
import { useCallback, useEffect, useState } from "react";
import { ApiError, getJson } from "../../api/client";
import { api } from "../../api/endpoints";
import type { ApiState } from "../../api/useApi";
import type { ImportJobWithReport } from "../../api/importSchemas";
import { isFinished } from "../../model/importReport";

const POLL_MS = 700;

export function useImportJob(importId: string): ApiState<ImportJobWithReport> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ id: string; data?: ImportJobWithReport; error?: ApiError } | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const ask = () =>
      getJson(api.importJob(importId), controller.signal).then(
        (job) => {
          if (stopped) return;
          setState({ id: importId, data: job });
          if (!isFinished(job)) timer = setTimeout(ask, POLL_MS);
        },
        (error: unknown) => {
          if (stopped) return;
          setState({ id: importId, error: error instanceof ApiError ? error : new ApiError("network", String(error)) });
        },
      );
    void ask();
    return () => {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [importId, attempt]);

  const retry = useCallback(() => {
    setState(null);
    setAttempt((n) => n + 1);
  }, []);
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  if (state?.id === importId && state.error) return { status: "error", error: state.error, retry, refresh };
  if (state?.id === importId && state.data) return { status: "ready", data: state.data, retry, refresh };
  return { status: "loading", retry, refresh };
}
