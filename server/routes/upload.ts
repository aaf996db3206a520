/**
 * Receives one uploaded file (multipart field `file`) onto disk, streaming, within a size
 * limit and for the accepted types only. Nothing is kept when the upload is refused, is
 * malformed (no boundary, a broken part) or is cut off before its end: those are 400s. A
 * disk that will not take the file (full, or a write refused) is a 507 (storage-faults.ts).
 */
import busboy from "busboy";
import type { Request } from "express";
import { randomUUID } from "node:crypto";
import { chmodSync, createWriteStream, mkdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError, ValidationError } from "../errors.js";
import { storageFault } from "../storage-faults.js";

export interface Upload {
  path: string;
  /** The name on the user's machine. */
  fileName: string;
  bytes: number;
}

export interface ReceiveOptions {
  dir: string;
  /** The stored file's name without extension (default: a random one). */
  name?: string;
  maxBytes: number;
  extensions: string[];
}

const malformed = (why: string) =>
  new ValidationError(`The upload is not a complete multipart/form-data body (${why}). Send the file again, as multipart/form-data in a field named file.`, [
    { field: "body.file", message: why },
  ]);

export function receiveFile(req: Request, options: ReceiveOptions): Promise<Upload> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("multipart/form-data"))
    return Promise.reject(new ValidationError("Send the file as multipart/form-data in a field named file", [{ field: "body.file", message: "no multipart upload" }]));
  let form: busboy.Busboy;
  try {
    form = busboy({ headers: req.headers, limits: { files: 1, fileSize: options.maxBytes, fields: 10 }, defParamCharset: "utf8" });
  } catch (error) {
    // busboy refuses a content type without a boundary as it starts.
    return Promise.reject(malformed((error as Error).message));
  }
  // Uploads are firm lists: the server's user only (a folder made before is tightened).
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  chmodSync(options.dir, 0o700);
  return new Promise((resolve, reject) => {
    let target: string | null = null;
    let file: Readable | null = null;
    let upload: Promise<Upload> | null = null;
    let refused: Error | null = null;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(form);
      form.removeAllListeners("file");
      // The file being written is closed before it goes: its part will not end by itself.
      file?.destroy(error);
      const written = target;
      void (upload ?? Promise.resolve())
        .catch(() => undefined)
        .then(() => (written ? rm(written, { force: true }) : undefined))
        .then(() => reject(error));
    };
    const succeed = (value: Upload) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    form.on("file", (field, stream, info) => {
      const fileName = info.filename ?? "upload";
      const extension = path.extname(fileName).toLowerCase();
      if (field !== "file" || upload || refused) {
        stream.resume();
        return;
      }
      if (!options.extensions.includes(extension)) {
        stream.resume();
        refused = new AppError("unsupported_type", 415, `${fileName} is not a ${options.extensions.join(" or ")} file. Save the export as CSV or Excel (.xlsx) and upload it again.`, {
          field: "body.file",
          accepted: options.extensions,
        });
        return;
      }
      const stored = path.join(options.dir, `${options.name ?? randomUUID()}${extension}`);
      target = stored;
      file = stream;
      let bytes = 0;
      stream.on("data", (chunk: Buffer) => (bytes += chunk.length));
      upload = pipeline(stream, createWriteStream(stored, { mode: 0o600 })).then(async () => {
        if ((stream as { truncated?: boolean }).truncated) {
          await rm(stored, { force: true });
          throw new AppError("too_large", 413, `The file is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MiB. Split it into smaller files, or raise IMPORT_MAX_MIB.`, {
            field: "body.file",
            maxBytes: options.maxBytes,
          });
        }
        return { path: stored, fileName, bytes };
      });
      // Awaited on close; a failure meanwhile (the body cut off) is the form's failure too.
      // A disk that refuses the file fails the upload at once: the rest of the body is not read.
      upload.catch((error: unknown) => {
        const fault = storageFault(error, stored);
        if (fault) fail(fault);
      });
    });
    form.on("close", () => {
      if (refused) fail(refused);
      else if (!upload) fail(new ValidationError("No file in the upload: send it in a field named file", [{ field: "body.file", message: "missing" }]));
      else
        upload.then(succeed, (error: Error) => {
          if (error instanceof AppError) fail(error);
          // The disk would not take the file: a 507 that says so, not a malformed upload.
          else fail(storageFault(error, target ?? options.dir) ?? malformed(error.message));
        });
    });
    form.on("error", (error: Error) => fail(malformed(error.message)));
    // A client that goes away mid-body leaves the form waiting for the rest: end it.
    req.on("close", () => {
      if (!req.complete) fail(malformed("the body ended before its last part"));
    });
    req.pipe(form);
  });
}
