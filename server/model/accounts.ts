/**
 * Accounts as the API shows them: roles, users and who is logged in. Shared by the
 * server (checks) and the client (forms, menus); no password hash ever leaves the server.
 */
import { z } from "zod";

export const ROLES = ["viewer", "editor", "admin"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** What each role may do; a higher role may do all a lower one may. */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, "用户名为 2–32 个字符：小写字母、数字、. _ -，以字母或数字开头");
export const Password = z.string().min(10, "密码至少 10 个字符").max(200, "密码最多 200 个字符");

export const User = z.object({
  username: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof User>;
export const UserList = z.array(User);

/** Who is logged in. */
export const SessionInfo = z.object({ username: z.string(), role: Role });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const LoginInput = z.object({ username: z.string().trim().min(1, "请填写用户名").max(64), password: z.string().min(1, "请填写密码").max(200) });

export const NewUserInput = z.object({ username: Username, role: Role, password: Password.optional() });
export const UserChangeInput = z
  .object({ version: z.number().int().min(1), role: Role.optional(), disabled: z.boolean().optional(), resetPassword: z.literal(true).optional() })
  .strict();

/** A created or changed user; `password` only when the server just made one up (shown once). */
export const UserWithPassword = z.object({ user: User, password: z.string().optional() });
export type UserWithPassword = z.infer<typeof UserWithPassword>;
