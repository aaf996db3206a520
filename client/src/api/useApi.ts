/**
 * A small request hook: loading, error with retry, and data. Answers are kept for a
 * minute so that stepping through chains in a meeting, or going back, is instant.
 */
import { useCallback, useEffect, useState } from "react";
import { ApiError, getJson } from "./client";
import type { ApiRequest } from "./client";

const FRESH_MS = 60_000;
const cache = new Map<string, { at: number; data: unknown }>();

interface Reload {
  /** Ask again from scratch, showing the loading state (after an error). */
  retry: () => void;
  /** Ask again in the background, keeping what is shown until the answer arrives (after a change). */
  refresh: () => void;
}

export type ApiState<T> =
  | ({ status: "loading"; data?: undefined; error?: undefined } & Reload)
  | ({ status: "error"; data?: undefined; error: ApiError } & Reload)
  | ({ status: "ready"; data: T; error?: undefined } & Reload);

function cached<T>(path: string): T | undefined {
  const entry = cache.get(path);
  return entry && Date.now() - entry.at < FRESH_MS ? (entry.data as T) : undefined;
}

/** Pass null to make no request (e.g. an empty search box). */
export function useApi<T>(request: ApiRequest<T> | null): ApiState<T> {
  const path = request?.path ?? null;
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ path: string; data?: T; error?: ApiError } | null>(null);

  useEffect(() => {
    if (!request) return;
    const hit = cached<T>(request.path);
    if (hit !== undefined) {
      setResult({ path: request.path, data: hit });
      return;
    }
    const controller = new AbortController();
    getJson(request, controller.signal).then(
      (data) => {
        cache.set(request.path, { at: Date.now(), data });
        setResult({ path: request.path, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({
          path: request.path,
          error: error instanceof ApiError ? error : new ApiError("network", String(error)),
        });
      },
    );
    return () => controller.abort();
    // The path identifies the request; the schema object is recreated on every render.
  }, [path, attempt]);

  const retry = useCallback(() => {
    if (path) cache.delete(path);
    setResult(null);
    setAttempt((n) => n + 1);
  }, [path]);

  const refresh = useCallback(() => {
    if (path) cache.delete(path);
    setAttempt((n) => n + 1);
  }, [path]);

  if (!path) return { status: "loading", retry, refresh };
  if (result?.path === path && result.error) return { status: "error", error: result.error, retry, refresh };
  if (result?.path === path && result.data !== undefined) return { status: "ready", data: result.data, retry, refresh };
  // Before the effect has run: a fresh answer from another view shows at once.
  const fresh = cached<T>(path);
  return fresh !== undefined ? { status: "ready", data: fresh, retry, refresh } : { status: "loading", retry, refresh };
}

/** Forget cached answers, e.g. after an edit elsewhere in the app. */
export function clearApiCache(): void {
  cache.clear();
}
