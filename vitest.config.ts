import { defineConfig } from "vitest/config";

/**
 * Three kinds of tests (see CONVENTIONS.md): unit (pure logic), integration (real
 * embedded graph per file, real HTTP on port 0) and e2e (real Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.{ts,tsx}"] } },
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
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Builds the client once so the in-process server can serve dist/client.
          globalSetup: ["test/e2e/build-client.ts"],
        },
      },
    ],
  },
});
