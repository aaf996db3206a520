// params: $id
// returns: id, name, zoneId, investment, status, statusOn, description, source, segmentIds
MATCH (f:Firm {id: $id})-[:INVESTS]->(p:Project)-[:SITED_IN]->(z:Zone)
OPTIONAL MATCH (p)-[:BUILDS]->(s:Segment)
RETURN p.id AS id, p.name AS name, z.id AS zoneId, p.investment AS investment, p.status AS status,
       p.statusOn AS statusOn, p.description AS description, p.source AS source, collect(s.id) AS segmentIds
ORDER BY id
