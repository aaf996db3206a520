import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../../server/accounts/accounts.js";
import { KuzuStore } from "../../server/graph/kuzu-store.js";

// The CLI works on DATA_DIR directly, so these tests run only on the embedded engine.
const embedded = !process.env.NEO4J_URI;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "chainatlas-user-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function user(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "server/cli/user.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dir, NEO4J_URI: "" },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function canLogIn(username: string, password: string) {
  const store = await KuzuStore.open(path.join(dir, "graph.kuzu"));
  try {
    return (await logIn(store, username, password)) !== null;
  } finally {
    await store.close();
  }
}

describe.runIf(embedded)("npm run user", () => {
  it("adds a user with a made-up password printed once, resets it, disables and enables", async () => {
    const added = user("add", "Wang.Wu", "--role", "editor");
    expect(added.code).toBe(0);
    const password = /Password: (\S+)/.exec(added.out)?.[1];
    expect(password).toBeDefined();
    expect(await canLogIn("wang.wu", password!)).toBe(true);

    const reset = user("reset", "wang.wu", "--password", "a chosen password");
    expect(reset.code).toBe(0);
    expect(reset.out).not.toContain("a chosen password");
    expect(await canLogIn("wang.wu", password!)).toBe(false);
    expect(await canLogIn("wang.wu", "a chosen password")).toBe(true);

    expect(user("disable", "wang.wu").code).toBe(0);
    expect(await canLogIn("wang.wu", "a chosen password")).toBe(false);
    expect(user("list").out).toMatch(/wang\.wu\s+editor\s+disabled/);
    expect(user("enable", "wang.wu").code).toBe(0);
    expect(await canLogIn("wang.wu", "a chosen password")).toBe(true);
  });

  it("exits 1 with the reason for a refused change, 2 for wrong usage", () => {
    const duplicate = user("add", "wang.wu");
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain("已存在");
    const short = user("add", "li.si", "--password", "short");
    expect(short.code).toBe(1);
    expect(short.err).toContain("10 个字符");
    const unknown = user("reset", "nobody");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("nobody");
    expect(user("add", "li.si", "--role", "boss").code).toBe(2);
    expect(user("promote", "li.si").code).toBe(2);
    expect(user().code).toBe(2);
  });
});
