/**
 * Writes come from the app's own pages only. The session cookie is SameSite=Strict, so
 * browsers do not send it with another site's requests; refusing those requests by their
 * Origin as well covers what SameSite does not: a sibling subdomain (same site, another
 * origin), old browsers, and the login form itself (no cookie needed to log someone in
 * as the attacker). Requests without an Origin (scripts, curl, the CLIs) pass: they carry
 * no browser's ambient cookie unless their author put it there.
 */
import type { RequestHandler } from "express";
import { AppError } from "../errors.js";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether `origin` (the Origin header) names the host the request was sent to: `host` is
 * Express's req.host, the Host header or, behind a trusted proxy, X-Forwarded-Host.
 * The scheme is not compared: behind a proxy that ends TLS the app sees http while the
 * page is https, and an attacker cannot make another site's page carry this host.
 */
export function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const page = new URL(origin);
    if (page.protocol !== "http:" && page.protocol !== "https:") return false;
    return page.host === new URL(`${page.protocol}//${host}`).host;
  } catch {
    return false; // "null" (sandboxed frames, file://) or no URL at all
  }
}

/** 403 `cross_origin` for a state-changing request whose Origin is neither the app's own nor in `allowed`. */
export function sameOriginWrites(allowed: readonly string[] = []): RequestHandler {
  const allowedOrigins = new Set(allowed.map((o) => new URL(o).origin));
  return (req, _res, next) => {
    const origin = req.headers.origin;
    if (READ_METHODS.has(req.method) || origin === undefined || isOwnOrigin(origin, req.host) || allowedOrigins.has(origin)) {
      next();
      return;
    }
    next(
      new AppError("cross_origin", 403, `拒绝来自 ${origin} 的修改请求：只接受本站页面发出的修改。若经反向代理访问，请设 TRUST_PROXY 并让代理传递 X-Forwarded-Host，或把该来源加入 ALLOWED_ORIGINS`, {
        origin,
        host: req.host ?? null,
      }),
    );
  };
}
