// Deletes a segment still at $version that no firm, project or list entry points at; its
// FEEDS links, flags and pending suggestions go with it.
// params: $id, $version
// returns: id (no row when the segment is gone, was changed meanwhile or came into use)
MATCH (s:Segment {id: $id})
WHERE coalesce(s.version, 1) = $version
  AND NOT EXISTS { MATCH (:Firm)-[:OPERATES_IN]->(s) }
  AND NOT EXISTS { MATCH (:Project)-[:BUILDS]->(s) }
  AND NOT EXISTS { MATCH (:ListEntry)-[:FILLS]->(s) }
WITH s, s.id AS id
DETACH DELETE s
RETURN id
