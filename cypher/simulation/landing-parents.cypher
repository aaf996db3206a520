// The firms a firm belongs to (subsidiary or branch), one row per link: a landed subsidiary
// of a chain leader is the leader's own capacity, as a local one is. One firm per query,
// looked up by its key.
// params: $firmId
// returns: firmId, parentId, kind
MATCH (f:Firm {id: $firmId})-[r:BELONGS_TO]->(p:Firm)
RETURN f.id AS firmId, p.id AS parentId, r.kind AS kind
ORDER BY parentId
