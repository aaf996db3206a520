/** Small helpers every route shares: parse input with zod, check output with zod. */
import type { Response } from "express";
import type { z } from "zod";
import { ValidationError, zodDetails } from "../errors.js";

/** Parses request input; a failure is a 400 naming each field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: "query" | "params" | "body"): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = zodDetails(parsed.error, location);
  const where = { query: "查询参数", params: "路径", body: "请求内容" }[location];
  throw new ValidationError(`${where}有误：${details.map((d) => `${d.field} ${d.message}`).join("；")}`, details);
}

/**
 * Answers that are sent again and again (cached maps, gaps, rankings hand back the same
 * object until the graph changes) are checked, written, encoded and given their ETag once:
 * a kept answer is then sent as the same bytes, with no work per request beyond the socket
 * (encoding and hashing a map of a million-firm zone per read took more of the event loop
 * than anything else under a team's load; docs/decisions/036-work-per-read-done-once.md).
 */
interface Encoded {
  /** The shape it was checked against: the same object sent as another shape is encoded again. */
  schema: z.ZodType;
  body: Buffer;
  /** Express's own ETag of the body (the app's `etag fn`), or none when the app turns them off. */
  etag: string | undefined;
}
const encoded = new WeakMap<object, Encoded>();

const JSON_TYPE = "application/json; charset=utf-8";

/** Sends a response after checking it against its published shape. */
export function sendJson<S extends z.ZodType>(res: Response, schema: S, data: z.infer<S>): void {
  if (typeof data !== "object" || data === null) {
    res.json(schema.parse(data));
    return;
  }
  let sent = encoded.get(data);
  if (sent === undefined || sent.schema !== schema) {
    const body = Buffer.from(JSON.stringify(schema.parse(data)), "utf8");
    const etagOf = res.app.get("etag fn") as ((body: Buffer) => string | undefined) | undefined;
    encoded.set(data, (sent = { schema, body, etag: typeof etagOf === "function" ? etagOf(body) : undefined }));
  }
  res.type(JSON_TYPE);
  if (sent.etag !== undefined) res.set("ETag", sent.etag);
  res.send(sent.body);
}
