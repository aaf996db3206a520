// As leader-outside-suppliers.cypher. Kùzu 0.11.3 plans the shared form as scans of every
// firm and supply tie (1.2–1.9 s at a million firms, load 10); the hint walks from the
// chain to its leaders and their suppliers, and the zone and segments are then matched
// from each supplier (0.26–0.39 s at the same load, measured; the same rows).
// params: $zoneId, $chainId
// returns: leaderId, leaderName, leaderAliases, supplierId, supplierName, supplierAliases,
//          supplierRegionCode, product, source, segmentId
MATCH (c:Chain {id: $chainId})<-[lead:LEADS]-(l:Firm)<-[r:SUPPLIES]-(sup:Firm)
WHERE lead.zoneId = $zoneId
HINT (((c JOIN lead) JOIN l) JOIN r) JOIN sup
OPTIONAL MATCH (sup)-[lz:LOCATED_IN]->(z:Zone {id: $zoneId})
WITH c, l, r, sup, z
WHERE z IS NULL
OPTIONAL MATCH (sup)-[o:OPERATES_IN]->(s:Segment)-[p:PART_OF]->(c)
RETURN l.id AS leaderId, l.name AS leaderName, l.aliases AS leaderAliases, sup.id AS supplierId,
       sup.name AS supplierName, sup.aliases AS supplierAliases, sup.regionCode AS supplierRegionCode,
       r.product AS product, r.source AS source, s.id AS segmentId
ORDER BY leaderId, supplierId, segmentId, product, source
