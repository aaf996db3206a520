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
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiErrorBody.safeParse(body);
    const kind: ApiErrorKind = response.status === 404 ? "not-found" : response.status >= 500 ? "server" : "client";
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(kind, message, response.status, code, details);
    }
    throw new ApiError(kind, `HTTP ${response.status}`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // Keep the zod issues for the console: they say exactly which field changed.
    console.error(`Unexpected response from ${path}`, parsed.error.issues);
    throw new ApiError("bad-response", `Unexpected response from ${path}`, response.status, null, parsed.error.issues);
  }
  return parsed.data;
}
