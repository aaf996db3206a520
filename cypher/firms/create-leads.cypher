// 链主, set by hand: the firm leads the chain in the zone; no row when it does already
// (checked inside the write, after settings/take-lock for the zone's leaders).
// params: $firmId, $chainId, $zoneId, $source   returns: firmId
MATCH (f:Firm {id: $firmId})
MATCH (c:Chain {id: $chainId})
WHERE NOT EXISTS { MATCH (f)-[l:LEADS]->(c) WHERE l.zoneId = $zoneId }
CREATE (f)-[:LEADS {zoneId: $zoneId, source: $source}]->(c)
RETURN f.id AS firmId
