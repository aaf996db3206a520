import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.js";
import { writeBackup } from "../../server/services/backup.js";
import { Random } from "../../seed/generate/random.js";
import { listRoutes } from "../support/routes.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

let app: RunningApp;
beforeAll(async () => {
  app = await startSampleApp();
});
afterAll(() => app.close());

const NASTY = ["", " ", "../../etc/passwd", "' OR 1=1 --", "\") DETACH DELETE n //", "%00", "<img src=x onerror=alert(1)>", "凌钢", "x".repeat(5000), "-1", "1e309", "NaN", "null", "[]", "{}", "lingyuan", "steel", "🙂", "\u0000"];

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 5 : 8)) {
    case 0: return r.pick(NASTY);
    case 1: return r.int(2) ? r.int(1_000_000) - 500_000 : r.next() * 1e12;
    case 2: return r.int(2) === 0;
    case 3: return null;
    case 4: return r.pick(["待接触", "已签约", "accept", "reject", "dry-run", "commit", "2026-11-22", "default", "jingjinji"]);
    case 5: return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: {
      const keys = ["name", "zoneId", "chainId", "top", "firmIds", "version", "by", "status", "note", "weights", "minFirms", "minCapital", "decision", "createdBy", "filters", "flaggedBy", "segmentId", "firmId", "investment"];
      return Object.fromEntries(Array.from({ length: r.int(5) }, () => [r.pick(keys), randomValue(r, depth + 1)]));
    }
  }
}

const fill = (routePath: string, r: Random) => routePath.replace(/:(\w+)/g, () => encodeURIComponent(String(r.pick(NASTY)) || "x"));

describe("fuzzing every API route", () => {
  it("answers random and malformed input without a server error, and changes nothing", async () => {
    const before = path.join(tmpdir(), `chainatlas-fuzz-before-${process.pid}.jsonl`);
    const after = path.join(tmpdir(), `chainatlas-fuzz-after-${process.pid}.jsonl`);
    await writeBackup(app.store, before);
    // Logging out is the one call meant to change state whatever it is sent.
    const routes = listRoutes(createApp(app.store)).filter((route) => !(route.method === "DELETE" && route.path === "/api/session"));
    expect(routes.length).toBeGreaterThan(25);
    const r = new Random(7);
    const failures: string[] = [];
    for (const route of routes) {
      for (let i = 0; i < 12; i++) {
        const query = new URLSearchParams(Object.entries({ q: r.pick(NASTY), limit: String(randomValue(r)), regions: r.pick(NASTY), mode: r.pick(NASTY), format: r.pick(NASTY) }).filter(() => r.int(2) === 0));
        const url = `${fill(route.path, r)}?${query}`;
        const malformed = i % 4 === 3;
        const body = route.method === "GET" || route.method === "DELETE" ? undefined : malformed ? "{\"broken\": " : JSON.stringify(randomValue(r));
        const res = await app.fetch(url, { method: route.method, headers: { "content-type": i % 6 === 5 ? "multipart/form-data; boundary=x" : "application/json" }, body });
        const text = await res.text();
        if (res.status >= 500) failures.push(`${route.method} ${url.slice(0, 200)} → ${res.status} ${text.slice(0, 200)}`);
        else if (res.status >= 400) expect(JSON.parse(text)).toHaveProperty("error.code");
      }
    }
    expect(failures).toEqual([]);
    await writeBackup(app.store, after);
    // Rows and counts; the checksum also covers the header's time.
    const rows = (file: string) => readFileSync(file, "utf8").trim().split("\n").slice(1, -1).sort().concat(JSON.stringify(JSON.parse(readFileSync(file, "utf8").trim().split("\n").at(-1)!).counts));
    expect(rows(after)).toEqual(rows(before));
  });
});
