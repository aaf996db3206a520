/**
 * Typed errors and the one middleware that turns them into JSON:
 * `{error: {code, message, details}}`, never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { StorageFault } from "./storage-faults.js";

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export class NotFound extends AppError {
  constructor(what: string, id: string) {
    super("not_found", 404, `${what} "${id}" does not exist`, { [what]: id });
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super("validation_failed", 400, message, details);
  }
}

export class Conflict extends AppError {
  constructor(message: string, details?: unknown) {
    super("conflict", 409, message, details);
  }
}

/** Field-level details from a zod error: where, and what is wrong there. */
export function zodDetails(error: ZodError, location: string) {
  return error.issues.map((issue) => ({
    field: [location, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", 404, `No API route ${req.method} ${req.path}`));
};

export function errorHandler(log: (error: unknown) => void = console.error): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    if (error instanceof AppError) {
      res.status(error.status).json({ error: { code: error.code, message: error.message, details: error.details ?? null } });
      return;
    }
    // A full disk, or one that refused a write: the message says what, where and what to do.
    if (error instanceof StorageFault) {
      log(error);
      const serving = "服务无需重启，浏览和查询不受影响。";
      res.status(error.status).json({ error: { code: error.code, message: error.message + serving, details: { where: error.where, errno: error.errno } } });
      return;
    }
    // Malformed JSON bodies and oversize payloads come from express' own parsers.
    if ((error as { type?: string }).type === "entity.parse.failed") {
      const reason = `请求正文不是有效的 JSON（${(error as Error).message}）`;
      res.status(400).json({ error: { code: "invalid_json", message: `${reason}：请发送 JSON 对象，并设 Content-Type: application/json`, details: [{ field: "body", message: reason }] } });
      return;
    }
    const status = (error as { status?: number }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: "bad_request", message: (error as Error).message, details: null } });
      return;
    }
    log(error);
    res.status(500).json({ error: { code: "internal", message: "Something went wrong on the server; it has been logged.", details: null } });
  };
}
