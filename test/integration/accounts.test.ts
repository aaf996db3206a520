import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allows,
  countUsers,
  createUser,
  ensureInitialAdmin,
  listUsers,
  logIn,
  logOut,
  sessionUser,
  updateUser,
} from "../../server/accounts/accounts.js";
import { graphVersion } from "../../server/services/read-cache.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
let dataDir: string;
let adminFile: string;
beforeAll(async () => {
  t = await openTestStore();
  dataDir = await mkdtemp(path.join(tmpdir(), "chainatlas-admin-"));
  adminFile = path.join(dataDir, "initial-admin.txt");
});
afterAll(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function auditEntries() {
  const entries = [];
  for await (const row of t.store.scan("AuditEntry")) entries.push(row);
  return entries.sort((a, b) => String(a.at).localeCompare(String(b.at)));
}

describe("accounts and sessions", () => {
  it("creates the first admin once, with its password in a file only the owner can read", async () => {
    const password = await ensureInitialAdmin(t.store, dataDir);
    expect(password).toMatch(/^\S{12,}$/);
    expect(await readFile(adminFile, "utf8")).toContain(password!);
    expect((await stat(adminFile)).mode & 0o777).toBe(0o600);
    expect((await logIn(t.store, "admin", password!))?.user).toEqual({ username: "admin", role: "admin" });
    expect(await ensureInitialAdmin(t.store, dataDir)).toBeNull();
    expect(await countUsers(t.store)).toBe(1);
  });

  it("creates users with hashed passwords and logs them in and out", async () => {
    await createUser(t.store, { username: "wang", role: "editor", password: "correct horse battery" }, "admin");
    expect(await countUsers(t.store)).toBe(2);
    expect(JSON.stringify(await listUsers(t.store))).not.toContain("correct horse");
    expect(await logIn(t.store, "wang", "wrong password")).toBeNull();
    expect(await logIn(t.store, "nobody", "correct horse battery")).toBeNull();
    const session = await logIn(t.store, "wang", "correct horse battery");
    expect(session?.user).toEqual({ username: "wang", role: "editor" });
    expect(await sessionUser(t.store, session!.token)).toEqual({ username: "wang", role: "editor" });
    await logOut(t.store, session!.token, "wang");
    expect(await sessionUser(t.store, session!.token)).toBeNull();
  });

  it("refuses a duplicate name, a short password and a malformed name", async () => {
    await expect(createUser(t.store, { username: "wang", role: "viewer", password: "another long one" }, "admin")).rejects.toThrow(/已存在/);
    await expect(createUser(t.store, { username: "li", role: "viewer", password: "short" }, "admin")).rejects.toThrow(/10 个字符/);
    await expect(createUser(t.store, { username: "Li Si!", role: "viewer", password: "long enough pw" }, "admin")).rejects.toThrow();
  });

  it("a password reset or disabling logs the user out everywhere; a stale version is refused", async () => {
    const session = await logIn(t.store, "wang", "correct horse battery");
    const user = (await listUsers(t.store)).find((u) => u.username === "wang")!;
    await updateUser(t.store, "wang", { version: user.version, password: "a brand new password" }, "admin");
    expect(await sessionUser(t.store, session!.token)).toBeNull();
    expect(await logIn(t.store, "wang", "correct horse battery")).toBeNull();
    await expect(updateUser(t.store, "wang", { version: user.version, disabled: true }, "admin")).rejects.toMatchObject({ status: 409 });
    await updateUser(t.store, "wang", { disabled: true }, "admin");
    expect(await logIn(t.store, "wang", "a brand new password")).toBeNull();
  });

  it("every account change and every login is in the audit log, without password hashes", async () => {
    const entries = await auditEntries();
    expect(entries.map((e) => `${e.actor} ${e.action} ${e.entityId}`)).toEqual([
      "system user.create admin",
      "admin session.login admin",
      "admin user.create wang",
      "wang session.login wang",
      "wang session.logout wang",
      "wang session.login wang",
      "admin user.update wang",
      "admin user.update wang",
    ]);
    const disabling = entries.at(-1)!;
    expect(JSON.parse(String(disabling.before))).toMatchObject({ username: "wang", disabled: false });
    expect(JSON.parse(String(disabling.after))).toMatchObject({ username: "wang", disabled: true });
    expect(disabling.summary).toContain("停用");
    expect(JSON.stringify(entries)).not.toMatch(/argon2/);
  });

  it("a session ends after 14 days, and ended sessions are cleared as new ones begin", async () => {
    const start = new Date("2030-01-01T00:00:00Z");
    const old = await logIn(t.store, "admin", (await readFile(adminFile, "utf8")).match(/password: (\S+)/)![1]!, start);
    expect(await sessionUser(t.store, old!.token, new Date("2030-01-14T23:00:00Z"))).not.toBeNull();
    expect(await sessionUser(t.store, old!.token, new Date("2030-01-15T00:00:01Z"))).toBeNull();
    const sessionIds = async () => {
      const ids: unknown[] = [];
      for await (const row of t.store.scan("Session")) ids.push(row.id);
      return ids;
    };
    // The 2030 login cleared the sessions of today's tests, long ended by then.
    const before = await sessionIds();
    expect(before).toHaveLength(1);
    await createUser(t.store, { username: "qian", role: "viewer", password: "qian's password" }, "admin");
    await logIn(t.store, "qian", "qian's password", new Date("2030-02-01T00:00:00Z"));
    const after = await sessionIds();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toEqual(before[0]);
  });

  it("sessions do not invalidate cached answers; roles are ordered", async () => {
    await createUser(t.store, { username: "zhao", role: "viewer", password: "zhao's password" }, "admin");
    const version = await graphVersion(t.store);
    const session = await logIn(t.store, "zhao", "zhao's password");
    await logOut(t.store, session!.token, "zhao");
    expect(await graphVersion(t.store)).toBe(version);
    expect(allows("admin", "editor")).toBe(true);
    expect(allows("viewer", "editor")).toBe(false);
  });
});
