// The firm this one is a subsidiary or branch of. (Parent and children are two queries:
// a UNION of such matches crashes Kùzu 0.11.3.)
// params: $id   returns: id, name, kind, source
MATCH (f:Firm {id: $id})-[r:BELONGS_TO]->(p:Firm)
RETURN p.id AS id, p.name AS name, r.kind AS kind, r.source AS source
ORDER BY id
