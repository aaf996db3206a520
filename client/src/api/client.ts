/**
 * The only place the client talks HTTP. Every response is parsed with the server's own
 * zod schema, so a change in the API's shape shows up as a clear error, not as a blank map.
 */
import type { z } from "zod";
import { ApiErrorBody } from "../../../server/model/api";

export type ApiErrorKind = "network" | "not-found" | "bad-response" | "server" | "client";

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * Called when the API says the session is missing or has expired (401 "unauthenticated"),
 * so the app can send the person to the login page from wherever they were. The session
 * endpoints themselves answer 401 as part of logging in and are left out.
 */
let unauthenticatedListener: ((error: ApiError) => void) | null = null;

export function onUnauthenticated(listener: ((error: ApiError) => void) | null): () => void {
  unauthenticatedListener = listener;
  return () => {
    if (unauthenticatedListener === listener) unauthenticatedListener = null;
  };
}

export const SESSION_PATH = "/api/session";

/** A GET request and the schema its answer must satisfy. */
export interface ApiRequest<T> {
  path: string;
  schema: z.ZodType<T>;
}

export async function getJson<T>({ path, schema }: ApiRequest<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" }, signal: signal ?? null });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError("network", (error as Error).message);
  }
  return readAnswer(path, response, schema);
}

export type Method = "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A change: JSON in, and the answer parsed with `schema` (or nothing, for 204). Errors
 * come back as ApiError with the server's code and field details, e.g. a 409 "conflict"
 * carrying the current record.
 */
export async function sendJson<T = void>(method: Method, path: string, body?: unknown, schema?: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError("network", (error as Error).message);
  }
  return readAnswer(path, response, schema);
}

/** Sends a file as multipart/form-data in the field `file` (the import endpoint's contract). */
export async function uploadFile<T>(path: string, file: File, schema: z.ZodType<T>): Promise<T> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { Accept: "application/json" }, body: form });
  } catch (error) {
    throw new ApiError("network", (error as Error).message);
  }
  return readAnswer(path, response, schema);
}

/** A download from the API: the body and the file name the server gave it. */
export async function getFile(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  let response: Response;
  try {
    response = await fetch(path);
  } catch (error) {
    throw new ApiError("network", (error as Error).message);
  }
  if (!response.ok) await readAnswer(path, response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get("Content-Disposition")) };
}

/** `attachment; filename="export.xlsx"; filename*=UTF-8''%E5%87%8C…` → the UTF-8 name when given. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : null;
}

/**
 * The answer's JSON, or null when it is not JSON. A read cut off by its AbortSignal (the
 * screen that asked was left) stays an AbortError, so callers drop it quietly instead of
 * reporting a malformed answer.
 */
async function readBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return null;
  }
}

async function readAnswer<T>(path: string, response: Response, schema?: z.ZodType<T>): Promise<T> {
  const body = response.status === 204 ? null : await readBody(response);
  if (!response.ok) {
    const parsed = ApiErrorBody.safeParse(body);
    const kind: ApiErrorKind = response.status === 404 ? "not-found" : response.status >= 500 ? "server" : "client";
    const error = parsed.success
      ? new ApiError(kind, parsed.data.error.message, response.status, parsed.data.error.code, parsed.data.error.details)
      : new ApiError(kind, `HTTP ${response.status}`, response.status);
    if (response.status === 401 && path.split("?")[0] !== SESSION_PATH) unauthenticatedListener?.(error);
    throw error;
  }
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError("bad-response", `Unexpected response from ${path}`, response.status, null, parsed.error.issues);
  }
  return parsed.data;
}
