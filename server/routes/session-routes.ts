/**
 * The routes open to everyone: health, and logging in and out. GET /api/session says
 * who is logged in (401 when nobody), so the client knows whether to show the login page.
 */
import { Router } from "express";
import type { GraphStore } from "../graph/store.js";
import { logIn, logOut } from "../accounts/accounts.js";
import { requestUser, SESSION_COOKIE, sessionCookie, sessionToken } from "../accounts/authenticate.js";
import { LoginLimiter } from "../accounts/login-limiter.js";
import { AppError } from "../errors.js";
import { Health } from "../model/api.js";
import { LoginInput, SessionInfo } from "../model/accounts.js";
import { parseInput, sendJson } from "./http.js";

export function sessionRoutes(store: GraphStore, limiter = new LoginLimiter()): Router {
  const router = Router();

  router.get("/health", (_req, res) => sendJson(res, Health, { status: "ok", engine: store.engine }));

  router.get("/session", async (req, res) => {
    const user = await requestUser(store, req);
    if (!user) throw new AppError("unauthenticated", 401, "未登录");
    sendJson(res, SessionInfo, user);
  });

  router.post("/session", async (req, res) => {
    const { username, password } = parseInput(LoginInput, req.body, "body");
    const address = req.ip ?? "unknown";
    const name = username.toLowerCase();
    const wait = limiter.attempt(address, name);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      res.setHeader("Retry-After", String(seconds));
      throw new AppError("too_many_attempts", 429, `登录失败次数过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`, { retryAfterSeconds: seconds });
    }
    const session = await logIn(store, name, password);
    if (!session) throw new AppError("invalid_credentials", 401, "用户名或密码不正确，或该用户已停用");
    limiter.succeeded(address, name);
    res.cookie(SESSION_COOKIE, session.token, sessionCookie(req, session.expiresAt));
    sendJson(res, SessionInfo, session.user);
  });

  router.delete("/session", async (req, res) => {
    const user = await requestUser(store, req);
    if (user) await logOut(store, sessionToken(req)!, user.username);
    res.clearCookie(SESSION_COOKIE, sessionCookie(req));
    res.status(204).end();
  });

  return router;
}
