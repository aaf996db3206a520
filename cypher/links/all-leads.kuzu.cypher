// Every chain leader (LEADS, with the zone it leads the chain in), for the links kept in memory.
// params: none
// returns: firmId, chainId, zoneId
MATCH (f:Firm)-[l:LEADS]->(c:Chain)
RETURN f.id AS firmId, c.id AS chainId, l.zoneId AS zoneId
