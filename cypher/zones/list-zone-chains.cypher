// Each leading chain of each zone with its segments' local coverage.
// (OPTIONAL MATCH + count rather than COUNT { … WHERE f.zoneId = z.id }: on Kùzu 0.11.3 a
// COUNT subquery correlated through WHERE returns wrong rows; see docs/decisions/002.)
// params: $zoneId (or null for all)
// returns: zoneId, chainId, chainName, rank, segmentCount, coveredCount
MATCH (z:Zone)-[h:HAS_CHAIN]->(c:Chain)<-[:PART_OF]-(s:Segment)
WHERE $zoneId IS NULL OR z.id = $zoneId
OPTIONAL MATCH (f:Firm)-[:OPERATES_IN]->(s)
WHERE f.zoneId = z.id
WITH z, c, h, s, count(f) AS localFirms
RETURN z.id AS zoneId, c.id AS chainId, c.name AS chainName, h.rank AS rank,
       count(s) AS segmentCount, sum(CASE WHEN localFirms > 0 THEN 1 ELSE 0 END) AS coveredCount
ORDER BY zoneId, rank
