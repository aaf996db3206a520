/**
 * Real storage faults for tests, with no root mount and nothing mocked:
 * - a file-size limit set on a running process (`prlimit --pid`): every write that would
 *   grow a file past it fails with EFBIG (Node ignores SIGXFSZ), or writes part of its
 *   bytes — what a disk that refuses a write does to the graph's log;
 * - a small disk of its own: a tmpfs mounted in a private mount namespace (`unshare -m`),
 *   filled up and emptied from outside through `/proc/<pid>/root` — ENOSPC as a full disk
 *   gives it. It needs the right to make a mount namespace (root, or user namespaces);
 *   `smallDisk` fails, saying so, where it has none.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from "node:fs";
import { initialAdminFetch, type ApiFetch } from "./sample-app.js";

/** Every server and small disk started here and not yet ended: stopAll() ends them (a test that failed midway leaves none behind). */
const started = new Set<ChildProcess>();

export function stopAll(): void {
  for (const child of started) child.kill("SIGKILL");
  started.clear();
}

export interface RunningServer {
  process: ChildProcess;
  url: string;
  /** The admin's API, logged in with the password of DATA_DIR/initial-admin.txt. */
  api: ApiFetch;
  /** What the server printed (both outputs). */
  said(): string;
  /** Stops it (SIGTERM, or the signal given) and waits for its end; gives its exit code and signal. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `server/main.ts` on `dataDir` (as seen by the server) and logs in as the admin.
 * `prefix` runs it through another command (nsenter into a small disk's namespace);
 * `dataDirOutside` is the same folder as this process sees it.
 */
export async function startServer(dataDir: string, options: { env?: Record<string, string>; prefix?: string[]; dataDirOutside?: string } = {}): Promise<RunningServer> {
  const port = 20000 + (process.pid % 10000) + Math.floor(Math.random() * 5000);
  const command = [...(options.prefix ?? []), process.execPath, "--import", "tsx", "server/main.ts"];
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", NEO4J_URI: "", KUZU_BUFFER_POOL_MIB: "256", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  child.once("exit", () => started.delete(child));
  let said = "";
  const hear = (chunk: Buffer) => (said = (said + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", hear);
  child.stderr!.on("data", hear);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server stopped as it started (exit ${child.exitCode}, signal ${child.signalCode}): ${said}`);
    if (i > 600) {
      child.kill("SIGKILL");
      throw new Error(`The server did not start: ${said}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const api = await initialAdminFetch(url, options.dataDirOutside ?? dataDir).catch((error: Error) => {
    child.kill("SIGKILL");
    throw error;
  });
  return {
    process: child,
    url,
    api,
    said: () => said,
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Sets the largest file a running process may write (`"unlimited"` lifts it): writes past it fail with EFBIG. */
export function limitFileSize(pid: number, bytes: number | "unlimited"): void {
  const result = spawnSync("prlimit", ["--pid", String(pid), `--fsize=${bytes}:unlimited`], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`prlimit (util-linux) could not limit the file size of process ${pid}: ${result.error?.message ?? result.stderr}`);
}

export interface SmallDisk {
  /** The disk's folder as the processes started with `prefix` see it. */
  dir: string;
  /** The same folder as this process sees it. */
  outside: string;
  /** Runs a command inside the disk's mount namespace. */
  prefix: string[];
  /** Fills the disk to its last byte; gives the bytes the filler took. */
  fill(): number;
  /** Removes what fill() wrote. */
  free(): void;
  close(): void;
}

/** A tmpfs of `mib` MiB of its own at `dir`, seen only by processes started with `prefix`. */
export async function smallDisk(dir: string, mib: number): Promise<SmallDisk> {
  mkdirSync(dir, { recursive: true });
  const holder = spawn("unshare", ["-m", "--propagation", "private", "sh", "-c", `mount -t tmpfs -o size=${mib}m,mode=0700 tmpfs '${dir}' && echo mounted && exec sleep 3600`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(holder);
  holder.once("exit", () => started.delete(holder));
  let said = "";
  holder.stderr!.on("data", (chunk: Buffer) => (said += chunk.toString()));
  const mounted = await new Promise<boolean>((resolve) => {
    holder.stdout!.once("data", () => resolve(true));
    holder.once("exit", () => resolve(false));
    holder.once("error", () => resolve(false));
  });
  if (!mounted)
    throw new Error(
      `No small disk could be made for the full-disk tests (unshare -m and mount -t tmpfs need root or user namespaces): ${said.trim() || "unshare did not start"}. ` +
        `Run the tests as root, or enable unprivileged user namespaces.`,
    );
  const outside = `/proc/${holder.pid}/root${dir}`;
  let fillers = 0;
  return {
    dir,
    outside,
    prefix: ["nsenter", "-t", String(holder.pid), "-m", `--wd=${process.cwd()}`, "--"],
    fill() {
      const fd = openSync(`${outside}/filler-${fillers++}`, "w");
      const block = Buffer.alloc(1 << 16);
      let bytes = 0;
      try {
        for (;;) bytes += writeSync(fd, block);
      } catch {
        // full to the last 64 KiB; then to the last page
      }
      try {
        for (;;) bytes += writeSync(fd, block.subarray(0, 4096));
      } catch {
        // full
      }
      closeSync(fd);
      return bytes;
    },
    free() {
      for (const name of readdirSync(outside)) if (name.startsWith("filler-")) rmSync(`${outside}/${name}`);
    },
    close() {
      holder.kill("SIGKILL");
    },
  };
}
