// The firms one firm belongs to, by its key.
// params: $id
// returns: parentId, kind
MATCH (f:Firm {id: $id})-[r:BELONGS_TO]->(p:Firm)
HINT (f JOIN r) JOIN p
RETURN p.id AS parentId, r.kind AS kind
