/**
 * Receives one uploaded file (multipart field `file`) onto disk, streaming, within a size
 * limit and for the accepted types only. Nothing is kept when the upload is refused.
 */
import busboy from "busboy";
import type { Request } from "express";
import { randomUUID } from "node:crypto";
import { chmodSync, createWriteStream, mkdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { AppError, ValidationError } from "../errors.js";

export interface Upload {
  path: string;
  /** The name on the user's machine. */
  fileName: string;
  bytes: number;
}

export function receiveFile(req: Request, options: { dir: string; maxBytes: number; extensions: string[] }): Promise<Upload> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("multipart/form-data"))
    return Promise.reject(new ValidationError("Send the file as multipart/form-data in a field named file", [{ field: "body.file", message: "no multipart upload" }]));
  // Uploads are firm lists: the server's user only (a folder made before is tightened).
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  chmodSync(options.dir, 0o700);
  return new Promise((resolve, reject) => {
    let upload: Promise<Upload> | null = null;
    let refused: Error | null = null;
    const form = busboy({ headers: req.headers, limits: { files: 1, fileSize: options.maxBytes, fields: 10 }, defParamCharset: "utf8" });
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
      const target = path.join(options.dir, `${randomUUID()}${extension}`);
      let bytes = 0;
      stream.on("data", (chunk: Buffer) => (bytes += chunk.length));
      upload = pipeline(stream, createWriteStream(target, { mode: 0o600 })).then(async () => {
        if ((stream as { truncated?: boolean }).truncated) {
          await rm(target, { force: true });
          throw new AppError("too_large", 413, `The file is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MiB. Split it into smaller files, or raise IMPORT_MAX_MIB.`, {
            field: "body.file",
            maxBytes: options.maxBytes,
          });
        }
        return { path: target, fileName, bytes };
      });
    });
    form.on("close", () => {
      if (refused) reject(refused);
      else if (!upload) reject(new ValidationError("No file in the upload: send it in a field named file", [{ field: "body.file", message: "missing" }]));
      else upload.then(resolve, reject);
    });
    form.on("error", reject);
    req.pipe(form);
  });
}
