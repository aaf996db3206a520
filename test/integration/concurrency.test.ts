/**
 * Bursts of the same request at once, as a double-clicking user or a hostile script sends
 * them: every rule that a write must keep holds inside the write, so exactly one of them
 * changes the graph (with one audit entry) and the others get the answer a repeat gets.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditPage, TargetListDetail } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { LoginLimiter } from "../../server/accounts/login-limiter.js";
import { createUser, listUsers, updateUser } from "../../server/accounts/accounts.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { fetchWithSession, logInAt, startApp, testPassword, type ApiFetch, type RunningApp } from "../support/sample-app.js";

const BURST = 50;

let app: RunningApp;
beforeAll(async () => {
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(withCandidates(miniGraph()))]), {
    loginLimiter: new LoginLimiter({ perUser: 5, perAddress: 20, windowMs: 60_000 }),
  });
});
afterAll(() => app.close());

const call = async (path: string, method = "GET", body?: unknown, as: ApiFetch = app.fetch) => {
  const res = await as(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const burst = <T>(make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: BURST }, (_, i) => make(i)));
const statuses = (answers: { status: number }[]) => answers.map((a) => a.status).sort((a, b) => a - b);
const auditOf = async (entity: string, entityId: string) =>
  AuditPage.parse((await call(`/api/audit?entity=${entity}&entityId=${encodeURIComponent(entityId)}`)).body).items;

describe("the same write many times at once", () => {
  it("adds a firm to a list once; every other request is a 409 and writes nothing", async () => {
    const list = TargetListDetail.parse((await call("/api/lists", "POST", { name: "并发测试", zoneId: "lingyuan", chainId: "steel", firmIds: ["js-strip"] })).body);
    const editor = await app.as("editor");
    const answers = await burst(() => call(`/api/lists/${list.id}/entries`, "POST", { firmId: "sy-strip" }, editor));
    expect(statuses(answers)).toEqual([201, ...Array(BURST - 1).fill(409)]);
    const after = TargetListDetail.parse((await call(`/api/lists/${list.id}`)).body);
    const added = after.entries.filter((e) => e.firm.id === "sy-strip");
    expect(added).toHaveLength(1);
    expect(added[0]!.history).toHaveLength(1);
    expect(await auditOf("list-entry", added[0]!.id)).toHaveLength(1);
    // Taken off and put back, the firm is on the list again.
    expect((await call(`/api/lists/${list.id}/entries/${added[0]!.id}`, "DELETE", undefined, editor)).status).toBe(204);
    expect((await call(`/api/lists/${list.id}/entries`, "POST", { firmId: "sy-strip" }, editor)).status).toBe(201);
  });

  it("sets a chain leader once, with one audit entry; the others answer as a repeat does", async () => {
    const editor = await app.as("editor");
    const answers = await burst(() => call("/api/zones/lingyuan/chains/steel/leaders/ore-two", "PUT", undefined, editor));
    expect(statuses(answers)).toEqual([...Array(BURST - 1).fill(200), 201]);
    for (const answer of answers) expect(answer.body).toMatchObject({ firmId: "ore-two", chainId: "steel", zoneId: "lingyuan" });
    expect(await auditOf("chain-leader", "lingyuan|steel|ore-two")).toHaveLength(1);
  });

  it("creates a user once; every other request is a 409, none a 500", async () => {
    const answers = await burst(() => call("/api/users", "POST", { username: "twin", role: "viewer", password: "twin-password-1" }));
    expect(statuses(answers)).toEqual([201, ...Array(BURST - 1).fill(409)]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe("conflict");
    expect(await auditOf("user", "twin")).toHaveLength(1);
  });

  it("keeps an admin when two admins demote each other at the same moment", async () => {
    // Straight to the accounts service, so both changes are read before either is written
    // (over HTTP the loser's session might already be gone when it is checked).
    for (const name of ["ada", "bob"]) await createUser(app.store, { username: name, role: "admin", password: `${name}-password-1` }, "admin");
    await updateUser(app.store, "admin", { role: "editor" }, "ada");
    const outcomes = await Promise.allSettled([updateUser(app.store, "bob", { role: "viewer" }, "ada"), updateUser(app.store, "ada", { disabled: true }, "bob")]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "last_admin", status: 409 });
    expect((await listUsers(app.store)).filter((u) => u.role === "admin" && !u.disabled)).toHaveLength(1);
  });
});

describe("guessing passwords in parallel", () => {
  it("tries no more passwords than the limit allows, however many arrive at once", async () => {
    const anonymous = await app.as("anonymous");
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        anonymous("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "viewer", password: `wrong-guess-${i}` }) }),
      ),
    );
    const counted = statuses(answers);
    expect(counted.filter((s) => s === 401)).toHaveLength(5);
    expect(counted.filter((s) => s === 429)).toHaveLength(95);
    // Refused for now even with the right password: the name is locked for the window.
    expect((await anonymous("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "viewer", password: testPassword("viewer") }) })).status).toBe(429);
  });
});

describe("an unreadable session cookie", () => {
  it("is no session: 401 on the API, the page itself still served", async () => {
    const garbled = fetchWithSession(app.url, "%");
    for (const path of ["/api/session", "/api/zones", "/api/users"]) {
      const res = await garbled(path);
      expect(res.status, path).toBe(401);
      expect(((await res.json()) as any).error.code).toBe("unauthenticated");
    }
    expect((await garbled("/api/session", { method: "DELETE" })).status).toBe(204);
    expect((await garbled("/api/health")).status).toBe(200);
  });
});
