/**
 * Accounts and sessions, both in the graph so that several app instances share them.
 * Passwords are hashed with argon2id; a session is a random token kept in an httpOnly
 * cookie, stored only as its SHA-256 hash.
 */
import argon2 from "argon2";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { GraphStore } from "../graph/store.js";
import { PreconditionFailed } from "../graph/store.js";
import { AppError, Conflict, NotFound } from "../errors.js";
import { parseRows } from "../services/rows.js";

export const ROLES = ["viewer", "editor", "admin"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const Username = z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, "2–32 characters: lower-case letters, digits, . _ -");
export const Password = z.string().min(10, "at least 10 characters").max(200);

export const User = z.object({ username: z.string(), role: Role, disabled: z.boolean(), createdAt: z.string(), updatedAt: z.string(), version: z.number().int() });
export type User = z.infer<typeof User>;
const StoredUser = User.extend({ passwordHash: z.string() });

/** Who is logged in, as routes see it. */
export interface SessionUser {
  username: string;
  role: Role;
}

/** What each role may do; a higher role may do all a lower one may. */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

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

export async function createUser(store: GraphStore, input: { username: string; role: Role; password: string }, now = new Date()): Promise<User> {
  const username = Username.parse(input.username);
  Password.parse(input.password);
  if (await storedUser(store, username)) throw new Conflict(`A user named ${username} exists already`, { username });
  await store.write([{ query: "accounts/create-user", rows: [{ username, role: input.role, passwordHash: await argon2.hash(input.password), at: now.toISOString() }] }]);
  const { passwordHash: _, ...user } = (await storedUser(store, username))!;
  return user;
}

/** Changes role, password or disabled state; a stale `version` is a 409. Logs the user out everywhere. */
export async function updateUser(
  store: GraphStore,
  username: string,
  change: { version?: number; role?: Role; password?: string; disabled?: boolean },
  now = new Date(),
): Promise<User> {
  const current = await storedUser(store, username);
  if (!current) throw new NotFound("user", username);
  if (change.version !== undefined && change.version !== current.version)
    throw new AppError("conflict", 409, "Someone changed this user since you loaded it.", { current: { ...current, passwordHash: undefined } });
  if (change.password !== undefined) Password.parse(change.password);
  try {
    await store.write([
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
    ]);
  } catch (error) {
    if (error instanceof PreconditionFailed) throw new AppError("conflict", 409, "Someone changed this user meanwhile; reload and try again.", { username });
    throw error;
  }
  const { passwordHash: _, ...user } = (await storedUser(store, username))!;
  return user;
}

/** Checks a password; returns a new session token, or null for a wrong name, password or a disabled user. */
export async function logIn(store: GraphStore, username: string, password: string, now = new Date()): Promise<{ token: string; user: SessionUser; expiresAt: Date } | null> {
  const user = await storedUser(store, username.trim().toLowerCase());
  // Hash anyway for an unknown name, so timing does not tell which names exist.
  const valid = user ? await argon2.verify(user.passwordHash, password) : (await argon2.hash(password), false);
  if (!user || !valid || user.disabled) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await store.write([{ query: "accounts/create-session", rows: [{ id: hashToken(token), username: user.username, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() }] }], { keepsCaches: true });
  return { token, user: { username: user.username, role: user.role }, expiresAt };
}

const SessionRow = z.object({ username: z.string(), role: Role, disabled: z.boolean(), expiresAt: z.string() });

export async function sessionUser(store: GraphStore, token: string, now = new Date()): Promise<SessionUser | null> {
  const [row] = parseRows(SessionRow, await store.read("accounts/get-session", { id: hashToken(token) }));
  if (!row || row.disabled || Date.parse(row.expiresAt) <= now.getTime()) return null;
  return { username: row.username, role: row.role };
}

export async function logOut(store: GraphStore, token: string): Promise<void> {
  await store.write([{ query: "accounts/delete-session", rows: [{ id: hashToken(token) }] }], { keepsCaches: true });
}
