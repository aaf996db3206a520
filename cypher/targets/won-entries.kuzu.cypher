// As won-entries.cypher. Kùzu 0.11.3 plans the shared form as a scan of every firm (0.4 s
// at a million firms, load 12); the hint walks from the target lists to their entries' firms.
// params: $zoneId, $chainId, $statuses
// returns: firmId, firmName, firmAliases, regionCode, listName, status
MATCH (l:TargetList)<-[il:IN_LIST]-(e:ListEntry)-[t:TARGETS]->(f:Firm)
WHERE l.zoneId = $zoneId AND l.chainId = $chainId AND e.status IN $statuses
HINT (((l JOIN il) JOIN e) JOIN t) JOIN f
RETURN f.id AS firmId, f.name AS firmName, f.aliases AS firmAliases, f.regionCode AS regionCode,
       l.name AS listName, e.status AS status
ORDER BY firmId, listName
