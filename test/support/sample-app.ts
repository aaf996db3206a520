/**
 * The real app on port 0 over a fresh graph seeded with the Chaoyang sample. Each app
 * has an admin, editor and viewer account; `fetch` calls the API as the admin, `as(role)`
 * as one of the others, `anonymous` without a session.
 */
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createApp, type AppOptions } from "../../server/app.js";
import { createUser, INITIAL_ADMIN_FILE } from "../../server/accounts/accounts.js";
import type { GraphStore } from "../../server/graph/store.js";
import type { Role } from "../../server/model/accounts.js";
import { loadSample } from "../../seed/load-sample.js";
import type { SampleGraph } from "../../seed/sample.js";
import { snapshotsSettled } from "../../server/services/history.js";
import { openTestStore } from "./store.js";

export type ApiFetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface RunningApp {
  url: string;
  store: GraphStore;
  /** Calls the API (a path such as "/api/zones") logged in as the admin. */
  fetch: ApiFetch;
  /** Calls the API as the admin with a JSON body (if any) and reads the JSON answer; anything but a 2xx throws, naming the call. */
  json<T>(path: string, init?: RequestInit): Promise<T>;
  /** Calls the API logged in with `role`, or without a session. */
  as(role: Role | "anonymous"): Promise<ApiFetch>;
  /** A session cookie value for `role`, e.g. to hand to a browser. */
  sessionCookie(role: Role): Promise<string>;
  close(): Promise<void>;
}

/** Each test account's password: the name repeated, long enough for the password rule. */
export const testPassword = (username: string) => `${username}-password`;
export const TEST_USERS: Record<Role, string> = { admin: "admin", editor: "editor", viewer: "viewer" };

/** Logs in through the API and gives back the session cookie's value. */
export async function logInAt(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`Could not log in as ${username}: HTTP ${res.status} ${await res.text()}`);
  const cookie = /chainatlas_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "");
  if (!cookie) throw new Error("The login answer set no session cookie");
  return cookie[1]!;
}

export function fetchWithSession(url: string, cookie: string | null): ApiFetch {
  return (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set("cookie", `chainatlas_session=${cookie}`);
    return fetch(url + path, { ...init, headers });
  };
}

export async function startApp(seed: (store: GraphStore) => Promise<void>, options: AppOptions = {}): Promise<RunningApp> {
  const test = await openTestStore();
  await seed(test.store);
  for (const [role, username] of Object.entries(TEST_USERS) as [Role, string][])
    await createUser(test.store, { username, role, password: testPassword(username) }, "system");
  const server = createApp(test.store, { logError: () => undefined, ...options }).listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  const cookies = new Map<Role, Promise<string>>();
  const sessionCookie = (role: Role) => {
    if (!cookies.has(role)) cookies.set(role, logInAt(url, TEST_USERS[role], testPassword(TEST_USERS[role])));
    return cookies.get(role)!;
  };
  const adminFetch = fetchWithSession(url, await sessionCookie("admin"));
  return {
    url,
    store: test.store,
    fetch: adminFetch,
    async json<T>(path: string, init: RequestInit = {}) {
      const response = await adminFetch(path, { ...init, headers: { "Content-Type": "application/json", ...init.headers } });
      if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    as: async (role) => fetchWithSession(url, role === "anonymous" ? null : await sessionCookie(role)),
    sessionCookie,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Snapshots taken after the last writes finish before the graph closes.
      await snapshotsSettled(test.store);
      await test.close();
    },
  };
}

export function startSampleApp(options: AppOptions & { sample?: SampleGraph } = {}): Promise<RunningApp> {
  return startApp((store) => loadSample(store, options.sample), options);
}

/**
 * For a server started as `npm start` does: logs in as the admin it created on first
 * start (password from DATA_DIR/initial-admin.txt) and calls the API as that admin.
 */
export async function initialAdminFetch(url: string, dataDir: string): Promise<ApiFetch> {
  const text = await readFile(path.join(dataDir, INITIAL_ADMIN_FILE), "utf8");
  const password = /^password: (.+)$/m.exec(text)?.[1];
  if (!password) throw new Error(`No password in ${INITIAL_ADMIN_FILE}`);
  return fetchWithSession(url, await logInAt(url, "admin", password.trim()));
}
