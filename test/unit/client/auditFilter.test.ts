import { describe, expect, it } from "vitest";
import { auditQuery, parseAuditFilter, writeAuditFilter } from "../../../client/src/model/auditFilter";

describe("the audit log's filters in the URL", () => {
  it("round-trips through the URL, leaving empty filters out", () => {
    const filter = { actor: "editor", entity: "firm", action: null, from: "2026-11-01", to: "2026-11-30" };
    const query = writeAuditFilter(filter);
    expect(query.toString()).toBe("actor=editor&entity=firm&from=2026-11-01&to=2026-11-30");
    expect(parseAuditFilter(query)).toEqual(filter);
  });

  it("drops malformed dates and blank text", () => {
    expect(parseAuditFilter(new URLSearchParams("from=yesterday&to=2026-13&actor=%20%20"))).toEqual({ actor: null, entity: null, action: null, from: null, to: null });
  });

  it("the API query adds the page size and the page's cursor", () => {
    expect(auditQuery({ actor: "admin" }, { limit: 50, cursor: "abc" })).toBe("actor=admin&limit=50&cursor=abc");
    expect(auditQuery({}, { limit: 50, cursor: null })).toBe("limit=50");
  });
});
