// As local-parents.cypher. Kùzu 0.11.3 plans the shared form as a scan of every firm
// (0.15–0.36 s at a million firms); the hint walks from the zone (5 ms, measured).
// params: $zoneId
// returns: firmId, parentId, kind
MATCH (z:Zone {id: $zoneId})<-[e:LOCATED_IN]-(f:Firm)-[r:BELONGS_TO]->(p:Firm)
HINT (((z JOIN e) JOIN f) JOIN r) JOIN p
RETURN f.id AS firmId, p.id AS parentId, r.kind AS kind
ORDER BY firmId, parentId
