// What the zone's chain leaders buy from firms outside the zone, with the supplier's
// segments in this chain (one row per segment; segmentId null when it has none here).
// params: $zoneId, $chainId
// returns: leaderId, leaderName, leaderAliases, supplierId, supplierName, supplierAliases,
//          supplierRegionCode, product, source, segmentId
MATCH (z:Zone {id: $zoneId})
MATCH (sup:Firm)-[r:SUPPLIES]->(l:Firm)-[lead:LEADS]->(c:Chain {id: $chainId})
WHERE lead.zoneId = $zoneId AND NOT EXISTS { MATCH (sup)-[:LOCATED_IN]->(z) }
OPTIONAL MATCH (sup)-[:OPERATES_IN]->(s:Segment)-[:PART_OF]->(c)
RETURN l.id AS leaderId, l.name AS leaderName, l.aliases AS leaderAliases, sup.id AS supplierId,
       sup.name AS supplierName, sup.aliases AS supplierAliases, sup.regionCode AS supplierRegionCode,
       r.product AS product, r.source AS source, s.id AS segmentId
ORDER BY leaderId, supplierId, segmentId, product, source
