/**
 * The route × role matrix, generated from the router: every API route, called by
 * anonymous, viewer, editor and admin, gets the status its policy says. A new route is
 * covered the day it is added: by default reads need a viewer and writes an editor.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.js";
import type { Role } from "../../server/model/accounts.js";
import { listRoutes, type RouteInfo } from "../support/routes.js";
import { startSampleApp, type ApiFetch, type RunningApp } from "../support/sample-app.js";

type Caller = Role | "anonymous";
const CALLERS: Caller[] = ["anonymous", "viewer", "editor", "admin"];

/** Who may call a route: nobody needs to log in for health and the session itself. */
function neededRole(route: RouteInfo): Role | "public" {
  if (route.path === "/api/health" || route.path === "/api/session") return "public";
  if (/^\/api\/(users|audit)(\/|$)/.test(route.path)) return "admin";
  if (route.path.startsWith("/api/settings/") && route.method !== "GET") return "admin";
  return route.method === "GET" ? "viewer" : "editor";
}

function expectedStatus(route: RouteInfo, caller: Caller): "allowed" | 401 | 403 {
  const needed = neededRole(route);
  // Asking who is logged in, without a session, is answered: nobody.
  if (route.method === "GET" && route.path === "/api/session" && caller === "anonymous") return 401;
  if (needed === "public") return "allowed";
  if (caller === "anonymous") return 401;
  return CALLERS.indexOf(caller) >= CALLERS.indexOf(needed) ? "allowed" : 403;
}

let app: RunningApp;
const callers = new Map<Caller, ApiFetch>();
beforeAll(async () => {
  app = await startSampleApp();
  for (const caller of CALLERS) callers.set(caller, await app.as(caller));
});
afterAll(() => app.close());

// Ids that exist nowhere: an allowed call ends in 400 or 404, never in a change.
const fill = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => `no-such-${name.toLowerCase()}`);

describe("the route × role matrix", () => {
  it("covers every route of the router, each with a policy", () => {
    const routes = listRoutes(createApp(app.store));
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain("GET /api/zones");
  });

  it("gives every caller the status its role allows, on every route", async () => {
    // Logging out last, so the other calls keep their sessions.
    const routes = listRoutes(createApp(app.store)).sort((a, b) => Number(a.path === "/api/session") - Number(b.path === "/api/session"));
    const wrong: string[] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        const init: RequestInit = route.method === "GET" || route.method === "DELETE" ? { method: route.method } : { method: route.method, headers: { "content-type": "application/json" }, body: "{}" };
        const res = await callers.get(caller)!(fill(route.path), init);
        await res.arrayBuffer();
        const expected = expectedStatus(route, caller);
        const ok = expected === "allowed" ? res.status !== 401 && res.status !== 403 && res.status < 500 : res.status === expected;
        if (!ok) wrong.push(`${route.method} ${route.path} as ${caller}: ${res.status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("answers 401 with a clear JSON error, and a request with a forged session cookie is anonymous", async () => {
    const forged = await fetch(`${app.url}/api/zones`, { headers: { cookie: "chainatlas_session=forged-token" } });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ error: { code: "unauthenticated", message: expect.stringContaining("登录") } });
  });
});
