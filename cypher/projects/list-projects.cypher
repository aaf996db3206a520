// Every project with its firm, zone and the segments it builds (one row per project × segment;
// a project building none has one row with a null segment).
// params: $projectId (or null for all)
// returns: id, name, investment, status, statusOn, description, source, version, createdAt, updatedAt,
//          firmId, firmName, firmAliases, zoneId, zoneName, segmentId, segmentName, chainId
MATCH (f:Firm)-[:INVESTS]->(p:Project)-[:SITED_IN]->(z:Zone)
WHERE $projectId IS NULL OR p.id = $projectId
OPTIONAL MATCH (p)-[:BUILDS]->(s:Segment)-[:PART_OF]->(c:Chain)
RETURN p.id AS id, p.name AS name, p.investment AS investment, p.status AS status, p.statusOn AS statusOn,
       p.description AS description, p.source AS source, coalesce(p.version, 1) AS version,
       p.createdAt AS createdAt, p.updatedAt AS updatedAt,
       f.id AS firmId, f.name AS firmName, f.aliases AS firmAliases, z.id AS zoneId, z.shortName AS zoneName,
       s.id AS segmentId, s.name AS segmentName, c.id AS chainId
ORDER BY id, segmentId
