// The chains one firm leads and where, by its key.
// params: $id
// returns: chainId, zoneId
MATCH (f:Firm {id: $id})-[l:LEADS]->(c:Chain)
HINT (f JOIN l) JOIN c
RETURN c.id AS chainId, l.zoneId AS zoneId
