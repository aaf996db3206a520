// Deletes a firm still at $version that no project or list entry points at; its own links
// (segments, zone, chains it leads, supply ties, suggestions) go with it.
// params: $id, $version
// returns: id (no row when the firm is gone, was changed meanwhile or came into use)
MATCH (f:Firm {id: $id})
WHERE coalesce(f.version, 1) = $version
  AND NOT EXISTS { MATCH (f)-[:INVESTS]->(:Project) }
  AND NOT EXISTS { MATCH (:ListEntry)-[:TARGETS]->(f) }
WITH f, f.id AS id
DETACH DELETE f
RETURN id
