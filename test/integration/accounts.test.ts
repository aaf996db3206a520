import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allows, countUsers, createUser, listUsers, logIn, logOut, sessionUser, updateUser } from "../../server/accounts/accounts.js";
import { graphVersion } from "../../server/services/read-cache.js";
import { openTestStore, type TestStore } from "../support/store.js";

let t: TestStore;
beforeAll(async () => {
  t = await openTestStore();
});
afterAll(() => t.close());

describe("accounts and sessions", () => {
  it("creates users with hashed passwords and logs them in and out", async () => {
    await createUser(t.store, { username: "wang", role: "editor", password: "correct horse battery" });
    expect(await countUsers(t.store)).toBe(1);
    expect(JSON.stringify(await listUsers(t.store))).not.toContain("correct horse");
    expect(await logIn(t.store, "wang", "wrong password")).toBeNull();
    expect(await logIn(t.store, "nobody", "correct horse battery")).toBeNull();
    const session = await logIn(t.store, "wang", "correct horse battery");
    expect(session?.user).toEqual({ username: "wang", role: "editor" });
    expect(await sessionUser(t.store, session!.token)).toEqual({ username: "wang", role: "editor" });
    await logOut(t.store, session!.token);
    expect(await sessionUser(t.store, session!.token)).toBeNull();
  });

  it("refuses a duplicate name, a short password and a malformed name", async () => {
    await expect(createUser(t.store, { username: "wang", role: "viewer", password: "another long one" })).rejects.toThrow(/exists/);
    await expect(createUser(t.store, { username: "li", role: "viewer", password: "short" })).rejects.toThrow(/10 characters/);
    await expect(createUser(t.store, { username: "Li Si!", role: "viewer", password: "long enough pw" })).rejects.toThrow();
  });

  it("a password reset or disabling logs the user out everywhere; a stale version is refused", async () => {
    const session = await logIn(t.store, "wang", "correct horse battery");
    const [user] = await listUsers(t.store);
    await updateUser(t.store, "wang", { version: user!.version, password: "a brand new password" });
    expect(await sessionUser(t.store, session!.token)).toBeNull();
    expect(await logIn(t.store, "wang", "correct horse battery")).toBeNull();
    await expect(updateUser(t.store, "wang", { version: user!.version, disabled: true })).rejects.toThrow(/changed this user/);
    await updateUser(t.store, "wang", { disabled: true });
    expect(await logIn(t.store, "wang", "a brand new password")).toBeNull();
  });

  it("sessions do not invalidate cached answers; roles are ordered", async () => {
    await createUser(t.store, { username: "zhao", role: "viewer", password: "zhao's password" });
    const version = await graphVersion(t.store);
    const session = await logIn(t.store, "zhao", "zhao's password");
    await logOut(t.store, session!.token);
    expect(await graphVersion(t.store)).toBe(version);
    expect(allows("admin", "editor")).toBe(true);
    expect(allows("viewer", "editor")).toBe(false);
  });
});
