import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionInfo, UserList, UserWithPassword } from "../../server/model/accounts.js";
import type { GraphStore } from "../../server/graph/store.js";
import { fetchWithSession, logInAt, startApp, startSampleApp, testPassword, type ApiFetch, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
let anonymous: ApiFetch;
beforeAll(async () => {
  app = await startSampleApp();
  anonymous = await app.as("anonymous");
});
afterAll(() => app.close());

const json = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const logIn = (username: string, password: string) => anonymous("/api/session", json({ username, password }));

describe("logging in and out", () => {
  it("sets an httpOnly, SameSite=Strict cookie, says who is logged in, and logs out", async () => {
    const res = await logIn("editor", testPassword("editor"));
    expect(res.status).toBe(200);
    expect(SessionInfo.parse(await res.json())).toEqual({ username: "editor", role: "editor" });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/chainatlas_session=\S+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);

    const session = fetchWithSession(app.url, /chainatlas_session=([^;]+)/.exec(cookie)![1]!);
    expect(await (await session("/api/session")).json()).toEqual({ username: "editor", role: "editor" });
    expect((await session("/api/zones")).status).toBe(200);
    const out = await session("/api/session", { method: "DELETE" });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/chainatlas_session=;/);
    expect((await session("/api/session")).status).toBe(401);
    expect((await session("/api/zones")).status).toBe(401);
  });

  it("refuses a wrong password with one message for every cause, and a missing field with a 400", async () => {
    for (const [username, password] of [["editor", "not the password"], ["nobody", "whatever-password"]]) {
      const res = await logIn(username!, password!);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "invalid_credentials", message: "用户名或密码不正确，或该用户已停用" } });
    }
    const missing = await logIn("editor", "");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: "validation_failed", details: [{ field: "body.password" }] } });
  });

  it("after five wrong passwords for a name, refuses even the right one for a while (429 with Retry-After)", async () => {
    for (let i = 0; i < 5; i++) expect((await logIn("viewer", `wrong-guess-${i}`)).status).toBe(401);
    const blocked = await logIn("viewer", testPassword("viewer"));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(await blocked.json()).toMatchObject({ error: { code: "too_many_attempts" } });
    // Another name from the same address is not blocked yet.
    expect((await logIn("admin", testPassword("admin"))).status).toBe(200);
  });
});

/** The queries `store` reads while `work` runs. */
async function readsDuring(store: GraphStore, work: () => Promise<void>): Promise<string[]> {
  const queries: string[] = [];
  const read = store.read.bind(store);
  store.read = (query, params) => (queries.push(query), read(query, params));
  try {
    await work();
  } finally {
    store.read = read;
  }
  return queries;
}

describe("sessions kept in memory", () => {
  it("knows a request's session without reading the graph, and ends it at once on logout", async () => {
    const session = fetchWithSession(app.url, await logInAt(app.url, "editor", testPassword("editor")));
    expect((await session("/api/session")).status).toBe(200);
    const reads = await readsDuring(app.store, async () => {
      for (let i = 0; i < 3; i++) expect((await session("/api/session")).status).toBe(200);
    });
    expect(reads).not.toContain("accounts/get-session");
    expect((await session("/api/session", { method: "DELETE" })).status).toBe(204);
    expect((await session("/api/session")).status).toBe(401);
  });

  it("ends every session of a user disabled, and lets one re-enabled log in again", async () => {
    const created = UserWithPassword.parse(await (await app.fetch("/api/users", json({ username: "li.si", role: "editor" }))).json());
    const session = fetchWithSession(app.url, await logInAt(app.url, "li.si", created.password!));
    expect((await session("/api/zones")).status).toBe(200);
    const patch = (body: unknown) => app.fetch("/api/users/li.si", { ...json(body), method: "PATCH" });
    expect((await patch({ version: 1, disabled: true })).status).toBe(200);
    expect((await session("/api/zones")).status).toBe(401);
    expect((await patch({ version: 2, disabled: false })).status).toBe(200);
    expect((await fetchWithSession(app.url, await logInAt(app.url, "li.si", created.password!))("/api/zones")).status).toBe(200);
  });

  it("drops what it keeps after a write that failed and may have committed", async () => {
    const session = fetchWithSession(app.url, await logInAt(app.url, "admin", testPassword("admin")));
    expect((await session("/api/session")).status).toBe(200);
    app.store.commits.forget();
    const reads = await readsDuring(app.store, async () => void expect((await session("/api/session")).status).toBe(200));
    expect(reads).toContain("accounts/get-session");
  });
});

describe("behind a reverse proxy", () => {
  it("with TRUST_PROXY, counts failed logins per client address, not for the proxy as a whole", async () => {
    const proxied = await startApp(async () => {}, { trustProxy: "loopback" });
    try {
      const from = (client: string) => (password: string) =>
        fetch(`${proxied.url}/api/session`, { ...json({ username: "viewer", password }), headers: { "content-type": "application/json", "x-forwarded-for": client } });
      for (let i = 0; i < 5; i++) expect((await from("203.0.113.7")(`wrong-${i}`)).status).toBe(401);
      expect((await from("203.0.113.7")(testPassword("viewer"))).status).toBe(429);
      expect((await from("198.51.100.2")(testPassword("viewer"))).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe("managing users (admins)", () => {
  it("adds a user with a password made up once, resets it, changes the role and disables", async () => {
    const created = await app.fetch("/api/users", json({ username: "Zhang.San", role: "viewer" }));
    expect(created.status).toBe(201);
    const { user, password } = UserWithPassword.parse(await created.json());
    expect(user).toMatchObject({ username: "zhang.san", role: "viewer", disabled: false, version: 1 });
    expect(password).toMatch(/^\S{12,}$/);
    await logInAt(app.url, "zhang.san", password!);

    const patch = (body: unknown) => app.fetch("/api/users/zhang.san", { ...json(body), method: "PATCH" });
    const reset = UserWithPassword.parse(await (await patch({ version: 1, resetPassword: true, role: "editor" })).json());
    expect(reset.user).toMatchObject({ role: "editor", version: 2 });
    expect(reset.password).not.toBe(password);
    expect((await logIn("zhang.san", password!)).status).toBe(401);
    await logInAt(app.url, "zhang.san", reset.password!);

    const stale = await patch({ version: 1, disabled: true });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "conflict", details: { current: { username: "zhang.san", version: 2 } } } });
    expect((await patch({ version: 2, disabled: true })).status).toBe(200);
    expect((await logIn("zhang.san", reset.password!)).status).toBe(401);

    const users = UserList.parse(await (await app.fetch("/api/users")).json());
    expect(users.find((u) => u.username === "zhang.san")).toMatchObject({ disabled: true, role: "editor" });
    expect(JSON.stringify(users)).not.toMatch(/argon2|passwordHash/);
  });

  it("refuses a duplicate name, a bad name and an admin locking themself out", async () => {
    const duplicate = await app.fetch("/api/users", json({ username: "editor", role: "viewer" }));
    expect(duplicate.status).toBe(409);
    const bad = await app.fetch("/api/users", json({ username: "张 三", role: "viewer" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { details: [{ field: "body.username" }] } });
    const users = UserList.parse(await (await app.fetch("/api/users")).json());
    const admin = users.find((u) => u.username === "admin")!;
    const self = await app.fetch("/api/users/admin", { ...json({ version: admin.version, disabled: true }), method: "PATCH" });
    expect(self.status).toBe(403);
  });
});
