// 链主: the firm leads the chain in the zone.
// params: $firmId, $chainId, $zoneId, $source   returns: nothing
MATCH (f:Firm {id: $firmId})
MATCH (c:Chain {id: $chainId})
MERGE (f)-[r:LEADS {zoneId: $zoneId}]->(c)
SET r.source = $source
