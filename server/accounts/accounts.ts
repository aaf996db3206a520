/**
 * Accounts and sessions, both in the graph so that several app instances share them.
 * Passwords are hashed with argon2id; a session is a random token kept in an httpOnly
 * cookie, stored only as its SHA-256 hash.
 */
import argon2 from "argon2";
import { createHash, randomBytes } from "node:crypto";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { lockStep, PreconditionFailed } from "../graph/store.js";
import { AppError, Conflict, NotFound } from "../errors.js";
import { parseRows } from "../services/rows.js";
import { auditStep } from "../audit/audit.js";
import { storageFault } from "../storage-faults.js";
import { keptSession } from "./kept-sessions.js";
import { Password, Role, type SessionInfo, User, Username } from "../model/accounts.js";

export { allows, ROLES, Role, User } from "../model/accounts.js";

const StoredUser = User.extend({ passwordHash: z.string() });
type StoredUser = z.infer<typeof StoredUser>;

/** Who is logged in, as routes see it. */
export type SessionUser = SessionInfo;

const publicUser = ({ passwordHash: _, ...user }: StoredUser): User => user;

const SESSION_DAYS = 14;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}

export async function countUsers(store: GraphStore): Promise<number> {
  const [row] = await store.read("accounts/count-users");
  return Number(row?.count ?? 0);
}

export async function listUsers(store: GraphStore): Promise<User[]> {
  return parseRows(User, await store.read("accounts/list-users"));
}

async function storedUser(store: GraphStore, username: string) {
  return parseRows(StoredUser, await store.read("accounts/get-user", { username }))[0];
}

/** Adds a user; `actor` is who did it, for the audit log. */
export async function createUser(store: GraphStore, input: { username: string; role: Role; password: string }, actor: string, now = new Date()): Promise<User> {
  const username = Username.parse(input.username);
  Password.parse(input.password);
  if (await storedUser(store, username)) throw new Conflict(`用户名 ${username} 已存在`, { username });
  const at = now.toISOString();
  const user: User = { username, role: input.role, disabled: false, createdAt: at, updatedAt: at, version: 1 };
  try {
    await store.write(
      [
        { query: "accounts/create-user", rows: [{ username, role: input.role, passwordHash: await argon2.hash(input.password), at }], mustMatch: true },
        auditStep(actor, { action: "user.create", entity: "user", entityId: username, summary: `新用户 ${username}（${input.role}）`, before: null, after: user }, now),
      ],
      { keepsCaches: true },
    );
  } catch (error) {
    // Someone added the same name between the check above and this write.
    if (error instanceof PreconditionFailed) throw new Conflict(`用户名 ${username} 已存在`, { username });
    throw error;
  }
  return publicUser((await storedUser(store, username))!);
}

/**
 * Changes role, password or disabled state; a stale `version` is a 409. Logs the user out
 * everywhere. An enabled admin always remains: taking the last one away is a 409
 * `last_admin`, checked inside the write so that two admins demoting each other at the
 * same moment cannot both succeed.
 */
