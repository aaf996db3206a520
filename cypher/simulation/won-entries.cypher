// Whether a firm is already won for the zone × chain: its entries in the zone × chain's
// target lists at one of $statuses (as targets/won-entries, for one firm looked up by its key).
// params: $firmId, $zoneId, $chainId, $statuses
// returns: firmId, firmName, firmAliases, regionCode, listName, status
MATCH (e:ListEntry)-[:TARGETS]->(f:Firm {id: $firmId}), (e)-[:IN_LIST]->(l:TargetList)
WHERE l.zoneId = $zoneId AND l.chainId = $chainId AND e.status IN $statuses
RETURN f.id AS firmId, f.name AS firmName, f.aliases AS firmAliases, f.regionCode AS regionCode,
       l.name AS listName, e.status AS status
ORDER BY listName
