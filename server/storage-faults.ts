/**
 * A disk that is full, or that refuses a write (a file grown past the system's limit, a
 * failing disk, a file system turned read-only), is told apart from every other failure
 * in one place: the graph's writes, uploads, imports, backups and restores turn such an
 * error into a StorageFault, which the API answers with 507 and a message saying what
 * could not be written, where, what became of the change, and what to do
 * (docs/decisions/038-storage-faults.md).
 */
import { statfsSync } from "node:fs";

/** System errors that mean the disk would not take the bytes. */
const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: "磁盘已满",
  EDQUOT: "超出磁盘配额",
  EFBIG: "文件超出系统允许的大小",
  EIO: "磁盘读写出错",
  EROFS: "文件系统只读",
};

/** How Kùzu words the same errors ("… Error: No space left on device"). */
const KUZU_ERRNO_TEXT: Array<[RegExp, string]> = [
  [/No space left on device/i, "ENOSPC"],
  [/Disk quota exceeded/i, "EDQUOT"],
  [/File too large/i, "EFBIG"],
  [/Input\/output error/i, "EIO"],
  [/Read-only file system/i, "EROFS"],
];

export class StorageFault extends Error {
  readonly status = 507;
  constructor(
    /** ENOSPC, EFBIG, …; "short-write" when the system wrote part of the bytes and gave no reason (Kùzu reports "Error: Success"). */
    readonly errno: string,
    /** The file or folder that could not be written. */
    readonly where: string,
    options?: { cause?: unknown; freeBytes?: number; reserveBytes?: number },
  ) {
    super(storageMessage(errno, where, options), options);
    this.name = "StorageFault";
  }

  /** The API's error code: the disk is full, or it refused the write for another reason. */
  get code(): "disk_full" | "write_failed" {
    return this.errno === "ENOSPC" || this.errno === "EDQUOT" || this.errno === "low-space" ? "disk_full" : "write_failed";
  }
}

function storageMessage(errno: string, where: string, options: { freeBytes?: number; reserveBytes?: number } = {}): string {
  const mib = (bytes: number) => `${Math.floor(bytes / 2 ** 20)} MiB`;
  const what =
    errno === "low-space"
      ? `磁盘剩余空间只剩 ${mib(options.freeBytes ?? 0)}，低于为图谱保留的 ${mib(options.reserveBytes ?? 0)}（MIN_FREE_DISK_MIB）：为免图谱文件写到一半，暂停保存修改（${where}）。`
      : errno === "short-write"
        ? `无法写入 ${where}：磁盘只写入了一部分（磁盘已满，或文件超出系统允许的大小）。`
        : `无法写入 ${where}：${WRITE_ERRORS[errno] ?? errno}。`;
  const result = "这次操作没有写入任何内容，之前保存的数据都在。";
  const todo =
    errno === "EIO"
      ? "请检查磁盘（系统日志里的读写错误），修复后重试。"
      : errno === "EROFS"
        ? "请让该文件系统恢复可写后重试。"
        : "请清理或扩容该磁盘（或放宽文件大小限制）后重试。";
  return what + result + todo;
}

/**
 * The StorageFault an error stands for, or null when it is another kind of failure.
 * `where` names the place written when the error itself does not (Kùzu names its file).
 */
export function storageFault(error: unknown, where: string): StorageFault | null {
  if (error instanceof StorageFault) return error;
  if (!(error instanceof Error)) return null;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && code in WRITE_ERRORS) return new StorageFault(code, (error as NodeJS.ErrnoException).path ?? where, { cause: error });
  // Kùzu: "IO exception: Cannot write to file. path: /…/graph.kuzu.wal fileDescriptor: 30 offsetToWrite: … Error: No space left on device"
  const kuzu = /Cannot (?:write to|truncate|create|resize|open) file\.? (?:path: )?(\S+).*?Error: (.*)$/s.exec(error.message) ?? /IO exception: .*?path: (\S+).*?Error: (.*)$/s.exec(error.message);
  if (kuzu) {
    const errno = KUZU_ERRNO_TEXT.find(([text]) => text.test(kuzu[2]!))?.[1] ?? "short-write";
    return new StorageFault(errno, kuzu[1]!, { cause: error });
  }
  return error.cause ? storageFault(error.cause, where) : null;
}

/** Free bytes for an unprivileged writer on the file system holding `dir`. */
export function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return Number(stats.bavail) * Number(stats.bsize);
}

/**
 * Refuses, before anything is written, when the file system holding `dir` has less than
 * `reserveBytes` free: a write stopped here leaves no half-written file behind.
 */
export function ensureRoom(dir: string, reserveBytes: number): void {
  if (reserveBytes <= 0) return;
  const free = freeBytes(dir);
  if (free < reserveBytes) throw new StorageFault("low-space", dir, { freeBytes: free, reserveBytes });
}
