// Every group link (BELONGS_TO: subsidiary or branch), for the links kept in memory.
// params: none
// returns: firmId, parentId, kind
MATCH (f:Firm)-[r:BELONGS_TO]->(p:Firm)
RETURN f.id AS firmId, p.id AS parentId, r.kind AS kind
