// The leading chains of each zone, in the zone's order of priority.
// params: $zoneId (or null for all)
// returns: zoneId, chainId, chainName, rank
MATCH (z:Zone)-[h:HAS_CHAIN]->(c:Chain)
WHERE $zoneId IS NULL OR z.id = $zoneId
RETURN z.id AS zoneId, c.id AS chainId, c.name AS chainName, h.rank AS rank
ORDER BY zoneId, rank