export async function updateUser(
  store: GraphStore,
  username: string,
  change: { version?: number; role?: Role; password?: string; disabled?: boolean },
  actor: string,
  now = new Date(),
): Promise<User> {
  const current = await storedUser(store, username);
  if (!current) throw new NotFound("user", username);
  const conflict = () => new AppError("conflict", 409, `用户 ${username} 已被他人修改，请刷新后再试`, { current: publicUser(current) });
  if (change.version !== undefined && change.version !== current.version) throw conflict();
  if (change.password !== undefined) Password.parse(change.password);
  const before = publicUser(current);
  const after: User = {
    ...before,
    role: change.role ?? current.role,
    disabled: change.disabled ?? current.disabled,
    updatedAt: now.toISOString(),
    version: current.version + 1,
  };
  const what = [
    after.role !== before.role ? `角色 ${before.role} → ${after.role}` : "",
    after.disabled !== before.disabled ? (after.disabled ? "停用" : "启用") : "",
    change.password !== undefined ? "重设密码" : "",
  ].filter(Boolean);
  const takesAdminAway = before.role === "admin" && !before.disabled && (after.role !== "admin" || after.disabled);
  try {
    await store.write([
      lockStep("users"),
      ...(takesAdminAway ? [{ query: "accounts/check-admin-remains", rows: [{ username }], mustMatch: true }] : []),
      {
        query: "accounts/update-user",
        mustMatch: true,
        rows: [
          {
            username,
            version: current.version,
            role: change.role ?? current.role,
            passwordHash: change.password !== undefined ? await argon2.hash(change.password) : current.passwordHash,
            disabled: change.disabled ?? current.disabled,
            at: now.toISOString(),
          },
        ],
      },
      { query: "accounts/delete-user-sessions", rows: [{ username }] },
      auditStep(actor, { action: "user.update", entity: "user", entityId: username, summary: `${username}：${what.join("，") || "无变化"}`, before, after }, now),
    ], { keepsCaches: true });
  } catch (error) {
    if (error instanceof PreconditionFailed && error.query === "accounts/check-admin-remains")
      throw new AppError("last_admin", 409, `${username} 是最后一位可用的管理员：请先让另一位用户成为管理员`, { username });
    if (error instanceof PreconditionFailed) throw conflict();
    throw error;
  }
  return publicUser((await storedUser(store, username))!);
}

/** Checks a password; returns a new session token, or null for a wrong name, password or a disabled user. */
export async function logIn(store: GraphStore, username: string, password: string, now = new Date()): Promise<{ token: string; user: SessionUser; expiresAt: Date } | null> {
  const user = await storedUser(store, username.trim().toLowerCase());
  // Hash anyway for an unknown name, so timing does not tell which names exist.
  const valid = user ? await argon2.verify(user.passwordHash, password) : (await argon2.hash(password), false);
  if (!user || !valid || user.disabled) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await store.write(
    [
      { query: "accounts/delete-expired-sessions", rows: [{ now: now.toISOString() }] },
      { query: "accounts/create-session", rows: [{ id: hashToken(token), username: user.username, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() }] },
      auditStep(user.username, { action: "session.login", entity: "user", entityId: user.username, summary: `${user.username} 登录`, before: null, after: null }, now),
    ],
    { keepsCaches: true },
  );
  return { token, user: { username: user.username, role: user.role }, expiresAt };
}

const SessionRow = z.object({ username: z.string(), role: Role, disabled: z.boolean(), expiresAt: z.string() });

export async function sessionUser(store: GraphStore, token: string, now = new Date()): Promise<SessionUser | null> {
  const id = hashToken(token);
  const row = await keptSession(store, id, async () => parseRows(SessionRow, await store.read("accounts/get-session", { id }))[0] ?? null);
  if (!row || row.disabled || Date.parse(row.expiresAt) <= now.getTime()) return null;
  return { username: row.username, role: row.role };
}

export async function logOut(store: GraphStore, token: string, username: string, now = new Date()): Promise<void> {
  await store.write(
    [
      { query: "accounts/delete-session", rows: [{ id: hashToken(token) }] },
      auditStep(username, { action: "session.logout", entity: "user", entityId: username, summary: `${username} 退出登录`, before: null, after: null }, now),
    ],
    { keepsCaches: true },
  );
}

export const INITIAL_ADMIN_FILE = "initial-admin.txt";

/**
 * On the first start (no users at all) creates `admin` with a random password, written
 * to DATA_DIR/initial-admin.txt readable by the owner only. Returns the password, or null
 * when users exist already.
 */
export async function ensureInitialAdmin(store: GraphStore, dataDir: string): Promise<string | null> {
  if ((await countUsers(store)) > 0) return null;
  const password = randomPassword();
  // The file first: an admin whose password could not be written down would lock everyone
  // out, and the next start, finding a user, would make no other. A file whose admin was
  // not created is written again at the next start.
  const file = path.join(dataDir, INITIAL_ADMIN_FILE);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `username: admin\npassword: ${password}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
  } catch (error) {
    throw storageFault(error, file) ?? error;
  }
  try {
    await createUser(store, { username: "admin", role: "admin", password }, "system");
  } catch (error) {
    await rm(file, { force: true });
    // Another instance sharing the graph created it first.
    if (error instanceof Conflict) return null;
    throw error;
  }
  return password;
}
