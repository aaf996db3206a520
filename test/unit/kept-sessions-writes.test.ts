/**
 * Sessions kept in memory (server/accounts/kept-sessions.ts) are dropped by the writes of
 * ACCOUNT_WRITES: every Cypher file that writes a Session or a User must be among them, so
 * a new way to end a session or disable a user cannot leave one standing.
 */
import { describe, expect, it } from "vitest";
import { ACCOUNT_WRITES } from "../../server/accounts/kept-sessions.js";
import { cypherText, WRITING_QUERIES } from "../support/writing-queries.js";

describe("writes that drop the kept sessions", () => {
  it("include every write naming a Session or a User, and the clearing of the graph", () => {
    const accounts = WRITING_QUERIES.filter((q) => /:(Session|User)\b/.test(cypherText(q)));
    expect(accounts.length).toBeGreaterThanOrEqual(6);
    expect(accounts.filter((q) => !ACCOUNT_WRITES.has(q))).toEqual([]);
    expect(ACCOUNT_WRITES.has("admin/delete-all")).toBe(true);
  });

  it("name only queries that write", () => {
    expect([...ACCOUNT_WRITES].filter((q) => !WRITING_QUERIES.includes(q))).toEqual([]);
  });
});
