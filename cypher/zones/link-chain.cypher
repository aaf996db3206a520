// A leading chain of a zone. params: $zoneId, $chainId, $rank   returns: nothing
MATCH (z:Zone {id: $zoneId})
MATCH (c:Chain {id: $chainId})
MERGE (z)-[r:HAS_CHAIN]->(c)
SET r.rank = $rank
