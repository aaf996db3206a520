/**
 * Roles and what each may do in the interface. The server decides (401/403); the client
 * only leaves out controls a person could not use anyway.
 */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** A higher role may do all a lower one may; no role (not logged in) may do nothing. */
export function allows(role: Role | null | undefined, needed: Role): boolean {
  if (!role) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** What a role may do, as the screens ask it. */
export interface Abilities {
  /** Change chains, segments, firms, links, lists, imports, profiles and flags. */
  edit: boolean;
  /** Manage users, settings such as the gap thresholds, and read the audit log. */
  admin: boolean;
}

export function abilitiesOf(role: Role | null | undefined): Abilities {
  return { edit: allows(role, "editor"), admin: allows(role, "admin") };
}
