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
 * Checked JSON text of answers that are sent again and again (cached maps, gaps,
 * rankings hand back the same object until the graph changes): checked and written once.
 */
const checkedText = new WeakMap<object, string>();

/** Sends a response after checking it against its published shape. */
export function sendJson<S extends z.ZodType>(res: Response, schema: S, data: z.infer<S>): void {
  if (typeof data !== "object" || data === null) {
    res.json(schema.parse(data));
    return;
  }
  let text = checkedText.get(data);
  if (text === undefined) checkedText.set(data, (text = JSON.stringify(schema.parse(data))));
  res.type("application/json").send(text);
}
