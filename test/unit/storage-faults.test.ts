import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureRoom, freeBytes, StorageFault, storageFault } from "../../server/storage-faults.js";

describe("storageFault", () => {
  it("reads Kùzu's refusals: the file, and the reason when the system gave one", () => {
    const full = storageFault(new Error("IO exception: Cannot write to file. path: /srv/data/graph.kuzu fileDescriptor: 36 offsetToWrite: 65822720 numBytesToWrite: 4096 numBytesWritten: -1. Error: No space left on device"), "/elsewhere");
    expect(full).toBeInstanceOf(StorageFault);
    expect([full!.errno, full!.where, full!.code]).toEqual(["ENOSPC", "/srv/data/graph.kuzu", "disk_full"]);
    expect(full!.message).toMatch(/^无法写入 \/srv\/data\/graph\.kuzu：磁盘已满。这次操作没有写入任何内容，之前保存的数据都在。请清理或扩容该磁盘/);
    const cut = storageFault(new Error("IO exception: Cannot write to file. path: /srv/data/graph.kuzu.wal fileDescriptor: 30 offsetToWrite: 2186 numBytesToWrite: 2099 numBytesWritten: 1910. Error: Success"), "/elsewhere");
    expect([cut!.errno, cut!.where, cut!.code]).toEqual(["short-write", "/srv/data/graph.kuzu.wal", "write_failed"]);
    expect(storageFault(new Error("IO exception: Cannot write to file. path: /a/b fileDescriptor: 1 offsetToWrite: 0 numBytesToWrite: 1 numBytesWritten: -1. Error: File too large"), "x")!.errno).toBe("EFBIG");
  });

  it("reads Node's refusals by their code, and those wrapped as a cause", () => {
    const efbig = Object.assign(new Error("EFBIG: file too large, write"), { code: "EFBIG" });
    expect([storageFault(efbig, "/srv/up/x.csv")!.errno, storageFault(efbig, "/srv/up/x.csv")!.where]).toEqual(["EFBIG", "/srv/up/x.csv"]);
    const wrapped = new Error("The import failed", { cause: Object.assign(new Error("EIO"), { code: "EIO", path: "/srv/stage/Firm.csv" }) });
    expect([storageFault(wrapped, "x")!.errno, storageFault(wrapped, "x")!.where]).toEqual(["EIO", "/srv/stage/Firm.csv"]);
    expect(storageFault(wrapped, "x")!.message).toMatch(/请检查磁盘/);
  });

  it("leaves every other failure alone", () => {
    expect(storageFault(Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" }), "x")).toBeNull();
    expect(storageFault(new Error("Binder exception: Table Firm does not exist."), "x")).toBeNull();
    expect(storageFault("not an error", "x")).toBeNull();
  });
});

describe("ensureRoom", () => {
  it("refuses, naming the folder and both figures, when the disk has less free than the room asked for", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "chainatlas-room-"));
    try {
      writeFileSync(path.join(dir, "x"), "x");
      expect(() => ensureRoom(dir, 1)).not.toThrow();
      expect(() => ensureRoom(dir, 0)).not.toThrow();
      const more = freeBytes(dir) + 2 ** 40;
      expect(() => ensureRoom(dir, more)).toThrow(StorageFault);
      expect(() => ensureRoom(dir, more)).toThrow(new RegExp(`磁盘剩余空间只剩 \\d+ MiB，低于为图谱保留的 ${Math.floor(more / 2 ** 20)} MiB（MIN_FREE_DISK_MIB）.*${dir}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
