// 链主 per zone and chain.
// params: $zoneId (or null for all)
// returns: zoneId, chainId, firmId, firmName, aliases
MATCH (f:Firm)-[l:LEADS]->(c:Chain)
WHERE $zoneId IS NULL OR l.zoneId = $zoneId
RETURN l.zoneId AS zoneId, c.id AS chainId, f.id AS firmId, f.name AS firmName, f.aliases AS aliases
ORDER BY zoneId, chainId, firmId
