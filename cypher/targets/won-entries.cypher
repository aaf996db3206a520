// Firms already won for the zone × chain: entries of its target lists at one of $statuses
// (已签约, 已落地). (Kept apart from won-projects: on Kùzu 0.11.3 a UNION of such matches crashes.)
// params: $zoneId, $chainId, $statuses
// returns: firmId, firmName, firmAliases, regionCode, listName, status
MATCH (e:ListEntry)-[:IN_LIST]->(l:TargetList), (e)-[:TARGETS]->(f:Firm)
WHERE l.zoneId = $zoneId AND l.chainId = $chainId AND e.status IN $statuses
RETURN f.id AS firmId, f.name AS firmName, f.aliases AS firmAliases, f.regionCode AS regionCode,
       l.name AS listName, e.status AS status
ORDER BY firmId, listName
