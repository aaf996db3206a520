// The firm's own subsidiaries and branches.
// params: $id   returns: id, name, kind, source
MATCH (c:Firm)-[r:BELONGS_TO]->(f:Firm {id: $id})
RETURN c.id AS id, c.name AS name, r.kind AS kind, r.source AS source
ORDER BY id
