import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImportJobWithReport } from "../../server/model/api.js";
import { benchChains, writeBenchExport } from "../../seed/generate/bench-data.js";
import { startSampleApp, type RunningApp } from "../support/sample-app.js";

// A large import commits while others read and edit: it succeeds, its job says so, and
// every read and edit meanwhile is answered (they wait for the commit, none times out).
// On the embedded graph a commit used to end in Kùzu's checkpoint giving up on the reads
// under way ("Timeout waiting for active transactions"), reported failed though committed.

const FIRMS = 12_000;
let app: RunningApp;
let file: string;
beforeAll(async () => {
  app = await startSampleApp();
  file = path.join(tmpdir(), `chainatlas-in-use-${process.pid}.csv`);
  await writeBenchExport(file, { firms: FIRMS, seed: 5, segments: benchChains({ chains: 1, segmentsPerChain: 20 }, 5).segments });
});
afterAll(async () => {
  await app.close();
  rmSync(file, { force: true });
});

describe("an import while the app is in use", () => {
  it("commits, says so, and every read and edit meanwhile is answered", async () => {
    const [before] = await app.store.read("admin/count-nodes");
    const links = (await app.store.read("firms/firm-segments", { id: "xuyang-coking" })).map((l) => String(l.segmentId));
    const versions = new Map<string, number>();
    let running = true;
    const failures: string[] = [];
    let reads = 0;
    let edits = 0;

    const reader = async () => {
      const paths = ["/api/zones", "/api/zones/lingyuan/chains/steel/map", "/api/imports", "/api/search?q=钢铁", "/api/firms/xuyang-coking", "/api/zones/lingyuan/chains/steel/gaps"];
      for (let i = 0; running; i++) {
        const res = await app.fetch(paths[i % paths.length]!);
        await res.arrayBuffer();
        if (res.status >= 500) failures.push(`GET ${paths[i % paths.length]} → ${res.status}`);
        reads++;
      }
    };
    const editor = async () => {
      for (let i = 0; running; i++) {
        const segmentId = links[i % links.length]!;
        const res = await app.fetch(`/api/firms/xuyang-coking/segments/${segmentId}`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version: versions.get(segmentId) ?? 1, products: `焦炭 ${i}`, confidence: 0.9 }),
        });
        const body = (await res.json()) as { version?: number };
        if (res.ok) versions.set(segmentId, body.version!);
        else failures.push(`PUT link → ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        edits++;
      }
    };
    const users = [reader(), reader(), reader(), editor()];

    const form = new FormData();
    form.append("file", new Blob([readFileSync(file)]), "firms.csv");
    const { id } = (await (await app.fetch("/api/imports?mode=commit", { method: "POST", body: form })).json()) as { id: string };
    let job: ImportJobWithReport;
    for (;;) {
      job = ImportJobWithReport.parse(await (await app.fetch(`/api/imports/${id}`)).json());
      if (job.status === "done" || job.status === "failed") break;
      await new Promise((r) => setTimeout(r, 200));
    }
    running = false;
    await Promise.all(users);

    expect(job.error, job.error ?? "").toBeNull();
    expect(job.status).toBe("done");
    expect(job.report?.counts.new).toBe(FIRMS);
    const [after] = await app.store.read("admin/count-nodes");
    expect(Number(after!.count)).toBeGreaterThanOrEqual(Number(before!.count) + FIRMS);
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(10);
    expect(edits).toBeGreaterThan(2);
  }, 300_000);
});
