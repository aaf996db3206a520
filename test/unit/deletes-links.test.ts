/**
 * A write that deletes links has the embedded graph opened afresh after its next
 * checkpoint (docs/decisions/032-reopen-after-checkpointing-deleted-links.md); one that
 * deletes only nodes without links does not. Every query in cypher/ that deletes is
 * classified here, so a new one cannot slip by.
 */
import { describe, expect, it } from "vitest";
import { cypherQuery, cypherQueryNames } from "../../server/graph/cypher-files.js";
import { deletesLinks } from "../../server/graph/kuzu-store.js";

/** The queries that delete nodes only (nodes of tables without links, or a plain DELETE, which Kùzu refuses on a node with links). */
const NODES_ONLY = [
  "accounts/delete-expired-sessions",
  "accounts/delete-session",
  "accounts/delete-user-sessions",
  "firms/release-code",
  "imports/delete-placement-pages",
  "profiles/delete-profile",
  "projects/delete-changes",
  "scenarios/delete-scenario",
];

describe("deletesLinks", () => {
  it("tells every deleting query in cypher/ that deletes links from those that delete nodes only", () => {
    const deleting = cypherQueryNames("kuzu").filter((name) => /\bDELETE\b/i.test(cypherQuery(name, "kuzu").text));
    expect(deleting.length).toBeGreaterThan(NODES_ONLY.length);
    expect(deleting.filter((name) => !deletesLinks(cypherQuery(name, "kuzu").text))).toEqual(NODES_ONLY);
  });

  it("reads DETACH DELETE, relationships named in a list, and a node deleted apart", () => {
    expect(deletesLinks("MATCH (f:Firm {id: $id}) DETACH DELETE f")).toBe(true);
    expect(deletesLinks("MATCH (a)-[i:INVESTS]->(p)-[s :SITED_IN]->(z) DELETE p_old, s")).toBe(true);
    expect(deletesLinks("MATCH (a:Firm)-[r]->(b) DELETE r")).toBe(true);
    expect(deletesLinks("MATCH (s:Session) WHERE s.expiresAt <= $now DELETE s")).toBe(false);
    expect(deletesLinks("MATCH (s:Segment)-[:PART_OF]->(c:Chain) DELETE s")).toBe(false);
    expect(deletesLinks("MATCH (f:Firm)-[r:BELONGS_TO]->(p:Firm) RETURN r.kind")).toBe(false);
  });
});
