/**
 * Requests a careless client or another site sends: dates that do not exist, a zone that
 * does not exist, a body that is not JSON, a write from a page on another origin.
 * Each is refused at once with the error format, and nothing is written.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditPage, TargetListDetail } from "../../server/model/api.js";
import { ALL_REGIONS } from "../../server/regions/divisions.js";
import { recordSteps, regionSteps } from "../../server/services/graph-writer.js";
import { miniGraph, withCandidates } from "../fixtures/mini-graph.js";
import { steelExport, writeExport } from "../support/enterprise-export.js";
import { fetchWithSession, startApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-hostile-"));
  app = await startApp((store) => store.write([...regionSteps(ALL_REGIONS), ...recordSteps(withCandidates(miniGraph()))]), {
    uploadDir: path.join(dir, "uploads"),
    allowedOrigins: ["https://planning.example.cn"],
  });
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (path: string, method = "GET", body?: unknown, headers: Record<string, string> = {}) => {
  const res = await app.fetch(path, { method, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as any) };
};
const steelFile = (form: FormData) => form.append("file", new Blob([readFileSync(writeExport(dir, "steel.csv", steelExport()))]), "steel.csv");
const auditCount = async () => AuditPage.parse((await call("/api/audit?limit=500")).body).items.length;

describe("dates that do not exist", () => {
  const impossible = ["2026-02-31", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10"];

  it("are refused for a firm's foundedOn and asOf, naming the field", async () => {
    for (const date of impossible) {
      const founded = await call("/api/firms", "POST", { name: "日期测试有限公司", regionCode: "211382", foundedOn: date });
      expect(founded.status, date).toBe(400);
      expect(founded.body.error.details).toEqual([expect.objectContaining({ field: "body.foundedOn" })]);
      const asOf = await call("/api/firms/ore-one", "PATCH", { version: 1, asOf: date });
      expect(asOf.status, date).toBe(400);
      expect(asOf.body.error.details).toEqual([expect.objectContaining({ field: "body.asOf" })]);
    }
    // A leap day that exists is a date.
    expect((await call("/api/firms", "POST", { name: "闰日测试有限公司", regionCode: "211382", foundedOn: "2024-02-29" })).status).toBe(201);
  });

  it("are refused for a list entry's nextContactOn and for the audit log's range", async () => {
    const list = TargetListDetail.parse((await call("/api/lists", "POST", { name: "日期", zoneId: "lingyuan", chainId: "steel", firmIds: ["js-strip"] })).body);
    const entry = list.entries[0]!;
    for (const date of impossible) {
      const res = await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, nextContactOn: date });
      expect(res.status, date).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: "body.nextContactOn" })]);
      expect((await call(`/api/audit?from=${date}`)).status, date).toBe(400);
    }
    // An instant where a day is expected is malformed too, not a server error.
    expect((await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, nextContactOn: "2026-12-01T10:00:00Z" })).status).toBe(400);
    expect((await call(`/api/lists/${list.id}/entries/${entry.id}`, "PATCH", { version: 1, nextContactOn: "2028-02-29" })).status).toBe(200);
  });
});

describe("an import into a zone that does not exist", () => {
  it("is a 400 naming query.zoneId before the file is read, and starts no job", async () => {
    const form = new FormData();
    steelFile(form);
    const res = await app.fetch("/api/imports?mode=dry-run&zoneId=atlantis", { method: "POST", body: form });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error.details).toEqual([expect.objectContaining({ field: "query.zoneId" })]);
    expect((await call("/api/imports")).body).toEqual([]);
  });
});

describe("a body that is not JSON", () => {
  it("is a 400 in the error format that names the body and says it is not JSON", async () => {
    const res = await app.fetch("/api/lists", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name": "清单",' });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as any;
    expect(error.code).toBe("invalid_json");
    expect(error.message).toMatch(/JSON/);
    expect(error.details).toEqual([{ field: "body", message: expect.stringMatching(/JSON/) }]);
  });
});

describe("writes from another origin", () => {
  const newList = (headers: Record<string, string>) => call("/api/lists", "POST", { name: "跨站", zoneId: "lingyuan", chainId: "steel", top: 1 }, headers);

  it("are refused with 403 when the Origin is not the app's own, imports included; nothing is written", async () => {
    const before = await auditCount();
    for (const origin of ["https://evil.example", "null", `http://127.0.0.1:1`, "http://localhost.evil.example"]) {
      const res = await newList({ origin });
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code).toBe("cross_origin");
    }
    const form = new FormData();
    steelFile(form);
    const upload = await app.fetch("/api/imports?mode=commit", { method: "POST", body: form, headers: { origin: "https://evil.example" } });
    expect(upload.status).toBe(403);
    expect((await call("/api/session", "DELETE", undefined, { origin: "https://evil.example" })).status).toBe(403);
    expect(await auditCount()).toBe(before);
    // Reads are not refused: a cross-origin page cannot read the answer anyway.
    expect((await call("/api/zones", "GET", undefined, { origin: "https://evil.example" })).status).toBe(200);
  });

  it("behind a trusted proxy, compare with the host the proxy was asked for (X-Forwarded-Host)", async () => {
    const proxied = await startApp(async () => undefined, { trustProxy: "loopback" });
    try {
      const admin = fetchWithSession(proxied.url, await proxied.sessionCookie("admin"));
      const post = (headers: Record<string, string>) =>
        admin("/api/users", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ username: `u${Math.random().toString(36).slice(2, 8)}`, role: "viewer" }) });
      expect((await post({ origin: "https://atlas.example.cn", "x-forwarded-host": "atlas.example.cn", "x-forwarded-proto": "https" })).status).toBe(201);
      expect((await post({ origin: "https://evil.example", "x-forwarded-host": "atlas.example.cn" })).status).toBe(403);
    } finally {
      await proxied.close();
    }
    // Not trusted, the header is anyone's to write.
    expect((await newList({ origin: "https://atlas.example.cn", "x-forwarded-host": "atlas.example.cn" })).status).toBe(403);
  });

  it("are let through from the app's own origin, from an origin on the allowed list, and without an Origin (scripts)", async () => {
    expect((await newList({ origin: app.url })).status).toBe(201);
    expect((await newList({ origin: "https://planning.example.cn" })).status).toBe(201);
    expect((await newList({})).status).toBe(201);
  });
});

describe("uploads waiting to be imported", () => {
  it("sit in a folder only the server's user may open", async () => {
    const form = new FormData();
    steelFile(form);
    expect((await app.fetch("/api/imports?mode=dry-run", { method: "POST", body: form })).status).toBe(202);
    expect(statSync(path.join(dir, "uploads")).mode & 0o777).toBe(0o700);
  });
});
