/**
 * `npm run test:neo4j`: the integration suite against the Neo4j at NEO4J_URI (with
 * NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE). Each test file empties that database
 * first, so point it at a database you can lose. Without NEO4J_URI it says so and exits 0.
 */
import { spawnSync } from "node:child_process";

if (!process.env.NEO4J_URI) {
  console.log("test:neo4j skipped: set NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) to run the integration suite against Neo4j.");
  process.exit(0);
}
const result = spawnSync("npx", ["vitest", "run", "--project", "integration"], { stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
