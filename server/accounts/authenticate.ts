/**
 * Who is asking, and may they: the session cookie is read on every API request; reads
 * need a viewer, writes an editor, and routers for users, settings and audit add
 * requireRole("admin") on top.
 */
import type { CookieOptions, Request, RequestHandler, Response } from "express";
import type { GraphStore } from "../graph/store.js";
import { AppError } from "../errors.js";
import { allows, type Role, type SessionUser, sessionUser } from "./accounts.js";

export const SESSION_COOKIE = "chainatlas_session";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);


/** The cookie's attributes: script cannot read it and other sites cannot send it. */
export function sessionCookie(req: Request, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/", ...(expires ? { expires } : {}) };
}

export function sessionToken(req: Request): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === SESSION_COOKIE) {
      const value = part.slice(at + 1).trim();
      if (value === "") return null;
      try {
        return decodeURIComponent(value);
      } catch {
        // Not percent-encoding we could have set (e.g. "%"): no session, like an unknown token.
        return null;
      }
    }
  }
  return null;
}

/** Who the request's session cookie belongs to, or null for none, an unknown or an ended one. */
export async function requestUser(store: GraphStore, req: Request): Promise<SessionUser | null> {
  const token = sessionToken(req);
  return token ? sessionUser(store, token) : null;
}

/** 401 without a valid session; otherwise the user is kept for currentUser(). */
export function authenticate(store: GraphStore): RequestHandler {
  return async (req, res, next) => {
    const user = await requestUser(store, req);
    if (!user) {
      next(new AppError("unauthenticated", 401, "请先登录（会话不存在或已过期）"));
      return;
    }
    res.locals.user = user;
    next();
  };
}

/** 403 unless the logged-in user has at least `role`. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const user = currentUser(res);
    next(allows(user.role, role) ? undefined : new AppError("forbidden", 403, `此操作需要“${ROLE_NAMES[role]}”或更高权限`, { needed: role, role: user.role }));
  };
}

/** Reads need a viewer, anything that changes data an editor. */
export const requireDefaultRole: RequestHandler = (req, res, next) => requireRole(READ_METHODS.has(req.method) ? "viewer" : "editor")(req, res, next);

export const ROLE_NAMES: Record<Role, string> = { viewer: "查看", editor: "编辑", admin: "管理员" };

/** The user authenticate() found; only valid on routes behind it. */
export function currentUser(res: Response): SessionUser {
  const user = res.locals.user as SessionUser | undefined;
  if (!user) throw new Error("currentUser() on a route that is not behind authenticate()");
  return user;
}
