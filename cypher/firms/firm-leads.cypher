// Chains the firm leads, and in which zone.
// params: $id   returns: chainId, chainName, zoneId
MATCH (f:Firm {id: $id})-[l:LEADS]->(c:Chain)
RETURN c.id AS chainId, c.name AS chainName, l.zoneId AS zoneId
ORDER BY chainId
