// The firms the given firms belong to (subsidiary or branch), one row per link: a landed
// subsidiary of a chain leader is the leader's own capacity, as a local one is.
// params: $firmIds
// returns: firmId, parentId, kind
MATCH (f:Firm)-[r:BELONGS_TO]->(p:Firm)
WHERE f.id IN $firmIds
RETURN f.id AS firmId, p.id AS parentId, r.kind AS kind
ORDER BY firmId, parentId
