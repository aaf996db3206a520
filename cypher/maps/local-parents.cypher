// The firms the zone's own firms belong to (as subsidiary or branch), one row per link:
// a chain leader's subsidiary in the zone is the leader's own capacity.
// params: $zoneId
// returns: firmId, parentId, kind
MATCH (:Zone {id: $zoneId})<-[:LOCATED_IN]-(f:Firm)-[r:BELONGS_TO]->(p:Firm)
RETURN f.id AS firmId, p.id AS parentId, r.kind AS kind
ORDER BY firmId, parentId
