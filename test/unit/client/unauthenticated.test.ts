import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, getJson, onUnauthenticated, sendJson } from "../../../client/src/api/client";

function answerWith(status: number, body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } })));
}

const unauthenticated = { error: { code: "unauthenticated", message: "请先登录", details: null } };
let stop: (() => void) | null = null;

afterEach(() => {
  stop?.();
  vi.unstubAllGlobals();
});

describe("a request without a valid session", () => {
  it("when any API request answers 401, then the app is told (to show the login page)", async () => {
    const heard = vi.fn();
    stop = onUnauthenticated(heard);
    answerWith(401, unauthenticated);
    await expect(getJson({ path: "/api/zones", schema: z.array(z.unknown()) })).rejects.toBeInstanceOf(ApiError);
    await expect(sendJson("PATCH", "/api/firms/x", { version: 1 })).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it("a failed login or the session check is not a lost session", async () => {
    const heard = vi.fn();
    stop = onUnauthenticated(heard);
    answerWith(401, { error: { code: "invalid_credentials", message: "x", details: null } });
    await expect(sendJson("POST", "/api/session", { username: "a", password: "b" })).rejects.toMatchObject({ code: "invalid_credentials" });
    answerWith(401, unauthenticated);
    await expect(getJson({ path: "/api/session", schema: z.unknown() })).rejects.toMatchObject({ status: 401 });
    expect(heard).not.toHaveBeenCalled();
  });

  it("a 403 (role too low) is no reason to log in again", async () => {
    const heard = vi.fn();
    stop = onUnauthenticated(heard);
    answerWith(403, { error: { code: "forbidden", message: "x", details: null } });
    await expect(sendJson("DELETE", "/api/firms/x?version=1")).rejects.toMatchObject({ status: 403, code: "forbidden" });
    expect(heard).not.toHaveBeenCalled();
  });
});
