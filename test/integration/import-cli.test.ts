import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KuzuStore } from "../../server/graph/kuzu-store.js";
import { steelExport, writeExport } from "../support/enterprise-export.js";

// The CLI works on DATA_DIR directly, so these tests run only on the embedded engine.
const embedded = !process.env.NEO4J_URI;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-cli-test-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], dataDir = path.join(dir, "data")) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "server/cli/import.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: "" },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe.runIf(embedded)("npm run import", () => {
  it("exits 0 and prints a JSON report with --json; a dry run writes nothing", async () => {
    const file = writeExport(dir, "steel.csv", steelExport());
    const dry = cli([file, "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ committed: false, counts: { new: 3, rejected: 2 } });
    const real = cli([file, "--json", "--source", "公示系统"]);
    const report = JSON.parse(real.out);
    expect(report).toMatchObject({ committed: true, source: "公示系统", counts: { new: 3 }, placements: { counts: { placed: 3 } } });
    // Every row with its segments, confidence and evidence.
    const cold = report.placementRows.find((r: { name: string }) => r.name === "唐山冷轧精密带钢有限公司");
    expect(cold).toMatchObject({ row: 3, outcome: "new", segments: expect.arrayContaining([expect.objectContaining({ segmentId: "steel-cold-rolled-strip", linked: true })]) });
    expect(cold.segments[0].evidence.length).toBeGreaterThan(0);
    const again = cli([file]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("new 0, updated 0, unchanged 3, rejected 2");
    expect(again.out).toContain("firms placed in a segment 3");
  });

  it("exits 1 for a file it cannot import, 2 for wrong usage", () => {
    const junk = path.join(dir, "junk.csv");
    writeFileSync(junk, "a,b\n1,2\n");
    expect(cli([junk]).code).toBe(1);
    expect(cli([path.join(dir, "missing.csv")]).code).toBe(1);
    expect(cli([]).code).toBe(2);
    expect(cli(["a.csv", "--bogus"]).code).toBe(2);
  });

  it("exits 3 and says so when a running server holds the graph", async () => {
    const dataDir = path.join(dir, "held");
    const held = await KuzuStore.open(path.join(dataDir, "graph.kuzu"));
    try {
      const result = cli([writeExport(dir, "s.csv", steelExport())], dataDir);
      expect(result.code).toBe(3);
      expect(result.err).toMatch(/in use by another process/);
    } finally {
      await held.close();
    }
  });
});
