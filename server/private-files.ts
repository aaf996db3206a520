/**
 * The graph holds password hashes and session keys, uploads and backups hold firm lists:
 * whatever the server or a command-line tool creates is readable by its user only
 * (folders 0700, files 0600), including the files Kùzu makes, which no option reaches.
 */
import { chmodSync, mkdirSync } from "node:fs";

export function keepFilesPrivate(dataDir?: string): void {
  process.umask(0o077);
  if (dataDir === undefined) return;
  // A folder made before (by an older version, or by hand) is tightened too.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
}
