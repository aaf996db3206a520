// The firm no longer leads the chain in the zone.
// params: $firmId, $chainId, $zoneId   returns: firmId (no row when it did not)
MATCH (f:Firm {id: $firmId})-[l:LEADS]->(c:Chain {id: $chainId})
WHERE l.zoneId = $zoneId
WITH l, f.id AS firmId
DELETE l
RETURN firmId
