// Each leading chain of each zone with its segments' local coverage.
// params: $zoneId (or null for all)
// returns: zoneId, chainId, chainName, rank, segmentCount, coveredCount
MATCH (z:Zone)-[h:HAS_CHAIN]->(c:Chain)<-[:PART_OF]-(s:Segment)
WHERE $zoneId IS NULL OR z.id = $zoneId
WITH z, c, h, s, COUNT { MATCH (z)<-[:LOCATED_IN]-(:Firm)-[:OPERATES_IN]->(s) } AS localFirms
RETURN z.id AS zoneId, c.id AS chainId, c.name AS chainName, h.rank AS rank,
       count(s) AS segmentCount, sum(CASE WHEN localFirms > 0 THEN 1 ELSE 0 END) AS coveredCount
ORDER BY zoneId, rank
