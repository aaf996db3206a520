/**
 * Vitest globalSetup for the e2e project: builds the client once into dist/client, which
 * the in-process server serves. Set E2E_SKIP_BUILD=1 to reuse an existing build.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("../../", import.meta.url));

export default async function buildClient(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(`${root}dist/client/index.html`)) return;
  await build({ configFile: `${root}vite.config.ts`, logLevel: "warn" });
}
