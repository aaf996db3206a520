import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Three kinds of tests (see CONVENTIONS.md): unit (pure logic), integration (real
 * embedded graph per file, real HTTP on port 0) and e2e (real Chromium).
 */
export default defineConfig({
  test: {
    // One file per core, not Vitest's default of one fewer: the integration and e2e files
    // spend much of their time waiting on Kùzu's threads and Chromium, so on CI's 2 cores
    // two files side by side take the suite from ≈ 20 to ≈ 15 minutes.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          // A few start worker threads; on a loaded 2-core machine that alone can pass 5 s.
          // Speed is the benchmark's to judge, not a unit test's.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          pool: "forks",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Against Neo4j every file shares one database, so files must not overlap.
          fileParallelism: !process.env.NEO4J_URI,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          pool: "forks",
          // Each file has its own server on port 0, graph and browser, so files run side by
          // side with each other and with the integration files (one pool of workers, one
          // per core). Turning this off would queue every e2e file after all the others.
          // Against Neo4j they share one database, as the integration files do.
          fileParallelism: !process.env.NEO4J_URI,
          // Whole journeys through the app: 90 s is seen on a loaded 2-core machine. The
          // limit catches a hang; speed is the benchmark's to judge.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Builds the client once so the in-process server can serve dist/client.
          globalSetup: ["test/e2e/build-client.ts"],
        },
      },
    ],
  },
});
