// Whether the firm leads the chain in the zone.
// params: $firmId, $chainId, $zoneId   returns: firmId, chainId, zoneId, source
MATCH (f:Firm {id: $firmId})-[l:LEADS]->(c:Chain {id: $chainId})
WHERE l.zoneId = $zoneId
RETURN f.id AS firmId, c.id AS chainId, l.zoneId AS zoneId, l.source AS source
